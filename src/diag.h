/* Diagnostics: one escaped line per problem, counted, with the exit status they imply. */
#ifndef SSECMM_DIAG_H
#define SSECMM_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

/* Exit statuses of the program, documented in the README and the man page. */
enum exit_status {
	EXIT_OK = 0,       /* done, nothing wrong */
	EXIT_INVALID = 1,  /* an input is malformed or breaks a rule */
	EXIT_USAGE = 2,    /* the command line is wrong */
	EXIT_IO = 3,       /* reading or writing a file failed */
	EXIT_LIMIT = 4,    /* an input exceeds a documented resource limit */
	EXIT_INTERNAL = 5  /* a bug or an exhausted system resource */
};

/* A usage error reads as an error without the word: "ssecmm: TEXT". */
enum diag_severity { DIAG_WARNING, DIAG_ERROR, DIAG_USAGE };

/* A sink for diagnostics.  Errors always print; warnings are suppressed by
 * quiet.  The sink remembers the most severe exit status reported. */
struct diag {
	FILE *out;
	bool quiet;
	bool color;
	unsigned errors;
	unsigned warnings;
	enum exit_status status;
};

void diag_init(struct diag *d, FILE *out, bool quiet, bool color);

/* Report one problem.  file may be NULL (then no location is printed); line
 * and col are printed when positive.  The formatted message and the file name
 * are escaped: control bytes, invalid UTF-8 and bidirectional controls never
 * reach the terminal raw.  status is the exit status the problem implies
 * (ignored for warnings). */
void diag_report(struct diag *d, const char *file, long line, long col,
                 enum diag_severity sev, enum exit_status status, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void diag_vreport(struct diag *d, const char *file, long line, long col,
                  enum diag_severity sev, enum exit_status status, const char *fmt, va_list ap)
	__attribute__((format(printf, 7, 0)));

/* Where in a file a problem is: a line and a column of text (sheet NULL),
 * or a cell of a spreadsheet's sheet (row and column numbered from 1; a
 * column of 0 names the row by its first cell).  Zero parts are not
 * printed. */
struct diag_pos {
	const char *sheet;
	long line;
	long col;
};

/* As diag_report, at pos (NULL: no position).  A cell prints as a
 * spreadsheet writes it, SHEET!E42, the sheet's name between apostrophes
 * when it holds anything but letters, digits, '_' and '.' ('Project 1'!E42,
 * an apostrophe inside doubled). */
void diag_report_at(struct diag *d, const char *file, const struct diag_pos *pos,
                    enum diag_severity sev, enum exit_status status, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void diag_vreport_at(struct diag *d, const char *file, const struct diag_pos *pos,
                     enum diag_severity sev, enum exit_status status, const char *fmt,
                     va_list ap) __attribute__((format(printf, 6, 0)));

/* The position as diagnostics print it after the file name ("12:3", "12",
 * "GW!E42"), or "" when it has none; NUL-terminated, truncated to size. */
void diag_pos_format(char *buf, size_t size, const struct diag_pos *pos);

/* Print one line to out (a "wrote" line, a summary), formatted and then
 * escaped as diagnostics are, so that names from files print as escapes;
 * the newline is added here.  Not counted, never suppressed. */
void diag_say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Escape text for a one-line diagnostic into buf (always NUL-terminated,
 * truncated with "..." when it does not fit).  Exposed for tests. */
void diag_escape(char *buf, size_t size, const char *text);

#include "messages.h"

#endif
