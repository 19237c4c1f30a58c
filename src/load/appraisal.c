/* Appraisal results and target profiles: loaded from XML and checked against the model. */
#include "load/appraisal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/xmlload.h"
#include "load/xmlnode.h"

struct checker {
	struct diag *d;
	const char *file;
	const struct model *m;
	GStringChunk *strings;
	unsigned errors;
};

/* Raise a message of messages.h at a line of the file; errors are counted. */
static void
report_line(struct checker *C, long line, enum diag_severity sev, enum exit_status status,
            const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
report_line(struct checker *C, long line, enum diag_severity sev, enum exit_status status,
            const char *fmt, ...)
{
	va_list ap;

	if (sev != DIAG_WARNING)
		C->errors++;
	va_start(ap, fmt);
	diag_vreport(C->d, C->file, line, 0, sev, status, fmt, ap);
	va_end(ap);
}

/* Raise a message of messages.h at the line of node. */
#define report_at(C, node, ...) report_line((C), xmlload_line(node), __VA_ARGS__)

static const char *
keep(struct checker *C, const char *s)
{
	return s != NULL ? g_string_chunk_insert_const(C->strings, s) : NULL;
}

static const char *
attr(struct checker *C, const xmlNode *node, const char *name)
{
	return keep(C, xn_attr(node, name));
}

/* Folded text of the child element name, or NULL when there is none. */
static const char *
text_of(struct checker *C, const xmlNode *parent, const char *name)
{
	xmlNode *child = xn_child(parent, name);
	char *t;
	const char *kept;

	if (child == NULL)
		return NULL;
	t = xn_text(child);
	kept = keep(C, t);
	g_free(t);
	return kept;
}

static bool
has_root(xmlDoc *doc, const char *name)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	return xn_is(root, name) && root->ns != NULL &&
	       strcmp((const char *)root->ns->href, APPRAISAL_NS) == 0;
}

char *
appraisal_prose_date(const char *iso)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
	};
	int month = atoi(iso + 5);

	if (month < 1 || month > 12)
		return g_strdup(iso);
	return g_strdup_printf("%d %s %.4s", atoi(iso + 8), months[month - 1], iso);
}

int
appraisal_pa_index(const struct model *m, const struct model_pa *pa)
{
	return pa != NULL ? (int)(pa - m->pas) : -1;
}

/* ---- target profiles ---- */

static void
load_target_content(struct checker *C, struct target *t, const xmlNode *node)
{
	const struct model *m = C->m;
	long *lines = g_new0(long, m->n_pas ? m->n_pas : 1);
	size_t i;

	t->id = attr(C, node, "id");
	t->title = text_of(C, node, "title");
	t->issuer = text_of(C, node, "issuer");
	t->reference = text_of(C, node, "reference");
	t->model_version = text_of(C, node, "model-version");
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
	if (!has_root(doc, "target-profile")) {
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

/* ---- appraisals ---- */

/* Check a space-separated list of evidence ids; count the references. */
static void
check_evidence_refs(struct checker *C, struct appraisal *a, const xmlNode *node,
                    const char *who, const char *list)
{
	gchar **ids;
	size_t i;

	if (list == NULL)
		return;
	ids = g_strsplit_set(list, " \t\r\n", -1);
	for (i = 0; ids[i] != NULL; i++) {
		struct ap_evidence *e;

		if (*ids[i] == '\0')
			continue;
		e = g_hash_table_lookup(a->evidence_index, ids[i]);
		if (e == NULL)
			report_at(C, node, M_EVIDENCE_NOT_REGISTERED, who, ids[i]);
		else
			e->references++;
	}
	g_strfreev(ids);
}

/* Does practice id belong to area pa under the appraisal's method?  who
 * starts the message ("" for ratings, "finding F2: " for findings). */
static bool
check_practice(struct checker *C, const struct appraisal *a, const xmlNode *node,
               const char *who, const struct model_pa *pa, const char *id)
{
	const struct model *m = C->m;

	if (strncmp(id, "BP.", 3) == 0) {
		if (model_bp(m, id) == NULL) {
			report_at(C, node, M_UNKNOWN_BASE_PRACTICE, who, id);
			return false;
		}
		if (model_bp_area(m, id) != pa) {
			report_at(C, node, M_BP_IN_OTHER_AREA, who, id,
			          model_bp_area(m, id)->id, pa->id);
			return false;
		}
		return true;
	}
	if (strncmp(id, "GP-", 3) == 0) {
		if (model_gp(m, id) == NULL) {
			report_at(C, node, M_UNKNOWN_GENERIC_PRACTICE, who, id);
			return false;
		}
		return true;
	}
	if (rate_is_attribute_form(id)) {
		if (a->method != RATE_ISO15504) {
			report_at(C, node, M_ATTRIBUTE_NEEDS_ISO15504, who, id);
			return false;
		}
		if (rate_attribute_index(id) < 0) {
			report_at(C, node, M_UNKNOWN_ATTRIBUTE, who, id, RATE_ATTRIBUTE_LIST);
			return false;
		}
		return true;
	}
	report_at(C, node, M_UNKNOWN_PRACTICE, who, id);
	return false;
}

static void
load_identity(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const xmlNode *org = xn_child(root, "organization");
	const xmlNode *dates = xn_child(root, "dates");
	size_t i = 0;

	a->id = attr(C, root, "id");
	a->title = text_of(C, root, "title");
	a->model_version = text_of(C, root, "model-version");
	a->sponsor = text_of(C, root, "sponsor");
	a->organization = text_of(C, org, "name");
	a->n_units = xn_count(org, "unit");
	a->units = g_new0(const char *, a->n_units + 1);
	xn_each(u, org, "unit") {
		char *t = xn_text(u);

		a->units[i++] = keep(C, t);
		g_free(t);
	}
	a->date_start = attr(C, dates, "start");
	a->date_end = attr(C, dates, "end");
	a->date_report = attr(C, dates, "report");
	a->valid_until = attr(C, dates, "valid-until");
	a->confidentiality = text_of(C, root, "confidentiality");

	if (strcmp(a->model_version, C->m->standard) != 0)
		report_at(C, xn_child(root, "model-version"), M_MODEL_VERSION_MISMATCH,
		          a->model_version, C->m->short_title, C->m->path, C->m->standard);
	/* ISO dates compare correctly as strings; the schema fixed the form. */
	if (strcmp(a->date_start, a->date_end) > 0)
		report_at(C, dates, M_ENDS_BEFORE_START, a->date_end, a->date_start);
	if (strcmp(a->date_end, a->date_report) > 0)
		report_at(C, dates, M_REPORT_BEFORE_END, a->date_report, a->date_end);
	if (strcmp(a->date_report, a->valid_until) >= 0)
		report_at(C, dates, M_VALIDITY_BEFORE_REPORT, a->valid_until, a->date_report);
}

static void
load_team(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const xmlNode *team = xn_child(root, "team");
	const xmlNode *parts = xn_child(root, "participants");
	const xmlNode *first_lead = NULL;
	size_t i = 0;

	a->n_members = xn_count(team, "member");
	a->members = g_new0(struct ap_member, a->n_members);
	xn_each(mb, team, "member") {
		struct ap_member *x = &a->members[i++];

		x->name = attr(C, mb, "name");
		x->role = attr(C, mb, "role");
		x->affiliation = attr(C, mb, "affiliation");
		if (strcmp(x->role, "lead-appraiser") == 0) {
			if (first_lead != NULL)
				report_at(C, mb, M_SECOND_LEAD, x->name,
				          xn_attr(first_lead, "name"),
				          xmlload_line(first_lead));
			else
				first_lead = mb;
		}
	}
	if (first_lead == NULL)
		report_at(C, team, M_NO_LEAD);

	i = 0;
	a->n_participants = xn_count(parts, "participant");
	a->participants = g_new0(struct ap_participant, a->n_participants);
	xn_each(p, parts, "participant") {
		struct ap_participant *x = &a->participants[i++];
		const char *count = xn_attr(p, "count");

		x->role = attr(C, p, "role");
		x->count = count != NULL ? (unsigned)strtoul(count, NULL, 10) : 1;
		x->project = attr(C, p, "project");
		x->line = xmlload_line(p);
	}
}

static void
load_scope(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const struct model *m = C->m;
	const xmlNode *scope = xn_child(root, "scope");
	const char *method = xn_attr(scope, "method");

	a->method = method != NULL && strcmp(method, "iso15504") == 0 ? RATE_ISO15504 : RATE_SSAM;
	a->scope_description = text_of(C, scope, "description");
	a->excluded = g_new0(const char *, m->n_pas ? m->n_pas : 1);
	xn_each(ex, scope, "excluded") {
		const char *id = xn_attr(ex, "process-area");
		const struct model_pa *pa = model_pa(m, id);
		char *why;

		if (pa == NULL) {
			report_at(C, ex, M_EXCLUDED_UNKNOWN_AREA, id);
			continue;
		}
		if (a->excluded[appraisal_pa_index(m, pa)] != NULL) {
			report_at(C, ex, M_EXCLUDED_TWICE, id);
			continue;
		}
		why = xn_text(ex);
		a->excluded[appraisal_pa_index(m, pa)] = keep(C, why);
		g_free(why);
	}
}

static struct ap_project *
find_project(struct appraisal *a, const char *id)
{
	size_t i;

	for (i = 0; i < a->n_projects; i++)
		if (strcmp(a->projects[i].id, id) == 0)
			return &a->projects[i];
	return NULL;
}

static void
load_projects(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const xmlNode *projects = xn_child(root, "projects");
	size_t i;

	a->projects = g_new0(struct ap_project, xn_count(projects, "project"));
	a->n_projects = 0;
	xn_each(p, projects, "project") {
		struct ap_project *x = &a->projects[a->n_projects];
		const char *id = xn_attr(p, "id");

		if (find_project(a, id) != NULL) {
			report_at(C, p, M_PROJECT_ID_TWICE, id);
			continue;
		}
		x->id = keep(C, id);
		x->name = attr(C, p, "name");
		x->description = text_of(C, p, "description");
		x->areas = g_new0(struct ap_area *, a->n_area_slots ? a->n_area_slots : 1);
		x->line = xmlload_line(p);
		a->n_projects++;
	}
	for (i = 0; i < a->n_participants; i++) {
		if (a->participants[i].project != NULL &&
		    find_project(a, a->participants[i].project) == NULL) {
			C->errors++;
			diag_report(C->d, C->file, a->participants[i].line, 0,
			            M_PARTICIPANT_UNKNOWN_PROJECT, a->participants[i].role,
			            a->participants[i].project);
		}
	}
}

static void
load_evidence(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const xmlNode *ev = xn_child(root, "evidence");
	size_t i = 0;

	a->n_evidence = xn_count(ev, "item");
	a->evidence = g_new0(struct ap_evidence, a->n_evidence ? a->n_evidence : 1);
	xn_each(it, ev, "item") {
		struct ap_evidence *e = &a->evidence[i];
		const char *id = xn_attr(it, "id");

		if (g_hash_table_contains(a->evidence_index, id)) {
			report_at(C, it, M_EVIDENCE_ID_TWICE, id);
			continue;
		}
		e->id = keep(C, id);
		e->kind = attr(C, it, "kind");
		e->date = attr(C, it, "date");
		e->title = text_of(C, it, "title");
		e->location = text_of(C, it, "location");
		e->line = xmlload_line(it);
		if (strcmp(e->date, a->date_report) > 0)
			report_at(C, it, M_EVIDENCE_AFTER_REPORT, e->id, e->date,
			          a->date_report);
		g_hash_table_insert(a->evidence_index, (gpointer)e->id, e);
		i++;
	}
	a->n_evidence = i;
}

static void
load_area_ratings(struct checker *C, struct appraisal *a, const char *project_id,
                  struct ap_area *area, const xmlNode *pa_node)
{
	GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
	size_t i = 0;

	area->n_ratings = xn_count(pa_node, "practice");
	area->ratings = g_new0(struct ap_rating, area->n_ratings ? area->n_ratings : 1);
	xn_each(pr, pa_node, "practice") {
		struct ap_rating *r = &area->ratings[i];
		const char *ref = xn_attr(pr, "ref");
		gpointer prev = g_hash_table_lookup(seen, ref);

		if (prev != NULL) {
			report_at(C, pr, M_RATED_TWICE, ref, area->pa->id, project_id,
			          (long)GPOINTER_TO_INT(prev));
			continue;
		}
		if (!check_practice(C, a, pr, "", area->pa, ref))
			continue;
		g_hash_table_insert(seen, (gpointer)ref, GINT_TO_POINTER((int)xmlload_line(pr)));
		r->ref = keep(C, ref);
		rate_parse_rating(xn_attr(pr, "rating"), &r->rating); /* schema checked */
		r->evidence = attr(C, pr, "evidence");
		r->note = text_of(C, pr, "note");
		r->line = xmlload_line(pr);
		if (r->rating == RATING_NA && r->note == NULL)
			report_at(C, pr, M_NA_WITHOUT_RATIONALE, ref);
		check_evidence_refs(C, a, pr, "", r->evidence);
		i++;
	}
	area->n_ratings = i;
	g_hash_table_destroy(seen);
}

/* Every in-scope area is rated for every project, and completely. */
static void
check_completeness(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const struct model *m = C->m;
	size_t p, i, j, k;

	for (p = 0; p < a->n_projects; p++) {
		const struct ap_project *proj = &a->projects[p];

		for (i = 0; i < m->n_pas; i++) {
			const struct model_pa *pa = &m->pas[i];
			const struct ap_area *area = proj->areas[i];

			if (a->excluded[i] != NULL)
				continue;
			if (area == NULL) {
				C->errors++;
				diag_report(C->d, C->file, proj->line, 0, M_IN_SCOPE_UNRATED,
				            pa->id, proj->id, pa->id);
				continue;
			}
			if (a->method == RATE_ISO15504) {
				for (k = 0; k < area->n_ratings; k++)
					if (strcmp(area->ratings[k].ref, "PA1.1") == 0)
						break;
				if (k == area->n_ratings)
					diag_report(C->d, C->file, area->line, 0,
					            M_SHEET_PA11_UNRATED, pa->id, proj->id);
				if (k == area->n_ratings)
					C->errors++;
				continue;
			}
			for (j = 0; j < pa->n_bps; j++) {
				for (k = 0; k < area->n_ratings; k++)
					if (strcmp(area->ratings[k].ref, pa->bps[j].id) == 0)
						break;
				if (k == area->n_ratings) {
					C->errors++;
					diag_report(C->d, C->file, area->line, 0,
					            M_SHEET_BP_UNRATED, pa->id, proj->id,
					            pa->bps[j].id);
				}
			}
		}
	}
}

static void
load_ratings(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const struct model *m = C->m;

	xn_each(block, root, "ratings") {
		const char *pid = xn_attr(block, "project");
		struct ap_project *proj = find_project(a, pid);

		if (proj == NULL) {
			report_at(C, block, M_RATINGS_UNKNOWN_PROJECT, pid);
			continue;
		}
		if (!proj->rated) {
			proj->line = xmlload_line(block);
			proj->rated = true;
		}
		xn_each(pa_node, block, "process-area") {
			const char *id = xn_attr(pa_node, "ref");
			const struct model_pa *pa = model_pa(m, id);
			const char *claimed = xn_attr(pa_node, "claimed-level");
			struct ap_area *area;
			int idx;

			if (pa == NULL) {
				report_at(C, pa_node, M_UNKNOWN_AREA, id);
				continue;
			}
			idx = appraisal_pa_index(m, pa);
			if (a->excluded[idx] != NULL) {
				report_at(C, pa_node, M_RATED_BUT_EXCLUDED, id);
				continue;
			}
			if (proj->areas[idx] != NULL) {
				report_at(C, pa_node, M_RATED_TWICE_IN_PROJECT, id, pid,
				          proj->areas[idx]->line);
				continue;
			}
			area = g_new0(struct ap_area, 1);
			area->pa = pa;
			area->claimed_level = claimed != NULL ? atoi(claimed) : -1;
			area->line = xmlload_line(pa_node);
			proj->areas[idx] = area;
			load_area_ratings(C, a, pid, area, pa_node);
		}
	}
}

static void
load_findings(struct checker *C, struct appraisal *a, const xmlNode *root)
{
	const xmlNode *fs = xn_child(root, "findings");
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	size_t i = 0;

	a->n_findings = xn_count(fs, "finding");
	a->findings = g_new0(struct ap_finding, a->n_findings ? a->n_findings : 1);
	xn_each(f, fs, "finding") {
		struct ap_finding *x = &a->findings[i];
		const char *id = xn_attr(f, "id");
		const char *pa_id = xn_attr(f, "process-area");
		gchar **practices;
		GHashTable *named;
		size_t k;
		char who[96];

		if (g_hash_table_contains(ids, id)) {
			report_at(C, f, M_FINDING_ID_TWICE, id);
			continue;
		}
		g_hash_table_add(ids, (gpointer)id);
		x->pa = model_pa(C->m, pa_id);
		if (x->pa == NULL) {
			report_at(C, f, M_FINDING_UNKNOWN_AREA, id, pa_id);
			continue;
		}
		x->id = keep(C, id);
		snprintf(who, sizeof who, "finding %s: ", id);
		x->kind = attr(C, f, "kind");
		x->practices = attr(C, f, "practices");
		x->project = attr(C, f, "project");
		x->evidence = attr(C, f, "evidence");
		x->summary = text_of(C, f, "summary");
		x->recommendation = text_of(C, f, "recommendation");
		if (x->project != NULL && find_project(a, x->project) == NULL)
			report_at(C, f, M_FINDING_UNKNOWN_PROJECT, id, x->project);
		if (a->excluded[appraisal_pa_index(C->m, x->pa)] != NULL)
			report_at(C, f, M_FINDING_EXCLUDED_AREA, id, pa_id);
		/* A practice named twice is a slip the report would print twice:
		 * refused here, so that whatever validate accepts renders as meant. */
		practices = g_strsplit_set(x->practices ? x->practices : "", " \t\r\n", -1);
		named = g_hash_table_new(g_str_hash, g_str_equal);
		for (k = 0; practices[k] != NULL; k++) {
			if (*practices[k] == '\0')
				continue;
			if (!g_hash_table_add(named, practices[k]))
				report_at(C, f, M_PRACTICE_NAMED_TWICE, who, practices[k]);
			else
				check_practice(C, a, f, who, x->pa, practices[k]);
		}
		g_hash_table_destroy(named);
		g_strfreev(practices);
		check_evidence_refs(C, a, f, who, x->evidence);
		i++;
	}
	a->n_findings = i;
	g_hash_table_destroy(ids);
}

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
			report_line(C, xmlload_line(ind), M_AFFILIATION_UNDECLARED,
			            a->members[i].name, a->members[i].name);
	if (r->purpose == AP_SELF_ASSESSMENT && strcmp(r->independence_lead, "internal") != 0)
		report_line(C, xmlload_line(ind), M_SELF_ASSESSMENT_EXTERNAL_LEAD,
		            r->independence_lead);
	if (r->purpose != AP_SELF_ASSESSMENT && strcmp(r->independence_lead, "internal") == 0)
		report_line(C, xmlload_line(ind), M_INTERNAL_LEAD_NOT_SELF);
	g_hash_table_destroy(declared);
}

/* The assessment record (<record>); a format 1 file may lack it (lint
 * warns).  Needs the team loaded. */
static void
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
	r->purpose_text = text_of(C, rec, "purpose");
	r->assessment_class = text_of(C, rec, "class");
	ind = xn_child(rec, "independence");
	r->independence_body = attr(C, ind, "body");
	r->independence_lead = attr(C, ind, "lead-appraiser");
	r->independence_team = attr(C, ind, "team");
	sp = xn_child(rec, "sponsorship");
	r->plan_approved = attr(C, sp, "plan-approved");
	r->results_accepted = attr(C, sp, "results-accepted");
	val = xn_child(rec, "validation");
	r->validation_date = attr(C, val, "date");
	r->validation_attendees = (unsigned)strtoul(xn_attr(val, "attendees"), NULL, 10);
	doc = xn_child(rec, "document");
	r->version = attr(C, doc, "version");
	r->draft = strcmp(xn_attr(doc, "status"), "draft") == 0;

	check_independence(C, a, ind);
	/* ISO dates compare correctly as strings; the schema fixed the form. */
	if (strcmp(r->plan_approved, a->date_start) > 0)
		report_at(C, sp, M_PLAN_APPROVED_LATE, r->plan_approved, a->date_start);
	if (r->results_accepted != NULL && strcmp(r->results_accepted, a->date_end) < 0)
		report_at(C, sp, M_ACCEPTED_BEFORE_END, r->results_accepted, a->date_end);
	if (r->results_accepted == NULL && !r->draft)
		report_line(C, xmlload_line(sp), M_FINAL_WITHOUT_ACCEPTANCE);
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
static void
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

		x->id = attr(C, ac, "id");
		if (g_hash_table_contains(ids, x->id)) {
			report_at(C, ac, M_ACTION_ID_TWICE, x->id);
			continue;
		}
		g_hash_table_add(ids, (gpointer)x->id);
		x->priority = attr(C, ac, "priority");
		x->owner = attr(C, ac, "owner");
		x->due = attr(C, ac, "due");
		x->findings = attr(C, ac, "findings");
		x->areas = attr(C, ac, "process-areas");
		x->summary = text_of(C, ac, "summary");
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

/* Lint: ratings with no evidence, evidence nobody cites, no assessment record. */
static void
lint(struct checker *C, struct appraisal *a)
{
	size_t p, i, k;

	for (p = 0; p < a->n_projects; p++) {
		for (i = 0; i < C->m->n_pas; i++) {
			const struct ap_area *area = a->projects[p].areas[i];

			for (k = 0; area != NULL && k < area->n_ratings; k++) {
				const struct ap_rating *r = &area->ratings[k];

				if (r->rating != RATING_NA && r->evidence == NULL)
					report_line(C, r->line, M_RATED_WITHOUT_EVIDENCE,
					            r->ref, a->projects[p].id,
					            rate_rating_name(r->rating));
				if (a->method == RATE_ISO15504 && strncmp(r->ref, "GP-", 3) == 0)
					report_line(C, r->line, M_PRACTICE_NOT_COUNTED, r->ref);
			}
		}
	}
	if (a->record == NULL)
		report_line(C, xmlload_line(xmlDocGetRootElement(a->doc)),
		            M_NO_RECORD_FORMAT_1);
	for (i = 0; i < a->n_evidence; i++)
		if (a->evidence[i].references == 0)
			report_line(C, a->evidence[i].line, M_EVIDENCE_NEVER_CITED,
			            a->evidence[i].id, a->evidence[i].title);
}

/* Check doc as an appraisal; a template need not be completely rated. */
static struct appraisal *
check_doc(xmlDoc *doc, const char *path, const char sha256[65], const struct model *m,
          struct schema *schema, struct diag *d, bool template)
{
	struct appraisal *a = g_new0(struct appraisal, 1);
	struct checker C = {d, strcmp(path, "-") == 0 ? "<stdin>" : path, m, NULL, 0};
	xmlNode *root = xmlDocGetRootElement(doc), *embedded;

	a->doc = doc;
	a->n_area_slots = m->n_pas;
	a->path = g_strdup(path);
	memcpy(a->sha256, sha256, sizeof a->sha256);
	a->strings = g_string_chunk_new(16 * 1024);
	a->evidence_index = g_hash_table_new(g_str_hash, g_str_equal);
	C.strings = a->strings;
	if (!has_root(doc, "appraisal")) {
		report_at(&C, root, M_NOT_APPRAISAL, APPRAISAL_NS);
		goto fail;
	}
	if (!schema_validate(schema, doc, C.file, d))
		goto fail;
	load_identity(&C, a, root);
	load_team(&C, a, root);
	load_scope(&C, a, root);
	load_projects(&C, a, root);
	load_evidence(&C, a, root);
	load_ratings(&C, a, root);
	load_findings(&C, a, root);
	load_record(&C, a, root);
	load_actions(&C, a, root);
	embedded = xn_child(root, "target-profile");
	if (embedded != NULL) {
		a->target = g_new0(struct target, 1);
		a->target->path = g_strdup(path);
		memcpy(a->target->sha256, sha256, sizeof a->target->sha256);
		a->target->strings = g_string_chunk_new(1024);
		C.strings = a->target->strings;
		load_target_content(&C, a->target, embedded);
		C.strings = a->strings;
	}
	if (C.errors > 0 || template)
		goto done;
	if (xn_child(root, "ratings") == NULL)
		report_at(&C, root, M_APPRAISAL_NO_RATINGS);
	else
		check_completeness(&C, a, root);
	if (C.errors > 0)
		goto done;
	lint(&C, a);
done:
	if (C.errors == 0)
		return a;
fail:
	appraisal_free(a);
	return NULL;
}

struct appraisal *
appraisal_from_doc(xmlDoc *doc, const char *path, const char sha256[65], const struct model *m,
                   struct schema *schema, struct diag *d)
{
	return check_doc(doc, path, sha256, m, schema, d, false);
}

struct appraisal *
appraisal_load(const char *path, const struct model *m, struct schema *schema, struct diag *d)
{
	char sha256[65];
	xmlDoc *doc = xmlload_file(path, NULL, d, sha256);

	return doc != NULL ? appraisal_from_doc(doc, path, sha256, m, schema, d) : NULL;
}

struct appraisal *
appraisal_template_load(const char *path, const struct model *m, struct schema *schema,
                        struct diag *d)
{
	char sha256[65];
	xmlDoc *doc = xmlload_file(path, NULL, d, sha256);

	return doc != NULL ? check_doc(doc, path, sha256, m, schema, d, true) : NULL;
}

void
appraisal_free(struct appraisal *a)
{
	size_t p, i;

	if (a == NULL)
		return;
	for (p = 0; p < a->n_projects; p++) {
		for (i = 0; i < a->n_area_slots; i++) {
			if (a->projects[p].areas[i] != NULL)
				g_free(a->projects[p].areas[i]->ratings);
			g_free(a->projects[p].areas[i]);
		}
		g_free(a->projects[p].areas);
	}
	g_free(a->projects);
	g_free(a->units);
	g_free(a->members);
	g_free(a->participants);
	g_free(a->evidence);
	g_free(a->findings);
	g_free(a->record);
	g_free(a->actions);
	g_free(a->excluded);
	target_free(a->target);
	g_hash_table_destroy(a->evidence_index);
	g_string_chunk_free(a->strings);
	xmlFreeDoc(a->doc);
	g_free(a->path);
	g_free(a);
}
