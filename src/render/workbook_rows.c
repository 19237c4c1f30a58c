/* What the rating workbook holds, apart from how it is drawn: each project sheet's name and rows, and each practice's short statement. */
#include "render/workbook_rows.h"

#include <string.h>

#include "load/xmlnode.h"
#include "rate/rate.h"

/* The process attributes of method iso15504, in the order of
 * rate_attribute_ids: their names, and what each asks in a line of our own. */
static const struct {
	const char *title;
	const char *statement;
} attributes[RATE_ATTRIBUTES] = {
	{"Process performance",
	 "The area's base practices are carried out and produce what its purpose calls for."},
	{"Performance management",
	 "The area's work is planned, monitored and adjusted, with responsibilities and "
	 "resources assigned."},
	{"Work product management",
	 "The area's work products have stated requirements and are identified, reviewed "
	 "and kept under control."},
	{"Process definition",
	 "The organization keeps a standard process, with guidance for tailoring it, that "
	 "the area's work follows."},
	{"Process deployment",
	 "The standard process is tailored and used for the area, with the people, "
	 "infrastructure and data it needs."},
	{"Process measurement",
	 "Measures of the process and its products are defined, collected and analysed "
	 "against quantitative objectives."},
	{"Process control",
	 "The process is kept within limits by analysing its measures and acting on the "
	 "causes of variation."},
	{"Process innovation",
	 "Changes to the process are drawn from its measures, new ideas and new technology, "
	 "and weighed."},
	{"Process optimization",
	 "The changes chosen are rolled out in a managed way and their effect is measured "
	 "against the objectives."},
};

char *
workbook_first_sentence(const char *text)
{
	gchar **words = g_strsplit_set(text != NULL ? text : "", " \t\r\n", -1);
	GString *out = g_string_new(NULL);
	size_t i;

	for (i = 0; words[i] != NULL; i++) {
		const char *w = words[i];
		size_t n = strlen(w);
		const char *next = NULL;
		size_t k;

		if (n == 0)
			continue;
		if (out->len > 0)
			g_string_append_c(out, ' ');
		/* An ideographic full stop ends a sentence with no space after it. */
		if (strstr(w, "\xe3\x80\x82") != NULL) {
			g_string_append_len(out, w, strstr(w, "\xe3\x80\x82") - w + 3);
			break;
		}
		g_string_append(out, w);
		if (strchr(".!?", w[n - 1]) == NULL)
			continue;
		for (k = i + 1; words[k] != NULL && next == NULL; k++)
			if (*words[k] != '\0')
				next = words[k];
		if (next == NULL || !g_unichar_islower(g_utf8_get_char_validated(next, -1)))
			break;
	}
	g_strfreev(words);
	return g_string_free(out, FALSE);
}

/* The text of a model paragraph as a reader sees it: an empty <ref> stands
 * for what it points at, written as people write it. */
static void
append_text(const struct model *m, const xmlNode *node, GString *out)
{
	const xmlNode *c;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			g_string_append(out, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && xn_is(c, "ref") && c->children == NULL) {
			const char *to = xn_attr(c, "to");
			const struct model_gp *gp = to != NULL ? model_gp(m, to) : NULL;

			g_string_append(out, gp != NULL ? gp->label : to != NULL ? to : "");
		} else if (c->type == XML_ELEMENT_NODE) {
			append_text(m, c, out);
		}
	}
}

/* The first sentence of element (its first paragraph, when it has them). */
static char *
sentence_of(const struct model *m, const xmlNode *element)
{
	const xmlNode *p = xn_child(element, "p");
	GString *text = g_string_new(NULL);
	char *sentence;

	append_text(m, p != NULL ? p : element, text);
	sentence = workbook_first_sentence(text->str);
	g_string_free(text, TRUE);
	return sentence;
}

/* Every element named name below node, in document order. */
static void
collect(const struct model *m, const xmlNode *node, const char *name, const char *part,
        GHashTable *table)
{
	const xmlNode *c;

	for (c = node->children; c != NULL; c = c->next) {
		const char *id;
		const xmlNode *source;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!xn_is(c, name)) {
			collect(m, c, name, part, table);
			continue;
		}
		id = xn_attr(c, "id");
		source = xn_child(c, part);
		if (id != NULL && source != NULL)
			g_hash_table_insert(table, g_strdup(id), sentence_of(m, source));
	}
}

GHashTable *
workbook_statements_new(const struct model *m)
{
	GHashTable *table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	const xmlNode *root = xmlDocGetRootElement(m->doc);
	size_t k;

	if (root != NULL) {
		collect(m, root, "base-practice", "statement", table);
		collect(m, root, "generic-practice", "description", table);
	}
	for (k = 0; k < RATE_ATTRIBUTES; k++)
		g_hash_table_insert(table, g_strdup(rate_attribute_ids[k]),
		                    g_strdup(attributes[k].statement));
	return table;
}

/* The project's rating of id in area, or NULL. */
static const struct ap_rating *
rating_of(const struct ap_area *area, const char *id)
{
	size_t k;

	for (k = 0; area != NULL && k < area->n_ratings; k++)
		if (strcmp(area->ratings[k].ref, id) == 0)
			return &area->ratings[k];
	return NULL;
}

static void
add_row(GArray *rows, const struct model_pa *pa, const char *id, const char *title,
        GHashTable *statements, const struct ap_rating *rating)
{
	const char *statement = g_hash_table_lookup(statements, id);
	struct workbook_row row = {pa, id, title, statement != NULL ? statement : "", rating};

	g_array_append_val(rows, row);
}

GArray *
workbook_project_rows(const struct model *m, const struct appraisal *a, size_t p,
                      GHashTable *statements)
{
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(struct workbook_row));
	bool iso = a->method == RATE_ISO15504;
	size_t i, k;

	for (i = 0; i < m->n_pas; i++) {
		const struct model_pa *pa = &m->pas[i];
		const struct ap_area *area = a->projects[p].areas[i];

		if (a->excluded[i] != NULL)
			continue;
		for (k = 0; k < pa->n_bps; k++)
			add_row(rows, pa, pa->bps[k].id, pa->bps[k].title, statements,
			        rating_of(area, pa->bps[k].id));
		for (k = 0; k < m->n_gps; k++) {
			const struct ap_rating *r = rating_of(area, m->gps[k].id);

			if (!iso || r != NULL)
				add_row(rows, pa, m->gps[k].id, m->gps[k].title, statements, r);
		}
		for (k = 0; k < RATE_ATTRIBUTES; k++) {
			const struct ap_rating *r = rating_of(area, rate_attribute_ids[k]);

			if (iso || r != NULL)
				add_row(rows, pa, rate_attribute_ids[k], attributes[k].title,
				        statements, r);
		}
	}
	return rows;
}

char **
workbook_sheet_names(const struct appraisal *a)
{
	char **names = g_new0(char *, a->n_projects + 1);
	GHashTable *taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	size_t p;

	g_hash_table_add(taken, g_utf8_casefold("Read me", -1));
	g_hash_table_add(taken, g_utf8_casefold("Evidence", -1));
	for (p = 0; p < a->n_projects; p++) {
		const char *id = a->projects[p].id;
		char *folded = g_utf8_casefold(id, -1);

		if (g_utf8_strlen(id, -1) <= WORKBOOK_SHEET_NAME_MAX &&
		    !g_hash_table_contains(taken, folded)) {
			names[p] = g_strdup(id);
			g_hash_table_add(taken, folded);
		} else {
			names[p] = g_strdup_printf("Project %zu", p + 1);
			g_free(folded);
		}
	}
	g_hash_table_destroy(taken);
	return names;
}

unsigned
workbook_text_lines(const char *text, double width)
{
	long per_line = width >= 1 ? (long)width : 1;
	long used = 0;   /* characters on the current line, 0 before its first word */
	long word = 0;   /* characters of the word being read */
	unsigned lines = 1;
	const char *p;

	/* One pass, no copies: a workbook measures every cell of every row. */
	for (p = text != NULL ? text : "";; p = g_utf8_next_char(p)) {
		gunichar c = *p != '\0' ? g_utf8_get_char(p) : 0;

		if (c != 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
			/* Han, kana and hangul take two columns, as in a terminal. */
			word += g_unichar_iswide(c) ? 2 : 1;
			continue;
		}
		if (word > 0 && used > 0 && used + 1 + word <= per_line) {
			used += 1 + word;
		} else if (word > 0) {
			if (used > 0)
				lines++;
			/* A word longer than a line takes whole lines of its own. */
			lines += (unsigned)((word - 1) / per_line);
			used = word - (word - 1) / per_line * per_line;
		}
		word = 0;
		if (c == '\n') {
			lines++;
			used = 0;
		}
		if (c == 0)
			return lines;
	}
}

char *
workbook_cell_text(const char *text)
{
	GString *out = g_string_sized_new(strlen(text));
	const char *p;

	for (p = text; *p != '\0'; p++) {
		if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit(p[2]) && g_ascii_isxdigit(p[3]) &&
		    g_ascii_isxdigit(p[4]) && g_ascii_isxdigit(p[5]) && p[6] == '_')
			g_string_append(out, "_x005F");
		g_string_append_c(out, *p);
	}
	return g_string_free(out, FALSE);
}
