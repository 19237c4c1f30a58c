/* The SSE-CMM model: loaded from XML, checked, and indexed by id. */
#include "load/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/xmlload.h"
#include "load/xmlnode.h"

struct loader {
	struct model *m;
	struct diag *d;
	const char *file;
	GHashTable *ids;   /* id -> line where defined (GINT_TO_POINTER) */
	unsigned errors;
};

/* Raise a message of messages.h at the line of node. */
static void
report_at(struct loader *L, const xmlNode *node, enum diag_severity sev,
          enum exit_status status, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
report_at(struct loader *L, const xmlNode *node, enum diag_severity sev,
          enum exit_status status, const char *fmt, ...)
{
	va_list ap;

	if (sev != DIAG_WARNING)
		L->errors++;
	va_start(ap, fmt);
	diag_vreport(L->d, L->file, xmlload_line(node), 0, sev, status, fmt, ap);
	va_end(ap);
}

static const char *
keep(struct loader *L, const char *s)
{
	return s != NULL ? g_string_chunk_insert_const(L->m->strings, s) : NULL;
}

/* Interned, white-space-folded text of a child element. */
static const char *
child_text(struct loader *L, const xmlNode *parent, const char *name)
{
	char *t = xn_text(xn_child(parent, name));
	const char *kept = keep(L, t);

	g_free(t);
	return kept;
}

/* Record every id in the document once; a second definition is an error
 * naming the first one's line. */
static void
collect_ids(struct loader *L, const xmlNode *node)
{
	for (const xmlNode *c = node; c != NULL; c = c->next) {
		const char *id;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		id = xn_is(c, "ref") ? NULL : xn_attr(c, "id");
		if (id != NULL) {
			gpointer prev = g_hash_table_lookup(L->ids, id);

			if (prev != NULL)
				report_at(L, c, M_DUPLICATE_ID, id,
				          (long)GPOINTER_TO_INT(prev));
			else
				g_hash_table_insert(L->ids, (gpointer)id,
				                    GINT_TO_POINTER((int)xmlload_line(c)));
		}
		collect_ids(L, c->children);
	}
}

static void
check_refs(struct loader *L, const xmlNode *node)
{
	for (const xmlNode *c = node; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xn_is(c, "ref")) {
			const char *to = xn_attr(c, "to");

			if (to == NULL || g_hash_table_contains(L->ids, to))
				;
			else if (g_str_has_prefix(to, "term-"))
				report_at(L, c, M_UNDEFINED_TERM, to);
			else
				report_at(L, c, M_UNDEFINED_ID, to);
		}
		check_refs(L, c->children);
	}
}

/* Parse the decimal digits of s (no sign, no spaces) into *out. */
static bool
parse_number(const char *s, size_t len, int *out)
{
	int v = 0;
	size_t i;

	if (len == 0 || len > 4)
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static char *
label_of(const char *id)
{
	char *label = g_strdup(id);

	label[2] = ' '; /* "GP-2.1.1" -> "GP 2.1.1", "CF-2.1" -> "CF 2.1" */
	return label;
}

static void
load_levels(struct loader *L, const xmlNode *levels)
{
	struct model *m = L->m;
	int expected = 0;

	m->n_cfs = 0;
	m->n_gps = 0;
	xn_each(lv, levels, "level") {
		xn_each(cf, lv, "common-feature") {
			m->n_cfs++;
			m->n_gps += xn_count(cf, "generic-practice");
		}
	}
	m->cfs = g_new0(struct model_cf, m->n_cfs ? m->n_cfs : 1);
	m->gps = g_new0(struct model_gp, m->n_gps ? m->n_gps : 1);
	m->n_cfs = 0;
	m->n_gps = 0;

	xn_each(lv, levels, "level") {
		const char *num = xn_attr(lv, "number");
		int level = -1, cf_seq = 0;

		parse_number(num, strlen(num), &level);
		if (level != expected)
			report_at(L, lv, M_LEVEL_OUT_OF_PLACE, level, expected);
		if (level >= 0 && level < MODEL_LEVELS)
			m->level_titles[level] = keep(L, xn_attr(lv, "title"));
		expected++;
		if (level == 0 && xn_child(lv, "common-feature") != NULL) {
			report_at(L, lv, M_LEVEL_0_FEATURES);
			continue;
		}
		if (level > 0 && xn_child(lv, "common-feature") == NULL)
			report_at(L, lv, M_LEVEL_NO_FEATURES, level);

		xn_each(cf, lv, "common-feature") {
			struct model_cf *c = &m->cfs[m->n_cfs++];
			const char *id = xn_attr(cf, "id");
			char want[64];
			int gp_seq = 0;
			char *label;

			cf_seq++;
			snprintf(want, sizeof want, "CF-%d.%d", level, cf_seq);
			if (strcmp(id, want) != 0)
				report_at(L, cf, M_FEATURE_OUT_OF_PLACE, id, want);
			c->id = keep(L, id);
			label = label_of(id);
			c->label = keep(L, label);
			g_free(label);
			c->title = keep(L, xn_attr(cf, "title"));
			c->level = level;

			xn_each(gp, cf, "generic-practice") {
				struct model_gp *g = &m->gps[m->n_gps++];
				const char *gid = xn_attr(gp, "id");

				gp_seq++;
				snprintf(want, sizeof want, "GP-%d.%d.%d", level, cf_seq, gp_seq);
				if (strcmp(gid, want) != 0)
					report_at(L, gp, M_GP_OUT_OF_PLACE, gid, want);
				g->id = keep(L, gid);
				label = label_of(gid);
				g->label = keep(L, label);
				g_free(label);
				g->title = keep(L, xn_attr(gp, "title"));
				g->level = level;
				g->cf_id = c->id;
				g_hash_table_insert(m->gp_index, (gpointer)g->id, g);
				g_hash_table_insert(m->gp_index, (gpointer)g->label, g);
			}
		}
	}
}

static void
load_process_areas(struct loader *L, const xmlNode *areas)
{
	struct model *m = L->m;
	int prev_number = 0;
	size_t i = 0;

	m->n_pas = xn_count(areas, "process-area");
	m->pas = g_new0(struct model_pa, m->n_pas ? m->n_pas : 1);
	xn_each(pa, areas, "process-area") {
		struct model_pa *p = &m->pas[i++];
		const char *id = xn_attr(pa, "id");
		int number = -1, seq = 0;
		char want[64];
		size_t j = 0;

		parse_number(id + 2, strlen(id + 2), &number);
		if (number <= prev_number)
			report_at(L, pa, M_PA_OUT_OF_ORDER, id, prev_number);
		prev_number = number;
		p->id = keep(L, id);
		p->title = keep(L, xn_attr(pa, "title"));
		p->category = keep(L, xn_attr(pa, "category"));
		g_hash_table_insert(m->pa_index, (gpointer)p->id, p);

		xn_each(goal, pa, "goal") {
			const char *gid = xn_attr(goal, "id");

			seq++;
			snprintf(want, sizeof want, "%s.G%d", id, seq);
			if (strcmp(gid, want) != 0)
				report_at(L, goal, M_GOAL_OUT_OF_PLACE, gid, want);
			p->n_goals++;
		}
		m->n_goals += p->n_goals;

		p->n_bps = xn_count(pa, "base-practice");
		p->bps = g_new0(struct model_bp, p->n_bps ? p->n_bps : 1);
		seq = 0;
		xn_each(bp, pa, "base-practice") {
			struct model_bp *b = &p->bps[j++];
			const char *bid = xn_attr(bp, "id");

			seq++;
			snprintf(want, sizeof want, "BP.%s.%02d", id + 2, seq);
			if (strcmp(bid, want) != 0)
				report_at(L, bp, M_BP_OUT_OF_PLACE, bid, want);
			b->id = keep(L, bid);
			b->title = keep(L, xn_attr(bp, "title"));
			g_hash_table_insert(m->bp_index, (gpointer)b->id, b);
			g_hash_table_insert(m->bp_pa, (gpointer)b->id, p);
		}
		m->n_bps += p->n_bps;
	}
}

/* A process area's related areas must be other process areas of the model,
 * each named once.  Runs after the process areas are indexed. */
static void
check_related_areas(struct loader *L, const xmlNode *pa)
{
	const char *self = xn_attr(pa, "id");
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	xn_each(link, pa, "related-area") {
		const char *to = xn_attr(link, "to");

		if (model_pa(L->m, to) == NULL)
			report_at(L, link, M_RELATED_AREA_UNKNOWN, self, to);
		else if (strcmp(to, self) == 0)
			report_at(L, link, M_RELATED_AREA_ITSELF, self);
		else if (!g_hash_table_add(seen, (gpointer)to))
			report_at(L, link, M_RELATED_AREA_TWICE, self, to);
	}
	g_hash_table_destroy(seen);
}

/* The areas a generic practice relies on must be process areas of the
 * model, each named once. */
static void
check_relied_on_areas(struct loader *L, const xmlNode *gp)
{
	const struct model_gp *g = model_gp(L->m, xn_attr(gp, "id"));
	const char *self = g != NULL ? g->label : xn_attr(gp, "id");
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);

	xn_each(link, gp, "relies-on") {
		const char *to = xn_attr(link, "to");

		if (model_pa(L->m, to) == NULL)
			report_at(L, link, M_GP_RELIES_ON_UNKNOWN, self, to);
		else if (!g_hash_table_add(seen, (gpointer)to))
			report_at(L, link, M_GP_RELIES_TWICE, self, to);
	}
	g_hash_table_destroy(seen);
}

static void
check_relations(struct loader *L, const xmlNode *root)
{
	xn_each(pa, xn_child(root, "process-areas"), "process-area")
		check_related_areas(L, pa);
	xn_each(lv, xn_child(root, "capability-levels"), "level")
		xn_each(cf, lv, "common-feature")
			xn_each(gp, cf, "generic-practice")
				check_relied_on_areas(L, gp);
}

struct model *
model_load(const char *path, struct schema *schema, struct diag *d)
{
	char sha256[65];
	xmlDoc *doc = xmlload_file(path, NULL, d, sha256);

	if (doc == NULL)
		return NULL;
	return model_from_doc(doc, path, sha256, schema, d);
}

struct model *
model_from_doc(xmlDoc *doc, const char *path, const char sha256[65], struct schema *schema,
               struct diag *d)
{
	struct loader L = {0};
	struct model *m;
	xmlNode *root, *identity;

	m = g_new0(struct model, 1);
	m->strings = g_string_chunk_new(16 * 1024);
	m->pa_index = g_hash_table_new(g_str_hash, g_str_equal);
	m->bp_index = g_hash_table_new(g_str_hash, g_str_equal);
	m->bp_pa = g_hash_table_new(g_str_hash, g_str_equal);
	m->gp_index = g_hash_table_new(g_str_hash, g_str_equal);
	m->path = g_strdup(path);
	L.m = m;
	L.d = d;
	L.file = strcmp(path, "-") == 0 ? "<stdin>" : path;
	L.ids = g_hash_table_new(g_str_hash, g_str_equal);

	m->doc = doc;
	memcpy(m->sha256, sha256, sizeof m->sha256);
	root = xmlDocGetRootElement(m->doc);
	if (!xn_is(root, "model") || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, MODEL_NS) != 0) {
		report_at(&L, root, M_NOT_MODEL, MODEL_NS);
		goto fail;
	}
	if (!schema_validate(schema, m->doc, L.file, d))
		goto fail;

	collect_ids(&L, root);
	check_refs(&L, root);
	identity = xn_child(root, "identity");
	m->title = child_text(&L, identity, "title");
	m->short_title = child_text(&L, identity, "short-title");
	m->standard = child_text(&L, identity, "standard");
	m->model_version = child_text(&L, identity, "model-version");
	m->data_version = child_text(&L, identity, "data-version");
	load_levels(&L, xn_child(root, "capability-levels"));
	load_process_areas(&L, xn_child(root, "process-areas"));
	check_relations(&L, root);
	m->n_terms = xn_count(xn_child(root, "glossary"), "term");
	if (L.errors > 0)
		goto fail;
	g_hash_table_destroy(L.ids);
	return m;
fail:
	g_hash_table_destroy(L.ids);
	model_free(m);
	return NULL;
}

void
model_free(struct model *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n_pas; i++)
		g_free(m->pas[i].bps);
	g_free(m->pas);
	g_free(m->cfs);
	g_free(m->gps);
	g_hash_table_destroy(m->pa_index);
	g_hash_table_destroy(m->bp_index);
	g_hash_table_destroy(m->bp_pa);
	g_hash_table_destroy(m->gp_index);
	g_string_chunk_free(m->strings);
	xmlFreeDoc(m->doc);
	g_free(m->path);
	g_free(m);
}

const struct model_pa *
model_pa(const struct model *m, const char *id)
{
	return g_hash_table_lookup(m->pa_index, id);
}

const struct model_bp *
model_bp(const struct model *m, const char *id)
{
	return g_hash_table_lookup(m->bp_index, id);
}

const struct model_pa *
model_bp_area(const struct model *m, const char *bp_id)
{
	return g_hash_table_lookup(m->bp_pa, bp_id);
}

const struct model_gp *
model_gp(const struct model *m, const char *id)
{
	return g_hash_table_lookup(m->gp_index, id);
}

size_t
model_level_gps(const struct model *m, int level, size_t *first)
{
	size_t i, n = 0;

	*first = m->n_gps;
	for (i = 0; i < m->n_gps; i++) {
		if (m->gps[i].level == level) {
			if (n == 0)
				*first = i;
			n++;
		}
	}
	return n;
}
