/* Computed results of an appraisal: levels and reasons per project, the organization view, gaps. */
#ifndef SSECMM_RESULTS_H
#define SSECMM_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "rate/rate.h"

/* What the comparison of one area with its target came to, for display. */
enum area_status {
	AREA_NO_TARGET,
	AREA_MEETS,
	AREA_SHORT,
	AREA_NOT_APPRAISED,   /* target given; the area is out of scope or N/A */
};

struct area_result {
	const struct model_pa *pa;
	bool in_scope;
	struct rate_item *items;    /* what the level rests on; owned */
	size_t n_items;
	struct rate_area_result rate;  /* meaningful when in_scope */
	char reason[512];
	int claimed;                /* -1 when none */
};

struct project_result {
	const struct ap_project *project;
	struct area_result *areas;  /* indexed like model->pas */
};

struct org_result {
	struct rate_org_result org;
	bool in_scope;
	int target;                 /* -1 when none */
	struct rate_gap gap;
};

/* Something the computed levels show about the ratings that the appraisal
 * team should hear (a claimed level the ratings do not give, practices
 * rated above a level not reached...): a warning at a line of the
 * appraisal. */
struct results_finding {
	long line;
	char *text;
};

/* Results for one appraisal against one target (which may be NULL). */
struct results {
	const struct model *m;
	const struct appraisal *a;
	const struct target *target;
	struct project_result *projects;
	size_t n_projects;
	struct org_result *org;     /* indexed like model->pas */
	size_t n_meets, n_short, n_not_appraised, n_targets;
	struct results_finding *findings;  /* in the order the areas were rated */
	size_t n_findings;
};

/* Compute every level, reason, organization level and gap, and the
 * findings that need computed levels (r->findings).  Pure: nothing is
 * printed.  The inputs must outlive the result; free with results_free. */
struct results *results_compute(const struct model *m, const struct appraisal *a,
                                const struct target *target);
void results_free(struct results *r);

/* Report r's findings to d as warnings at their lines of the appraisal. */
void results_report(const struct results *r, struct diag *d);

/* The digit of a level, or "not applicable" for RATE_NOT_APPLICABLE: the
 * words the products, the CSV and the XML use for that state. */
const char *results_level_text(int level);

/* How people write an id: "GP-2.1.1" -> "GP 2.1.1", "PA1.1" -> "PA 1.1".
 * The result lives until the next call. */
const char *results_label(const char *id);

/* Where practice id stands among what area pa may be rated on, in model
 * order: the area's base practices, then the model's generic practices,
 * then the nine process attributes PA1.1 ... PA5.2.  -1 when id is none of
 * these; ids are compared exactly ("GP 2.1.1" is not "GP-2.1.1"). */
long results_practice_rank(const struct model *m, const struct model_pa *pa, const char *id);

#endif
