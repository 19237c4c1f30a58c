/* Tests of model loading, appraisal loading and computed results on the small test inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "doc/resultdoc.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "load/schema.h"
#include "load/xmlload.h"
#include "rate/plan.h"
#include "rate/results.h"

struct fixture {
	char *captured;
	size_t len;
	FILE *sink;
	struct diag d;
	struct schema *model_xsd;
	struct schema *appraisal_xsd;
	struct model *m;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->sink = open_memstream(&f->captured, &f->len);
	diag_init(&f->d, f->sink, false, false);
	f->model_xsd = schema_load("model-xml/model.xsd", &f->d);
	f->appraisal_xsd = schema_load("model-xml/appraisal.xsd", &f->d);
	f->m = model_load("tests/data/mini-model.xml", f->model_xsd, &f->d);
	*state = f;
	return f->m == NULL;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	model_free(f->m);
	schema_free(f->model_xsd);
	schema_free(f->appraisal_xsd);
	fclose(f->sink);
	free(f->captured);
	free(f);
	return 0;
}

static void
model_counts_and_lookups(void **state)
{
	struct fixture *f = *state;
	const struct model *m = f->m;
	size_t first;

	assert_int_equal(m->n_pas, 2);
	assert_int_equal(m->n_bps, 3);
	assert_int_equal(m->n_gps, 6);
	assert_int_equal(m->n_cfs, 5);
	assert_string_equal(m->standard, "none");
	assert_string_equal(m->level_titles[3], "Well Defined");
	assert_string_equal(model_pa(m, "PA02")->title, "Assess Impact");
	assert_null(model_pa(m, "PA03"));
	assert_string_equal(model_bp(m, "BP.01.02")->title, "Manage Security Configuration");
	assert_ptr_equal(model_bp_area(m, "BP.02.01"), model_pa(m, "PA02"));
	/* Generic practices answer to both spellings. */
	assert_ptr_equal(model_gp(m, "GP-2.1.2"), model_gp(m, "GP 2.1.2"));
	assert_string_equal(model_gp(m, "GP-2.1.2")->cf_id, "CF-2.1");
	assert_int_equal(model_level_gps(m, 2, &first), 2);
	assert_string_equal(m->gps[first].id, "GP-2.1.1");
	assert_int_equal(model_level_gps(m, 0, &first), 0);
	assert_int_equal(strlen(m->sha256), 64);
}

static void
full_model_loads_with_expected_counts(void **state)
{
	struct fixture *f = *state;
	struct model *m = model_load("model-xml/sse-cmm.xml", f->model_xsd, &f->d);

	assert_non_null(m);
	assert_int_equal(m->n_pas, 22);
	assert_true(m->n_bps >= 128);
	assert_int_equal(m->n_gps, 29);
	assert_int_equal(m->n_cfs, 12);
	assert_string_equal(m->standard, "ISO/IEC 21827:2008");
	/* The standard's scope clause names common feature 3.3 so. */
	assert_string_equal(m->cfs[7].id, "CF-3.3");
	assert_string_equal(m->cfs[7].title, "Coordinate Practices");
	assert_true(m->n_terms >= 80);
	model_free(m);
}

static void
appraisal_loads_and_rates(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	struct results *r;

	a = appraisal_load("tests/data/mini-appraisal.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	assert_string_equal(a->id, "T-1");
	assert_int_equal(a->n_projects, 1);
	assert_int_equal(a->n_evidence, 2);
	assert_int_equal(a->evidence[0].references, 3);
	assert_int_equal(a->method, RATE_SSAM);
	assert_non_null(a->target);
	assert_int_equal(a->target->levels[0], 2);

	r = results_compute(f->m, a, a->target);
	results_report(r, &f->d);
	/* PA01: base practices F and L; GP-2.1.2 rated P stops level 2. */
	assert_int_equal(r->projects[0].areas[0].rate.level, 1);
	assert_string_equal(r->projects[0].areas[0].reason,
	                    "level 1: GP 2.1.2 rated P, needs L or F for level 2");
	/* PA02: its only base practice is NA. */
	assert_int_equal(r->projects[0].areas[1].rate.level, RATE_NOT_APPLICABLE);
	assert_int_equal(r->org[0].gap.kind, GAP_SHORT);
	assert_int_equal(r->org[0].gap.gap, 1);
	assert_int_equal(r->n_short, 1);
	assert_int_equal(r->n_not_appraised, 1);
	fflush(f->sink);
	assert_non_null(strstr(f->captured, "claimed level 2, but the ratings give 1"));
	results_free(r);
	appraisal_free(a);
}

static char *
xpath_string(xmlDoc *doc, const char *expr)
{
	xmlXPathContext *ctx = xmlXPathNewContext(doc);
	xmlXPathObject *obj;
	char *s;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"r", (const xmlChar *)RESULT_NS);
	obj = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	s = (char *)xmlXPathCastToString(obj);
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	return s;
}

static void
result_document_holds_computed_values(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	struct results *r;
	xmlDoc *doc;
	char *s;

	a = appraisal_load("tests/data/mini-appraisal.xml", f->m, f->appraisal_xsd, &f->d);
	r = results_compute(f->m, a, a->target);
	results_report(r, &f->d);
	doc = result_document(r);
	s = xpath_string(doc, "string(/r:result/r:project/r:area[@ref='PA01']/@level)");
	assert_string_equal(s, "1");
	xmlFree(s);
	s = xpath_string(doc, "string(/r:result/r:project/r:area[@ref='PA01']/r:blocker/@label)");
	assert_string_equal(s, "GP 2.1.2");
	xmlFree(s);
	s = xpath_string(doc, "string(/r:result/r:organization/r:area[@ref='PA02']/@gap-status)");
	assert_string_equal(s, "not-appraised");
	xmlFree(s);
	s = xpath_string(doc, "string(/r:result/r:inputs/r:input[@role='appraisal']/@name)");
	assert_string_equal(s, "mini-appraisal.xml");
	xmlFree(s);
	xmlFreeDoc(doc);
	results_free(r);
	appraisal_free(a);
}

static void
plan_reads_actions_against_results(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	struct results *r;
	struct plan *p;

	a = appraisal_load("tests/data/mini-plan.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	r = results_compute(f->m, a, a->target);
	results_report(r, &f->d);
	p = plan_compute(r);
	assert_int_equal(p->n_rated_areas, 2);
	assert_int_equal(p->n_limits, 1);
	assert_string_equal(p->limits[0].project->id, "P1");
	assert_int_equal(p->limits[0].areas, 2);
	assert_int_equal(p->n_gaps, 2);
	assert_int_equal(p->gaps[0]->gap.gap, 1);
	/* A1 closes a gap, so it leads although A2 comes first in the file. */
	assert_int_equal(p->n_key, 2);
	assert_string_equal(p->key[0].action->id, "A1");
	assert_int_equal(p->key[0].gaps, 1);
	assert_int_equal(p->key[0].findings, 1);
	assert_string_equal(p->key[1].action->id, "A2");
	assert_int_equal(p->key[1].gaps, 0);
	/* "F" is not taken for the F1 or F2 that actions name; the strength F10
	 * needs no action. */
	assert_int_equal(p->n_unplanned_findings, 1);
	assert_string_equal(p->unplanned_findings[0]->id, "F");
	assert_int_equal(p->n_unplanned_gaps, 1);
	assert_string_equal(f->m->pas[plan_area_index(r, p->unplanned_gaps[0])].id, "PA02");
	/* Two projects: what limits is the projects, not each area's stop. */
	assert_int_equal(p->n_stops, 0);
	plan_free(p);
	results_free(r);
	appraisal_free(a);
}

/* One project: the level of each area is its own, so what limits it is
 * each area's stop, grouped by cause and level; an NA area stops nowhere. */
static void
plan_gives_the_stops_of_one_project(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	struct results *r;
	struct plan *p;

	a = appraisal_load("tests/data/mini-appraisal.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	r = results_compute(f->m, a, a->target);
	p = plan_compute(r);
	assert_int_equal(p->n_limits, 0);
	assert_int_equal(p->n_stops, 1);
	assert_int_equal(p->stops[0].level, 1);
	assert_int_equal(p->stops[0].cause, RATE_STOP_RATINGS);
	assert_int_equal(p->stops[0].n_areas, 1);
	assert_string_equal(f->m->pas[p->stops[0].areas[0]].id, "PA01");
	plan_free(p);
	results_free(r);
	appraisal_free(a);
}

/* A template (no ratings yet) loads as one, with every check but those of
 * a finished appraisal; as an appraisal it is refused, once, for that. */
static void
template_loads_without_ratings(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;

	a = appraisal_template_load("tests/data/mini-template.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	assert_int_equal(a->n_projects, 1);
	assert_null(a->projects[0].areas[0]);
	assert_int_equal(a->n_evidence, 2);
	appraisal_free(a);
	assert_int_equal(f->d.errors, 0);
	a = appraisal_load("tests/data/mini-template.xml", f->m, f->appraisal_xsd, &f->d);
	assert_null(a);
	assert_int_equal(f->d.errors, 1);
	fflush(f->sink);
	assert_non_null(strstr(f->captured, "no <ratings>"));
	f->d.errors = 0;
	f->d.status = 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(model_counts_and_lookups),
		cmocka_unit_test(full_model_loads_with_expected_counts),
		cmocka_unit_test(appraisal_loads_and_rates),
		cmocka_unit_test(result_document_holds_computed_values),
		cmocka_unit_test(plan_reads_actions_against_results),
		cmocka_unit_test(plan_gives_the_stops_of_one_project),
		cmocka_unit_test(template_loads_without_ratings),
	};
	int failed;

	xmlload_init();
	failed = cmocka_run_group_tests(tests, setup, teardown);
	xmlload_cleanup();
	return failed;
}
