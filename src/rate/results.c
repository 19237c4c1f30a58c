/* Computed results of an appraisal: levels and reasons per project, the organization view, gaps. */
#include "rate/results.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

const char *
results_label(const char *id)
{
	static char buf[64];

	if (strncmp(id, "GP-", 3) == 0 || strncmp(id, "CF-", 3) == 0) {
		snprintf(buf, sizeof buf, "%.2s %s", id, id + 3);
		return buf;
	}
	if (id[0] == 'P' && id[1] == 'A' && strchr(id, '.') != NULL && strlen(id) == 5) {
		snprintf(buf, sizeof buf, "PA %s", id + 2);
		return buf;
	}
	return id;
}

long
results_practice_rank(const struct model *m, const struct model_pa *pa, const char *id)
{
	const struct model_gp *gp;
	size_t i;
	int attr;

	for (i = 0; i < pa->n_bps; i++)
		if (strcmp(pa->bps[i].id, id) == 0)
			return (long)i;
	gp = model_gp(m, id);
	if (gp != NULL && strcmp(gp->id, id) == 0)
		return (long)(pa->n_bps + (size_t)(gp - m->gps));
	attr = rate_attribute_index(id);
	return attr >= 0 ? (long)(pa->n_bps + m->n_gps + (size_t)attr) : -1;
}

const char *
results_level_text(int level)
{
	static const char *const digits[] = {"0", "1", "2", "3", "4", "5"};

	if (level >= 0 && level <= RATE_MAX_LEVEL)
		return digits[level];
	return "not applicable";
}

static enum rating
rating_of(const struct ap_area *area, const char *id)
{
	size_t k;

	for (k = 0; k < area->n_ratings; k++)
		if (strcmp(area->ratings[k].ref, id) == 0)
			return area->ratings[k].rating;
	return RATING_UNRATED;
}

/* Build the items an area's level rests on and rate it. */
static void
rate_one(const struct model *m, const struct appraisal *a, const struct ap_area *area,
         struct area_result *out)
{
	struct rate_area_input in = {0};
	const struct model_pa *pa = area->pa;
	size_t i, n = 0;

	in.method = a->method;
	if (a->method == RATE_ISO15504) {
		out->items = g_new0(struct rate_item, RATE_ATTRIBUTES);
		for (i = 0; i < RATE_ATTRIBUTES; i++) {
			out->items[i].id = rate_attribute_ids[i];
			out->items[i].level = rate_attribute_ids[i][2] - '0';
			out->items[i].rating = rating_of(area, rate_attribute_ids[i]);
		}
		out->n_items = RATE_ATTRIBUTES;
		in.attrs = out->items;
		in.n_attrs = out->n_items;
	} else {
		out->items = g_new0(struct rate_item, pa->n_bps + m->n_gps);
		for (i = 0; i < pa->n_bps; i++, n++) {
			out->items[n].id = pa->bps[i].id;
			out->items[n].level = 0;
			out->items[n].rating = rating_of(area, pa->bps[i].id);
		}
		in.bps = out->items;
		in.n_bps = pa->n_bps;
		in.gps = out->items + n;
		for (i = 0; i < m->n_gps; i++) {
			/* Level 1's generic practice is shown by the base practices. */
			if (m->gps[i].level < 2)
				continue;
			out->items[n].id = m->gps[i].id;
			out->items[n].level = m->gps[i].level;
			out->items[n].rating = rating_of(area, m->gps[i].id);
			n++;
			in.n_gps++;
		}
		out->n_items = n;
	}
	rate_area(&in, &out->rate);
	rate_reason(&out->rate, results_label, out->reason, sizeof out->reason);
}

/* Add a finding at line to the findings being gathered in found. */
static void add_finding(GArray *found, long line, enum diag_severity sev,
                        enum exit_status status, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Findings are warnings, all of them (results_report prints them so). */
static void
add_finding(GArray *found, long line, enum diag_severity sev, enum exit_status status,
            const char *fmt, ...)
{
	struct results_finding f = {line, NULL};
	va_list ap;

	(void)sev;
	(void)status;
	va_start(ap, fmt);
	f.text = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_array_append_val(found, f);
}

/* Under method ssam the base practices decide level 1: a level-1 generic
 * practice (GP 1.1.1) rated against them, and generic practices rated in
 * an area whose base practices are all NA, say something the level does
 * not. */
static void
lint_ssam_area(GArray *found, const struct model *m, const struct appraisal *a,
               const struct ap_project *proj, const struct ap_area *area,
               const struct area_result *res)
{
	GString *unused = g_string_new(NULL);
	size_t i;

	for (i = 0; i < m->n_gps; i++) {
		enum rating g = rating_of(area, m->gps[i].id);
		bool says_done = g == RATING_L || g == RATING_F;

		if (g == RATING_UNRATED || g == RATING_NA)
			continue;
		if (res->rate.level == RATE_NOT_APPLICABLE)
			g_string_append_printf(unused, "%s%s", unused->len ? ", " : "",
			                       results_label(m->gps[i].id));
		else if (m->gps[i].level == 1 && says_done != (res->rate.level >= 1))
			add_finding(found, area->line, M_FINDING_GP_AGAINST_BP, area->pa->id,
			            proj->id, results_label(m->gps[i].id), rate_rating_name(g),
			            res->rate.level);
	}
	if (unused->len > 0)
		add_finding(found, area->line, M_FINDING_ALL_BP_NA, area->pa->id, proj->id,
		            unused->str);
	g_string_free(unused, TRUE);
}

static void
lint_area(GArray *found, const struct ap_project *proj, const struct ap_area *area,
          const struct area_result *res)
{
	if (area->claimed_level >= 0 && res->rate.level == RATE_NOT_APPLICABLE)
		add_finding(found, area->line, M_CLAIMED_LEVEL_NOT_APPLICABLE, area->pa->id,
		            proj->id, area->claimed_level, res->reason);
	else if (area->claimed_level >= 0 && area->claimed_level != res->rate.level)
		add_finding(found, area->line, M_CLAIMED_LEVEL_DIFFERS, area->pa->id, proj->id,
		            area->claimed_level, res->rate.level, res->reason);
	if (res->rate.n_rated_above > 0) {
		GString *ids = g_string_new(NULL);
		size_t i;

		for (i = 0; i < res->n_items; i++) {
			const struct rate_item *it = &res->items[i];

			if (it->level > res->rate.next_level && it->rating != RATING_UNRATED &&
			    it->rating != RATING_NA)
				g_string_append_printf(ids, "%s%s", ids->len ? ", " : "",
				                       results_label(it->id));
		}
		add_finding(found, area->line, M_FINDING_RATED_ABOVE_LEVEL, area->pa->id,
		            proj->id, ids->str, res->rate.next_level, res->reason);
		g_string_free(ids, TRUE);
	}
}

struct results *
results_compute(const struct model *m, const struct appraisal *a, const struct target *target)
{
	struct results *r = g_new0(struct results, 1);
	GArray *found = g_array_new(FALSE, FALSE, sizeof(struct results_finding));
	int *levels = g_new(int, a->n_projects ? a->n_projects : 1);
	size_t p, i;

	r->m = m;
	r->a = a;
	r->target = target;
	r->n_projects = a->n_projects;
	r->projects = g_new0(struct project_result, a->n_projects ? a->n_projects : 1);
	r->org = g_new0(struct org_result, m->n_pas ? m->n_pas : 1);
	for (p = 0; p < a->n_projects; p++) {
		struct project_result *pr = &r->projects[p];

		pr->project = &a->projects[p];
		pr->areas = g_new0(struct area_result, m->n_pas ? m->n_pas : 1);
		for (i = 0; i < m->n_pas; i++) {
			const struct ap_area *area = pr->project->areas[i];
			struct area_result *ar = &pr->areas[i];

			ar->pa = &m->pas[i];
			ar->claimed = -1;
			ar->in_scope = a->excluded[i] == NULL && area != NULL;
			if (!ar->in_scope) {
				snprintf(ar->reason, sizeof ar->reason, "not appraised: out of scope");
				continue;
			}
			ar->claimed = area->claimed_level;
			rate_one(m, a, area, ar);
			lint_area(found, pr->project, area, ar);
			if (a->method == RATE_SSAM)
				lint_ssam_area(found, m, a, pr->project, area, ar);
		}
	}
	for (i = 0; i < m->n_pas; i++) {
		struct org_result *o = &r->org[i];

		o->in_scope = a->excluded[i] == NULL;
		for (p = 0; p < a->n_projects; p++)
			levels[p] = r->projects[p].areas[i].in_scope ? r->projects[p].areas[i].rate.level
			                                             : RATE_NOT_APPLICABLE;
		rate_org(levels, a->n_projects, &o->org);
		o->target = target != NULL ? target->levels[i] : -1;
		o->gap = rate_gap(o->org.level, o->target, o->in_scope);
		if (o->target >= 0)
			r->n_targets++;
		if (o->gap.kind == GAP_MEETS)
			r->n_meets++;
		else if (o->gap.kind == GAP_SHORT)
			r->n_short++;
		else if (o->gap.kind == GAP_NOT_APPRAISED)
			r->n_not_appraised++;
	}
	g_free(levels);
	r->n_findings = found->len;
	r->findings = (struct results_finding *)(void *)g_array_free(found, FALSE);
	return r;
}

void
results_report(const struct results *r, struct diag *d)
{
	for (size_t i = 0; i < r->n_findings; i++)
		diag_report(d, r->a->path, r->findings[i].line, 0,
		            M_RELAYED(DIAG_WARNING, EXIT_OK), r->findings[i].text);
}

void
results_free(struct results *r)
{
	size_t p, i;

	if (r == NULL)
		return;
	for (p = 0; p < r->n_projects; p++) {
		for (i = 0; i < r->m->n_pas; i++)
			g_free(r->projects[p].areas[i].items);
		g_free(r->projects[p].areas);
	}
	for (i = 0; i < r->n_findings; i++)
		g_free(r->findings[i].text);
	g_free(r->findings);
	g_free(r->projects);
	g_free(r->org);
	g_free(r);
}
