/* The import command: an appraisal team's rating sheet (CSV) put into the frame of a template appraisal. */
#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "cmd/commands.h"
#include "load/appraisal.h"
#include "load/csv.h"
#include "load/model.h"
#include "load/session.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"
#include "output.h"
#include "rate/results.h"

/* A note may hold 20,000 characters (the appraisal format's limit), which is
 * at most 80,000 bytes of UTF-8; 16 fields name the sheet's six columns and
 * a spreadsheet's stray ones in an error; 200,000 rows are twice a complete
 * appraisal at the format's limit of 100 projects. */
static const struct csv_limits sheet_limits = {80 * 1024, 16, 200000};
#define NOTE_MAX_CHARS 20000

enum column { COL_PROJECT, COL_AREA, COL_PRACTICE, COL_RATING, COL_EVIDENCE, COL_NOTE, N_COLUMNS };

static const char *const column_names[N_COLUMNS] = {
	"project", "process_area", "practice", "rating", "evidence", "note",
};
#define COLUMN_LIST "project, process_area, practice, rating, evidence and note"

/* The level a template's team claimed for one project's area, kept across
 * the replacement of its ratings. */
struct claim {
	char *level;
	long line;       /* of the template's <process-area>, for its errors */
};

/* What the sheet is checked against, read from the template before it is
 * validated: every look-up tolerates what the final check will report. */
struct frame {
	const char *display;
	xmlDoc *doc;
	xmlNode *root;
	bool iso15504;
	GPtrArray *project_ids;  /* const char *, in the template's order */
	GHashTable *projects;    /* id -> index + 1 */
	GHashTable *evidence;    /* id -> id */
	bool *excluded;          /* indexed like model->pas */
	GHashTable *claims;      /* "project\nPA" -> struct claim * */
};

/* One checked row. */
struct sheet_rating {
	const struct csv_row *row;
	const char *practice;
	const char *rating;
	char *evidence;          /* ids joined by single spaces, or NULL */
	char *note;              /* line ends as LF, or NULL */
	long rank;               /* model order within the area */
};

/* One project's ratings of one process area, as the sheet gives them. */
struct sheet_area {
	GPtrArray *ratings;      /* struct sheet_rating *, owned */
	GHashTable *seen;        /* practice id -> line of its row */
	long line;               /* of the area's first row */
};

/* Errors about a sheet printed before the rest are only counted: a sheet
 * with 100,000 bad rows gives a screenful, then how many more there were. */
#define SHEET_SHOWN_ERRORS 100

struct import {
	struct cli *c;
	const struct model *m;
	const char *sheet;       /* display name */
	unsigned hidden_errors;  /* past SHEET_SHOWN_ERRORS */
	int columns[N_COLUMNS];  /* field index of each column, -1 when absent */
	size_t n_columns;
	struct frame f;
	struct sheet_area **areas; /* [project * n_pas + area], NULL when not rated */
	GPtrArray *order;        /* struct sheet_rating *, in the sheet's order */
};

/* Raise a message of messages.h at a place in the sheet.  Errors are counted
 * (and the exit status kept) either way, but printed only while few. */
static void
sheet_report(struct import *im, long line, long col, enum diag_severity sev,
             enum exit_status status, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
sheet_report(struct import *im, long line, long col, enum diag_severity sev,
             enum exit_status status, const char *fmt, ...)
{
	va_list ap;

	struct diag *d = &im->c->diag;
	FILE *out = d->out;

	if (sev != DIAG_WARNING && d->errors >= SHEET_SHOWN_ERRORS) {
		d->out = NULL;
		im->hidden_errors++;
	}
	va_start(ap, fmt);
	diag_vreport(d, im->sheet, line, col, sev, status, fmt, ap);
	va_end(ap);
	d->out = out;
}

static void
claim_free(gpointer p)
{
	struct claim *cl = p;

	g_free(cl->level);
	g_free(cl);
}

/* ---- the template ---- */

static bool
load_frame(struct import *im, const char *path)
{
	struct frame *f = &im->f;
	const xmlNode *scope, *node;
	const char *method;

	f->display = strcmp(path, "-") == 0 ? "<stdin>" : path;
	f->project_ids = g_ptr_array_new();
	f->projects = g_hash_table_new(g_str_hash, g_str_equal);
	f->evidence = g_hash_table_new(g_str_hash, g_str_equal);
	f->excluded = g_new0(bool, im->m->n_pas ? im->m->n_pas : 1);
	f->claims = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, claim_free);
	f->doc = xmlload_file(path, NULL, &im->c->diag, NULL);
	if (f->doc == NULL)
		return false;
	f->root = xmlDocGetRootElement(f->doc);
	if (!xn_is(f->root, "appraisal") || f->root->ns == NULL ||
	    strcmp((const char *)f->root->ns->href, APPRAISAL_NS) != 0) {
		diag_report(&im->c->diag, f->display, xmlload_line(f->root), 0,
		            M_TEMPLATE_NOT_APPRAISAL, APPRAISAL_NS);
		return false;
	}
	scope = xn_child(f->root, "scope");
	method = xn_attr(scope, "method");
	f->iso15504 = method != NULL && strcmp(method, "iso15504") == 0;
	xn_each(ex, scope, "excluded") {
		const char *id = xn_attr(ex, "process-area");
		const struct model_pa *pa = id != NULL ? model_pa(im->m, id) : NULL;

		if (pa != NULL)
			f->excluded[appraisal_pa_index(im->m, pa)] = true;
	}
	xn_each(p, xn_child(f->root, "projects"), "project") {
		const char *id = xn_attr(p, "id");

		if (id == NULL || g_hash_table_contains(f->projects, id))
			continue;
		g_ptr_array_add(f->project_ids, (gpointer)id);
		g_hash_table_insert(f->projects, (gpointer)id,
		                    GSIZE_TO_POINTER((gsize)f->project_ids->len));
	}
	xn_each(it, xn_child(f->root, "evidence"), "item") {
		const char *id = xn_attr(it, "id");

		if (id != NULL)
			g_hash_table_insert(f->evidence, (gpointer)id, (gpointer)id);
	}
	for (node = xn_child(f->root, "ratings"); node != NULL; node = xn_next(node, "ratings")) {
		const char *pid = xn_attr(node, "project");

		xn_each(pa, node, "process-area") {
			const char *ref = xn_attr(pa, "ref"), *level = xn_attr(pa, "claimed-level");
			struct claim *cl;
			char *key;

			if (pid == NULL || ref == NULL || level == NULL)
				continue;
			key = g_strdup_printf("%s\n%s", pid, ref);
			if (g_hash_table_contains(f->claims, key)) {
				g_free(key);
				continue;
			}
			cl = g_new(struct claim, 1);
			cl->level = g_strdup(level);
			cl->line = xmlload_line(pa);
			g_hash_table_insert(f->claims, key, cl);
		}
	}
	return true;
}

static void
frame_free(struct frame *f)
{
	if (f->project_ids != NULL)
		g_ptr_array_free(f->project_ids, TRUE);
	if (f->projects != NULL)
		g_hash_table_destroy(f->projects);
	if (f->evidence != NULL)
		g_hash_table_destroy(f->evidence);
	if (f->claims != NULL)
		g_hash_table_destroy(f->claims);
	g_free(f->excluded);
	xmlFreeDoc(f->doc);
}

/* ---- the header ---- */

static bool
read_header(struct import *im, const struct csv_row *h)
{
	unsigned errors = im->c->diag.errors;
	size_t i, k;

	for (k = 0; k < N_COLUMNS; k++)
		im->columns[k] = -1;
	im->n_columns = h->n_fields;
	for (i = 0; i < h->n_fields; i++) {
		const struct csv_field *fd = &h->fields[i];
		long col = (long)i + 1;

		if (fd->len == 0) {
			sheet_report(im, fd->line, col, M_HEADER_COLUMN_UNNAMED, col,
			             COLUMN_LIST);
			continue;
		}
		for (k = 0; k < N_COLUMNS; k++)
			if (g_ascii_strcasecmp(fd->text, column_names[k]) == 0)
				break;
		if (k == N_COLUMNS) {
			sheet_report(im, fd->line, col, M_UNKNOWN_COLUMN, fd->text,
			             COLUMN_LIST);
		} else if (im->columns[k] >= 0) {
			sheet_report(im, fd->line, col, M_COLUMN_TWICE, column_names[k],
			             im->columns[k] + 1, col);
		} else {
			im->columns[k] = (int)i;
		}
	}
	for (k = 0; k <= COL_RATING; k++)
		if (im->columns[k] < 0)
			sheet_report(im, h->line, 0, M_HEADER_MISSING_COLUMN, column_names[k]);
	return im->c->diag.errors == errors;
}

/* ---- the rows ---- */

static const struct csv_field *
field(const struct import *im, const struct csv_row *row, enum column k)
{
	return im->columns[k] >= 0 ? &row->fields[im->columns[k]] : NULL;
}

static long
column_of(const struct import *im, enum column k)
{
	return im->columns[k] + 1;
}

/* A character XML 1.0 cannot hold (the text is valid UTF-8 already), or 0. */
static gunichar
non_xml_char(const char *s)
{
	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
			return c;
	}
	return 0;
}

static bool
blank_row(const struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n_fields; i++)
		if (row->fields[i].len > 0)
			return false;
	return true;
}

/* Check practice id of area pa; its rank in model order, or -1 after reporting. */
static long
check_practice(struct import *im, const struct csv_field *fd, long col,
               const struct model_pa *pa)
{
	const struct model *m = im->m;
	const char *id = fd->text;
	long rank = results_practice_rank(m, pa, id);

	if (g_str_has_prefix(id, "BP.")) {
		if (model_bp(m, id) == NULL)
			sheet_report(im, fd->line, col, M_UNKNOWN_BASE_PRACTICE, "", id);
		else if (model_bp_area(m, id) != pa)
			sheet_report(im, fd->line, col, M_BP_IN_OTHER_AREA, "", id,
			             model_bp_area(m, id)->id, pa->id);
		else
			return rank;
	} else if (g_str_has_prefix(id, "GP-")) {
		if (rank < 0)
			sheet_report(im, fd->line, col, M_UNKNOWN_GENERIC_PRACTICE, "", id);
		else
			return rank;
	} else if (rate_is_attribute_form(id)) {
		if (!im->f.iso15504)
			sheet_report(im, fd->line, col, M_ATTRIBUTE_NEEDS_ISO15504, "", id);
		else if (rank < 0)
			sheet_report(im, fd->line, col, M_UNKNOWN_ATTRIBUTE, "", id,
			             RATE_ATTRIBUTE_LIST);
		else
			return rank;
	} else {
		sheet_report(im, fd->line, col, M_UNKNOWN_PRACTICE, "", id);
	}
	return -1;
}

/* The evidence cell as the attribute's value: ids joined by one space, each
 * in the template's register.  NULL when the cell is empty or after an
 * error (*ok false). */
static char *
check_evidence(struct import *im, const struct csv_field *fd, long col, bool *ok)
{
	gchar **ids;
	GString *value;
	size_t i;

	if (fd == NULL)
		return NULL;
	ids = g_strsplit_set(fd->text, " \t\r\n", -1);
	value = g_string_new(NULL);
	for (i = 0; ids[i] != NULL; i++) {
		if (*ids[i] == '\0')
			continue;
		if (!g_hash_table_contains(im->f.evidence, ids[i])) {
			sheet_report(im, fd->line, col, M_EVIDENCE_NOT_REGISTERED, "", ids[i]);
			*ok = false;
		}
		if (value->len > 0)
			g_string_append_c(value, ' ');
		g_string_append(value, ids[i]);
	}
	g_strfreev(ids);
	if (!*ok || value->len == 0) {
		g_string_free(value, TRUE);
		return NULL;
	}
	return g_string_free(value, FALSE);
}

/* The note cell as the note's text: without the apostrophe a spreadsheet
 * export puts before a leading = + - @ (ssecmm's own export does), line
 * ends as LF, as an XML parser would give them.  NULL when empty or after
 * an error (*ok false). */
static char *
check_note(struct import *im, const struct csv_field *fd, long col, bool *ok)
{
	const char *s;
	GString *note;
	long n_chars;

	if (fd == NULL || fd->len == 0)
		return NULL;
	s = fd->text;
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r", s[1]) != NULL)
		s++;
	note = g_string_sized_new(fd->len);
	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			g_string_append_c(note, '\n');
			if (s[1] == '\n')
				s++;
		} else {
			g_string_append_c(note, *s);
		}
	}
	n_chars = g_utf8_strlen(note->str, (gssize)note->len);
	if (strspn(note->str, " \t\n") == note->len) {
		sheet_report(im, fd->line, col, M_NOTE_BLANK);
		*ok = false;
	} else if (n_chars > NOTE_MAX_CHARS) {
		sheet_report(im, fd->line, col, M_NOTE_TOO_LONG, n_chars, NOTE_MAX_CHARS);
		*ok = false;
	}
	if (!*ok) {
		g_string_free(note, TRUE);
		return NULL;
	}
	return g_string_free(note, FALSE);
}

static void
sheet_rating_free(gpointer p)
{
	struct sheet_rating *r = p;

	g_free(r->evidence);
	g_free(r->note);
	g_free(r);
}

static struct sheet_area *
area_for(struct import *im, size_t project, size_t pa, long line)
{
	struct sheet_area **slot = &im->areas[project * im->m->n_pas + pa];

	if (*slot == NULL) {
		*slot = g_new0(struct sheet_area, 1);
		(*slot)->ratings = g_ptr_array_new_with_free_func(sheet_rating_free);
		(*slot)->seen = g_hash_table_new(g_str_hash, g_str_equal);
		(*slot)->line = line;
	}
	return *slot;
}

/* Check one row; record it when it is sound. */
static void
read_row(struct import *im, const struct csv_row *row)
{
	const struct csv_field *fp = field(im, row, COL_PROJECT), *fa = field(im, row, COL_AREA),
	                       *fr = field(im, row, COL_PRACTICE), *fg = field(im, row, COL_RATING);
	const struct model_pa *pa = NULL;
	struct sheet_rating *r;
	struct sheet_area *area = NULL;
	gpointer project = NULL;
	enum rating rating = RATING_UNRATED;
	long rank = -1;
	bool ok = true;
	char *evidence, *note;
	size_t k;

	if (row->n_fields != im->n_columns) {
		size_t n = row->n_fields;

		sheet_report(im,
		             n > im->n_columns ? row->fields[im->n_columns].line
		                               : row->fields[n - 1].line,
		             n > im->n_columns ? (long)im->n_columns + 1 : (long)n,
		             M_ROW_FIELD_COUNT, n, n == 1 ? "" : "s", im->n_columns);
		return;
	}
	for (k = 0; k < N_COLUMNS; k++) {
		const struct csv_field *fd = field(im, row, (enum column)k);
		gunichar bad = fd != NULL ? non_xml_char(fd->text) : 0;

		if (bad != 0) {
			sheet_report(im, fd->line, column_of(im, (enum column)k),
			             M_CHARACTER_NOT_XML, (unsigned)bad);
			return;
		}
		if (k <= COL_RATING && fd->len == 0) {
			sheet_report(im, fd->line, column_of(im, (enum column)k),
			             M_EMPTY_KEY_FIELD, column_names[k]);
			ok = false;
		}
	}
	if (!ok)
		return;
	project = g_hash_table_lookup(im->f.projects, fp->text);
	if (project == NULL) {
		GString *known = g_string_new(NULL);
		size_t i;

		for (i = 0; i < im->f.project_ids->len; i++)
			g_string_append_printf(known, "%s%s", i > 0 ? ", " : "",
			                       (const char *)g_ptr_array_index(im->f.project_ids, i));
		sheet_report(im, fp->line, column_of(im, COL_PROJECT), M_SHEET_UNKNOWN_PROJECT,
		             fp->text, known->len ? known->str : "none");
		g_string_free(known, TRUE);
		ok = false;
	}
	pa = model_pa(im->m, fa->text);
	if (pa == NULL) {
		sheet_report(im, fa->line, column_of(im, COL_AREA), M_UNKNOWN_AREA,
		             fa->text);
		ok = false;
	} else if (im->f.excluded[appraisal_pa_index(im->m, pa)]) {
		sheet_report(im, fa->line, column_of(im, COL_AREA), M_SHEET_RATES_EXCLUDED,
		             pa->id, im->f.display);
		ok = false;
	} else {
		rank = check_practice(im, fr, column_of(im, COL_PRACTICE), pa);
		ok = ok && rank >= 0;
	}
	if (!rate_parse_rating(fg->text, &rating)) {
		sheet_report(im, fg->line, column_of(im, COL_RATING), M_UNKNOWN_RATING,
		             fg->text);
		ok = false;
	}
	evidence = check_evidence(im, field(im, row, COL_EVIDENCE), column_of(im, COL_EVIDENCE),
	                          &ok);
	note = check_note(im, field(im, row, COL_NOTE), column_of(im, COL_NOTE), &ok);
	if (ok && rating == RATING_NA && note == NULL) {
		sheet_report(im, fg->line, column_of(im, COL_RATING),
		             M_SHEET_NA_WITHOUT_RATIONALE, fr->text,
		             im->columns[COL_NOTE] >= 0 ? "write in the note why it does not apply"
		                                        : "add a note column saying why it does not apply");
		ok = false;
	}
	if (ok) {
		area = area_for(im, GPOINTER_TO_SIZE(project) - 1,
		                (size_t)appraisal_pa_index(im->m, pa), row->line);
		if (g_hash_table_contains(area->seen, fr->text)) {
			sheet_report(im, fr->line, column_of(im, COL_PRACTICE),
			             M_RATED_TWICE, fr->text, pa->id, fp->text,
			             (long)GPOINTER_TO_SIZE(g_hash_table_lookup(area->seen, fr->text)));
			ok = false;
		}
	}
	if (!ok) {
		g_free(evidence);
		g_free(note);
		return;
	}
	g_hash_table_insert(area->seen, (gpointer)fr->text, GSIZE_TO_POINTER((gsize)fr->line));
	r = g_new0(struct sheet_rating, 1);
	r->row = row;
	r->practice = fr->text;
	r->rating = fg->text;
	r->evidence = evidence;
	r->note = note;
	r->rank = rank;
	g_ptr_array_add(area->ratings, r);
	g_ptr_array_add(im->order, r);
}

/* The lint of `validate` on the ratings, said where the team can fix it. */
static void
lint_rows(struct import *im)
{
	size_t i;

	for (i = 0; i < im->order->len; i++) {
		const struct sheet_rating *r = g_ptr_array_index(im->order, i);
		const struct csv_field *fe = field(im, r->row, COL_EVIDENCE);
		const struct csv_field *fg = field(im, r->row, COL_RATING);
		const struct csv_field *fr = field(im, r->row, COL_PRACTICE);

		if (strcmp(r->rating, "NA") != 0 && r->evidence == NULL)
			sheet_report(im, fe != NULL ? fe->line : fg->line,
			             column_of(im, fe != NULL ? COL_EVIDENCE : COL_RATING),
			             M_RATED_WITHOUT_EVIDENCE, r->practice,
			             field(im, r->row, COL_PROJECT)->text, r->rating);
		if (im->f.iso15504 && g_str_has_prefix(r->practice, "GP-"))
			sheet_report(im, fr->line, column_of(im, COL_PRACTICE),
			             M_PRACTICE_NOT_COUNTED, r->practice);
	}
}

/* Every in-scope area of every project is rated, and completely, as the
 * appraisal checks will demand; said here in the sheet's terms. */
static void
check_complete(struct import *im)
{
	const struct model *m = im->m;
	size_t p, i, j;

	for (p = 0; p < im->f.project_ids->len; p++) {
		const char *pid = g_ptr_array_index(im->f.project_ids, p);
		bool any = false;

		for (i = 0; i < m->n_pas; i++)
			any = any || im->areas[p * m->n_pas + i] != NULL;
		if (!any) {
			sheet_report(im, 0, 0, M_SHEET_PROJECT_NO_ROWS, pid, im->f.display);
			continue;
		}
		for (i = 0; i < m->n_pas; i++) {
			const struct model_pa *pa = &m->pas[i];
			const struct sheet_area *area = im->areas[p * m->n_pas + i];

			if (im->f.excluded[i])
				continue;
			if (area == NULL) {
				sheet_report(im, 0, 0, M_SHEET_AREA_NO_ROWS, pa->id, pid,
				             im->f.display);
				continue;
			}
			if (im->f.iso15504) {
				if (!g_hash_table_contains(area->seen, "PA1.1"))
					sheet_report(im, area->line, 0, M_SHEET_PA11_UNRATED,
					             pa->id, pid);
				continue;
			}
			for (j = 0; j < pa->n_bps; j++)
				if (!g_hash_table_contains(area->seen, pa->bps[j].id))
					sheet_report(im, area->line, 0, M_SHEET_BP_UNRATED,
					             pa->id, pid, pa->bps[j].id);
		}
	}
}

/* ---- the appraisal ---- */

/* A line break and the indentation of depth, before the next child. */
static void
indent(xmlNode *parent, int depth)
{
	static const char spaces[] = "\n            ";

	xmlAddChild(parent, xmlNewDocTextLen(parent->doc, (const xmlChar *)spaces, 1 + 2 * depth));
}

static xmlNode *
element(xmlNode *parent, int depth, const char *name)
{
	xmlNode *e = xmlNewDocNode(parent->doc, parent->ns, (const xmlChar *)name, NULL);

	indent(parent, depth);
	xmlAddChild(parent, e);
	return e;
}

static void
attribute(xmlNode *e, const char *name, const char *value)
{
	xmlNewProp(e, (const xmlChar *)name, (const xmlChar *)value);
}

static int
by_rank(const void *a, const void *b)
{
	const struct sheet_rating *x = *(const struct sheet_rating *const *)a;
	const struct sheet_rating *y = *(const struct sheet_rating *const *)b;

	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The <ratings> block of project p, detached, or NULL when it has no rows. */
static xmlNode *
ratings_block(struct import *im, size_t p)
{
	const struct model *m = im->m;
	const char *pid = g_ptr_array_index(im->f.project_ids, p);
	xmlNode *block = NULL;
	size_t i, k;

	for (i = 0; i < m->n_pas; i++) {
		struct sheet_area *area = im->areas[p * m->n_pas + i];
		const struct claim *cl;
		xmlNode *pa;
		char *key;

		if (area == NULL)
			continue;
		if (block == NULL) {
			block = xmlNewDocNode(im->f.doc, im->f.root->ns, (const xmlChar *)"ratings", NULL);
			attribute(block, "project", pid);
		}
		pa = element(block, 2, "process-area");
		attribute(pa, "ref", m->pas[i].id);
		key = g_strdup_printf("%s\n%s", pid, m->pas[i].id);
		cl = g_hash_table_lookup(im->f.claims, key);
		g_free(key);
		if (cl != NULL) {
			attribute(pa, "claimed-level", cl->level);
			/* A bad claimed level is the template's to fix: point at it. */
			pa->line = (unsigned short)MIN(cl->line, 65535);
		}
		g_ptr_array_sort(area->ratings, by_rank);
		for (k = 0; k < area->ratings->len; k++) {
			const struct sheet_rating *r = g_ptr_array_index(area->ratings, k);
			xmlNode *pr = element(pa, 3, "practice");

			attribute(pr, "ref", r->practice);
			attribute(pr, "rating", r->rating);
			if (r->evidence != NULL)
				attribute(pr, "evidence", r->evidence);
			if (r->note != NULL) {
				indent(pr, 4);
				xmlNewTextChild(pr, pr->ns, (const xmlChar *)"note", (const xmlChar *)r->note);
				indent(pr, 3);
			}
		}
		indent(pa, 2);
	}
	if (block != NULL)
		indent(block, 1);
	return block;
}

/* Replace the template's <ratings> with the sheet's, where the schema has
 * them: before <findings>. */
static void
replace_ratings(struct import *im)
{
	xmlNode *root = im->f.root, *n, *next, *findings;
	size_t p;

	for (n = root->children; n != NULL; n = next) {
		next = n->next;
		if (!xn_is(n, "ratings"))
			continue;
		if (n->prev != NULL && xmlIsBlankNode(n->prev)) {
			xmlNode *space = n->prev;

			xmlUnlinkNode(space);
			xmlFreeNode(space);
		}
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	findings = xn_child(root, "findings");
	for (p = 0; p < im->f.project_ids->len; p++) {
		xmlNode *block = ratings_block(im, p);

		if (block == NULL)
			continue;
		if (findings != NULL) {
			xmlAddPrevSibling(findings, block);
			xmlAddPrevSibling(findings, xmlNewDocText(im->f.doc, (const xmlChar *)"\n  "));
		} else {
			indent(root, 1);
			xmlAddChild(root, block);
		}
	}
}

/* The checks of `validate` on the new appraisal, before anything is
 * written.  The tree is checked as it stands, so what came from the
 * template is reported at the template's lines; what came from the sheet
 * was checked above at the sheet's.  Takes the document; returns the
 * checked appraisal or NULL. */
static struct appraisal *
check_result(struct import *im, struct session *s, const xmlChar *mem, int len,
             const char *out_display)
{
	struct diag *d = &im->c->diag;
	struct diag quiet;
	struct appraisal *a;
	xmlDoc *again;
	gchar *sha;

	/* The bytes to be written must load as any input does (size, limits). */
	again = xmlload_memory((const char *)mem, (size_t)len, out_display, NULL, d);
	if (again == NULL) {
		xmlFreeDoc(im->f.doc);
		im->f.doc = NULL;
		return NULL;
	}
	xmlFreeDoc(again);
	sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, mem, (gsize)len);
	/* The sheet's rows have no line in the tree: report_warnings gives
	 * their warnings at the sheet's. */
	diag_init(&quiet, d->out, true, d->color);
	a = appraisal_from_doc(im->f.doc, im->f.display, sha, im->m, s->appraisal_xsd, &quiet);
	im->f.doc = NULL;
	g_free(sha);
	d->errors += quiet.errors;
	if (quiet.status > d->status)
		d->status = quiet.status;
	return a;
}

/* The warnings of `validate` on a sound result, each where it can be
 * fixed: ratings at the sheet's rows, evidence at the template's lines. */
static void
report_warnings(struct import *im, struct appraisal *a)
{
	struct diag *d = &im->c->diag;
	size_t i, p;

	lint_rows(im);
	for (i = 0; i < a->n_evidence; i++)
		if (a->evidence[i].references == 0)
			diag_report(d, im->f.display, a->evidence[i].line, 0,
			            M_EVIDENCE_NEVER_CITED, a->evidence[i].id,
			            a->evidence[i].title);
	/* The levels' warnings (a claimed level not reached, practices rated
	 * above a level that fails) concern the sheet's rows: point at them. */
	g_free(a->path);
	a->path = g_strdup(im->sheet);
	for (p = 0; p < a->n_projects; p++) {
		gpointer idx = g_hash_table_lookup(im->f.projects, a->projects[p].id);

		for (i = 0; idx != NULL && i < im->m->n_pas; i++) {
			struct sheet_area *sa = im->areas[(GPOINTER_TO_SIZE(idx) - 1) * im->m->n_pas + i];

			if (a->projects[p].areas[i] != NULL && sa != NULL)
				a->projects[p].areas[i]->line = sa->line;
		}
	}
	struct results *r = results_compute(im->m, a, a->target);

	results_report(r, d);
	results_free(r);
}

static bool
write_result(struct import *im, const xmlChar *mem, int len, const char *sheet_path,
             const char *template_path)
{
	struct cli *c = im->c;
	struct output *o = output_open(c->output, c->out,
	                               (const char *const[]){sheet_path, template_path,
	                                                     c->model_path}, 3, &c->diag);

	if (o == NULL)
		return false;
	output_write(o, mem, (size_t)len);
	if (!output_commit(o, &c->diag))
		return false;
	if (!c->quiet && strcmp(c->output, "-") != 0)
		diag_say(c->out, "%s: %u ratings of %u project%s from %s, the rest from %s",
		         c->output, im->order->len, im->f.project_ids->len,
		         im->f.project_ids->len == 1 ? "" : "s", im->sheet, im->f.display);
	return true;
}

static void
import_free(struct import *im)
{
	size_t i, n = im->f.project_ids != NULL ? im->f.project_ids->len * im->m->n_pas : 0;

	for (i = 0; im->areas != NULL && i < n; i++) {
		if (im->areas[i] == NULL)
			continue;
		g_ptr_array_free(im->areas[i]->ratings, TRUE);
		g_hash_table_destroy(im->areas[i]->seen);
		g_free(im->areas[i]);
	}
	g_free(im->areas);
	if (im->order != NULL)
		g_ptr_array_free(im->order, TRUE);
	frame_free(&im->f);
}

/* Printed after a usage message, as the command table's synopsis is elsewhere. */
#define IMPORT_SYNOPSIS "usage: ssecmm import SHEET.csv --template APPRAISAL.xml -o FILE|-\n"

int
cmd_import(struct cli *c)
{
	const char *sheet_path = c->operands[0];
	struct import im = {0};
	struct session s;
	struct csv_table *table = NULL;
	struct csv_error_info err;
	struct appraisal *a = NULL;
	xmlChar *mem = NULL;
	char *bytes = NULL;
	size_t len, i;
	int mem_len = 0;

	if (c->template_path == NULL) {
		diag_report(&c->diag, NULL, 0, 0, M_IMPORT_NEEDS_TEMPLATE);
		fputs(IMPORT_SYNOPSIS, c->err);
		return EXIT_USAGE;
	}
	if (c->output == NULL) {
		diag_report(&c->diag, NULL, 0, 0, M_IMPORT_NEEDS_OUTPUT);
		fputs(IMPORT_SYNOPSIS, c->err);
		return EXIT_USAGE;
	}
	if (strcmp(sheet_path, "-") == 0 && strcmp(c->template_path, "-") == 0) {
		diag_report(&c->diag, NULL, 0, 0, M_SHEET_AND_TEMPLATE_STDIN);
		return EXIT_USAGE;
	}
	im.c = c;
	im.sheet = strcmp(sheet_path, "-") == 0 ? "<stdin>" : sheet_path;
	if (!session_open(&s, c->model_path, &c->diag))
		goto done;
	im.m = s.model;
	bytes = xmlload_read_bytes(sheet_path, xmlload_default_limits.max_bytes, &len, &c->diag);
	if (bytes == NULL)
		goto done;
	table = csv_parse(bytes, len, &sheet_limits, &err);
	if (table == NULL) {
		diag_report(&c->diag, im.sheet, err.line, err.column,
		            M_RELAYED(DIAG_ERROR, csv_error_is_limit(err.code) ? EXIT_LIMIT : EXIT_INVALID),
		            err.message);
		goto done;
	}
	if (csv_n_rows(table) == 0) {
		sheet_report(&im, 1, 0, M_EMPTY_SHEET);
		goto done;
	}
	if (!load_frame(&im, c->template_path) || !read_header(&im, csv_row(table, 0)))
		goto done;
	im.areas = g_new0(struct sheet_area *, im.f.project_ids->len * im.m->n_pas + 1);
	im.order = g_ptr_array_new();
	for (i = 1; i < csv_n_rows(table); i++)
		if (!blank_row(csv_row(table, i)))
			read_row(&im, csv_row(table, i));
	if (c->diag.errors > 0)
		goto done;
	if (im.order->len == 0) {
		sheet_report(&im, csv_row(table, 0)->line, 0, M_SHEET_NO_RATINGS);
		goto done;
	}
	check_complete(&im);
	if (c->diag.errors > 0)
		goto done;
	replace_ratings(&im);
	xmlDocDumpMemoryEnc(im.f.doc, &mem, &mem_len, "UTF-8");
	if (mem == NULL) {
		diag_report(&c->diag, NULL, 0, 0, M_OUT_OF_MEMORY);
		goto done;
	}
	a = check_result(&im, &s, mem, mem_len,
	                 strcmp(c->output, "-") == 0 ? "<stdout>" : c->output);
	if (a == NULL || c->diag.errors > 0)
		goto done;
	report_warnings(&im, a);
	write_result(&im, mem, mem_len, sheet_path, c->template_path);
done:
	if (im.hidden_errors > 0)
		diag_say(c->err, "ssecmm: %s: %u more errors not shown", im.sheet, im.hidden_errors);
	appraisal_free(a);
	xmlFree(mem);
	csv_free(table);
	g_free(bytes);
	import_free(&im);
	session_close(&s);
	return c->diag.status;
}
