/* A strict RFC 4180 CSV reader over a memory buffer (pure: no I/O, no diagnostics). */
#ifndef SSECMM_CSV_H
#define SSECMM_CSV_H

#include <stdbool.h>
#include <stddef.h>

/* Bounds on what one parse may build; the caller chooses them. */
struct csv_limits {
	size_t max_field_bytes;  /* bytes of one field after unquoting */
	size_t max_fields;       /* fields in one row */
	size_t max_rows;         /* rows in the file, blank lines included */
};

struct csv_field {
	const char *text;        /* NUL-terminated, valid UTF-8, never holds a NUL */
	size_t len;
	long line;               /* line where the field begins (1-based) */
};

struct csv_row {
	struct csv_field *fields;
	size_t n_fields;         /* at least 1: an empty line is one empty field */
	long line;               /* line where the row begins */
};

struct csv_table;

/* What stopped a parse.  Positions are 1-based; the column is the number
 * of the field in its row, not a byte or character offset. */
enum csv_error {
	CSV_OK,
	CSV_ERR_UNTERMINATED_QUOTE, /* at the line where the quoted field opens */
	CSV_ERR_AFTER_QUOTE,        /* a character after a closing quote */
	CSV_ERR_BARE_QUOTE,         /* a quote inside a field that is not quoted */
	CSV_ERR_BARE_CR,            /* a carriage return not followed by a line feed */
	CSV_ERR_NUL,
	CSV_ERR_INVALID_UTF8,
	CSV_ERR_UTF16,              /* a UTF-16 or UTF-32 byte-order mark */
	CSV_ERR_TOO_MANY_FIELDS,    /* limits: the three below */
	CSV_ERR_TOO_MANY_ROWS,
	CSV_ERR_FIELD_TOO_LONG,
};

struct csv_error_info {
	enum csv_error code;
	long line;
	long column;
	char message[192];       /* what went wrong, in words, without the position */
};

/* Parse buf[0..len) as CSV: a UTF-8 byte-order mark is skipped, records end
 * in CRLF or LF (the last one may have none), fields are separated by commas
 * and may be quoted with '"' (a quote inside is written twice; commas and
 * line ends inside are data).  Zero bytes, or a byte-order mark alone, give
 * a table of no rows.  On the first error returns NULL and fills *err; on
 * success err->code is CSV_OK.  Time and memory are linear in len.  The
 * caller owns the table (csv_free). */
struct csv_table *csv_parse(const char *buf, size_t len, const struct csv_limits *limits,
                            struct csv_error_info *err);
void csv_free(struct csv_table *t);

size_t csv_n_rows(const struct csv_table *t);
const struct csv_row *csv_row(const struct csv_table *t, size_t i);

/* True for the errors that mean a limit was exceeded, not a malformed file. */
bool csv_error_is_limit(enum csv_error code);

#endif
