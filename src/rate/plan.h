/* The improvement plan read against the results: what holds the level down (the projects, or with one project each area's reason), the gaps by size, the actions that close most, what no action covers. */
#ifndef SSECMM_PLAN_H
#define SSECMM_PLAN_H

#include <stddef.h>

#include "rate/results.h"

#define PLAN_KEY_ACTIONS 3

/* A project that alone sets the organization's level of some areas: its
 * level there is the minimum and another project's is higher. */
struct plan_limit {
	const struct ap_project *project;
	size_t areas;
};

/* The areas that stop at one level for one cause (rate_stop_cause), in
 * model order: what limits the level of a single-project appraisal. */
struct plan_stop {
	int level;
	enum rate_stop cause;
	const size_t *areas;      /* model indices, into the plan's own array */
	size_t n_areas;
};

/* What one action closes: target gaps (areas short of their target that it
 * names) and open findings (weaknesses and opportunities). */
struct plan_action {
	const struct ap_action *action;
	size_t gaps;
	size_t gap_levels;        /* sum of the sizes of those gaps */
	size_t findings;
};

struct plan {
	struct plan_limit *limits;        /* most areas first; only projects that limit */
	size_t n_limits;
	struct plan_stop *stops;          /* one project only: by cause, then level */
	size_t n_stops;
	size_t *stop_areas;               /* what the stops point into */
	size_t n_rated_areas;             /* areas with an organization level */
	const struct org_result **gaps;   /* short areas, largest gap first, then model order */
	size_t n_gaps;
	struct plan_action *key;          /* up to PLAN_KEY_ACTIONS, most closed first */
	size_t n_key;
	const struct ap_finding **unplanned_findings;  /* weaknesses and opportunities */
	size_t n_unplanned_findings;
	const struct org_result **unplanned_gaps;
	size_t n_unplanned_gaps;
};

/* Read r's appraisal's actions against r.  Pure: no I/O.  The result points
 * into r, which must outlive it; free with plan_free (NULL is fine). */
struct plan *plan_compute(const struct results *r);
void plan_free(struct plan *p);

/* The model index of an organization result of r. */
size_t plan_area_index(const struct results *r, const struct org_result *o);

#endif
