/* The workbook command: the rating workbook (XLSX) of an appraisal or of a template not yet rated. */
#include <errno.h>
#include <string.h>

#include <glib.h>

#include "cmd/commands.h"
#include "cmd/products.h"
#include "load/appraisal.h"
#include "load/session.h"
#include "output.h"
#include "pipeline.h"
#include "render/workbook.h"

/* Where the workbook goes: -o FILE.xlsx (any case), -o DIR/ (made when
 * missing) or -o - as named; by default STEM-ratings.xlsx beside the input.
 * NULL after reporting. */
static char *
workbook_path(struct cli *c)
{
	struct product_dest dest = {0};
	char *stem, *name, *path;

	if (c->output != NULL && strcmp(c->output, "-") != 0 &&
	    !product_names_directory(c->output)) {
		size_t n = strlen(c->output);

		if (n < 5 || g_ascii_strcasecmp(c->output + n - 5, ".xlsx") != 0) {
			diag_report(&c->diag, NULL, 0, 0, M_WORKBOOK_OUTPUT_NOT_XLSX, c->output);
			return NULL;
		}
		return g_strdup(c->output);
	}
	if (c->output != NULL && g_str_has_suffix(c->output, "/") &&
	    g_mkdir_with_parents(c->output, 0777) != 0) {
		diag_report(&c->diag, c->output, 0, 0, M_CANNOT_MAKE_DIRECTORY, g_strerror(errno));
		return NULL;
	}
	if (c->output != NULL && strcmp(c->output, "-") == 0)
		return g_strdup("-");
	dest.output = c->output;
	dest.input_path = c->operands[0];
	stem = product_stem(c->operands[0]);
	name = g_strconcat(stem, "-ratings", NULL);
	path = product_path(&dest, name, ".xlsx");
	g_free(name);
	g_free(stem);
	return path;
}

int
cmd_workbook(struct cli *c)
{
	struct session s;
	struct appraisal *a = NULL;
	struct output *o;
	char *path;

	if ((path = workbook_path(c)) == NULL)
		return c->diag.status;
	if (!session_open(&s, c->model_path, &c->diag))
		goto done;
	a = appraisal_template_load(c->operands[0], s.model, s.appraisal_xsd, &c->diag);
	if (a == NULL)
		goto done;
	o = output_open(path, c->out, (const char *const[]){c->operands[0], c->model_path}, 2,
	                &c->diag);
	if (o != NULL && workbook_write(s.model, a, o, &c->diag) && !c->quiet &&
	    strcmp(path, "-") != 0)
		diag_say(c->err, "ssecmm: wrote %s", path);
done:
	appraisal_free(a);
	session_close(&s);
	g_free(path);
	return c->diag.status;
}
