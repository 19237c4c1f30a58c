/* The product commands (handbook, report, statement, chart) and where a product is written, shared with batch, compare and index. */
#include "cmd/products.h"

#include <errno.h>
#include <string.h>

#include <glib.h>

#include "cmd/commands.h"
#include "load/lang.h"
#include "render/chart_cairo.h"
#include "render/chart_svg.h"
#include "render/fonts.h"

/* The formats --format names: one or more of html, pdf, docx and odt,
 * joined by commas; 0 for a word of none of them. */
static int
formats_named(const char *list)
{
	char **words = g_strsplit(list, ",", -1);
	int formats = 0, f = 0;

	for (char **w = words; *w != NULL; w++) {
		if ((f = pipeline_format_named(*w)) == 0)
			break;
		formats |= f;
	}
	g_strfreev(words);
	return f == 0 ? 0 : formats;
}

/* Which renderings a product gets: HTML and PDF by default, or what
 * --format says; -o FILE.html, .pdf, .docx or .odt (any case) that one,
 * never two formats in one file.  The formats must be among dest's
 * allowed. */
int
product_dest_from_cli(struct cli *c, struct product_dest *dest)
{
	const char *f = c->format;
	int *formats = &dest->formats, named, other;

	g_assert(dest->allowed != 0);
	*formats = f == NULL ? PRODUCT_HTML | PRODUCT_PDF : formats_named(f);
	if (*formats == 0) {
		diag_report(&c->diag, NULL, 0, 0, M_UNKNOWN_PRODUCT_FORMAT, f);
		return EXIT_USAGE;
	}
	if (c->output != NULL && strcmp(c->output, "-") == 0) {
		if (f == NULL)
			*formats = PRODUCT_HTML;
		if ((*formats & (*formats - 1)) != 0) {
			diag_report(&c->diag, NULL, 0, 0, M_STDOUT_TAKES_ONE_FORMAT);
			return EXIT_USAGE;
		}
	} else if (c->output != NULL && dest->directory_only) {
		if (g_file_test(c->output, G_FILE_TEST_EXISTS) && !product_names_directory(c->output)) {
			diag_report(&c->diag, NULL, 0, 0, M_OUTPUT_NOT_DIRECTORY, c->output);
			return EXIT_USAGE;
		}
	} else if (c->output != NULL && !product_names_directory(c->output)) {
		named = pipeline_format_of_path(c->output);
		if (named == 0) {
			diag_report(&c->diag, NULL, 0, 0, M_OUTPUT_NAMES_NO_FORMAT, c->output);
			return EXIT_USAGE;
		}
		if (f != NULL && *formats != named) {
			diag_report(&c->diag, NULL, 0, 0, M_OUTPUT_FORMAT_CONFLICT, c->output,
			            f);
			return EXIT_USAGE;
		}
		*formats = named;
	}
	if ((other = *formats & ~dest->allowed) != 0) {
		diag_report(&c->diag, NULL, 0, 0, M_FORMAT_NOT_FOR_PRODUCT,
		            other & PRODUCT_DOCX ? "docx" : "odt");
		return EXIT_USAGE;
	}
	if (c->paper != NULL && strcmp(c->paper, "a4") != 0 && strcmp(c->paper, "letter") != 0) {
		diag_report(&c->diag, NULL, 0, 0, M_UNKNOWN_PAPER, c->paper);
		return EXIT_USAGE;
	}
	dest->output = c->output;
	dest->paper = c->paper != NULL && strcmp(c->paper, "letter") == 0 ? PAPER_LETTER : PAPER_A4;
	if (c->lang != NULL && !lang_tag_valid(c->lang)) {
		diag_report(&c->diag, NULL, 0, 0, M_LANG_NOT_TAG, c->lang);
		return EXIT_USAGE;
	}
	dest->lang = c->lang;
	dest->out = c->out;
	dest->log = c->quiet ? NULL : c->err;
	return -1;
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
	struct pipeline *pl;
	int status;

	dest.allowed = pipeline_product(PRODUCT_HANDBOOK)->formats;
	if ((status = product_dest_from_cli(c, &dest)) >= 0)
		return status;
	dest.inputs = (const char *const[]){c->model_path};
	dest.n_inputs = 1;
	if ((pl = pipeline_new(c->model_path, &c->diag)) != NULL) {
		pipeline_warm_fonts(pl, &dest);
		pipeline_make(pl, PRODUCT_HANDBOOK, pipeline_model(pl)->doc, NULL, NULL, &dest,
		              &c->diag);
	}
	pipeline_free(pl);
	return c->diag.status;
}

/* Shared by report and statement: load, rate, make the product. */
static int
appraisal_product(struct cli *c, enum product_id id)
{
	const enum product_id ids[] = {id, PRODUCT_COUNT};
	struct product_dest dest = {0};
	struct pipeline *pl;
	struct rated rated = {0};
	char *stem;
	int status;

	dest.allowed = pipeline_product(id)->formats;
	if ((status = product_dest_from_cli(c, &dest)) >= 0)
		return status;
	dest.input_path = c->operands[0];
	dest.inputs = (const char *const[]){c->operands[0], c->target_path, c->model_path};
	dest.n_inputs = 3;
	if ((pl = pipeline_new(c->model_path, &c->diag)) == NULL)
		return c->diag.status;
	pipeline_warm_fonts(pl, &dest);
	if (pipeline_rate(pl, c->operands[0], c->target_path, &rated, &c->diag)) {
		product_check_glyphs(&dest, rated.results->a, &c->diag);
		stem = product_stem(c->operands[0]);
		pipeline_make_appraisal(pl, rated.results, ids, stem, &dest, &c->diag);
		g_free(stem);
	}
	rated_free(&rated);
	pipeline_free(pl);
	return c->diag.status;
}

int
cmd_report(struct cli *c)
{
	return appraisal_product(c, PRODUCT_REPORT);
}

int
cmd_statement(struct cli *c)
{
	return appraisal_product(c, PRODUCT_STATEMENT);
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
	struct pipeline *pl;
	struct rated rated = {0};
	struct chart *chart = NULL;
	struct output *o = NULL;
	char *title = NULL, *subtitle = NULL, *ended = NULL;
	const char *path = c->output;

	if (path == NULL || !(g_str_has_suffix(path, ".svg") || g_str_has_suffix(path, ".png") ||
	                      g_str_has_suffix(path, ".pdf"))) {
		diag_report(&c->diag, NULL, 0, 0, M_CHART_NEEDS_OUTPUT);
		return EXIT_USAGE;
	}
	if ((pl = pipeline_new(c->model_path, &c->diag)) == NULL ||
	    !pipeline_rate(pl, c->operands[0], c->target_path, &rated, &c->diag))
		goto done;
	chart = pipeline_product(PRODUCT_CHART)->charts(rated.results, scope, &title);
	if (chart == NULL) {
		diag_report(&c->diag, c->operands[0], 0, 0, M_NO_SUCH_PROJECT, scope);
		goto done;
	}
	/* A chart in a file of its own says what it is, of whom and when. */
	ended = appraisal_prose_date(rated.appraisal->date_end);
	subtitle = g_strdup_printf("%s, appraisal %s ended %s", rated.appraisal->organization,
	                           rated.appraisal->id, ended);
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
	g_free(ended);
	rated_free(&rated);
	pipeline_free(pl);
	return c->diag.status;
}
