/* The checks every rating sheet gets, row by row and as a whole, against the model and the template. */
#include "load/sheet_check.h"

#include <stdarg.h>
#include <string.h>

#include "load/appraisal.h"
#include "rate/rate.h"
#include "rate/results.h"

/* A note may hold 20,000 characters, the appraisal format's limit. */
#define NOTE_MAX_CHARS 20000

const char *const sheet_column_names[SHEET_N_COLUMNS] = {
	"project", "process_area", "practice", "rating", "evidence", "note",
};

void
sheet_check_init(struct sheet_check *ck, const struct model *m, const struct sheet_frame *f,
                 struct diag *d, const char *display)
{
	memset(ck, 0, sizeof *ck);
	ck->m = m;
	ck->f = f;
	ck->d = d;
	ck->display = display;
	ck->order = g_ptr_array_new();
}

static size_t
n_slots(const struct sheet_check *ck)
{
	return ck->f != NULL && ck->f->project_ids != NULL ? ck->f->project_ids->len * ck->m->n_pas : 0;
}

/* The table of areas, made on first use: the template is loaded by then. */
static struct sheet_area **
areas(struct sheet_check *ck)
{
	if (ck->areas == NULL)
		ck->areas = g_new0(struct sheet_area *, n_slots(ck) + 1);
	return ck->areas;
}

void
sheet_check_free(struct sheet_check *ck)
{
	size_t i, n = n_slots(ck);

	for (i = 0; ck->areas != NULL && i < n; i++) {
		if (ck->areas[i] == NULL)
			continue;
		g_ptr_array_free(ck->areas[i]->ratings, TRUE);
		g_hash_table_destroy(ck->areas[i]->seen);
		g_free(ck->areas[i]);
	}
	g_free(ck->areas);
	if (ck->order != NULL)
		g_ptr_array_free(ck->order, TRUE);
	memset(ck, 0, sizeof *ck);
}

void
sheet_report(struct sheet_check *ck, const struct diag_pos *pos, enum diag_severity sev,
             enum exit_status status, const char *fmt, ...)
{
	struct diag *d = ck->d;
	FILE *out = d->out;
	va_list ap;

	/* Errors are counted (and the exit status kept) either way, but
	 * printed only while few. */
	if (sev != DIAG_WARNING && d->errors >= SHEET_SHOWN_ERRORS) {
		d->out = NULL;
		ck->hidden_errors++;
	}
	va_start(ap, fmt);
	diag_vreport_at(d, ck->display, pos, sev, status, fmt, ap);
	va_end(ap);
	d->out = out;
}

void
sheet_check_say_hidden(const struct sheet_check *ck, FILE *err)
{
	if (ck->hidden_errors > 0)
		diag_say(err, "ssecmm: %s: %u more errors not shown", ck->display, ck->hidden_errors);
}

/* ---- one row ---- */

/* A character XML 1.0 cannot hold (the text is valid UTF-8 already), or 0. */
static gunichar
non_xml_char(const char *s)
{
	for (; *s != '\0'; s = g_utf8_next_char(s)) {
		gunichar c = g_utf8_get_char(s);

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
			return c;
	}
	return 0;
}

/* Check practice id of area pa; its rank in model order, or -1 after reporting. */
static long
check_practice(struct sheet_check *ck, const struct sheet_field *fd, const struct model_pa *pa)
{
	const struct model *m = ck->m;
	const char *id = fd->text;
	long rank = results_practice_rank(m, pa, id);

	if (g_str_has_prefix(id, "BP.")) {
		if (model_bp(m, id) == NULL)
			sheet_report(ck, &fd->pos, M_UNKNOWN_BASE_PRACTICE, "", id);
		else if (model_bp_area(m, id) != pa)
			sheet_report(ck, &fd->pos, M_BP_IN_OTHER_AREA, "", id,
			             model_bp_area(m, id)->id, pa->id);
		else
			return rank;
	} else if (g_str_has_prefix(id, "GP-")) {
		if (rank < 0)
			sheet_report(ck, &fd->pos, M_UNKNOWN_GENERIC_PRACTICE, "", id);
		else
			return rank;
	} else if (rate_is_attribute_form(id)) {
		if (!ck->f->iso15504)
			sheet_report(ck, &fd->pos, M_ATTRIBUTE_NEEDS_ISO15504, "", id);
		else if (rank < 0)
			sheet_report(ck, &fd->pos, M_UNKNOWN_ATTRIBUTE, "", id, RATE_ATTRIBUTE_LIST);
		else
			return rank;
	} else {
		sheet_report(ck, &fd->pos, M_UNKNOWN_PRACTICE, "", id);
	}
	return -1;
}

/* The evidence field as the attribute's value: ids joined by one space, each
 * in the template's register.  NULL when the field is empty or after an
 * error (*ok false). */
static char *
check_evidence(struct sheet_check *ck, const struct sheet_field *fd, bool *ok)
{
	gchar **ids;
	GString *value;
	size_t i;

	if (fd == NULL)
		return NULL;
	ids = g_strsplit_set(fd->text, " \t\r\n", -1);
	value = g_string_new(NULL);
	for (i = 0; ids[i] != NULL; i++) {
		if (*ids[i] == '\0')
			continue;
		if (!g_hash_table_contains(ck->f->evidence, ids[i])) {
			sheet_report(ck, &fd->pos, M_EVIDENCE_NOT_REGISTERED, "", ids[i]);
			*ok = false;
		}
		if (value->len > 0)
			g_string_append_c(value, ' ');
		g_string_append(value, ids[i]);
	}
	g_strfreev(ids);
	if (!*ok || value->len == 0) {
		g_string_free(value, TRUE);
		return NULL;
	}
	return g_string_free(value, FALSE);
}

/* The note field as the note's text: without the apostrophe a spreadsheet
 * export puts before a leading = + - @ (ssecmm's own export does), line
 * ends as LF, as an XML parser would give them.  NULL when empty or after
 * an error (*ok false). */
static char *
check_note(struct sheet_check *ck, const struct sheet_field *fd, bool *ok)
{
	const char *s;
	GString *note;
	long n_chars;

	if (fd == NULL || fd->len == 0)
		return NULL;
	s = fd->text;
	if (s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r", s[1]) != NULL)
		s++;
	note = g_string_sized_new(fd->len);
	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			g_string_append_c(note, '\n');
			if (s[1] == '\n')
				s++;
		} else {
			g_string_append_c(note, *s);
		}
	}
	n_chars = g_utf8_strlen(note->str, (gssize)note->len);
	if (strspn(note->str, " \t\n") == note->len) {
		sheet_report(ck, &fd->pos, M_NOTE_BLANK);
		*ok = false;
	} else if (n_chars > NOTE_MAX_CHARS) {
		sheet_report(ck, &fd->pos, M_NOTE_TOO_LONG, n_chars, NOTE_MAX_CHARS);
		*ok = false;
	}
	if (!*ok) {
		g_string_free(note, TRUE);
		return NULL;
	}
	return g_string_free(note, FALSE);
}

static void
sheet_rating_free(gpointer p)
{
	struct sheet_rating *r = p;

	g_free(r->evidence);
	g_free(r->note);
	g_free(r);
}

static struct sheet_area *
area_for(struct sheet_check *ck, size_t project, size_t pa, const struct diag_pos *pos)
{
	struct sheet_area **slot = &areas(ck)[project * ck->m->n_pas + pa];

	if (*slot == NULL) {
		*slot = g_new0(struct sheet_area, 1);
		(*slot)->ratings = g_ptr_array_new_with_free_func(sheet_rating_free);
		(*slot)->seen = g_hash_table_new(g_str_hash, g_str_equal);
		(*slot)->pos = *pos;
	}
	return *slot;
}

bool
sheet_check_project(struct sheet_check *ck, const struct sheet_field *fp)
{
	const struct sheet_frame *f = ck->f;
	GString *known;

	if (g_hash_table_contains(f->projects, fp->text))
		return true;
	known = g_string_new(NULL);
	for (size_t i = 0; i < f->project_ids->len; i++)
		g_string_append_printf(known, "%s%s", i > 0 ? ", " : "",
		                       (const char *)g_ptr_array_index(f->project_ids, i));
	sheet_report(ck, &fp->pos, M_SHEET_UNKNOWN_PROJECT, fp->text,
	             known->len ? known->str : "none");
	g_string_free(known, TRUE);
	return false;
}

/* Where the first rating of a practice was: a CSV sheet says the line as
 * the appraisal's check does, a workbook the cell. */
static void
report_rated_twice(struct sheet_check *ck, const struct sheet_field *fr, const char *pa,
                   const char *project, const struct sheet_rating *first)
{
	char cell[256];

	if (first->practice_pos.sheet == NULL) {
		sheet_report(ck, &fr->pos, M_RATED_TWICE, fr->text, pa, project,
		             first->practice_pos.line);
	} else {
		diag_pos_format(cell, sizeof cell, &first->practice_pos);
		sheet_report(ck, &fr->pos, M_RATED_TWICE_AT_CELL, fr->text, pa, project, cell);
	}
}

void
sheet_check_row(struct sheet_check *ck, const struct sheet_row *row)
{
	const struct sheet_field *fp = row->fields[SHEET_PROJECT], *fa = row->fields[SHEET_AREA],
	                         *fr = row->fields[SHEET_PRACTICE], *fg = row->fields[SHEET_RATING],
	                         *fe = row->fields[SHEET_EVIDENCE];
	const struct sheet_frame *f = ck->f;
	const struct model_pa *pa = NULL;
	struct sheet_rating *r;
	struct sheet_area *area = NULL;
	gpointer project = NULL;
	enum rating rating = RATING_UNRATED;
	long rank = -1;
	bool ok = true;
	char *evidence, *note;
	size_t k;

	for (k = 0; k < SHEET_N_COLUMNS; k++) {
		const struct sheet_field *fd = row->fields[k];
		gunichar bad = fd != NULL ? non_xml_char(fd->text) : 0;

		if (bad != 0) {
			sheet_report(ck, &fd->pos, M_CHARACTER_NOT_XML, (unsigned)bad);
			return;
		}
		if (k <= SHEET_RATING && fd->len == 0) {
			sheet_report(ck, &fd->pos, M_EMPTY_KEY_FIELD, sheet_column_names[k]);
			ok = false;
		}
	}
	if (!ok)
		return;
	project = g_hash_table_lookup(f->projects, fp->text);
	if (project == NULL) {
		sheet_check_project(ck, fp);
		ok = false;
	}
	pa = model_pa(ck->m, fa->text);
	if (pa == NULL) {
		sheet_report(ck, &fa->pos, M_UNKNOWN_AREA, fa->text);
		ok = false;
	} else if (f->excluded[appraisal_pa_index(ck->m, pa)]) {
		sheet_report(ck, &fa->pos, M_SHEET_RATES_EXCLUDED, pa->id, f->display);
		ok = false;
	} else {
		rank = check_practice(ck, fr, pa);
		ok = ok && rank >= 0;
	}
	if (!rate_parse_rating(fg->text, &rating)) {
		sheet_report(ck, &fg->pos, M_UNKNOWN_RATING, fg->text);
		ok = false;
	}
	evidence = check_evidence(ck, fe, &ok);
	note = check_note(ck, row->fields[SHEET_NOTE], &ok);
	if (ok && rating == RATING_NA && note == NULL) {
		sheet_report(ck, &fg->pos, M_SHEET_NA_WITHOUT_RATIONALE, fr->text,
		             row->fields[SHEET_NOTE] != NULL
		                     ? "write in the note why it does not apply"
		                     : "add a note column saying why it does not apply");
		ok = false;
	}
	if (ok) {
		const struct sheet_rating *first;

		area = area_for(ck, GPOINTER_TO_SIZE(project) - 1,
		                (size_t)appraisal_pa_index(ck->m, pa), &row->pos);
		first = g_hash_table_lookup(area->seen, fr->text);
		if (first != NULL) {
			report_rated_twice(ck, fr, pa->id, fp->text, first);
			ok = false;
		}
	}
	if (!ok) {
		g_free(evidence);
		g_free(note);
		return;
	}
	r = g_new0(struct sheet_rating, 1);
	r->project = fp->text;
	r->practice = fr->text;
	r->rating = fg->text;
	r->evidence = evidence;
	r->note = note;
	r->rank = rank;
	r->practice_pos = fr->pos;
	r->rating_pos = fg->pos;
	r->evidence_pos = fe != NULL ? fe->pos : fg->pos;
	g_hash_table_insert(area->seen, (gpointer)r->practice, r);
	g_ptr_array_add(area->ratings, r);
	g_ptr_array_add(ck->order, r);
}

/* ---- the whole sheet ---- */

void
sheet_check_lint(struct sheet_check *ck)
{
	size_t i;

	for (i = 0; i < ck->order->len; i++) {
		const struct sheet_rating *r = g_ptr_array_index(ck->order, i);

		if (strcmp(r->rating, "NA") != 0 && r->evidence == NULL)
			sheet_report(ck, &r->evidence_pos, M_RATED_WITHOUT_EVIDENCE, r->practice,
			             r->project, r->rating);
		if (ck->f->iso15504 && g_str_has_prefix(r->practice, "GP-"))
			sheet_report(ck, &r->practice_pos, M_PRACTICE_NOT_COUNTED, r->practice);
	}
}

void
sheet_check_complete(struct sheet_check *ck, const struct diag_pos *no_ratings_at)
{
	const struct model *m = ck->m;
	const struct sheet_frame *f = ck->f;
	struct sheet_area **all = areas(ck);
	size_t p, i, j;

	if (ck->order->len == 0) {
		sheet_report(ck, no_ratings_at, M_SHEET_NO_RATINGS);
		return;
	}
	for (p = 0; p < f->project_ids->len; p++) {
		const char *pid = g_ptr_array_index(f->project_ids, p);
		bool any = false;

		for (i = 0; i < m->n_pas; i++)
			any = any || all[p * m->n_pas + i] != NULL;
		if (!any) {
			sheet_report(ck, NULL, M_SHEET_PROJECT_NO_ROWS, pid, f->display);
			continue;
		}
		for (i = 0; i < m->n_pas; i++) {
			const struct model_pa *pa = &m->pas[i];
			const struct sheet_area *area = all[p * m->n_pas + i];

			if (f->excluded[i])
				continue;
			if (area == NULL) {
				sheet_report(ck, NULL, M_SHEET_AREA_NO_ROWS, pa->id, pid, f->display);
				continue;
			}
			if (f->iso15504) {
				if (!g_hash_table_contains(area->seen, "PA1.1"))
					sheet_report(ck, &area->pos, M_SHEET_PA11_UNRATED, pa->id, pid);
				continue;
			}
			for (j = 0; j < pa->n_bps; j++)
				if (!g_hash_table_contains(area->seen, pa->bps[j].id))
					sheet_report(ck, &area->pos, M_SHEET_BP_UNRATED, pa->id, pid,
					             pa->bps[j].id);
		}
	}
}
