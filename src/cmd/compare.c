/* The compare command: one organization appraised several times, and what changed from each appraisal to the next. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cmd/commands.h"
#include "cmd/products.h"
#include "doc/resultdoc.h"
#include "doc/xmlbuild.h"
#include "load/lang.h"
#include "rate/names.h"

struct comparison {
	const struct model *m;
	struct rated *rated;       /* oldest first */
	size_t n;
	char *previous_label, *current_label;
};

/* An organization-wide level as a chart value. */
static int
chart_level(const struct org_result *o)
{
	return !o->in_scope ? CHART_OUT : o->org.level == RATE_NOT_APPLICABLE ? CHART_NA
	                                                                     : o->org.level;
}

/* The chart: the latest appraisal's levels as bars, the oldest's as
 * outlines, the latest target as marks. */
struct chart *
compare_chart(void *ctx, const char *scope, char **title)
{
	struct comparison *cmp = ctx;
	const struct results *first = cmp->rated[0].results, *last = cmp->rated[cmp->n - 1].results;
	struct chart_bar *bars;
	struct chart *c;
	size_t i;

	if (strcmp(scope, "organization") != 0)
		return NULL;
	bars = g_new0(struct chart_bar, cmp->m->n_pas ? cmp->m->n_pas : 1);
	for (i = 0; i < cmp->m->n_pas; i++) {
		bars[i].label = cmp->m->pas[i].id;
		bars[i].level = chart_level(&last->org[i]);
		bars[i].max_level = -1;
		bars[i].target = last->org[i].target;
		bars[i].has_previous = true;
		bars[i].previous = chart_level(&first->org[i]);
	}
	c = chart_comparison(bars, cmp->m->n_pas, cmp->previous_label, cmp->current_label);
	g_free(bars);
	*title = g_strdup_printf("Capability profile of %s: levels of %s as bars, of %s as "
	                         "outlines%s", last->a->organization, last->a->id, first->a->id,
	                         last->target != NULL ? ", with the target levels" : "");
	return c;
}

static void
add_level(xmlNode *parent, size_t n, const struct org_result *o)
{
	xmlNode *at = xb_add(parent, "at");

	xb_set_int(at, "n", (long)n);
	if (!o->in_scope)
		xb_set(at, "status", "out-of-scope");
	else if (o->org.level == RATE_NOT_APPLICABLE)
		xb_set(at, "status", "not-applicable");
	else {
		xb_set(at, "status", "rated");
		xb_set_int(at, "level", o->org.level);
		if (o->org.max_level > o->org.level)
			xb_set_int(at, "max-level", o->org.max_level);
	}
}

static const struct ap_project *
find_project(const struct appraisal *a, const char *id)
{
	size_t i;

	for (i = 0; i < a->n_projects; i++)
		if (strcmp(a->projects[i].id, id) == 0)
			return &a->projects[i];
	return NULL;
}

static enum rating
rating_of(const struct ap_area *area, const char *ref)
{
	size_t i;

	for (i = 0; area != NULL && i < area->n_ratings; i++)
		if (strcmp(area->ratings[i].ref, ref) == 0)
			return area->ratings[i].rating;
	return RATING_UNRATED;
}

static void
add_change(xmlNode *parent, size_t step, const char *project, const char *ref,
           enum rating before, enum rating after)
{
	xmlNode *c = xb_add(parent, "change");

	xb_set_int(c, "step", (long)step);
	xb_set(c, "project", project);
	xb_set(c, "practice", ref);
	xb_set(c, "label", results_label(ref));
	xb_set(c, "from", rate_rating_name(before));
	xb_set(c, "to", rate_rating_name(after));
}

/* The practices of area pa_i whose rating changed from appraisal step-1 to
 * step, per project the two have in common: the later appraisal's ratings
 * in their order, then the practices only the earlier one rated. */
static void
add_changes(xmlNode *parent, const struct appraisal *before, const struct appraisal *after,
            size_t step, size_t pa_i)
{
	size_t p, i;

	for (p = 0; p < after->n_projects; p++) {
		const struct ap_project *np = &after->projects[p];
		const struct ap_project *op = find_project(before, np->id);
		const struct ap_area *na, *oa;

		if (op == NULL)
			continue;
		na = np->areas[pa_i];
		oa = op->areas[pa_i];
		for (i = 0; na != NULL && i < na->n_ratings; i++) {
			enum rating was = rating_of(oa, na->ratings[i].ref);

			if (was != na->ratings[i].rating)
				add_change(parent, step, np->id, na->ratings[i].ref, was,
				           na->ratings[i].rating);
		}
		for (i = 0; oa != NULL && i < oa->n_ratings; i++)
			if (rating_of(na, oa->ratings[i].ref) == RATING_UNRATED &&
			    oa->ratings[i].rating != RATING_UNRATED)
				add_change(parent, step, np->id, oa->ratings[i].ref, oa->ratings[i].rating,
				           RATING_UNRATED);
	}
}

static bool
shares_practice(const char *a, const char *b)
{
	char **xs, **ys, **x, **y;
	bool shared = false;

	/* A finding about the whole area meets every finding of that area. */
	if (a == NULL || b == NULL)
		return true;
	xs = g_strsplit_set(a, " \t\n", -1);
	ys = g_strsplit_set(b, " \t\n", -1);
	for (x = xs; *x != NULL && !shared; x++)
		for (y = ys; **x != '\0' && *y != NULL && !shared; y++)
			shared = strcmp(*x, *y) == 0;
	g_strfreev(xs);
	g_strfreev(ys);
	return shared;
}

/* A space-separated list of practice ids as people write them: "GP 2.1.2,
 * BP.01.02".  The caller frees the result. */
static char *
practice_labels(const char *ids)
{
	char **xs = g_strsplit_set(ids, " \t\r\n", -1), **x;
	GString *out = g_string_new(NULL);

	for (x = xs; *x != NULL; x++)
		if (**x != '\0')
			g_string_append_printf(out, "%s%s", out->len ? ", " : "", results_label(*x));
	g_strfreev(xs);
	return g_string_free(out, FALSE);
}

/* The first weakness of a about the same area and practice as f, or NULL. */
static const struct ap_finding *
matching_weakness(const struct appraisal *a, const struct ap_finding *f)
{
	size_t i;

	for (i = 0; i < a->n_findings; i++)
		if (strcmp(a->findings[i].kind, "weakness") == 0 && a->findings[i].pa == f->pa &&
		    shares_practice(a->findings[i].practices, f->practices))
			return &a->findings[i];
	return NULL;
}

/* Weaknesses of `from` as <finding change="...">: "closed" (from the
 * earlier, unmatched in the later), "new" (from the later, unmatched in the
 * earlier) or "open" (from the later, matched: carried over, with the
 * earlier weakness it matches as was="ID"). */
static void
add_findings(xmlNode *root, const struct appraisal *from, const struct appraisal *other,
             size_t step, const char *change)
{
	bool open = strcmp(change, "open") == 0;
	size_t i;

	for (i = 0; i < from->n_findings; i++) {
		const struct ap_finding *f = &from->findings[i];
		const struct ap_finding *match;
		xmlNode *n;

		if (strcmp(f->kind, "weakness") != 0)
			continue;
		match = matching_weakness(other, f);
		if ((match != NULL) != open)
			continue;
		n = xb_add(root, "finding");
		xb_set(n, "change", change);
		xb_set_int(n, "step", (long)step);
		xb_set(n, "id", f->id);
		if (match != NULL)
			xb_set(n, "was", match->id);
		xb_set(n, "area", f->pa != NULL ? f->pa->id : NULL);
		if (f->practices != NULL) {
			char *labels = practice_labels(f->practices);

			xb_set(n, "practices", labels);
			g_free(labels);
		}
		xb_set(n, "project", f->project);
		xmlNewTextChild(n, n->ns, (const xmlChar *)"summary", (const xmlChar *)f->summary);
	}
}

/* The level of one project in one area, as attributes prefix-status and
 * prefix-level. */
static void
set_project_level(xmlNode *n, const char *prefix, const struct area_result *ar)
{
	char name[32];

	snprintf(name, sizeof name, "%s-status", prefix);
	if (!ar->in_scope)
		xb_set(n, name, "out-of-scope");
	else if (ar->rate.level == RATE_NOT_APPLICABLE)
		xb_set(n, name, "not-applicable");
	else {
		xb_set(n, name, "rated");
		snprintf(name, sizeof name, "%s-level", prefix);
		xb_set_int(n, name, ar->rate.level);
	}
}

/* Like for like: area pa_i's level in each project appraised both at step-1
 * and at step, as <project step project from-... to-...>. */
static void
add_project_levels(xmlNode *area, const struct results *before, const struct results *after,
                   size_t step, size_t pa_i)
{
	size_t p, q;

	for (p = 0; p < after->n_projects; p++) {
		const char *id = after->projects[p].project->id;

		for (q = 0; q < before->n_projects; q++)
			if (strcmp(before->projects[q].project->id, id) == 0)
				break;
		if (q == before->n_projects)
			continue;
		xmlNode *n = xb_add(area, "project");

		xb_set_int(n, "step", (long)step);
		xb_set(n, "id", id);
		set_project_level(n, "from", &before->projects[q].areas[pa_i]);
		set_project_level(n, "to", &after->projects[p].areas[pa_i]);
	}
}

/* Which projects two consecutive appraisals share, and which only one of
 * them has: <step n common="..." only-before="..." only-after="...">, lists
 * of project ids; same="false" when the sets differ, so that the
 * organization's level (the minimum over different projects) is not
 * compared as if like for like. */
static void
add_step(xmlNode *root, const struct appraisal *before, const struct appraisal *after,
         size_t step)
{
	GString *common = g_string_new(NULL), *only_before = g_string_new(NULL),
	        *only_after = g_string_new(NULL);
	xmlNode *n = xb_add(root, "step");
	size_t i;

	for (i = 0; i < after->n_projects; i++) {
		GString *to = find_project(before, after->projects[i].id) != NULL ? common : only_after;

		g_string_append_printf(to, "%s%s", to->len ? " " : "", after->projects[i].id);
	}
	for (i = 0; i < before->n_projects; i++)
		if (find_project(after, before->projects[i].id) == NULL)
			g_string_append_printf(only_before, "%s%s", only_before->len ? " " : "",
			                       before->projects[i].id);
	xb_set_int(n, "n", (long)step);
	xb_set(n, "same", only_before->len == 0 && only_after->len == 0 ? "true" : "false");
	if (common->len)
		xb_set(n, "common", common->str);
	if (only_before->len)
		xb_set(n, "only-before", only_before->str);
	if (only_after->len)
		xb_set(n, "only-after", only_after->str);
	g_string_free(common, TRUE);
	g_string_free(only_before, TRUE);
	g_string_free(only_after, TRUE);
}

/* The document templates/compare.xsl reads. */
static xmlDoc *
comparison_input(const struct comparison *cmp)
{
	const struct model *m = cmp->m;
	const struct results *last = cmp->rated[cmp->n - 1].results;
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = xmlNewDocNode(doc, NULL, (const xmlChar *)"comparison", NULL);
	xmlNs *ns = xmlNewNs(root, (const xmlChar *)RESULT_NS, NULL);
	size_t i, k;

	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	xb_set_int(root, "appraisals", (long)cmp->n);
	xb_set(root, "standard", m->standard);
	for (k = 0; k < cmp->n; k++) {
		const struct appraisal *a = cmp->rated[k].appraisal;
		xmlNode *n = xb_add(root, "appraisal");
		char *name = g_path_get_basename(a->path);

		xb_set_int(n, "n", (long)(k + 1));
		xb_set(n, "file", name);
		xb_set(n, "id", a->id);
		xb_set(n, "title", a->title);
		xb_set(n, "organization", a->organization);
		lang_copy(n, a->doc);
		xb_set(n, "model-version", a->model_version);
		xb_set(n, "method", a->method == RATE_ISO15504 ? "iso15504" : "ssam");
		xb_set(n, "start", a->date_start);
		xb_set(n, "end", a->date_end);
		xb_set(n, "confidentiality", a->confidentiality);
		xb_set_int(n, "projects", (long)a->n_projects);
		g_free(name);
	}
	for (k = 1; k < cmp->n; k++)
		add_step(root, cmp->rated[k - 1].appraisal, cmp->rated[k].appraisal, k + 1);
	if (last->target != NULL) {
		xmlNode *t = xb_add(root, "target");

		xb_set(t, "id", last->target->id);
		xb_set(t, "title", last->target->title);
		xb_set(t, "issuer", last->target->issuer);
		xb_set(t, "reference", last->target->reference);
	}
	for (i = 0; i < m->n_pas; i++) {
		xmlNode *area = xb_add(root, "area");

		xb_set(area, "ref", m->pas[i].id);
		xb_set(area, "title", m->pas[i].title);
		for (k = 0; k < cmp->n; k++)
			add_level(area, k + 1, &cmp->rated[k].results->org[i]);
		for (k = 0; k < cmp->n; k++) {
			const struct org_result *o = &cmp->rated[k].results->org[i];

			if (o->target < 0)
				continue;
			xmlNode *t = xb_add(area, "target");

			xb_set_int(t, "n", (long)(k + 1));
			xb_set_int(t, "level", o->target);
			xb_set(t, "status", o->gap.kind == GAP_MEETS   ? "meets"
			                 : o->gap.kind == GAP_SHORT ? "short"
			                                            : "not-appraised");
			xb_set_int(t, "gap", o->gap.gap);
		}
		for (k = 1; k < cmp->n; k++)
			add_project_levels(area, cmp->rated[k - 1].results, cmp->rated[k].results, k + 1,
			                   i);
		for (k = 1; k < cmp->n; k++)
			add_changes(area, cmp->rated[k - 1].appraisal, cmp->rated[k].appraisal, k + 1, i);
	}
	for (k = 1; k < cmp->n; k++) {
		add_findings(root, cmp->rated[k - 1].appraisal, cmp->rated[k].appraisal, k + 1,
		             "closed");
		add_findings(root, cmp->rated[k].appraisal, cmp->rated[k - 1].appraisal, k + 1, "new");
		add_findings(root, cmp->rated[k].appraisal, cmp->rated[k - 1].appraisal, k + 1, "open");
	}
	return doc;
}

/* Every appraisal was checked against the one model loaded (its declared
 * model version among the checks), so the levels compare.  Dates out of
 * order and different organizations are only warned about: the order given
 * is the order shown. */
static void
warn_oddities(struct cli *c, const struct comparison *cmp)
{
	const struct appraisal *first = cmp->rated[0].appraisal;
	size_t k;

	for (k = 1; k < cmp->n; k++) {
		const struct appraisal *a = cmp->rated[k].appraisal, *prev = cmp->rated[k - 1].appraisal;
		size_t j;

		/* The same bytes twice (the same file, or a copy): nothing changed
		 * because nothing was compared. */
		for (j = 0; j < k; j++)
			if (strcmp(a->sha256, cmp->rated[j].appraisal->sha256) == 0)
				diag_report(&c->diag, a->path, 1, 0, M_SAME_APPRAISAL,
				            cmp->rated[j].appraisal->path);

		if (g_strcmp0(a->date_end, prev->date_end) < 0)
			diag_report(&c->diag, a->path, 0, 0, M_COMPARE_OUT_OF_ORDER,
			            a->date_end, prev->path, prev->date_end);
		/* The same name written in full-width letters, or with its accents
		 * decomposed, or in other case, is the same organization. */
		if (!names_equal(a->organization, first->organization))
			diag_report(&c->diag, a->path, 0, 0, M_DIFFERENT_ORGANIZATION,
			            a->organization, first->path, first->organization);
	}
}

int
cmd_compare(struct cli *c)
{
	struct product_dest dest = {0};
	struct comparison cmp = {0};
	struct pipeline *pl = NULL;
	xmlDoc *input = NULL;
	const char **inputs;
	char *stem = NULL, *first_end = NULL, *last_end = NULL;
	size_t k;
	bool ok;
	int status;

	dest.allowed = pipeline_product(PRODUCT_COMPARISON)->formats;
	if ((status = product_dest_from_cli(c, &dest)) >= 0)
		return status;
	cmp.n = (size_t)c->n_operands;
	cmp.rated = g_new0(struct rated, cmp.n);
	inputs = g_new0(const char *, cmp.n + 2);
	ok = (pl = pipeline_new(c->model_path, &c->diag)) != NULL;
	if (ok)
		pipeline_warm_fonts(pl, &dest);
	for (k = 0; ok && k < cmp.n; k++)
		ok = pipeline_rate(pl, c->operands[k], c->target_path, &cmp.rated[k], &c->diag);
	if (!ok)
		goto done;
	warn_oddities(c, &cmp);
	cmp.m = pipeline_model(pl);
	first_end = appraisal_prose_date(cmp.rated[0].appraisal->date_end);
	last_end = appraisal_prose_date(cmp.rated[cmp.n - 1].appraisal->date_end);
	cmp.previous_label = g_strdup_printf("Outline: %s (ended %s)",
	                                     cmp.rated[0].appraisal->id, first_end);
	cmp.current_label = g_strdup_printf("Bars: %s (ended %s)",
	                                    cmp.rated[cmp.n - 1].appraisal->id, last_end);
	for (k = 0; k < cmp.n; k++) {
		inputs[k] = c->operands[k];
		product_check_glyphs(&dest, cmp.rated[k].results->a, &c->diag);
	}
	inputs[cmp.n] = c->target_path;
	inputs[cmp.n + 1] = c->model_path;
	dest.inputs = inputs;
	dest.n_inputs = cmp.n + 2;
	dest.input_path = c->operands[cmp.n - 1];
	stem = product_stem(c->operands[cmp.n - 1]);
	input = comparison_input(&cmp);
	pipeline_make(pl, PRODUCT_COMPARISON, input, &cmp, stem, &dest, &c->diag);
done:
	xmlFreeDoc(input);
	g_free(stem);
	g_free(first_end);
	g_free(last_end);
	g_free(cmp.previous_label);
	g_free(cmp.current_label);
	for (k = 0; k < cmp.n; k++)
		rated_free(&cmp.rated[k]);
	g_free(cmp.rated);
	g_free(inputs);
	pipeline_free(pl);
	return c->diag.status;
}
