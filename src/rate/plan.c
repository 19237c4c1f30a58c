/* The improvement plan read against the results: what holds the level down (the projects, or with one project each area's reason), the gaps by size, the actions that close most, what no action covers. */
#include "rate/plan.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

size_t
plan_area_index(const struct results *r, const struct org_result *o)
{
	return (size_t)(o - r->org);
}

/* Is id one of the space-separated ids of list (which may be NULL)? */
static bool
list_has(const char *list, const char *id)
{
	size_t n = strlen(id);
	const char *p = list;

	while (p != NULL && (p = strstr(p, id)) != NULL) {
		if ((p == list || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r') &&
		    (p[n] == '\0' || p[n] == ' ' || p[n] == '\t' || p[n] == '\n' || p[n] == '\r'))
			return true;
		p += n;
	}
	return false;
}

static bool
open_finding(const struct ap_finding *f)
{
	return strcmp(f->kind, "strength") != 0;
}

static int
by_limits(const void *x, const void *y)
{
	const struct plan_limit *a = x, *b = y;

	if (a->areas != b->areas)
		return a->areas < b->areas ? 1 : -1;
	return a->project < b->project ? -1 : a->project > b->project;
}

static int
by_gap(const void *x, const void *y)
{
	const struct org_result *a = *(const struct org_result *const *)x;
	const struct org_result *b = *(const struct org_result *const *)y;

	if (a->gap.gap != b->gap.gap)
		return a->gap.gap < b->gap.gap ? 1 : -1;
	return a < b ? -1 : a > b;
}

static int
priority_rank(const char *priority)
{
	return strcmp(priority, "high") == 0 ? 0 : strcmp(priority, "medium") == 0 ? 1 : 2;
}

/* Most gap levels closed first, then most gaps, most findings, higher
 * priority, and the file's order. */
static int
by_closing(const void *x, const void *y)
{
	const struct plan_action *a = x, *b = y;

	if (a->gap_levels != b->gap_levels)
		return a->gap_levels < b->gap_levels ? 1 : -1;
	if (a->gaps != b->gaps)
		return a->gaps < b->gaps ? 1 : -1;
	if (a->findings != b->findings)
		return a->findings < b->findings ? 1 : -1;
	if (priority_rank(a->action->priority) != priority_rank(b->action->priority))
		return priority_rank(a->action->priority) - priority_rank(b->action->priority);
	return a->action < b->action ? -1 : a->action > b->action;
}

static void
find_limits(const struct results *r, struct plan *p)
{
	size_t i, k;

	p->limits = g_new0(struct plan_limit, r->n_projects ? r->n_projects : 1);
	for (k = 0; k < r->n_projects; k++)
		p->limits[k].project = r->projects[k].project;
	for (i = 0; i < r->m->n_pas; i++) {
		const struct org_result *o = &r->org[i];

		if (!o->in_scope || o->org.level == RATE_NOT_APPLICABLE)
			continue;
		p->n_rated_areas++;
		if (o->org.max_level <= o->org.level)
			continue;
		for (k = 0; k < r->n_projects; k++) {
			const struct area_result *ar = &r->projects[k].areas[i];

			if (ar->in_scope && ar->rate.level == o->org.level)
				p->limits[k].areas++;
		}
	}
	qsort(p->limits, r->n_projects, sizeof *p->limits, by_limits);
	for (k = 0; k < r->n_projects && p->limits[k].areas > 0; k++)
		p->n_limits++;
}

/* A stopped area of the one project, for sorting into stops. */
struct stop_key {
	enum rate_stop cause;
	int level;
	size_t area;
};

/* Ratings first (what work would raise), then by level, then model order. */
static int
by_stop(const void *x, const void *y)
{
	const struct stop_key *a = x, *b = y;
	int ra = a->cause == RATE_STOP_RATINGS ? 0 : 1 + (int)a->cause;
	int rb = b->cause == RATE_STOP_RATINGS ? 0 : 1 + (int)b->cause;

	if (ra != rb)
		return ra - rb;
	if (a->level != b->level)
		return a->level - b->level;
	return a->area < b->area ? -1 : a->area > b->area;
}

/* With one project the organization's level of an area is that project's:
 * what limits it is each area's own reason, grouped by level and cause.
 * Areas at level 5, not applicable or out of scope stop nowhere. */
static void
find_stops(const struct results *r, struct plan *p)
{
	struct stop_key *keys;
	size_t i, n = 0;

	if (r->n_projects != 1)
		return;
	keys = g_new0(struct stop_key, r->m->n_pas ? r->m->n_pas : 1);
	for (i = 0; i < r->m->n_pas; i++) {
		const struct area_result *ar = &r->projects[0].areas[i];

		if (!ar->in_scope || ar->rate.level == RATE_NOT_APPLICABLE ||
		    ar->rate.next_level == 0)
			continue;
		keys[n].cause = rate_stop_cause(&ar->rate);
		keys[n].level = ar->rate.level;
		keys[n].area = i;
		n++;
	}
	qsort(keys, n, sizeof *keys, by_stop);
	p->stop_areas = g_new0(size_t, n ? n : 1);
	p->stops = g_new0(struct plan_stop, n ? n : 1);
	for (i = 0; i < n; i++) {
		p->stop_areas[i] = keys[i].area;
		if (i == 0 || keys[i].cause != keys[i - 1].cause || keys[i].level != keys[i - 1].level) {
			p->stops[p->n_stops].level = keys[i].level;
			p->stops[p->n_stops].cause = keys[i].cause;
			p->stops[p->n_stops].areas = &p->stop_areas[i];
			p->n_stops++;
		}
		p->stops[p->n_stops - 1].n_areas++;
	}
	g_free(keys);
}

struct plan *
plan_compute(const struct results *r)
{
	const struct appraisal *a = r->a;
	struct plan *p = g_new0(struct plan, 1);
	struct plan_action *all = g_new0(struct plan_action, a->n_actions ? a->n_actions : 1);
	size_t i, k;

	find_limits(r, p);
	find_stops(r, p);

	p->gaps = g_new0(const struct org_result *, r->m->n_pas ? r->m->n_pas : 1);
	for (i = 0; i < r->m->n_pas; i++)
		if (r->org[i].gap.kind == GAP_SHORT)
			p->gaps[p->n_gaps++] = &r->org[i];
	qsort(p->gaps, p->n_gaps, sizeof *p->gaps, by_gap);

	for (k = 0; k < a->n_actions; k++) {
		all[k].action = &a->actions[k];
		for (i = 0; i < p->n_gaps; i++)
			if (list_has(a->actions[k].areas, r->m->pas[plan_area_index(r, p->gaps[i])].id)) {
				all[k].gaps++;
				all[k].gap_levels += (size_t)p->gaps[i]->gap.gap;
			}
		for (i = 0; i < a->n_findings; i++)
			if (open_finding(&a->findings[i]) &&
			    list_has(a->actions[k].findings, a->findings[i].id))
				all[k].findings++;
	}
	qsort(all, a->n_actions, sizeof *all, by_closing);
	p->n_key = a->n_actions < PLAN_KEY_ACTIONS ? a->n_actions : PLAN_KEY_ACTIONS;
	p->key = g_memdup2(all, sizeof *all * (p->n_key ? p->n_key : 1));
	g_free(all);

	p->unplanned_findings = g_new0(const struct ap_finding *, a->n_findings ? a->n_findings : 1);
	for (i = 0; i < a->n_findings; i++) {
		for (k = 0; k < a->n_actions; k++)
			if (list_has(a->actions[k].findings, a->findings[i].id))
				break;
		if (open_finding(&a->findings[i]) && k == a->n_actions)
			p->unplanned_findings[p->n_unplanned_findings++] = &a->findings[i];
	}
	p->unplanned_gaps = g_new0(const struct org_result *, p->n_gaps ? p->n_gaps : 1);
	for (i = 0; i < p->n_gaps; i++) {
		const char *id = r->m->pas[plan_area_index(r, p->gaps[i])].id;

		for (k = 0; k < a->n_actions; k++)
			if (list_has(a->actions[k].areas, id))
				break;
		if (k == a->n_actions)
			p->unplanned_gaps[p->n_unplanned_gaps++] = p->gaps[i];
	}
	return p;
}

void
plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	g_free(p->limits);
	g_free(p->stops);
	g_free(p->stop_areas);
	g_free(p->gaps);
	g_free(p->key);
	g_free(p->unplanned_findings);
	g_free(p->unplanned_gaps);
	g_free(p);
}
