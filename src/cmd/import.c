/* The import command: an appraisal team's rating sheet (CSV or workbook) put into the frame of a template appraisal. */
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "cmd/commands.h"
#include "load/appraisal.h"
#include "load/session.h"
#include "load/sheet_check.h"
#include "load/sheet_csv.h"
#include "load/sheet_frame.h"
#include "load/sheet_merge.h"
#include "load/sheet_xlsx.h"
#include "load/xlsx.h"
#include "load/xmlload.h"
#include "output.h"
#include "rate/results.h"

/* One import: the sheet's checks and the template they run against. */
struct import {
	struct cli *c;
	struct sheet_frame f;
	struct sheet_check ck;
};

/* The checks of `validate` on the new appraisal, before anything is
 * written.  The tree is checked as it stands, so what came from the
 * template is reported at the template's lines; what came from the sheet
 * was checked above at the sheet's.  Takes the document; returns the
 * checked appraisal or NULL. */
static struct appraisal *
check_result(struct import *im, struct session *s, const xmlChar *mem, int len,
             const char *out_display)
{
	struct diag *d = &im->c->diag;
	struct diag quiet;
	struct appraisal *a;
	xmlDoc *again;
	gchar *sha;

	/* The bytes to be written must load as any input does (size, limits). */
	again = xmlload_memory((const char *)mem, (size_t)len, out_display, NULL, d);
	if (again == NULL) {
		xmlFreeDoc(im->f.doc);
		im->f.doc = NULL;
		return NULL;
	}
	xmlFreeDoc(again);
	sha = g_compute_checksum_for_data(G_CHECKSUM_SHA256, mem, (gsize)len);
	/* The sheet's rows have no line in the tree: report_warnings gives
	 * their warnings at the sheet's. */
	diag_init(&quiet, d->out, true, d->color);
	a = appraisal_from_doc(im->f.doc, im->f.display, sha, im->ck.m, s->appraisal_xsd, &quiet);
	im->f.doc = NULL;
	g_free(sha);
	d->errors += quiet.errors;
	if (quiet.status > d->status)
		d->status = quiet.status;
	return a;
}

/* The warnings of `validate` on a sound result, each where it can be
 * fixed: ratings at the sheet's rows, evidence at the template's lines. */
static void
report_warnings(struct import *im, struct appraisal *a)
{
	struct diag *d = &im->c->diag;
	size_t i, p;

	sheet_check_lint(&im->ck);
	for (i = 0; i < a->n_evidence; i++)
		if (a->evidence[i].references == 0)
			diag_report(d, im->f.display, a->evidence[i].line, 0,
			            M_EVIDENCE_NEVER_CITED, a->evidence[i].id,
			            a->evidence[i].title);
	/* The levels' warnings (a claimed level not reached, practices rated
	 * above a level that fails) concern the sheet's rows: point at them. */
	g_free(a->path);
	a->path = g_strdup(im->ck.display);
	for (p = 0; p < a->n_projects; p++) {
		gpointer idx = g_hash_table_lookup(im->f.projects, a->projects[p].id);

		for (i = 0; idx != NULL && i < im->ck.m->n_pas; i++) {
			const struct sheet_area *sa =
				im->ck.areas[(GPOINTER_TO_SIZE(idx) - 1) * im->ck.m->n_pas + i];

			/* A workbook's cell is not a line: the warning names the
			 * project and the area, which say where. */
			if (a->projects[p].areas[i] != NULL && sa != NULL)
				a->projects[p].areas[i]->line = sa->pos.sheet == NULL ? sa->pos.line : 0;
		}
	}
	struct results *r = results_compute(im->ck.m, a, a->target);

	results_report(r, d);
	results_free(r);
}

static bool
write_result(struct import *im, const xmlChar *mem, int len, const char *sheet_path,
             const char *template_path)
{
	struct cli *c = im->c;
	struct output *o = output_open(c->output, c->out,
	                               (const char *const[]){sheet_path, template_path,
	                                                     c->model_path}, 3, &c->diag);

	if (o == NULL)
		return false;
	output_write(o, mem, (size_t)len);
	if (!output_commit(o, &c->diag))
		return false;
	if (!c->quiet && strcmp(c->output, "-") != 0)
		diag_say(c->out, "%s: %u ratings of %u project%s from %s, the rest from %s",
		         c->output, im->ck.order->len, im->f.project_ids->len,
		         im->f.project_ids->len == 1 ? "" : "s", im->ck.display, im->f.display);
	return true;
}

/* Printed after a usage message, as the command table's synopsis is elsewhere. */
#define IMPORT_SYNOPSIS "usage: ssecmm import SHEET.csv|SHEET.xlsx --template APPRAISAL.xml -o FILE|-\n"

/* True when bytes begin as a zip archive does (a local file header, an
 * empty archive's end record, or a spanned archive's marker): such a file
 * is read as a workbook whatever its name. */
static bool
looks_like_zip(const char *bytes, size_t len)
{
	return len >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
	       ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6) ||
	        (bytes[2] == 7 && bytes[3] == 8));
}

int
cmd_import(struct cli *c)
{
	const char *sheet_path = c->operands[0];
	struct import im = {0};
	struct session s;
	struct csv_table *table = NULL;
	struct xlsx_book *book = NULL;
	struct appraisal *a = NULL;
	struct diag_pos no_ratings_at = {0};
	xmlChar *mem = NULL;
	char *bytes = NULL;
	size_t len;
	int mem_len = 0;
	bool ok;

	if (c->template_path == NULL) {
		diag_report(&c->diag, NULL, 0, 0, M_IMPORT_NEEDS_TEMPLATE);
		fputs(IMPORT_SYNOPSIS, c->err);
		return EXIT_USAGE;
	}
	if (c->output == NULL) {
		diag_report(&c->diag, NULL, 0, 0, M_IMPORT_NEEDS_OUTPUT);
		fputs(IMPORT_SYNOPSIS, c->err);
		return EXIT_USAGE;
	}
	if (strcmp(sheet_path, "-") == 0 && strcmp(c->template_path, "-") == 0) {
		diag_report(&c->diag, NULL, 0, 0, M_SHEET_AND_TEMPLATE_STDIN);
		return EXIT_USAGE;
	}
	im.c = c;
	if (!session_open(&s, c->model_path, &c->diag))
		goto done;
	sheet_check_init(&im.ck, s.model, &im.f, &c->diag,
	                 strcmp(sheet_path, "-") == 0 ? "<stdin>" : sheet_path);
	bytes = xmlload_read_bytes(sheet_path, xmlload_default_limits.max_bytes, &len, &c->diag);
	if (bytes == NULL)
		goto done;
	if (looks_like_zip(bytes, len)) {
		book = xlsx_read(bytes, len, im.ck.display, &xlsx_default_limits, &c->diag);
		if (book == NULL)
			goto done;
	} else if (xlsx_is_workbook_name(sheet_path)) {
		diag_report(&c->diag, im.ck.display, 0, 0, M_XLSX_NOT_ZIP);
		goto done;
	} else {
		table = sheet_csv_parse(&im.ck, bytes, len);
		if (table == NULL)
			goto done;
		no_ratings_at = sheet_csv_header_pos(table);
	}
	if (!sheet_frame_load(&im.f, c->template_path, s.model, &c->diag))
		goto done;
	ok = book != NULL ? workbook_check(&im.ck, book) : sheet_csv_check(&im.ck, table);
	if (!ok || c->diag.errors > 0)
		goto done;
	sheet_check_complete(&im.ck, book != NULL ? NULL : &no_ratings_at);
	if (c->diag.errors > 0)
		goto done;
	sheet_merge(&im.f, &im.ck);
	xmlDocDumpMemoryEnc(im.f.doc, &mem, &mem_len, "UTF-8");
	if (mem == NULL) {
		diag_report(&c->diag, NULL, 0, 0, M_OUT_OF_MEMORY);
		goto done;
	}
	a = check_result(&im, &s, mem, mem_len,
	                 strcmp(c->output, "-") == 0 ? "<stdout>" : c->output);
	if (a == NULL || c->diag.errors > 0)
		goto done;
	report_warnings(&im, a);
	write_result(&im, mem, mem_len, sheet_path, c->template_path);
done:
	sheet_check_say_hidden(&im.ck, c->err);
	appraisal_free(a);
	xmlFree(mem);
	csv_free(table);
	xlsx_free(book);
	g_free(bytes);
	sheet_check_free(&im.ck);
	sheet_frame_free(&im.f);
	session_close(&s);
	return c->diag.status;
}
