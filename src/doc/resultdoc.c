/* The result document: computed results as XML, for `rate --format xml` and the product templates. */
#include "doc/resultdoc.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "doc/xmlbuild.h"
#include "load/lang.h"
#include "rate/plan.h"

#ifndef SSECMM_VERSION
#define SSECMM_VERSION "0.0"
#endif

static void
add_input(xmlNode *inputs, const char *role, const char *path, const char *sha256)
{
	xmlNode *in = xb_add(inputs, "input");
	char *name = g_path_get_basename(path);

	xb_set(in, "role", role);
	xb_set_file_name(in, "name", name);
	xb_set(in, "sha256", sha256);
	g_free(name);
}

static const char *
gap_status(enum rate_gap_kind k)
{
	switch (k) {
	case GAP_MEETS: return "meets";
	case GAP_SHORT: return "short";
	case GAP_NOT_APPRAISED: return "not-appraised";
	default: return "no-target";
	}
}

static void
add_project(xmlNode *root, const struct results *r, const struct project_result *pr)
{
	xmlNode *pn = xb_add(root, "project");
	size_t i, b;

	xb_set(pn, "id", pr->project->id);
	xb_set(pn, "name", pr->project->name);
	for (i = 0; i < r->m->n_pas; i++) {
		const struct area_result *ar = &pr->areas[i];
		xmlNode *an = xb_add(pn, "area");

		xb_set(an, "ref", ar->pa->id);
		if (!ar->in_scope) {
			xb_set(an, "status", "out-of-scope");
			continue;
		}
		if (ar->rate.level == RATE_NOT_APPLICABLE) {
			xb_set(an, "status", "not-applicable");
		} else {
			xb_set(an, "status", "rated");
			xb_set_int(an, "level", ar->rate.level);
			if (ar->rate.next_level > 0)
				xb_set_int(an, "next-level", ar->rate.next_level);
		}
		if (ar->claimed >= 0)
			xb_set_int(an, "claimed", ar->claimed);
		xmlNewTextChild(an, an->ns, (const xmlChar *)"reason", (const xmlChar *)ar->reason);
		for (b = 0; b < ar->rate.n_blockers && b < RATE_MAX_BLOCKERS; b++) {
			const struct rate_item *it = ar->rate.blockers[b];
			xmlNode *bn = xb_add(an, "blocker");

			xb_set(bn, "ref", it->id);
			xb_set(bn, "label", results_label(it->id));
			xb_set(bn, "rating", rate_rating_name(it->rating));
		}
	}
}

static const char *
purpose_name(enum ap_purpose p)
{
	switch (p) {
	case AP_PROCESS_IMPROVEMENT: return "process-improvement";
	case AP_CAPABILITY_DETERMINATION: return "capability-determination";
	case AP_SUPPLIER_SELECTION: return "supplier-selection";
	default: return "self-assessment";
	}
}

/* The bottom line and the plan's coverage, as computed by plan.c. */
static void
add_plan(xmlNode *root, const struct results *r)
{
	struct plan *p = plan_compute(r);
	xmlNode *pn = xb_add(root, "plan"), *n;
	size_t i;

	xb_set_int(pn, "rated-areas", (long)p->n_rated_areas);
	xb_set_int(pn, "actions", (long)r->a->n_actions);
	for (i = 0; i < p->n_limits; i++) {
		n = xb_add(pn, "limit");
		xb_set(n, "project", p->limits[i].project->id);
		xb_set_int(n, "areas", (long)p->limits[i].areas);
	}
	for (i = 0; i < p->n_stops; i++) {
		static const char *const causes[] = {
			[RATE_STOP_NOTHING_SHOWS] = "nothing-shows",
			[RATE_STOP_NOT_EXAMINED] = "not-examined",
			[RATE_STOP_RATINGS] = "ratings",
		};
		size_t k;

		n = xb_add(pn, "stop");
		xb_set_int(n, "level", p->stops[i].level);
		xb_set(n, "cause", causes[p->stops[i].cause]);
		for (k = 0; k < p->stops[i].n_areas; k++)
			xb_set(xb_add(n, "area"), "ref", r->m->pas[p->stops[i].areas[k]].id);
	}
	for (i = 0; i < p->n_gaps; i++) {
		n = xb_add(pn, "gap");
		xb_set(n, "ref", r->m->pas[plan_area_index(r, p->gaps[i])].id);
		xb_set_int(n, "size", p->gaps[i]->gap.gap);
	}
	for (i = 0; i < p->n_key; i++) {
		n = xb_add(pn, "key-action");
		xb_set(n, "ref", p->key[i].action->id);
		xb_set_int(n, "gaps", (long)p->key[i].gaps);
		xb_set_int(n, "findings", (long)p->key[i].findings);
	}
	for (i = 0; i < p->n_unplanned_findings; i++) {
		n = xb_add(pn, "unplanned");
		xb_set(n, "finding", p->unplanned_findings[i]->id);
	}
	for (i = 0; i < p->n_unplanned_gaps; i++) {
		n = xb_add(pn, "unplanned");
		xb_set(n, "process-area", r->m->pas[plan_area_index(r, p->unplanned_gaps[i])].id);
	}
	plan_free(p);
}

xmlDoc *
result_document(const struct results *r)
{
	const struct appraisal *a = r->a;
	const struct model *m = r->m;
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root, *inputs, *n, *org;
	xmlNs *ns;
	size_t i, in_scope = 0;

	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"result", NULL);
	ns = xmlNewNs(root, (const xmlChar *)RESULT_NS, NULL);
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	xb_set(root, "format", "1");
	xb_set(root, "tool", "ssecmm " SSECMM_VERSION);

	inputs = xb_add(root, "inputs");
	add_input(inputs, "model", m->path, m->sha256);
	add_input(inputs, "appraisal", a->path, a->sha256);
	if (r->target != NULL && r->target != a->target)
		add_input(inputs, "target", r->target->path, r->target->sha256);

	n = xb_add(root, "model");
	xb_set(n, "standard", m->standard);
	xb_set(n, "version", m->model_version);
	xb_set(n, "data-version", m->data_version);

	n = xb_add(root, "appraisal");
	xb_set(n, "id", a->id);
	xb_set(n, "title", a->title);
	xb_set(n, "organization", a->organization);
	lang_copy(n, a->doc);
	xb_set(n, "method", a->method == RATE_ISO15504 ? "iso15504" : "ssam");
	xb_set(n, "start", a->date_start);
	xb_set(n, "end", a->date_end);
	xb_set(n, "report", a->date_report);
	xb_set(n, "valid-until", a->valid_until);
	xb_set(n, "confidentiality", a->confidentiality);
	xb_set_int(n, "projects", (long)a->n_projects);
	if (a->record != NULL) {
		xb_set(n, "purpose", purpose_name(a->record->purpose));
		xb_set(n, "status", a->record->draft ? "draft" : "final");
		xb_set(n, "version", a->record->version);
	}

	if (r->target != NULL) {
		n = xb_add(root, "target");
		xb_set(n, "id", r->target->id);
		xb_set(n, "title", r->target->title);
		xb_set(n, "issuer", r->target->issuer);
		xb_set(n, "reference", r->target->reference);
	}

	for (i = 0; i < m->n_pas; i++)
		if (r->org[i].in_scope)
			in_scope++;
	n = xb_add(root, "summary");
	xb_set_int(n, "areas", (long)m->n_pas);
	xb_set_int(n, "in-scope", (long)in_scope);
	xb_set_int(n, "targets", (long)r->n_targets);
	xb_set_int(n, "meets", (long)r->n_meets);
	xb_set_int(n, "short", (long)r->n_short);
	xb_set_int(n, "not-appraised", (long)r->n_not_appraised);

	for (i = 0; i < r->n_projects; i++)
		add_project(root, r, &r->projects[i]);

	org = xb_add(root, "organization");
	for (i = 0; i < m->n_pas; i++) {
		const struct org_result *o = &r->org[i];
		xmlNode *an = xb_add(org, "area");

		xb_set(an, "ref", m->pas[i].id);
		if (!o->in_scope)
			xb_set(an, "status", "out-of-scope");
		else if (o->org.level == RATE_NOT_APPLICABLE)
			xb_set(an, "status", "not-applicable");
		else {
			xb_set(an, "status", "rated");
			xb_set_int(an, "level", o->org.level);
			xb_set_int(an, "max-level", o->org.max_level);
			xb_set_int(an, "projects", (long)o->org.n_projects);
		}
		if (o->target >= 0) {
			xb_set_int(an, "target", o->target);
			xb_set(an, "gap-status", gap_status(o->gap.kind));
			xb_set_int(an, "gap", o->gap.gap);
		}
	}
	add_plan(root, r);
	return doc;
}
