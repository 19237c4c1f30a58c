/* The validate command: check model files (and, by their root element, other inputs). */
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "cmd/commands.h"
#include "datadir.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "load/schema.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"
#include "rate/results.h"

static bool
has_root(xmlDoc *doc, const char *name, const char *ns)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	return root != NULL && strcmp((const char *)root->name, name) == 0 && root->ns != NULL &&
	       strcmp((const char *)root->ns->href, ns) == 0;
}

static void
print_model_summary(struct cli *c, const char *display, const struct model *m)
{
	size_t i, security = 0, project = 0, organization = 0;

	for (i = 0; i < m->n_pas; i++) {
		if (strcmp(m->pas[i].category, "security") == 0)
			security++;
		else if (strcmp(m->pas[i].category, "project") == 0)
			project++;
		else
			organization++;
	}
	/* Names and titles come from the file: printed escaped, as diagnostics are. */
	diag_say(c->out, "%s: valid model: %s, %s", display, m->short_title, m->model_version);
	diag_say(c->out, "  %zu process areas (%zu security, %zu project, %zu organization), "
	         "%zu goals, %zu base practices", m->n_pas, security, project, organization,
	         m->n_goals, m->n_bps);
	diag_say(c->out, "  %d capability levels, %zu common features, %zu generic practices, "
	         "%zu glossary terms", MODEL_LEVELS, m->n_cfs, m->n_gps, m->n_terms);
}

/* Words of the text under node: runs of characters between white space. */
static size_t
count_words(const xmlNode *node)
{
	xmlChar *text = xmlNodeGetContent(node);
	size_t n = 0;
	bool in_word = false;

	for (const xmlChar *p = text; p != NULL && *p != '\0'; p++) {
		bool space = g_ascii_isspace(*p);

		if (!space && !in_word)
			n++;
		in_word = !space;
	}
	xmlFree(text);
	return n;
}

/* --stats: the size of the model's prose, so that thin process areas show.
 * Each area's words cover its summary, goals, base practices (statements,
 * descriptions, work products, notes) and related areas. */
static void
print_model_stats(struct cli *c, const struct model *m)
{
	const xmlNode *root = xmlDocGetRootElement(m->doc);
	size_t total = 0, least = SIZE_MAX, most = 0, i = 0;
	const char *thinnest = "", *fullest = "";

	fprintf(c->out, "  words per process area:\n");
	xn_each(pa, xn_child(root, "process-areas"), "process-area") {
		size_t words = count_words(pa);
		const char *id = xn_attr(pa, "id");

		fprintf(c->out, "    %-5s %6zu  %s\n", id, words, m->pas[i++].title);
		total += words;
		if (words < least) {
			least = words;
			thinnest = id;
		}
		if (words > most) {
			most = words;
			fullest = id;
		}
	}
	if (m->n_pas > 0)
		fprintf(c->out, "  process areas: %zu words, %zu on average, fewest %s (%zu), "
		        "most %s (%zu)\n", total, total / m->n_pas, thinnest, least, fullest, most);
	fprintf(c->out, "  overview %zu words, key concepts %zu, capability levels %zu, "
	        "glossary %zu\n", count_words(xn_child(root, "overview")),
	        xn_child(root, "concepts") ? count_words(xn_child(root, "concepts")) : 0,
	        count_words(xn_child(root, "capability-levels")),
	        count_words(xn_child(root, "glossary")));
}

/* Schemas and the model, loaded on first need and shared by every file. */
struct validate_state {
	struct cli *c;
	struct schema *model_xsd;
	struct schema *appraisal_xsd;
	struct model *model;
	bool model_failed;
};

static struct schema *
load_schema(struct validate_state *st, struct schema **slot, const char *rel)
{
	if (*slot == NULL) {
		char *xsd = datadir_path(rel);

		*slot = schema_load(xsd, &st->c->diag);
		g_free(xsd);
	}
	return *slot;
}

static struct model *
load_model(struct validate_state *st)
{
	if (st->model == NULL && !st->model_failed) {
		if (load_schema(st, &st->model_xsd, "model-xml/model.xsd") != NULL)
			st->model = model_load(st->c->model_path, st->model_xsd, &st->c->diag);
		st->model_failed = st->model == NULL;
	}
	return st->model;
}

/* The plural ending of an English noun that takes -s, for n of them. */
static const char *
plural_s(size_t n)
{
	return n == 1 ? "" : "s";
}

static void
print_appraisal_summary(struct cli *c, const char *display, const struct appraisal *a,
                        const struct model *m)
{
	size_t i, in_scope = 0, ratings = 0, p;

	for (i = 0; i < m->n_pas; i++)
		if (a->excluded[i] == NULL)
			in_scope++;
	for (p = 0; p < a->n_projects; p++)
		for (i = 0; i < m->n_pas; i++)
			if (a->projects[p].areas[i] != NULL)
				ratings += a->projects[p].areas[i]->n_ratings;
	/* The record's status comes first in the summary: a draft is not yet
	 * the assessment record, whatever else the file holds. */
	if (a->record != NULL)
		diag_say(c->out, "%s: valid appraisal %s (%s, method %s), %s version %s", display,
		         a->id, a->organization, a->method == RATE_ISO15504 ? "iso15504" : "ssam",
		         a->record->draft ? "draft" : "final", a->record->version);
	else
		diag_say(c->out, "%s: valid appraisal %s (%s, method %s)", display, a->id,
		         a->organization, a->method == RATE_ISO15504 ? "iso15504" : "ssam");
	diag_say(c->out, "  %zu of %zu process areas in scope, %zu project%s, %zu rating%s, "
	         "%zu evidence item%s, %zu finding%s%s", in_scope, m->n_pas, a->n_projects,
	         plural_s(a->n_projects), ratings, plural_s(ratings), a->n_evidence,
	         plural_s(a->n_evidence), a->n_findings, plural_s(a->n_findings),
	         a->target != NULL ? ", target profile included" : "");
}

static bool
validate_one(struct validate_state *st, const char *path)
{
	struct cli *c = st->c;
	const char *display = strcmp(path, "-") == 0 ? "<stdin>" : path;
	const char sha256[65] = "";   /* validation records no digest */
	xmlDoc *doc;
	xmlNode *root;

	doc = xmlload_file(path, NULL, &c->diag, NULL);
	if (doc == NULL)
		return false;
	if (has_root(doc, "model", MODEL_NS)) {
		struct model *m;

		if (load_schema(st, &st->model_xsd, "model-xml/model.xsd") == NULL) {
			xmlFreeDoc(doc);
			return false;
		}
		m = model_from_doc(doc, path, sha256, st->model_xsd, &c->diag);
		if (m == NULL)
			return false;
		if (!c->quiet)
			print_model_summary(c, display, m);
		if (c->stats)
			print_model_stats(c, m);
		model_free(m);
		return true;
	}
	if (has_root(doc, "appraisal", APPRAISAL_NS) ||
	    has_root(doc, "target-profile", APPRAISAL_NS)) {
		bool is_appraisal = has_root(doc, "appraisal", APPRAISAL_NS);
		struct model *m = load_model(st);

		if (m == NULL || load_schema(st, &st->appraisal_xsd, "model-xml/appraisal.xsd") ==
		                     NULL) {
			xmlFreeDoc(doc);
			return false;
		}
		if (is_appraisal) {
			struct appraisal *a = appraisal_from_doc(doc, path, sha256, m,
			                                         st->appraisal_xsd, &c->diag);
			struct results *r;

			if (a == NULL)
				return false;
			/* Computing the levels brings the lint warnings that need them. */
			r = results_compute(m, a, a->target);
			results_report(r, &c->diag);
			if (!c->quiet)
				print_appraisal_summary(c, display, a, m);
			results_free(r);
			appraisal_free(a);
		} else {
			struct target *t = target_from_doc(doc, path, sha256, m, st->appraisal_xsd,
			                                   &c->diag);
			size_t i, n = 0;

			if (t == NULL)
				return false;
			for (i = 0; i < m->n_pas; i++)
				if (t->levels[i] >= 0)
					n++;
			if (!c->quiet)
				diag_say(c->out, "%s: valid target profile %s (%s): %zu process areas",
				         display, t->id, t->issuer, n);
			target_free(t);
		}
		return true;
	}
	root = xmlDocGetRootElement(doc);
	diag_report(&c->diag, display, xmlload_line(root), 0, M_UNKNOWN_DOCUMENT, root->name,
	            root->ns ? (const char *)root->ns->href : "", MODEL_NS, APPRAISAL_NS);
	xmlFreeDoc(doc);
	return false;
}

int
cmd_validate(struct cli *c)
{
	struct validate_state st = {c, NULL, NULL, NULL, false};
	int i;

	for (i = 0; i < c->n_operands; i++)
		validate_one(&st, c->operands[i]);
	model_free(st.model);
	schema_free(st.model_xsd);
	schema_free(st.appraisal_xsd);
	return c->diag.status;
}
