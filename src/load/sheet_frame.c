/* The template appraisal a rating sheet is imported into, read before it is checked. */
#include "load/sheet_frame.h"

#include <string.h>

#include "load/appraisal.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"

static void
claim_free(gpointer p)
{
	struct sheet_claim *cl = p;

	g_free(cl->level);
	g_free(cl);
}

bool
sheet_frame_load(struct sheet_frame *f, const char *path, const struct model *m,
                 struct diag *d)
{
	const xmlNode *scope, *node;
	const char *method;

	f->display = strcmp(path, "-") == 0 ? "<stdin>" : path;
	f->project_ids = g_ptr_array_new();
	f->projects = g_hash_table_new(g_str_hash, g_str_equal);
	f->evidence = g_hash_table_new(g_str_hash, g_str_equal);
	f->excluded = g_new0(bool, m->n_pas ? m->n_pas : 1);
	f->claims = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, claim_free);
	f->doc = xmlload_file(path, NULL, d, NULL);
	if (f->doc == NULL)
		return false;
	f->root = xmlDocGetRootElement(f->doc);
	if (!xn_is(f->root, "appraisal") || f->root->ns == NULL ||
	    strcmp((const char *)f->root->ns->href, APPRAISAL_NS) != 0) {
		diag_report(d, f->display, xmlload_line(f->root), 0,
		            M_TEMPLATE_NOT_APPRAISAL, APPRAISAL_NS);
		return false;
	}
	scope = xn_child(f->root, "scope");
	method = xn_attr(scope, "method");
	f->iso15504 = method != NULL && strcmp(method, "iso15504") == 0;
	xn_each(ex, scope, "excluded") {
		const char *id = xn_attr(ex, "process-area");
		const struct model_pa *pa = id != NULL ? model_pa(m, id) : NULL;

		if (pa != NULL)
			f->excluded[appraisal_pa_index(m, pa)] = true;
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
			struct sheet_claim *cl;
			char *key;

			if (pid == NULL || ref == NULL || level == NULL)
				continue;
			key = g_strdup_printf("%s\n%s", pid, ref);
			if (g_hash_table_contains(f->claims, key)) {
				g_free(key);
				continue;
			}
			cl = g_new(struct sheet_claim, 1);
			cl->level = g_strdup(level);
			cl->line = xmlload_line(pa);
			g_hash_table_insert(f->claims, key, cl);
		}
	}
	return true;
}

void
sheet_frame_free(struct sheet_frame *f)
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
