/* Fuzzes appraisals and target profiles: the loader, the checks against the real model, then the rating of what loads. */
#include <string.h>

#include <libxml/tree.h>

#include "doc/resultdoc.h"
#include "fuzz.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "load/schema.h"
#include "rate/results.h"

static struct schema *appraisal_xsd;
static struct model *model;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct schema *model_xsd;
	struct diag d;
	char *path;

	(void)argc;
	(void)argv;
	fuzz_init();
	diag_init(&d, stderr, false, false);
	model_xsd = fuzz_schema("model-xml/model.xsd", &d);
	appraisal_xsd = fuzz_schema("model-xml/appraisal.xsd", &d);
	path = datadir_path("model-xml/sse-cmm.xml");
	model = model_load(path, model_xsd, &d);
	g_free(path);
	fuzz_require(model, "model-xml/sse-cmm.xml");
	schema_free(model_xsd);
	return 0;
}

/* Invariants of computed results that results.h and rate.h promise. */
static void
check_results(const struct results *r, const struct appraisal *a)
{
	size_t p, i;

	if (r->n_meets + r->n_short + r->n_not_appraised > r->n_targets)
		abort();
	for (p = 0; p < r->n_projects; p++) {
		for (i = 0; i < model->n_pas; i++) {
			const struct area_result *ar = &r->projects[p].areas[i];

			if (ar->pa != &model->pas[i] || memchr(ar->reason, '\0', sizeof ar->reason) == NULL)
				abort();
			if (ar->in_scope && (ar->rate.level < RATE_NOT_APPLICABLE ||
			                     ar->rate.level > RATE_MAX_LEVEL))
				abort();
		}
	}
	for (i = 0; i < model->n_pas; i++) {
		const struct org_result *o = &r->org[i];

		if (o->org.level != RATE_NOT_APPLICABLE &&
		    (o->org.level > o->org.max_level || o->org.n_projects == 0 ||
		     o->org.n_projects > a->n_projects))
			abort();
		if (o->gap.gap < 0 || (o->gap.kind == GAP_SHORT && o->gap.gap == 0))
			abort();
	}
}

static void
rate_appraisal(struct appraisal *a, struct diag *d)
{
	struct results *r = results_compute(model, a, a->target);
	xmlDoc *doc;
	xmlChar *mem = NULL;
	int len = 0;

	results_report(r, d);
	check_results(r, a);
	/* The result document carries the appraisal's strings into XML. */
	doc = result_document(r);
	xmlDocDumpMemory(doc, &mem, &len);
	xmlFree(mem);
	xmlFreeDoc(doc);
	results_free(r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char sha256[65] =
		"0000000000000000000000000000000000000000000000000000000000000000";
	struct diag d;
	xmlDoc *doc;
	xmlNode *root;

	fuzz_diag(&d);
	doc = xmlload_memory((const char *)data, size, "fuzz.xml", NULL, &d);
	if (doc == NULL)
		return 0;
	root = xmlDocGetRootElement(doc);
	if (root != NULL && strcmp((const char *)root->name, "target-profile") == 0) {
		struct target *t = target_from_doc(doc, "fuzz.xml", sha256, model, appraisal_xsd, &d);

		if ((t == NULL) != (d.errors > 0))
			abort(); /* refused exactly when something was reported */
		target_free(t);
	} else {
		struct appraisal *a = appraisal_from_doc(doc, "fuzz.xml", sha256, model,
		                                         appraisal_xsd, &d);

		if ((a == NULL) != (d.errors > 0))
			abort();
		if (a != NULL)
			rate_appraisal(a, &d);
		appraisal_free(a);
	}
	return 0;
}
