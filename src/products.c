/* The product commands (handbook, report, statement, chart) and the parts of making a product they share with batch and compare. */
#include "products.h"

#include <string.h>

#include <glib.h>

#include "chart_cairo.h"
#include "chart_svg.h"
#include "commands.h"
#include "html.h"
#include "result.h"
#include "session.h"

#ifndef SSECMM_VERSION
#define SSECMM_VERSION "0.0"
#endif

const char *const product_params[] = {"generator", "ssecmm " SSECMM_VERSION, NULL};

/* Bars of the profile for scope: "organization" or a project id. */
struct chart *
product_profile_chart(void *ctx, const char *scope, char **title)
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

/* The document a report or statement template reads: the results, with
 * copies of the model and the appraisal under <sources>. */
xmlDoc *
product_appraisal_input(const struct results *r)
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
int
product_dest_from_cli(struct cli *c, struct product_dest *dest)
{
	const char *f = c->format;
	int *formats = &dest->formats;

	if (f == NULL)
		*formats = PRODUCT_HTML | PRODUCT_PDF;
	else if (strcmp(f, "html") == 0)
		*formats = PRODUCT_HTML;
	else if (strcmp(f, "pdf") == 0)
		*formats = PRODUCT_PDF;
	else if (strcmp(f, "html,pdf") == 0 || strcmp(f, "pdf,html") == 0)
		*formats = PRODUCT_HTML | PRODUCT_PDF;
	else {
		fprintf(c->err, "ssecmm: unknown format '%s': use html, pdf or html,pdf\n", f);
		return EXIT_USAGE;
	}
	if (c->output != NULL && g_str_has_suffix(c->output, ".pdf") && f == NULL)
		*formats = PRODUCT_PDF;
	else if (c->output != NULL && g_str_has_suffix(c->output, ".html") && f == NULL)
		*formats = PRODUCT_HTML;
	else if (c->output != NULL && strcmp(c->output, "-") == 0 && f == NULL)
		*formats = PRODUCT_HTML;
	if (c->output != NULL && strcmp(c->output, "-") == 0 &&
	    *formats == (PRODUCT_HTML | PRODUCT_PDF)) {
		fprintf(c->err, "ssecmm: standard output takes one format: --format html or pdf\n");
		return EXIT_USAGE;
	}
	if (c->paper != NULL && strcmp(c->paper, "a4") != 0 && strcmp(c->paper, "letter") != 0) {
		fprintf(c->err, "ssecmm: unknown paper '%s': use a4 or letter\n", c->paper);
		return EXIT_USAGE;
	}
	dest->output = c->output;
	dest->paper = c->paper != NULL && strcmp(c->paper, "letter") == 0 ? PAPER_LETTER : PAPER_A4;
	dest->out = c->out;
	dest->log = c->quiet ? NULL : c->err;
	return -1;
}

char *
product_path(const struct product_dest *dest, const char *name, const char *ext)
{
	const char *option = dest->output;
	char *dir, *file, *path;

	if (option != NULL && !g_str_has_suffix(option, "/") &&
	    !g_file_test(option, G_FILE_TEST_IS_DIR))
		return g_strdup(option);
	dir = option != NULL ? g_strdup(option)
	      : dest->input_path != NULL ? g_path_get_dirname(dest->input_path) : g_strdup(".");
	file = g_strconcat(name, ext, NULL);
	path = g_build_filename(dir, file, NULL);
	g_free(file);
	g_free(dir);
	return path;
}

char *
product_stem(const char *path)
{
	char *base = g_path_get_basename(path);

	if (g_str_has_suffix(base, ".xml"))
		base[strlen(base) - 4] = '\0';
	return base;
}

void
product_warm_fonts(struct press *p, const struct product_dest *dest)
{
	if (dest->formats & PRODUCT_PDF)
		typeset_warm_fonts(press_typesetter(p));
}

static void
wrote(const struct product_dest *dest, const char *path)
{
	if (dest->log != NULL && strcmp(path, "-") != 0)
		fprintf(dest->log, "ssecmm: wrote %s\n", path);
}

bool
product_render(struct press *p, const char *rel, xmlDoc *input, chart_maker charts, void *ctx,
               const char *name, const struct product_dest *dest, struct diag *d)
{
	const struct html_style *style = NULL;
	struct output *o;
	xmlDoc *doc;
	char *path;
	bool ok = true;

	if ((dest->formats & PRODUCT_HTML) && (style = press_style(p, d)) == NULL)
		return false;
	doc = press_document(p, rel, input, product_params, d);
	if (doc == NULL)
		return false;
	if (dest->formats & PRODUCT_PDF) {
		path = product_path(dest, name, ".pdf");
		o = output_open(path, dest->out, dest->inputs, dest->n_inputs, d);
		if (o != NULL && typeset_render(press_typesetter(p), doc, dest->paper, charts, ctx, o, d))
			wrote(dest, path);
		else
			ok = false;
		g_free(path);
	}
	if (ok && (dest->formats & PRODUCT_HTML)) {
		path = product_path(dest, name, ".html");
		o = output_open(path, dest->out, dest->inputs, dest->n_inputs, d);
		if (o != NULL && html_write(doc, style, charts, ctx, o, d))
			wrote(dest, path);
		else
			ok = false;
		g_free(path);
	}
	xmlFreeDoc(doc);
	return ok;
}

bool
product_write_svg(struct chart *chart, const char *title, struct output *o, struct diag *d)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	bool ok;

	xmlDocSetRootElement(doc, chart_svg(chart, doc, title, "chart"));
	ok = product_write_xml(doc, o, d);
	xmlFreeDoc(doc);
	return ok;
}

bool
product_write_xml(xmlDoc *doc, struct output *o, struct diag *d)
{
	xmlChar *mem = NULL;
	int len = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	output_write(o, mem, (size_t)len);
	xmlFree(mem);
	return output_commit(o, d);
}

int
cmd_handbook(struct cli *c)
{
	struct product_dest dest = {0};
	struct session s;
	struct press *p;
	int status;

	if ((status = product_dest_from_cli(c, &dest)) >= 0)
		return status;
	dest.inputs = (const char *const[]){c->model_path};
	dest.n_inputs = 1;
	p = press_new();
	product_warm_fonts(p, &dest);
	if (session_open(&s, c->model_path, &c->diag))
		product_render(p, "templates/handbook.xsl", s.model->doc, NULL, NULL,
		               "sse-cmm-handbook", &dest, &c->diag);
	press_free(p);
	session_close(&s);
	return c->diag.status;
}

/* Shared by report and statement: load, compute, transform, write. */
static int
appraisal_product(struct cli *c, const char *template, const char *suffix)
{
	struct product_dest dest = {0};
	struct session s;
	struct rated rated = {0};
	struct press *p = NULL;
	xmlDoc *input = NULL;
	char *name, *base;
	int status;

	if ((status = product_dest_from_cli(c, &dest)) >= 0)
		return status;
	dest.input_path = c->operands[0];
	dest.inputs = (const char *const[]){c->operands[0], c->target_path, c->model_path};
	dest.n_inputs = 3;
	p = press_new();
	product_warm_fonts(p, &dest);
	if (!session_open(&s, c->model_path, &c->diag) ||
	    !session_rate(&s, c->operands[0], c->target_path, &rated))
		goto done;
	input = product_appraisal_input(rated.results);
	base = product_stem(c->operands[0]);
	name = g_strdup_printf("%s-%s", base, suffix);
	product_render(p, template, input, product_profile_chart, rated.results, name, &dest,
	               &c->diag);
	g_free(name);
	g_free(base);
done:
	press_free(p);
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

int
cmd_chart(struct cli *c)
{
	const char *scope = c->scope != NULL ? c->scope : "organization";
	struct session s;
	struct rated rated = {0};
	struct chart *chart = NULL;
	struct output *o = NULL;
	char *title = NULL, *subtitle = NULL;
	const char *path = c->output;

	if (path == NULL || !(g_str_has_suffix(path, ".svg") || g_str_has_suffix(path, ".png") ||
	                      g_str_has_suffix(path, ".pdf"))) {
		fprintf(c->err, "ssecmm: chart needs -o FILE ending in .svg, .png or .pdf\n");
		return EXIT_USAGE;
	}
	if (!session_open(&s, c->model_path, &c->diag) ||
	    !session_rate(&s, c->operands[0], c->target_path, &rated))
		goto done;
	chart = product_profile_chart(rated.results, scope, &title);
	if (chart == NULL) {
		diag_report(&c->diag, DIAG_ERROR, EXIT_INVALID, c->operands[0], 0, 0,
		            "no project '%s' in this appraisal (use a project id or organization)",
		            scope);
		goto done;
	}
	/* A chart in a file of its own says what it is, of whom and when. */
	subtitle = g_strdup_printf("%s, appraisal %s ended %s", rated.appraisal->organization,
	                           rated.appraisal->id, rated.appraisal->date_end);
	chart_add_heading(chart, title, subtitle);
	o = output_open(path, c->out,
	                (const char *const[]){c->operands[0], c->target_path, c->model_path}, 3,
	                &c->diag);
	if (o == NULL)
		goto done;
	if (g_str_has_suffix(path, ".svg"))
		product_write_svg(chart, title, o, &c->diag);
	else if (g_str_has_suffix(path, ".png"))
		chart_write_png(chart, 2.0, o, &c->diag);
	else
		chart_write_pdf(chart, title, o, &c->diag);
done:
	chart_free(chart);
	g_free(title);
	g_free(subtitle);
	rated_free(&rated);
	session_close(&s);
	return c->diag.status;
}
