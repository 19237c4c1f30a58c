/* What making products needs once per run: compiled templates, the document subset's schema, the style sheet and the typesetter. */
#include "doc/press.h"

#include <string.h>

#include <glib.h>

#include "datadir.h"
#include "load/schema.h"

/* Templates are few and named by the program, so a short list will do. */
#define PRESS_TEMPLATES 8

struct press {
	struct {
		char *rel;
		struct xform *x;
	} templates[PRESS_TEMPLATES];
	struct schema *subset;
	struct html_style *style;
	struct typesetter *typesetter;
};

struct press *
press_new(void)
{
	return g_new0(struct press, 1);
}

void
press_free(struct press *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < PRESS_TEMPLATES; i++) {
		g_free(p->templates[i].rel);
		xform_free(p->templates[i].x);
	}
	schema_free(p->subset);
	html_style_free(p->style);
	typeset_free(p->typesetter);
	g_free(p);
}

struct xform *
press_template(struct press *p, const char *rel, struct diag *d)
{
	size_t i;
	char *path;

	for (i = 0; i < PRESS_TEMPLATES && p->templates[i].rel != NULL; i++)
		if (strcmp(p->templates[i].rel, rel) == 0)
			return p->templates[i].x;
	g_assert(i < PRESS_TEMPLATES);
	path = datadir_path(rel);
	p->templates[i].x = xform_load(path, d);
	g_free(path);
	if (p->templates[i].x != NULL)
		p->templates[i].rel = g_strdup(rel);
	return p->templates[i].x;
}

const struct html_style *
press_style(struct press *p, struct diag *d)
{
	if (p->style == NULL)
		p->style = html_style_load(d);
	return p->style;
}

static struct schema *
subset(struct press *p, struct diag *d)
{
	char *path;

	if (p->subset == NULL) {
		path = datadir_path("templates/xhtml-subset.xsd");
		p->subset = schema_load(path, d);
		g_free(path);
	}
	return p->subset;
}

bool
press_load(struct press *p, const char *const *rels, struct diag *d)
{
	bool ok = subset(p, d) != NULL && press_style(p, d) != NULL;

	for (; ok && *rels != NULL; rels++)
		ok = press_template(p, *rels, d) != NULL;
	return ok;
}

xmlDoc *
press_document(struct press *p, const char *rel, xmlDoc *input, const char *const *params,
               struct diag *d)
{
	struct xform *x = press_template(p, rel, d);
	struct schema *s = subset(p, d);
	xmlDoc *doc;

	if (x == NULL || s == NULL)
		return NULL;
	doc = xform_apply(x, input, params, d);
	if (doc != NULL && !schema_validate(s, doc, rel, d)) {
		diag_report(d, DIAG_ERROR, EXIT_INTERNAL, rel, 0, 0,
		            "the template's output leaves the document subset of xhtml-subset.xsd");
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

struct typesetter *
press_typesetter(struct press *p)
{
	if (p->typesetter == NULL)
		p->typesetter = typeset_new();
	return p->typesetter;
}
