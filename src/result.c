/* The result document: computed results as XML, for `rate --format xml` and the product templates. */
#include "result.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#ifndef SSECMM_VERSION
#define SSECMM_VERSION "0.0"
#endif

static xmlNode *
add(xmlNode *parent, const char *name)
{
	return xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);
}

/* Attributes from data go through xmlNewProp, which escapes on output. */
static void
set(xmlNode *node, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

static void
set_int(xmlNode *node, const char *name, long value)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", value);
	set(node, name, buf);
}

static void
add_input(xmlNode *inputs, const char *role, const char *path, const char *sha256)
{
	xmlNode *in = add(inputs, "input");
	char *name = g_path_get_basename(path);

	set(in, "role", role);
	set(in, "name", name);
	set(in, "sha256", sha256);
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
	xmlNode *pn = add(root, "project");
	size_t i, b;

	set(pn, "id", pr->project->id);
	set(pn, "name", pr->project->name);
	for (i = 0; i < r->m->n_pas; i++) {
		const struct area_result *ar = &pr->areas[i];
		xmlNode *an = add(pn, "area");

		set(an, "ref", ar->pa->id);
		if (!ar->in_scope) {
			set(an, "status", "out-of-scope");
			continue;
		}
		if (ar->rate.level == RATE_NOT_APPLICABLE) {
			set(an, "status", "not-applicable");
		} else {
			set(an, "status", "rated");
			set_int(an, "level", ar->rate.level);
			if (ar->rate.next_level > 0)
				set_int(an, "next-level", ar->rate.next_level);
		}
		if (ar->claimed >= 0)
			set_int(an, "claimed", ar->claimed);
		xmlNewTextChild(an, an->ns, (const xmlChar *)"reason", (const xmlChar *)ar->reason);
		for (b = 0; b < ar->rate.n_blockers && b < RATE_MAX_BLOCKERS; b++) {
			const struct rate_item *it = ar->rate.blockers[b];
			xmlNode *bn = add(an, "blocker");

			set(bn, "ref", it->id);
			set(bn, "label", results_label(it->id));
			set(bn, "rating", rate_rating_name(it->rating));
		}
	}
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
	set(root, "format", "1");
	set(root, "tool", "ssecmm " SSECMM_VERSION);

	inputs = add(root, "inputs");
	add_input(inputs, "model", m->path, m->sha256);
	add_input(inputs, "appraisal", a->path, a->sha256);
	if (r->target != NULL && r->target != a->target)
		add_input(inputs, "target", r->target->path, r->target->sha256);

	n = add(root, "model");
	set(n, "standard", m->standard);
	set(n, "version", m->model_version);
	set(n, "data-version", m->data_version);

	n = add(root, "appraisal");
	set(n, "id", a->id);
	set(n, "title", a->title);
	set(n, "organization", a->organization);
	set(n, "method", a->method == RATE_ISO15504 ? "iso15504" : "ssam");
	set(n, "start", a->date_start);
	set(n, "end", a->date_end);
	set(n, "report", a->date_report);
	set(n, "valid-until", a->valid_until);
	set(n, "confidentiality", a->confidentiality);
	set_int(n, "projects", (long)a->n_projects);

	if (r->target != NULL) {
		n = add(root, "target");
		set(n, "id", r->target->id);
		set(n, "title", r->target->title);
		set(n, "issuer", r->target->issuer);
		set(n, "reference", r->target->reference);
	}

	for (i = 0; i < m->n_pas; i++)
		if (r->org[i].in_scope)
			in_scope++;
	n = add(root, "summary");
	set_int(n, "areas", (long)m->n_pas);
	set_int(n, "in-scope", (long)in_scope);
	set_int(n, "targets", (long)r->n_targets);
	set_int(n, "meets", (long)r->n_meets);
	set_int(n, "short", (long)r->n_short);
	set_int(n, "not-appraised", (long)r->n_not_appraised);

	for (i = 0; i < r->n_projects; i++)
		add_project(root, r, &r->projects[i]);

	org = add(root, "organization");
	for (i = 0; i < m->n_pas; i++) {
		const struct org_result *o = &r->org[i];
		xmlNode *an = add(org, "area");

		set(an, "ref", m->pas[i].id);
		if (!o->in_scope)
			set(an, "status", "out-of-scope");
		else if (o->org.level == RATE_NOT_APPLICABLE)
			set(an, "status", "not-applicable");
		else {
			set(an, "status", "rated");
			set_int(an, "level", o->org.level);
			set_int(an, "max-level", o->org.max_level);
			set_int(an, "projects", (long)o->org.n_projects);
		}
		if (o->target >= 0) {
			set_int(an, "target", o->target);
			set(an, "gap-status", gap_status(o->gap.kind));
			set_int(an, "gap", o->gap.gap);
		}
	}
	return doc;
}
