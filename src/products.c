/* The product commands: handbook, report, statement and chart. */
#include <string.h>

#include <glib.h>
#include <libxml/xmlsave.h>

#include "chart_cairo.h"
#include "chart_svg.h"
#include "commands.h"
#include "datadir.h"
#include "html.h"
#include "result.h"
#include "results.h"
#include "schema.h"
#include "session.h"
#include "typeset.h"
#include "xform.h"

#ifndef SSECMM_VERSION
#define SSECMM_VERSION "0.0"
#endif

static const char *const template_params[] = {"generator", "ssecmm " SSECMM_VERSION, NULL};

/* Bars of the profile for scope: "organization" or a project id. */
static struct chart *
profile_chart(const struct results *r, const char *scope, char **title)
{
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

static struct chart *
chart_for_html(void *ctx, const char *scope, char **title)
{
	return profile_chart(ctx, scope, title);
}

/* The document a report or statement template reads: the results, with
 * copies of the model and the appraisal under <sources>. */
static xmlDoc *
template_input(const struct results *r)
{
	xmlDoc *doc = result_document(r);
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *sources = xmlNewChild(root, root->ns, (const xmlChar *)"sources", NULL);

	xmlAddChild(sources, xmlDocCopyNode(xmlDocGetRootElement(r->m->doc), doc, 1));
	xmlAddChild(sources, xmlDocCopyNode(xmlDocGetRootElement(r->a->doc), doc, 1));
	return doc;
}

/* Which renderings a product gets: both by default, one when -o names a
 * file by its extension or --format says so. */
enum { WANT_HTML = 1, WANT_PDF = 2 };

static int
wanted(struct cli *c, int *formats)
{
	const char *f = c->format;

	if (f == NULL)
		*formats = WANT_HTML | WANT_PDF;
	else if (strcmp(f, "html") == 0)
		*formats = WANT_HTML;
	else if (strcmp(f, "pdf") == 0)
		*formats = WANT_PDF;
	else if (strcmp(f, "html,pdf") == 0 || strcmp(f, "pdf,html") == 0)
		*formats = WANT_HTML | WANT_PDF;
	else {
		fprintf(c->err, "ssecmm: unknown format '%s': use html, pdf or html,pdf\n", f);
		return EXIT_USAGE;
	}
	if (c->output != NULL && g_str_has_suffix(c->output, ".pdf") && f == NULL)
		*formats = WANT_PDF;
	else if (c->output != NULL && g_str_has_suffix(c->output, ".html") && f == NULL)
		*formats = WANT_HTML;
	else if (c->output != NULL && strcmp(c->output, "-") == 0 && f == NULL)
		*formats = WANT_HTML;
	if (c->output != NULL && strcmp(c->output, "-") == 0 && *formats == (WANT_HTML | WANT_PDF)) {
		fprintf(c->err, "ssecmm: standard output takes one format: --format html or pdf\n");
		return EXIT_USAGE;
	}
	if (c->paper != NULL && strcmp(c->paper, "a4") != 0 && strcmp(c->paper, "letter") != 0) {
		fprintf(c->err, "ssecmm: unknown paper '%s': use a4 or letter\n", c->paper);
		return EXIT_USAGE;
	}
	return -1;
}

/* Output path: -o names a directory (one that exists, or ends in '/') to
 * hold NAME.EXT, or else the file itself ("-": standard output); without -o,
 * NAME.EXT goes beside the input. */
static char *
output_name(const char *option, const char *input, const char *name, const char *ext)
{
	char *dir, *file, *path;

	if (option != NULL && !g_str_has_suffix(option, "/") &&
	    !g_file_test(option, G_FILE_TEST_IS_DIR))
		return g_strdup(option);
	dir = option != NULL ? g_strdup(option)
	      : input != NULL ? g_path_get_dirname(input) : g_strdup(".");
	file = g_strconcat(name, ext, NULL);
	path = g_build_filename(dir, file, NULL);
	g_free(file);
	g_free(dir);
	return path;
}

static char *
stem(const char *path)
{
	char *base = g_path_get_basename(path);

	if (g_str_has_suffix(base, ".xml"))
		base[strlen(base) - 4] = '\0';
	return base;
}

static bool
in_subset(xmlDoc *doc, const char *template, struct diag *d)
{
	char *path = datadir_path("templates/xhtml-subset.xsd");
	struct schema *subset = schema_load(path, d);
	bool ok;

	g_free(path);
	if (subset == NULL)
		return false;
	ok = schema_validate(subset, doc, template, d);
	if (!ok)
		diag_report(d, DIAG_ERROR, EXIT_INTERNAL, template, 0, 0,
		            "the template's output leaves the document subset of xhtml-subset.xsd");
	schema_free(subset);
	return ok;
}

static void
wrote(struct cli *c, const char *path)
{
	if (!c->quiet && strcmp(path, "-") != 0)
		fprintf(c->err, "ssecmm: wrote %s\n", path);
}

/* Transform input with the template and write the renderings asked for:
 * NAME.pdf by the typesetter, NAME.html by the HTML writer, both from the
 * same document. */
static bool
render(struct cli *c, const char *template, xmlDoc *input, const struct results *r,
       const char *input_path, const char *name, int formats, const char *const *inputs,
       size_t n_inputs)
{
	char *tpath = datadir_path(template), *path;
	struct xform *x = xform_load(tpath, &c->diag);
	struct html_style *style = NULL;
	struct output *o;
	xmlDoc *doc = NULL;
	chart_maker charts = r != NULL ? chart_for_html : NULL;
	bool ok = false;

	g_free(tpath);
	if (x == NULL)
		return false;
	if (formats & WANT_HTML) {
		style = html_style_load(&c->diag);
		if (style == NULL)
			goto done;
	}
	doc = xform_apply(x, input, template_params, &c->diag);
	/* Both renderings rely on the subset: a template that leaves it is a bug
	 * to stop at, not a document to print. */
	if (doc == NULL || !in_subset(doc, template, &c->diag))
		goto done;
	ok = true;
	if (formats & WANT_PDF) {
		path = output_name(c->output, input_path, name, ".pdf");
		o = output_open(path, c->out, inputs, n_inputs, &c->diag);
		if (o != NULL && typeset_pdf(doc, c->paper != NULL && strcmp(c->paper, "letter") == 0
		                                      ? PAPER_LETTER : PAPER_A4,
		                             charts, (void *)r, o, &c->diag))
			wrote(c, path);
		else
			ok = false;
		g_free(path);
	}
	if (ok && (formats & WANT_HTML)) {
		path = output_name(c->output, input_path, name, ".html");
		o = output_open(path, c->out, inputs, n_inputs, &c->diag);
		if (o != NULL && html_write(doc, style, charts, (void *)r, o, &c->diag))
			wrote(c, path);
		else
			ok = false;
		g_free(path);
	}
done:
	xmlFreeDoc(doc);
	html_style_free(style);
	xform_free(x);
	return ok;
}

int
cmd_handbook(struct cli *c)
{
	struct session s;
	int formats, status;

	if ((status = wanted(c, &formats)) >= 0)
		return status;
	if (session_open(&s, c->model_path, &c->diag))
		render(c, "templates/handbook.xsl", s.model->doc, NULL, NULL, "sse-cmm-handbook",
		       formats, (const char *const[]){c->model_path}, 1);
	session_close(&s);
	return c->diag.status;
}

/* Shared by report and statement: load, compute, transform, write. */
static int
appraisal_product(struct cli *c, const char *template, const char *suffix)
{
	struct session s;
	struct rated rated = {0};
	xmlDoc *input = NULL;
	char *name, *base;
	int formats, status;

	if ((status = wanted(c, &formats)) >= 0)
		return status;
	if (!session_open(&s, c->model_path, &c->diag) ||
	    !session_rate(&s, c->operands[0], c->target_path, &rated))
		goto done;
	input = template_input(rated.results);
	base = stem(c->operands[0]);
	name = g_strdup_printf("%s-%s", base, suffix);
	render(c, template, input, rated.results, c->operands[0], name, formats,
	       (const char *const[]){c->operands[0], c->target_path, c->model_path}, 3);
	g_free(name);
	g_free(base);
done:
	xmlFreeDoc(input);
	rated_free(&rated);
	session_close(&s);
	return c->diag.status;
}

int
cmd_report(struct cli *c)
{
	return appraisal_product(c, "templates/report.xsl", "report");
}

int
cmd_statement(struct cli *c)
{
	return appraisal_product(c, "templates/statement.xsl", "statement");
}

static bool
write_svg(struct chart *chart, const char *title, struct output *o, struct diag *d)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlChar *mem = NULL;
	int len = 0;

	xmlDocSetRootElement(doc, chart_svg(chart, doc, title, "chart"));
	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	output_write(o, mem, (size_t)len);
	xmlFree(mem);
	return output_commit(o, d);
}

int
cmd_chart(struct cli *c)
{
	const char *scope = c->scope != NULL ? c->scope : "organization";
	struct session s;
	struct rated rated = {0};
	struct chart *chart = NULL;
	struct output *o = NULL;
	char *title = NULL;
	const char *path = c->output;

	if (path == NULL || !(g_str_has_suffix(path, ".svg") || g_str_has_suffix(path, ".png") ||
	                      g_str_has_suffix(path, ".pdf"))) {
		fprintf(c->err, "ssecmm: chart needs -o FILE ending in .svg, .png or .pdf\n");
		return EXIT_USAGE;
	}
	if (!session_open(&s, c->model_path, &c->diag) ||
	    !session_rate(&s, c->operands[0], c->target_path, &rated))
		goto done;
	chart = profile_chart(rated.results, scope, &title);
	if (chart == NULL) {
		diag_report(&c->diag, DIAG_ERROR, EXIT_INVALID, c->operands[0], 0, 0,
		            "no project '%s' in this appraisal (use a project id or organization)",
		            scope);
		goto done;
	}
	o = output_open(path, c->out,
	                (const char *const[]){c->operands[0], c->target_path, c->model_path}, 3,
	                &c->diag);
	if (o == NULL)
		goto done;
	if (g_str_has_suffix(path, ".svg"))
		write_svg(chart, title, o, &c->diag);
	else if (g_str_has_suffix(path, ".png"))
		chart_write_png(chart, 2.0, o, &c->diag);
	else
		chart_write_pdf(chart, title, o, &c->diag);
done:
	g_free(title);
	chart_free(chart);
	rated_free(&rated);
	session_close(&s);
	return c->diag.status;
}
