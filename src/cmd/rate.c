/* The rate command: levels, reasons and gaps as a table, CSV or the result XML; the rating sheet. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/xmlsave.h>

#include "cmd/commands.h"
#include "doc/resultdoc.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "pipeline.h"
#include "rate/results.h"

#define TITLE_WIDTH 38

/* Text from an appraisal may hold bidi controls; a table must not reorder. */
static const char *
safe(const char *text, char *buf, size_t size)
{
	diag_escape(buf, size, text != NULL ? text : "");
	return buf;
}

/* Print s in exactly width columns: cut with "..." or padded. */
static void
put_column(FILE *out, const char *text, long width)
{
	char buf[1024];
	const char *s = safe(text, buf, sizeof buf);
	long n = g_utf8_strlen(s, -1);

	if (n > width) {
		const char *cut = g_utf8_offset_to_pointer(s, width - 3);

		fprintf(out, "%.*s...", (int)(cut - s), s);
	} else {
		fprintf(out, "%s%*s", s, (int)(width - n), "");
	}
}

/* A level in the words every product uses for the two states without one:
 * "not applicable" and "not appraised" (the text table and the CSV alike). */
static const char *
level_text(bool in_scope, int level)
{
	return in_scope ? results_level_text(level) : "not appraised";
}

static const char *
gap_text(const struct org_result *o, char *buf, size_t size)
{
	switch (o->gap.kind) {
	case GAP_MEETS:
		return "meets";
	case GAP_SHORT:
		snprintf(buf, size, "short by %d", o->gap.gap);
		return buf;
	case GAP_NOT_APPRAISED:
		return o->in_scope ? "not applicable" : "not appraised";
	default:
		return "-";
	}
}

static void
print_header(FILE *out, const struct results *r)
{
	const struct appraisal *a = r->a;
	char b1[512], b2[512], b3[512];

	fprintf(out, "Appraisal %s: %s\n", safe(a->id, b1, sizeof b1),
	        safe(a->organization, b2, sizeof b2));
	fprintf(out, "  %s; method %s; %zu project%s; on site %s to %s; valid until %s\n",
	        safe(a->title, b1, sizeof b1), a->method == RATE_ISO15504 ? "iso15504" : "ssam",
	        a->n_projects, a->n_projects == 1 ? "" : "s", a->date_start, a->date_end,
	        a->valid_until);
	if (r->target != NULL)
		fprintf(out, "  target %s (%s, %s): meets %zu, short %zu, not appraised %zu of %zu\n",
		        safe(r->target->id, b1, sizeof b1), safe(r->target->issuer, b2, sizeof b2),
		        safe(r->target->reference, b3, sizeof b3), r->n_meets, r->n_short,
		        r->n_not_appraised, r->n_targets);
}

/* The text table.  A dash marks an empty cell (no target, no claim, no
 * range), never a state: states read as in the CSV and the products. */
static void
print_text(FILE *out, const struct results *r)
{
	const struct model *m = r->m;
	char b1[512], b2[512], id[64], reason[4096], gap[32];
	size_t p, i;
	bool single = r->n_projects == 1, targets = r->target != NULL;

	print_header(out, r);
	for (p = 0; p < r->n_projects; p++) {
		const struct project_result *pr = &r->projects[p];

		fprintf(out, "\nProject %s: %s\n", safe(pr->project->id, b1, sizeof b1),
		        safe(pr->project->name, b2, sizeof b2));
		fprintf(out, "  PA    ");
		put_column(out, "Process area", TITLE_WIDTH);
		fprintf(out, single && targets
		             ? "  Level           Target  Gap             Reason\n"
		             : "  Level           Claimed  Reason\n");
		for (i = 0; i < m->n_pas; i++) {
			const struct area_result *ar = &pr->areas[i];
			const struct org_result *o = &r->org[i];

			fprintf(out, "  %-5s ", safe(m->pas[i].id, id, sizeof id));
			put_column(out, m->pas[i].title, TITLE_WIDTH);
			safe(ar->reason, reason, sizeof reason);
			if (single && targets)
				fprintf(out, "  %-14s  %-6s  %-14s  %s\n",
				        level_text(ar->in_scope, ar->rate.level),
				        o->target >= 0 ? results_level_text(o->target) : "-",
				        gap_text(o, gap, sizeof gap), reason);
			else
				fprintf(out, "  %-14s  %-7s  %s\n", level_text(ar->in_scope, ar->rate.level),
				        ar->claimed >= 0 ? results_level_text(ar->claimed) : "-", reason);
		}
	}
	if (single)
		return;
	fprintf(out, "\nOrganization: lowest level over the projects\n  PA    ");
	put_column(out, "Process area", TITLE_WIDTH);
	fprintf(out, "  Level           Range  Target  Gap\n");
	for (i = 0; i < m->n_pas; i++) {
		const struct org_result *o = &r->org[i];
		char range[16] = "-";

		if (o->in_scope && o->org.level != RATE_NOT_APPLICABLE)
			snprintf(range, sizeof range, "%d-%d", o->org.level, o->org.max_level);
		fprintf(out, "  %-5s ", safe(m->pas[i].id, id, sizeof id));
		put_column(out, m->pas[i].title, TITLE_WIDTH);
		fprintf(out, "  %-14s  %-5s  %-6s  %s\n",
		        level_text(o->in_scope, o->org.level), range,
		        o->target >= 0 ? results_level_text(o->target) : "-",
		        gap_text(o, gap, sizeof gap));
	}
}

/* One CSV field (RFC 4180).  A leading = + - @ would make spreadsheets
 * evaluate the cell as a formula; such cells get a leading apostrophe. */
static void
put_csv(FILE *out, const char *s, bool last)
{
	const char *p;

	s = s != NULL ? s : "";
	fputc('"', out);
	if (strchr("=+-@\t\r", *s) != NULL && *s != '\0')
		fputc('\'', out);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputs(last ? "\"\r\n" : "\",", out);
}

static void
print_csv(FILE *out, const struct results *r)
{
	const struct model *m = r->m;
	char gap[32], max[8];
	size_t p, i;

	fputs("scope,project,process_area,title,level,max_level,claimed,target,gap,reason\r\n", out);
	for (p = 0; p < r->n_projects; p++) {
		const struct project_result *pr = &r->projects[p];

		for (i = 0; i < m->n_pas; i++) {
			const struct area_result *ar = &pr->areas[i];

			put_csv(out, "project", false);
			put_csv(out, pr->project->id, false);
			put_csv(out, m->pas[i].id, false);
			put_csv(out, m->pas[i].title, false);
			put_csv(out, level_text(ar->in_scope, ar->rate.level), false);
			put_csv(out, "", false);
			put_csv(out, ar->claimed >= 0 ? results_level_text(ar->claimed) : "", false);
			put_csv(out, "", false);
			put_csv(out, "", false);
			put_csv(out, ar->reason, true);
		}
	}
	for (i = 0; i < m->n_pas; i++) {
		const struct org_result *o = &r->org[i];
		bool rated = o->in_scope && o->org.level != RATE_NOT_APPLICABLE;

		snprintf(max, sizeof max, "%d", o->org.max_level);
		put_csv(out, "organization", false);
		put_csv(out, "", false);
		put_csv(out, m->pas[i].id, false);
		put_csv(out, m->pas[i].title, false);
		put_csv(out, level_text(o->in_scope, o->org.level), false);
		put_csv(out, rated ? max : "", false);
		put_csv(out, "", false);
		put_csv(out, o->target >= 0 ? results_level_text(o->target) : "", false);
		put_csv(out, o->target >= 0 ? gap_text(o, gap, sizeof gap) : "", false);
		put_csv(out, "", true);
	}
}

/* A rating with its place in the model, for the sheet's order. */
struct sheet_row {
	const struct ap_rating *rating;
	long rank;      /* results_practice_rank, -1 when the model does not order it */
	size_t index;   /* position in the file */
};

/* Model order; what the model does not order comes last, in the file's order. */
static int
by_model_order(const void *a, const void *b)
{
	const struct sheet_row *x = a, *y = b;

	if (x->rank != y->rank) {
		if (x->rank < 0 || y->rank < 0)
			return x->rank < 0 ? 1 : -1;
		return x->rank < y->rank ? -1 : 1;
	}
	return x->index < y->index ? -1 : x->index > y->index;
}

/* The rating sheet that `ssecmm import` reads back: every practice rating,
 * per project in the file's order, areas and practices in model order. */
static void
print_sheet(FILE *out, const struct results *r)
{
	const struct model *m = r->m;
	const struct appraisal *a = r->a;
	size_t p, i, k;

	fputs("project,process_area,practice,rating,evidence,note\r\n", out);
	for (p = 0; p < a->n_projects; p++) {
		for (i = 0; i < m->n_pas; i++) {
			const struct ap_area *area = a->projects[p].areas[i];
			struct sheet_row *rows;

			if (area == NULL)
				continue;
			rows = g_new(struct sheet_row, area->n_ratings ? area->n_ratings : 1);
			for (k = 0; k < area->n_ratings; k++) {
				rows[k].rating = &area->ratings[k];
				rows[k].rank = results_practice_rank(m, area->pa, area->ratings[k].ref);
				rows[k].index = k;
			}
			qsort(rows, area->n_ratings, sizeof *rows, by_model_order);
			for (k = 0; k < area->n_ratings; k++) {
				const struct ap_rating *rt = rows[k].rating;
				char *evidence = appraisal_evidence_list(rt->evidence);

				put_csv(out, a->projects[p].id, false);
				put_csv(out, area->pa->id, false);
				put_csv(out, rt->ref, false);
				put_csv(out, rate_rating_name(rt->rating), false);
				put_csv(out, evidence, false);
				put_csv(out, rt->note, true);
				g_free(evidence);
			}
			g_free(rows);
		}
	}
}

static bool
print_xml(FILE *out, const struct results *r, struct diag *d)
{
	xmlDoc *doc = result_document(r);
	xmlChar *mem = NULL;
	int len = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (mem == NULL) {
		diag_report(d, NULL, 0, 0, M_OUT_OF_MEMORY);
		return false;
	}
	fwrite(mem, 1, (size_t)len, out);
	xmlFree(mem);
	return true;
}

int
cmd_rate(struct cli *c)
{
	const char *format = c->format != NULL ? c->format : "text";
	struct pipeline *pl = NULL;
	struct rated rated = {0};

	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "xml") != 0 && strcmp(format, "sheet") != 0) {
		diag_report(&c->diag, NULL, 0, 0, M_UNKNOWN_RATE_FORMAT, format);
		return EXIT_USAGE;
	}
	if ((pl = pipeline_new(c->model_path, &c->diag)) == NULL ||
	    !pipeline_rate(pl, c->operands[0], c->target_path, &rated, &c->diag))
		goto done;
	if (strcmp(format, "xml") == 0)
		print_xml(c->out, rated.results, &c->diag);
	else if (strcmp(format, "csv") == 0)
		print_csv(c->out, rated.results);
	else if (strcmp(format, "sheet") == 0)
		print_sheet(c->out, rated.results);
	else
		print_text(c->out, rated.results);
done:
	rated_free(&rated);
	pipeline_free(pl);
	return c->diag.status;
}
