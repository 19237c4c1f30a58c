/* Appraisal results: loaded from XML and checked against the model. */
#include "load/appraisal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/checker.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"

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

char *
appraisal_evidence_list(const char *list)
{
	gchar **ids = g_strsplit_set(list != NULL ? list : "", " \t\r\n", -1);
	GString *cell = g_string_new(NULL);
	size_t i;

	for (i = 0; ids[i] != NULL; i++) {
		if (*ids[i] == '\0')
			continue;
		if (cell->len > 0)
			g_string_append_c(cell, ' ');
		g_string_append(cell, ids[i]);
	}
	g_strfreev(ids);
	return g_string_free(cell, FALSE);
}

int
appraisal_pa_index(const struct model *m, const struct model_pa *pa)
{
	return pa != NULL ? (int)(pa - m->pas) : -1;
}

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

	a->id = checker_attr(C, root, "id");
	a->title = checker_text(C, root, "title");
	a->model_version = checker_text(C, root, "model-version");
	a->sponsor = checker_text(C, root, "sponsor");
	a->organization = checker_text(C, org, "name");
	a->n_units = xn_count(org, "unit");
	a->units = g_new0(const char *, a->n_units + 1);
	xn_each(u, org, "unit") {
		char *t = xn_text(u);

		a->units[i++] = checker_keep(C, t);
		g_free(t);
	}
	a->date_start = checker_attr(C, dates, "start");
	a->date_end = checker_attr(C, dates, "end");
	a->date_report = checker_attr(C, dates, "report");
	a->valid_until = checker_attr(C, dates, "valid-until");
	a->confidentiality = checker_text(C, root, "confidentiality");

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

		x->name = checker_attr(C, mb, "name");
		x->role = checker_attr(C, mb, "role");
		x->affiliation = checker_attr(C, mb, "affiliation");
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

		x->role = checker_attr(C, p, "role");
		x->count = count != NULL ? (unsigned)strtoul(count, NULL, 10) : 1;
		x->project = checker_attr(C, p, "project");
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
	a->scope_description = checker_text(C, scope, "description");
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
		a->excluded[appraisal_pa_index(m, pa)] = checker_keep(C, why);
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
		x->id = checker_keep(C, id);
		x->name = checker_attr(C, p, "name");
		x->description = checker_text(C, p, "description");
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
		e->id = checker_keep(C, id);
		e->kind = checker_attr(C, it, "kind");
		e->date = checker_attr(C, it, "date");
		e->title = checker_text(C, it, "title");
		e->location = checker_text(C, it, "location");
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
		r->ref = checker_keep(C, ref);
		rate_parse_rating(xn_attr(pr, "rating"), &r->rating); /* schema checked */
		r->evidence = checker_attr(C, pr, "evidence");
		r->note = checker_text(C, pr, "note");
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
		x->id = checker_keep(C, id);
		snprintf(who, sizeof who, "finding %s: ", id);
		x->kind = checker_attr(C, f, "kind");
		x->practices = checker_attr(C, f, "practices");
		x->project = checker_attr(C, f, "project");
		x->evidence = checker_attr(C, f, "evidence");
		x->summary = checker_text(C, f, "summary");
		x->recommendation = checker_text(C, f, "recommendation");
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
					checker_report(C, r->line, M_RATED_WITHOUT_EVIDENCE,
					            r->ref, a->projects[p].id,
					            rate_rating_name(r->rating));
				if (a->method == RATE_ISO15504 && strncmp(r->ref, "GP-", 3) == 0)
					checker_report(C, r->line, M_PRACTICE_NOT_COUNTED, r->ref);
			}
		}
	}
	if (a->record == NULL)
		checker_report(C, xmlload_line(xmlDocGetRootElement(a->doc)),
		            M_NO_RECORD_FORMAT_1);
	for (i = 0; i < a->n_evidence; i++)
		if (a->evidence[i].references == 0)
			checker_report(C, a->evidence[i].line, M_EVIDENCE_NEVER_CITED,
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
	if (!checker_has_root(doc, "appraisal")) {
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
