/* The product commands (handbook, report, statement, chart) and the parts of making a product they share with batch and compare. */
#include "cmd/products.h"

#include <errno.h>
#include <string.h>

#include <glib.h>

#include "cmd/commands.h"
#include "doc/resultdoc.h"
#include "load/lang.h"
#include "load/session.h"
#include "render/chart_cairo.h"
#include "render/chart_svg.h"
#include "render/fonts.h"
#include "render/html.h"

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

/* Whether option names a directory: an existing one, or one to be made
 * (a trailing '/'). */
static bool
names_directory(const char *option)
{
	return g_str_has_suffix(option, "/") || g_file_test(option, G_FILE_TEST_IS_DIR);
}

/* The format a file name asks for by its extension, in any case; 0 for none. */
static int
format_of_name(const char *name)
{
	size_t n = strlen(name);

	if (n >= 5 && g_ascii_strcasecmp(name + n - 5, ".html") == 0)
		return PRODUCT_HTML;
	if (n >= 4 && g_ascii_strcasecmp(name + n - 4, ".pdf") == 0)
		return PRODUCT_PDF;
	return 0;
}

/* Which renderings a product gets: both by default, or what --format says;
 * -o FILE.html or FILE.pdf (any case) one, never two formats in one file. */
int
product_dest_from_cli(struct cli *c, struct product_dest *dest)
{
	const char *f = c->format;
	int *formats = &dest->formats, named;
	char shown[512];

	if (f == NULL)
		*formats = PRODUCT_HTML | PRODUCT_PDF;
	else if (strcmp(f, "html") == 0)
		*formats = PRODUCT_HTML;
	else if (strcmp(f, "pdf") == 0)
		*formats = PRODUCT_PDF;
	else if (strcmp(f, "html,pdf") == 0 || strcmp(f, "pdf,html") == 0)
		*formats = PRODUCT_HTML | PRODUCT_PDF;
	else {
		diag_escape(shown, sizeof shown, f);
		fprintf(c->err, "ssecmm: unknown format '%s': use html, pdf or html,pdf\n", shown);
		return EXIT_USAGE;
	}
	if (c->output != NULL && strcmp(c->output, "-") == 0) {
		if (f == NULL)
			*formats = PRODUCT_HTML;
		if (*formats == (PRODUCT_HTML | PRODUCT_PDF)) {
			fprintf(c->err, "ssecmm: standard output takes one format: --format html or "
			        "pdf\n");
			return EXIT_USAGE;
		}
	} else if (c->output != NULL && dest->directory_only) {
		if (g_file_test(c->output, G_FILE_TEST_EXISTS) && !names_directory(c->output)) {
			diag_escape(shown, sizeof shown, c->output);
			fprintf(c->err, "ssecmm: -o %s: not a directory; name a directory, new or "
			        "existing\n", shown);
			return EXIT_USAGE;
		}
	} else if (c->output != NULL && !names_directory(c->output)) {
		named = format_of_name(c->output);
		diag_escape(shown, sizeof shown, c->output);
		if (named == 0) {
			fprintf(c->err, "ssecmm: -o %s: write -o DIR/ for a directory (both formats "
			        "inside), or a file name ending in .html or .pdf for that format "
			        "alone\n", shown);
			return EXIT_USAGE;
		}
		if (f != NULL && *formats != named) {
			fprintf(c->err, "ssecmm: -o %s names one format and --format %s asks for "
			        "another\n", shown, f);
			return EXIT_USAGE;
		}
		*formats = named;
	}
	if (c->paper != NULL && strcmp(c->paper, "a4") != 0 && strcmp(c->paper, "letter") != 0) {
		diag_escape(shown, sizeof shown, c->paper);
		fprintf(c->err, "ssecmm: unknown paper '%s': use a4 or letter\n", shown);
		return EXIT_USAGE;
	}
	dest->output = c->output;
	dest->paper = c->paper != NULL && strcmp(c->paper, "letter") == 0 ? PAPER_LETTER : PAPER_A4;
	if (c->lang != NULL && !lang_tag_valid(c->lang)) {
		diag_escape(shown, sizeof shown, c->lang);
		fprintf(c->err, "ssecmm: --lang '%s' is not a language tag such as en, zh-CN or ja\n",
		        shown);
		return EXIT_USAGE;
	}
	dest->lang = c->lang;
	dest->out = c->out;
	dest->log = c->quiet ? NULL : c->err;
	return -1;
}

char *
product_path(const struct product_dest *dest, const char *name, const char *ext)
{
	const char *option = dest->output;
	char *dir, *file, *path;

	if (option != NULL && !names_directory(option))
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
product_check_glyphs(const struct product_dest *dest, const struct appraisal *a,
                     struct diag *d)
{
	if (dest->formats & PRODUCT_PDF)
		fonts_check_document(a->doc, a->path, d);
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
		diag_say(dest->log, "ssecmm: wrote %s", path);
}

bool
product_render(struct press *p, const char *rel, xmlDoc *input, chart_maker charts, void *ctx,
               const char *name, const struct product_dest *dest, struct diag *d)
{
	const struct html_style *style = NULL;
	struct output_set *set;
	struct output *pdf = NULL, *html = NULL;
	xmlDoc *doc;
	char *pdf_path, *html_path;
	bool ok = true;

	if ((dest->formats & PRODUCT_HTML) && (style = press_style(p, d)) == NULL)
		return false;
	if (dest->output != NULL && g_str_has_suffix(dest->output, "/") &&
	    g_mkdir_with_parents(dest->output, 0777) != 0) {
		diag_report(d, DIAG_ERROR, EXIT_IO, dest->output, 0, 0, "cannot make directory: %s",
		            g_strerror(errno));
		return false;
	}
	/* Both files are opened (their names checked) before any work, and
	 * appear together or not at all. */
	set = output_set_new();
	pdf_path = product_path(dest, name, ".pdf");
	html_path = product_path(dest, name, ".html");
	if (dest->formats & PRODUCT_PDF)
		ok = (pdf = output_open_in(set, pdf_path, dest->out, dest->inputs, dest->n_inputs,
		                           d)) != NULL;
	if (ok && (dest->formats & PRODUCT_HTML))
		ok = (html = output_open_in(set, html_path, dest->out, dest->inputs, dest->n_inputs,
		                            d)) != NULL;
	doc = ok ? press_document(p, rel, input, product_params, d) : NULL;
	ok = doc != NULL;
	if (ok)
		lang_mark(doc, input, dest->lang);
	if (ok && pdf != NULL)
		ok = typeset_render(press_typesetter(p), doc, dest->paper, charts, ctx, pdf, d);
	if (ok && html != NULL)
		ok = html_write(doc, style, charts, ctx, html, d);
	if (!ok)
		output_set_free(set);
	else if (!output_set_commit(set, d))
		ok = false;
	else {
		if (pdf != NULL)
			wrote(dest, pdf_path);
		if (html != NULL)
			wrote(dest, html_path);
	}
	xmlFreeDoc(doc);
	g_free(pdf_path);
	g_free(html_path);
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
	product_check_glyphs(&dest, rated.results->a, &c->diag);
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

/* A PNG chart is drawn at twice its size for sharpness, and smaller when
 * that would make a side longer than PNG_MAX_SIDE pixels: cairo's image
 * surfaces stop at 32,767, and a model of hundreds of process areas would
 * otherwise ask for more (and for gigabytes of pixels). */
#define PNG_MAX_SIDE 8192.0

static double
png_scale(const struct chart *chart)
{
	double longest = chart->width > chart->height ? chart->width : chart->height;

	return longest * 2.0 > PNG_MAX_SIDE ? PNG_MAX_SIDE / longest : 2.0;
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
		chart_write_png(chart, png_scale(chart), o, &c->diag);
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
