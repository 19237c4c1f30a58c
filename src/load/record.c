/* The assessment record (<record>: purpose, independence, constraints, validation, document control) and the improvement plan (<actions>) of an appraisal. */
#include "load/appraisal.h"

#include <string.h>

#include "load/checker.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"

/* Is the member named name on the team?  Its entry, or NULL. */
static const struct ap_member *
find_member(const struct appraisal *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->n_members; i++)
		if (strcmp(a->members[i].name, name) == 0)
			return &a->members[i];
	return NULL;
}

/* A member whose affiliation starts with the appraised organization's name
 * works for it: the record must declare that conflict of interest. */
static bool
from_appraised_organization(const struct appraisal *a, const struct ap_member *x)
{
	return x->affiliation != NULL &&
	       strncmp(x->affiliation, a->organization, strlen(a->organization)) == 0;
}

static void
check_independence(struct checker *C, struct appraisal *a, const xmlNode *ind)
{
	const struct ap_record *r = a->record;
	const struct ap_member *lead = NULL;
	GHashTable *declared = g_hash_table_new(g_str_hash, g_str_equal);
	size_t i;

	for (i = 0; i < a->n_members; i++)
		if (strcmp(a->members[i].role, "lead-appraiser") == 0)
			lead = &a->members[i];
	xn_each(cf, ind, "conflict") {
		const char *name = xn_attr(cf, "member");
		const struct ap_member *x = find_member(a, name);

		if (x == NULL) {
			report_at(C, cf, M_CONFLICT_OFF_TEAM, name);
			continue;
		}
		g_hash_table_add(declared, (gpointer)x->name);
		if (strcmp(r->independence_team, "independent") == 0)
			report_at(C, cf, M_TEAM_INDEPENDENT_CONFLICT, name);
		if (x == lead && strcmp(r->independence_lead, "independent") == 0)
			report_at(C, cf, M_LEAD_INDEPENDENT_CONFLICT, name);
	}
	for (i = 0; i < a->n_members; i++)
		if (from_appraised_organization(a, &a->members[i]) &&
		    !g_hash_table_contains(declared, a->members[i].name))
			checker_report(C, xmlload_line(ind), M_AFFILIATION_UNDECLARED,
			            a->members[i].name, a->members[i].name);
	if (r->purpose == AP_SELF_ASSESSMENT && strcmp(r->independence_lead, "internal") != 0)
		checker_report(C, xmlload_line(ind), M_SELF_ASSESSMENT_EXTERNAL_LEAD,
		            r->independence_lead);
	if (r->purpose != AP_SELF_ASSESSMENT && strcmp(r->independence_lead, "internal") == 0)
		checker_report(C, xmlload_line(ind), M_INTERNAL_LEAD_NOT_SELF);
	g_hash_table_destroy(declared);
}

/* The assessment record (<record>); a format 1 file may lack it (lint
 * warns).  Needs the team loaded. */
void
load_record(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	static const char *const purposes[] = {
		"process-improvement", "capability-determination", "supplier-selection",
		"self-assessment",
	};
	const xmlNode *rec = xn_child(root, "record");
	const xmlNode *purpose, *ind, *sp, *val, *doc;
	struct ap_record *r;
	const char *kind;
	size_t i;

	if (rec == NULL) {
		if (strcmp(xn_attr(root, "format"), "2") == 0)
			report_at(C, root, M_FORMAT_2_NEEDS_RECORD);
		return;
	}
	r = a->record = g_new0(struct ap_record, 1);
	purpose = xn_child(rec, "purpose");
	kind = xn_attr(purpose, "kind");
	for (i = 0; i < G_N_ELEMENTS(purposes); i++)
		if (strcmp(kind, purposes[i]) == 0)
			r->purpose = (enum ap_purpose)i;
	r->purpose_text = checker_text(C, rec, "purpose");
	r->assessment_class = checker_text(C, rec, "class");
	ind = xn_child(rec, "independence");
	r->independence_body = checker_attr(C, ind, "body");
	r->independence_lead = checker_attr(C, ind, "lead-appraiser");
	r->independence_team = checker_attr(C, ind, "team");
	sp = xn_child(rec, "sponsorship");
	r->plan_approved = checker_attr(C, sp, "plan-approved");
	r->results_accepted = checker_attr(C, sp, "results-accepted");
	val = xn_child(rec, "validation");
	r->validation_date = checker_attr(C, val, "date");
	r->validation_attendees = (unsigned)strtoul(xn_attr(val, "attendees"), NULL, 10);
	doc = xn_child(rec, "document");
	r->version = checker_attr(C, doc, "version");
	r->draft = strcmp(xn_attr(doc, "status"), "draft") == 0;

	check_independence(C, a, ind);
	/* ISO dates compare correctly as strings; the schema fixed the form. */
	if (strcmp(r->plan_approved, a->date_start) > 0)
		report_at(C, sp, M_PLAN_APPROVED_LATE, r->plan_approved, a->date_start);
	if (r->results_accepted != NULL && strcmp(r->results_accepted, a->date_end) < 0)
		report_at(C, sp, M_ACCEPTED_BEFORE_END, r->results_accepted, a->date_end);
	if (r->results_accepted == NULL && !r->draft)
		checker_report(C, xmlload_line(sp), M_FINAL_WITHOUT_ACCEPTANCE);
	if (strcmp(r->validation_date, a->date_start) < 0 ||
	    strcmp(r->validation_date, a->date_report) > 0)
		report_at(C, val, M_PRELIMINARY_OUTSIDE, r->validation_date, a->date_start,
		          a->date_report);
}

static const struct ap_finding *
find_finding(const struct appraisal *a, const char *id)
{
	size_t i;

	for (i = 0; i < a->n_findings; i++)
		if (strcmp(a->findings[i].id, id) == 0)
			return &a->findings[i];
	return NULL;
}

/* The improvement plan (<actions>): what each action closes must exist and
 * be open (a weakness or opportunity; an area in scope). */
void
load_actions(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const xmlNode *acts = xn_child(root, "actions");
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	size_t i = 0;

	a->n_actions = xn_count(acts, "action");
	a->actions = g_new0(struct ap_action, a->n_actions ? a->n_actions : 1);
	xn_each(ac, acts, "action") {
		struct ap_action *x = &a->actions[i];
		gchar **refs;
		size_t k;

		x->id = checker_attr(C, ac, "id");
		if (g_hash_table_contains(ids, x->id)) {
			report_at(C, ac, M_ACTION_ID_TWICE, x->id);
			continue;
		}
		g_hash_table_add(ids, (gpointer)x->id);
		x->priority = checker_attr(C, ac, "priority");
		x->owner = checker_attr(C, ac, "owner");
		x->due = checker_attr(C, ac, "due");
		x->findings = checker_attr(C, ac, "findings");
		x->areas = checker_attr(C, ac, "process-areas");
		x->summary = checker_text(C, ac, "summary");
		x->line = xmlload_line(ac);
		if (strcmp(x->due, a->date_report) <= 0)
			report_at(C, ac, M_ACTION_DUE_TOO_EARLY, x->id, x->due, a->date_report);
		if (x->findings == NULL && x->areas == NULL)
			report_at(C, ac, M_ACTION_CLOSES_NOTHING, x->id);
		refs = g_strsplit_set(x->findings ? x->findings : "", " \t\r\n", -1);
		for (k = 0; refs[k] != NULL; k++) {
			const struct ap_finding *f = *refs[k] ? find_finding(a, refs[k]) : NULL;

			if (*refs[k] == '\0')
				continue;
			if (f == NULL)
				report_at(C, ac, M_ACTION_UNKNOWN_FINDING, x->id, refs[k]);
			else if (strcmp(f->kind, "strength") == 0)
				report_at(C, ac, M_ACTION_ON_STRENGTH, x->id, refs[k]);
		}
		g_strfreev(refs);
		refs = g_strsplit_set(x->areas ? x->areas : "", " \t\r\n", -1);
		for (k = 0; refs[k] != NULL; k++) {
			const struct model_pa *pa = *refs[k] ? model_pa(C->m, refs[k]) : NULL;

			if (*refs[k] == '\0')
				continue;
			if (pa == NULL)
				report_at(C, ac, M_ACTION_UNKNOWN_AREA, x->id, refs[k]);
			else if (a->excluded[appraisal_pa_index(C->m, pa)] != NULL)
				report_at(C, ac, M_ACTION_EXCLUDED_AREA, x->id, refs[k]);
		}
		g_strfreev(refs);
		i++;
	}
	a->n_actions = i;
	g_hash_table_destroy(ids);
}
