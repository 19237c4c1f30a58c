/* Target profiles (a file, or embedded in an appraisal): loaded from XML and checked against the model. */
#include "load/appraisal.h"

#include <stdlib.h>
#include <string.h>

#include "load/checker.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"

void
load_target_content(struct checker *C, struct target *t, const xmlNode *node)
{
	const struct model *m = C->m;
	long *lines = g_new0(long, m->n_pas ? m->n_pas : 1);
	size_t i;

	t->id = checker_attr(C, node, "id");
	t->title = checker_text(C, node, "title");
	t->issuer = checker_text(C, node, "issuer");
	t->reference = checker_text(C, node, "reference");
	t->model_version = checker_text(C, node, "model-version");
	t->levels = g_new(int, m->n_pas ? m->n_pas : 1);
	for (i = 0; i < m->n_pas; i++)
		t->levels[i] = -1;
	if (strcmp(t->model_version, m->standard) != 0)
		report_at(C, xn_child(node, "model-version"), M_TARGET_MODEL_VERSION_MISMATCH,
		          t->model_version, m->short_title, m->path, m->standard);
	xn_each(tg, node, "target") {
		const char *id = xn_attr(tg, "process-area");
		const struct model_pa *pa = model_pa(m, id);
		int idx = appraisal_pa_index(m, pa);

		if (pa == NULL) {
			report_at(C, tg, M_TARGET_UNKNOWN_AREA, id);
			continue;
		}
		if (t->levels[idx] >= 0) {
			report_at(C, tg, M_TWO_TARGETS, id, t->levels[idx], lines[idx],
			          xn_attr(tg, "level"));
			continue;
		}
		t->levels[idx] = atoi(xn_attr(tg, "level")); /* the schema checked 0-5 */
		lines[idx] = xmlload_line(tg);
	}
	g_free(lines);
}

struct target *
target_from_doc(xmlDoc *doc, const char *path, const char sha256[65], const struct model *m,
                struct schema *schema, struct diag *d)
{
	struct target *t = g_new0(struct target, 1);
	struct checker C = {d, strcmp(path, "-") == 0 ? "<stdin>" : path, m, NULL, 0};

	t->strings = g_string_chunk_new(1024);
	t->doc = doc;
	t->path = g_strdup(path);
	memcpy(t->sha256, sha256, sizeof t->sha256);
	C.strings = t->strings;
	if (!checker_has_root(doc, "target-profile")) {
		report_at(&C, xmlDocGetRootElement(doc), M_NOT_TARGET_PROFILE, APPRAISAL_NS);
		goto fail;
	}
	if (!schema_validate(schema, doc, C.file, d))
		goto fail;
	load_target_content(&C, t, xmlDocGetRootElement(doc));
	if (C.errors > 0)
		goto fail;
	return t;
fail:
	target_free(t);
	return NULL;
}

struct target *
target_load(const char *path, const struct model *m, struct schema *schema, struct diag *d)
{
	char sha256[65];
	xmlDoc *doc = xmlload_file(path, NULL, d, sha256);

	return doc != NULL ? target_from_doc(doc, path, sha256, m, schema, d) : NULL;
}

void
target_free(struct target *t)
{
	if (t == NULL)
		return;
	g_free(t->levels);
	g_free(t->path);
	xmlFreeDoc(t->doc);
	if (t->strings != NULL)
		g_string_chunk_free(t->strings);
	g_free(t);
}
