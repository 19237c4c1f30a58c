/* The checks every rating sheet gets, row by row and as a whole, against the model and the template. */
#ifndef SSECMM_SHEET_CHECK_H
#define SSECMM_SHEET_CHECK_H

#include <stdbool.h>

#include <glib.h>

#include "diag.h"
#include "load/model.h"
#include "load/sheet.h"
#include "load/sheet_frame.h"

/* One checked row: what the appraisal gets, and where the row said it. */
struct sheet_rating {
	const char *project;
	const char *practice;
	const char *rating;
	char *evidence;          /* ids joined by single spaces, or NULL */
	char *note;              /* line ends as LF, or NULL */
	long rank;               /* model order within the area */
	struct diag_pos practice_pos, rating_pos;
	struct diag_pos evidence_pos; /* sheet and line 0 when there is no evidence column */
};

/* One project's ratings of one process area, as the sheet gives them. */
struct sheet_area {
	GPtrArray *ratings;      /* struct sheet_rating *, owned */
	GHashTable *seen;        /* practice id -> its struct sheet_rating * */
	struct diag_pos pos;     /* of the area's first row */
};

/* The state of one sheet's check.  Errors about the sheet past the first
 * SHEET_SHOWN_ERRORS are counted, not printed: a sheet with 100,000 bad
 * rows gives a screenful, then how many more there were. */
#define SHEET_SHOWN_ERRORS 100

struct sheet_check {
	const struct model *m;
	const struct sheet_frame *f;
	struct diag *d;
	const char *display;     /* the sheet file's name in diagnostics */
	unsigned hidden_errors;  /* past SHEET_SHOWN_ERRORS */
	struct sheet_area **areas; /* [project * n_pas + area], NULL when not rated */
	GPtrArray *order;        /* struct sheet_rating *, in the sheet's order */
};

/* Start checking a sheet named display against m and f; diagnostics go to
 * d.  The caller owns ck (sheet_check_free), m, f and d outlive it. */
void sheet_check_init(struct sheet_check *ck, const struct model *m,
                      const struct sheet_frame *f, struct diag *d, const char *display);
void sheet_check_free(struct sheet_check *ck);

/* Raise a message of messages.h at a place in the sheet (pos NULL: the
 * sheet as a whole), under the cap on printed errors. */
void sheet_report(struct sheet_check *ck, const struct diag_pos *pos, enum diag_severity sev,
                  enum exit_status status, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* True when fp names a project of the template; false after reporting. */
bool sheet_check_project(struct sheet_check *ck, const struct sheet_field *fp);

/* Check one row and keep it when it is sound.  A row whose fields are all
 * empty is the caller's to skip. */
void sheet_check_row(struct sheet_check *ck, const struct sheet_row *row);

/* After the last row: every in-scope area of every project is rated, and
 * completely; no_ratings_at is where to say that the sheet rates nothing. */
void sheet_check_complete(struct sheet_check *ck, const struct diag_pos *no_ratings_at);

/* The warnings of `validate` on the ratings, said at the rows. */
void sheet_check_lint(struct sheet_check *ck);

/* Print how many errors were not shown, if any. */
void sheet_check_say_hidden(const struct sheet_check *ck, FILE *err);

#endif
