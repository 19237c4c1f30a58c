/* The state of a run (model, schemas, compiled templates, style sheet, typesetter) and the table of the products made from it. */
#include "pipeline.h"

#include <errno.h>
#include <string.h>

#include <glib.h>

#include "datadir.h"
#include "doc/resultdoc.h"
#include "doc/xform.h"
#include "load/lang.h"
#include "load/schema.h"
#include "render/html.h"
#include "render/office.h"

#ifndef SSECMM_VERSION
#define SSECMM_VERSION "0.0"
#endif

/* The templates' parameters: the generator's name and version. */
static const char *const template_params[] = {"generator", "ssecmm " SSECMM_VERSION, NULL};

/* Every product, in one place: a new product is a row here and a template
 * under templates/. */
static const struct product products[PRODUCT_COUNT] = {
	[PRODUCT_HANDBOOK] = {"handbook", "templates/handbook.xsl", "sse-cmm-handbook", NULL,
	                      PRODUCT_HTML | PRODUCT_PDF, NULL},
	[PRODUCT_REPORT] = {"report", "templates/report.xsl", NULL, "-report",
	                    PRODUCT_HTML | PRODUCT_PDF | PRODUCT_DOCX | PRODUCT_ODT,
	                    pipeline_profile_chart},
	[PRODUCT_STATEMENT] = {"statement", "templates/statement.xsl", NULL, "-statement",
	                       PRODUCT_HTML | PRODUCT_PDF | PRODUCT_DOCX | PRODUCT_ODT,
	                       pipeline_profile_chart},
	[PRODUCT_COMPARISON] = {"compare", "templates/compare.xsl", NULL, "-comparison",
	                        PRODUCT_HTML | PRODUCT_PDF, compare_chart},
	[PRODUCT_INDEX] = {"index", "templates/index.xsl", "index", NULL,
	                   PRODUCT_HTML | PRODUCT_PDF, NULL},
	[PRODUCT_CHART] = {"chart", NULL, NULL, "-chart", PRODUCT_SVG | PRODUCT_PNG | PRODUCT_PDF,
	                   pipeline_profile_chart},
	[PRODUCT_RESULT] = {"result", NULL, NULL, "-result", PRODUCT_XML, NULL},
};

/* The renderings of a product document, in the order they are written;
 * each format's name, as --format takes it, and file extension. */
static const struct rendering {
	int format;
	const char *name;
	const char *ext;
} renderings[] = {
	{PRODUCT_PDF, "pdf", ".pdf"},
	{PRODUCT_HTML, "html", ".html"},
	{PRODUCT_DOCX, "docx", ".docx"},
	{PRODUCT_ODT, "odt", ".odt"},
};
#define N_RENDERINGS (sizeof renderings / sizeof renderings[0])

struct pipeline {
	struct session session;            /* the schemas and the model */
	struct xform *templates[PRODUCT_COUNT];   /* compiled on first use */
	struct xform *office[OFFICE_KINDS];       /* the same */
	struct schema *subset;             /* templates/xhtml-subset.xsd */
	struct html_style *style;
	struct typesetter *typesetter;
};

const struct product *
pipeline_product(enum product_id id)
{
	g_assert(id < PRODUCT_COUNT);
	return &products[id];
}

struct pipeline *
pipeline_new(const char *model_path, struct diag *d)
{
	struct pipeline *pl = g_new0(struct pipeline, 1);

	if (!session_open(&pl->session, model_path, d)) {
		pipeline_free(pl);
		return NULL;
	}
	return pl;
}

void
pipeline_free(struct pipeline *pl)
{
	size_t i;

	if (pl == NULL)
		return;
	for (i = 0; i < PRODUCT_COUNT; i++)
		xform_free(pl->templates[i]);
	for (i = 0; i < OFFICE_KINDS; i++)
		xform_free(pl->office[i]);
	schema_free(pl->subset);
	html_style_free(pl->style);
	typeset_free(pl->typesetter);
	session_close(&pl->session);
	g_free(pl);
}

const struct model *
pipeline_model(const struct pipeline *pl)
{
	return pl->session.model;
}

static struct xform *
template_of(struct pipeline *pl, enum product_id id, struct diag *d)
{
	char *path;

	g_assert(products[id].template != NULL);
	if (pl->templates[id] == NULL) {
		path = datadir_path(products[id].template);
		pl->templates[id] = xform_load(path, d);
		g_free(path);
	}
	return pl->templates[id];
}

static struct xform *
office_of(struct pipeline *pl, enum office_kind kind, struct diag *d)
{
	char *path;

	if (pl->office[kind] == NULL) {
		path = datadir_path(office_template(kind));
		pl->office[kind] = xform_load(path, d);
		g_free(path);
	}
	return pl->office[kind];
}

static struct schema *
subset_of(struct pipeline *pl, struct diag *d)
{
	char *path;

	if (pl->subset == NULL) {
		path = datadir_path("templates/xhtml-subset.xsd");
		pl->subset = schema_load(path, d);
		g_free(path);
	}
	return pl->subset;
}

static const struct html_style *
style_of(struct pipeline *pl, struct diag *d)
{
	if (pl->style == NULL)
		pl->style = html_style_load(d);
	return pl->style;
}

static struct typesetter *
typesetter_of(struct pipeline *pl)
{
	if (pl->typesetter == NULL)
		pl->typesetter = typeset_new();
	return pl->typesetter;
}

bool
pipeline_prepare(struct pipeline *pl, const enum product_id *ids, bool pdf, struct diag *d)
{
	bool ok = subset_of(pl, d) != NULL && style_of(pl, d) != NULL;

	for (; ok && *ids != PRODUCT_COUNT; ids++)
		ok = template_of(pl, *ids, d) != NULL;
	if (ok && pdf && !typeset_prepare(typesetter_of(pl))) {
		diag_report(d, NULL, 0, 0, M_FONT_THREADS_HANG);
		ok = false;
	}
	return ok;
}

void
pipeline_warm_fonts(struct pipeline *pl, const struct product_dest *dest)
{
	if (dest->formats & PRODUCT_PDF)
		typeset_warm_fonts(typesetter_of(pl));
}

bool
pipeline_rate(struct pipeline *pl, const char *path, const char *target_path,
              struct rated *out, struct diag *d)
{
	pl->session.diag = d;
	return session_rate(&pl->session, path, target_path, out);
}

bool
pipeline_rate_doc(struct pipeline *pl, xmlDoc *doc, const char *path, const char *sha256,
                  const char *target_path, struct rated *out, struct diag *d)
{
	struct appraisal *a = NULL;

	pl->session.diag = d;
	if (doc != NULL)
		a = appraisal_from_doc(doc, path, sha256, pl->session.model,
		                       pl->session.appraisal_xsd, d);
	return session_rate_appraisal(&pl->session, a, target_path, out);
}

int
pipeline_format_named(const char *name)
{
	for (size_t i = 0; i < N_RENDERINGS; i++)
		if (strcmp(name, renderings[i].name) == 0)
			return renderings[i].format;
	return 0;
}

int
pipeline_format_of_path(const char *path)
{
	for (size_t i = 0; i < N_RENDERINGS; i++) {
		size_t n = strlen(path), e = strlen(renderings[i].ext);

		if (n >= e && g_ascii_strcasecmp(path + n - e, renderings[i].ext) == 0)
			return renderings[i].format;
	}
	return 0;
}

bool
product_names_directory(const char *option)
{
	return g_str_has_suffix(option, "/") || g_file_test(option, G_FILE_TEST_IS_DIR);
}

char *
product_path(const struct product_dest *dest, const char *name, const char *ext)
{
	const char *option = dest->output;
	char *dir, *file, *path;

	if (option != NULL && !product_names_directory(option))
		return g_strdup(option);
	dir = option != NULL ? g_strdup(option)
	      : dest->input_path != NULL ? g_path_get_dirname(dest->input_path) : g_strdup(".");
	file = g_strconcat(name, ext, NULL);
	path = g_build_filename(dir, file, NULL);
	g_free(file);
	g_free(dir);
	return path;
}

/* Transform input with id's template and check that the result stays
 * inside templates/xhtml-subset.xsd, the document both renderings read.  A
 * template that leaves the subset is a bug in the program (EXIT_INTERNAL),
 * never a document to print.  NULL after reporting; the caller frees. */
static xmlDoc *
document_of(struct pipeline *pl, enum product_id id, xmlDoc *input, struct diag *d)
{
	struct xform *x = template_of(pl, id, d);
	struct schema *s = subset_of(pl, d);
	const char *rel = products[id].template;
	xmlDoc *doc;

	if (x == NULL || s == NULL)
		return NULL;
	doc = xform_apply(x, input, template_params, d);
	if (doc != NULL && !schema_validate(s, doc, rel, d)) {
		diag_report(d, rel, 0, 0, M_OUTPUT_LEAVES_SUBSET);
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

static void
wrote(const struct product_dest *dest, const char *path)
{
	if (dest->log != NULL && strcmp(path, "-") != 0)
		diag_say(dest->log, "ssecmm: wrote %s", path);
}

/* Write doc as the rendering r of the product row to o (committed or
 * aborted).  False after reporting. */
static bool
render(struct pipeline *pl, const struct rendering *r, const struct product *row, xmlDoc *doc,
       void *ctx, const struct product_dest *dest, struct output *o, struct diag *d)
{
	enum office_kind kind = r->format == PRODUCT_DOCX ? OFFICE_DOCX : OFFICE_ODT;
	struct xform *x;

	switch (r->format) {
	case PRODUCT_PDF:
		return typeset_render(typesetter_of(pl), doc, dest->paper, row->charts, ctx, o, d);
	case PRODUCT_HTML:
		return html_write(doc, style_of(pl, d), row->charts, ctx, o, d);
	default:
		if ((x = office_of(pl, kind, d)) == NULL) {
			output_abort(o);
			return false;
		}
		return office_write(x, kind, doc, dest->paper, row->charts, ctx, o, d);
	}
}

bool
pipeline_make(struct pipeline *pl, enum product_id id, xmlDoc *input, void *ctx,
              const char *stem, const struct product_dest *dest, struct diag *d)
{
	const struct product *row = pipeline_product(id);
	struct output_set *set;
	struct output *outs[N_RENDERINGS] = {0};
	char *paths[N_RENDERINGS] = {0};
	xmlDoc *doc;
	char *name;
	bool ok = true;
	size_t i;

	if ((dest->formats & PRODUCT_HTML) && style_of(pl, d) == NULL)
		return false;
	if (dest->output != NULL && g_str_has_suffix(dest->output, "/") &&
	    g_mkdir_with_parents(dest->output, 0777) != 0) {
		diag_report(d, dest->output, 0, 0, M_CANNOT_MAKE_DIRECTORY, g_strerror(errno));
		return false;
	}
	/* Every file is opened (its name checked) before any work, and they
	 * appear together or not at all. */
	name = row->file != NULL ? g_strdup(row->file) : g_strconcat(stem, row->suffix, NULL);
	set = output_set_new();
	for (i = 0; ok && i < N_RENDERINGS; i++) {
		if (!(dest->formats & renderings[i].format))
			continue;
		paths[i] = product_path(dest, name, renderings[i].ext);
		ok = (outs[i] = output_open_in(set, paths[i], dest->out, dest->inputs,
		                               dest->n_inputs, d)) != NULL;
	}
	doc = ok ? document_of(pl, id, input, d) : NULL;
	ok = doc != NULL;
	if (ok)
		lang_mark(doc, input, dest->lang);
	for (i = 0; ok && i < N_RENDERINGS; i++)
		if (outs[i] != NULL)
			ok = render(pl, &renderings[i], row, doc, ctx, dest, outs[i], d);
	if (!ok)
		output_set_free(set);
	else if (!output_set_commit(set, d))
		ok = false;
	else
		for (i = 0; i < N_RENDERINGS; i++)
			if (outs[i] != NULL)
				wrote(dest, paths[i]);
	xmlFreeDoc(doc);
	for (i = 0; i < N_RENDERINGS; i++)
		g_free(paths[i]);
	g_free(name);
	return ok;
}

/* The document the report and statement templates read: the results, with
 * copies of the model and the appraisal under <sources>. */
static xmlDoc *
appraisal_input(const struct results *r)
{
	xmlDoc *doc = result_document(r);
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *sources = xmlNewChild(root, root->ns, (const xmlChar *)"sources", NULL);

	xmlAddChild(sources, xmlDocCopyNode(xmlDocGetRootElement(r->m->doc), doc, 1));
	xmlAddChild(sources, xmlDocCopyNode(xmlDocGetRootElement(r->a->doc), doc, 1));
	return doc;
}

bool
pipeline_make_appraisal(struct pipeline *pl, const struct results *r,
                        const enum product_id *ids, const char *stem,
                        const struct product_dest *dest, struct diag *d)
{
	xmlDoc *input = appraisal_input(r);
	bool ok = true;

	for (; ok && *ids != PRODUCT_COUNT; ids++)
		ok = pipeline_make(pl, *ids, input, (void *)r, stem, dest, d);
	xmlFreeDoc(input);
	return ok;
}

/* Bars of the profile for scope: "organization" or a project id. */
struct chart *
pipeline_profile_chart(void *ctx, const char *scope, char **title)
{
	const struct results *r = ctx;
	const struct model *m = r->m;
	const struct project_result *pr = NULL;
	struct chart_bar *bars;
	struct chart *c;
	size_t i;

	if (strcmp(scope, "organization") != 0) {
		for (i = 0; i < r->n_projects; i++)
			if (strcmp(r->projects[i].project->id, scope) == 0)
				pr = &r->projects[i];
		if (pr == NULL)
			return NULL;
	}
	bars = g_new0(struct chart_bar, m->n_pas ? m->n_pas : 1);
	for (i = 0; i < m->n_pas; i++) {
		const struct org_result *o = &r->org[i];
		struct chart_bar *b = &bars[i];

		b->label = m->pas[i].id;
		b->target = o->target;
		b->max_level = -1;
		if (pr != NULL) {
			const struct area_result *ar = &pr->areas[i];

			b->level = !ar->in_scope ? CHART_OUT
			           : ar->rate.level == RATE_NOT_APPLICABLE ? CHART_NA : ar->rate.level;
		} else {
			b->level = !o->in_scope ? CHART_OUT
			           : o->org.level == RATE_NOT_APPLICABLE ? CHART_NA : o->org.level;
			if (o->org.n_projects > 1)
				b->max_level = o->org.max_level;
		}
	}
	c = chart_profile(bars, m->n_pas);
	g_free(bars);
	if (pr != NULL)
		*title = g_strdup_printf("Capability profile of project %s: capability level by "
		                         "process area%s", pr->project->name,
		                         r->target != NULL ? ", with the target levels" : "");
	else
		*title = g_strdup_printf("Capability profile of %s: %s by process area%s",
		                         r->a->organization,
		                         r->n_projects > 1 ? "lowest level over the projects, with "
		                                             "the range"
		                                           : "capability level",
		                         r->target != NULL ? ", with the target levels" : "");
	return c;
}
