/* A strict RFC 4180 CSV reader over a memory buffer (pure: no I/O, no diagnostics). */
#include "load/csv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "diag.h"

struct csv_table {
	struct csv_row *rows;
	size_t n_rows;
	struct csv_field *fields;   /* every row's fields, one array */
	GStringChunk *text;         /* every field's text; pointers into it stay put */
};

/* A row while parsing: its fields are fields[first .. first + n). */
struct pending_row {
	size_t first;
	size_t n;
	long line;
};

struct parser {
	const char *buf;
	size_t len;
	size_t pos;
	long line;
	const struct csv_limits *limits;
	struct csv_error_info *err;
	GString *cur;               /* the field being read, unquoted */
	GArray *fields;             /* struct csv_field, text not yet final */
	GArray *rows;               /* struct pending_row */
	GStringChunk *text;
};

/* Record the error and its message of messages.h; the caller reports it with the
 * status code implies, so sev and status serve the table's form only. */
static bool fail(struct parser *p, enum csv_error code, long line, long column,
                 enum diag_severity sev, enum exit_status status, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

static bool
fail(struct parser *p, enum csv_error code, long line, long column,
     enum diag_severity sev, enum exit_status status, const char *fmt, ...)
{
	va_list ap;

	(void)sev;
	(void)status;
	p->err->code = code;
	p->err->line = line;
	p->err->column = column;
	va_start(ap, fmt);
	vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
	va_end(ap);
	return false;
}

static bool
grow_field(struct parser *p, long field_line, long column)
{
	if (p->cur->len <= p->limits->max_field_bytes)
		return true;
	return fail(p, CSV_ERR_FIELD_TOO_LONG, field_line, column, M_CSV_FIELD_TOO_LONG,
	            p->limits->max_field_bytes);
}

/* Read a quoted field; p->pos is just past the opening quote.  Stops just
 * past the closing quote. */
static bool
read_quoted(struct parser *p, long field_line, long column)
{
	for (;;) {
		char c;

		if (p->pos == p->len)
			return fail(p, CSV_ERR_UNTERMINATED_QUOTE, field_line, column,
			            M_CSV_UNCLOSED_QUOTE);
		c = p->buf[p->pos];
		if (c == '"') {
			if (p->pos + 1 < p->len && p->buf[p->pos + 1] == '"') {
				g_string_append_c(p->cur, '"');
				p->pos += 2;
			} else {
				p->pos++;
				break;
			}
		} else {
			if (c == '\0')
				return fail(p, CSV_ERR_NUL, p->line, column, M_CSV_NUL_BYTE);
			if (c == '\n')
				p->line++;
			g_string_append_c(p->cur, c);
			p->pos++;
		}
		if (!grow_field(p, field_line, column))
			return false;
	}
	if (p->pos < p->len && p->buf[p->pos] != ',' && p->buf[p->pos] != '\n' &&
	    p->buf[p->pos] != '\r')
		return fail(p, CSV_ERR_AFTER_QUOTE, p->line, column, M_CSV_TEXT_AFTER_QUOTE);
	return true;
}

/* Read an unquoted field up to the next comma, line end or the end. */
static bool
read_plain(struct parser *p, long field_line, long column)
{
	size_t start = p->pos;

	while (p->pos < p->len) {
		char c = p->buf[p->pos];

		if (c == ',' || c == '\n' || c == '\r')
			break;
		if (c == '"')
			return fail(p, CSV_ERR_BARE_QUOTE, p->line, column, M_CSV_STRAY_QUOTE);
		if (c == '\0')
			return fail(p, CSV_ERR_NUL, p->line, column, M_CSV_NUL_BYTE);
		p->pos++;
	}
	g_string_append_len(p->cur, p->buf + start, (gssize)(p->pos - start));
	return grow_field(p, field_line, column);
}

static bool
check_utf8(struct parser *p, long field_line, long column)
{
	const char *end;
	const char *s;
	long line = field_line;

	if (g_utf8_validate(p->cur->str, (gssize)p->cur->len, &end))
		return true;
	for (s = p->cur->str; s < end; s++)
		if (*s == '\n')
			line++;
	return fail(p, CSV_ERR_INVALID_UTF8, line, column, M_CSV_INVALID_UTF8,
	            (unsigned)(unsigned char)*end);
}

/* Read one field at p->pos and append it to p->fields. */
static bool
read_field(struct parser *p, size_t column)
{
	struct csv_field f;
	long field_line = p->line;
	bool ok;

	if (column > p->limits->max_fields)
		return fail(p, CSV_ERR_TOO_MANY_FIELDS, p->line, (long)column,
		            M_CSV_TOO_MANY_FIELDS, p->limits->max_fields);
	g_string_truncate(p->cur, 0);
	if (p->pos < p->len && p->buf[p->pos] == '"') {
		p->pos++;
		ok = read_quoted(p, field_line, (long)column);
	} else {
		ok = read_plain(p, field_line, (long)column);
	}
	if (!ok || !check_utf8(p, field_line, (long)column))
		return false;
	/* Strings in a GStringChunk never move, so the pointer is final. */
	f.text = g_string_chunk_insert_len(p->text, p->cur->str, (gssize)p->cur->len);
	f.len = p->cur->len;
	f.line = field_line;
	g_array_append_val(p->fields, f);
	return true;
}

/* Read a row; false on error.  Leaves p->pos at the next row or the end. */
static bool
read_row(struct parser *p)
{
	struct pending_row row = {p->fields->len, 0, p->line};

	if (p->rows->len >= p->limits->max_rows)
		return fail(p, CSV_ERR_TOO_MANY_ROWS, p->line, 1, M_CSV_TOO_MANY_ROWS,
		            p->limits->max_rows);
	for (;;) {
		if (!read_field(p, row.n + 1))
			return false;
		row.n++;
		if (p->pos == p->len)
			break;
		if (p->buf[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->buf[p->pos] == '\r') {
			if (p->pos + 1 == p->len || p->buf[p->pos + 1] != '\n')
				return fail(p, CSV_ERR_BARE_CR, p->line, (long)row.n,
				            M_BARE_CARRIAGE_RETURN);
			p->pos++;
		}
		p->pos++;   /* the line feed */
		p->line++;
		break;
	}
	g_array_append_val(p->rows, row);
	return true;
}

struct csv_table *
csv_parse(const char *buf, size_t len, const struct csv_limits *limits,
          struct csv_error_info *err)
{
	const unsigned char *u = (const unsigned char *)buf;
	struct parser p = {buf, len, 0, 1, limits, err, NULL, NULL, NULL, NULL};
	struct csv_table *t = NULL;
	bool ok = true;
	size_t i;

	memset(err, 0, sizeof *err);
	if (len >= 4 && (memcmp(u, "\xFF\xFE\0\0", 4) == 0 || memcmp(u, "\0\0\xFE\xFF", 4) == 0)) {
		fail(&p, CSV_ERR_UTF16, 1, 1, M_CSV_UTF32);
		return NULL;
	}
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		fail(&p, CSV_ERR_UTF16, 1, 1, M_CSV_UTF16);
		return NULL;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
		p.pos = 3;
	p.cur = g_string_new(NULL);
	p.fields = g_array_new(FALSE, FALSE, sizeof(struct csv_field));
	p.rows = g_array_new(FALSE, FALSE, sizeof(struct pending_row));
	p.text = g_string_chunk_new(64 * 1024);
	while (ok && p.pos < p.len)
		ok = read_row(&p);
	if (ok) {
		t = g_new0(struct csv_table, 1);
		t->n_rows = p.rows->len;
		t->rows = g_new0(struct csv_row, t->n_rows ? t->n_rows : 1);
		t->fields = (struct csv_field *)(void *)g_array_free(p.fields, FALSE);
		t->text = p.text;
		p.fields = NULL;
		p.text = NULL;
		/* Rows point into the one field array only now: it moved while it grew. */
		for (i = 0; i < t->n_rows; i++) {
			const struct pending_row *r = &g_array_index(p.rows, struct pending_row, i);

			t->rows[i].fields = t->fields + r->first;
			t->rows[i].n_fields = r->n;
			t->rows[i].line = r->line;
		}
	}
	g_string_free(p.cur, TRUE);
	if (p.fields != NULL)
		g_array_free(p.fields, TRUE);
	g_array_free(p.rows, TRUE);
	if (p.text != NULL)
		g_string_chunk_free(p.text);
	return t;
}

void
csv_free(struct csv_table *t)
{
	if (t == NULL)
		return;
	g_free(t->rows);
	g_free(t->fields);
	g_string_chunk_free(t->text);
	g_free(t);
}

size_t
csv_n_rows(const struct csv_table *t)
{
	return t->n_rows;
}

const struct csv_row *
csv_row(const struct csv_table *t, size_t i)
{
	return i < t->n_rows ? &t->rows[i] : NULL;
}

bool
csv_error_is_limit(enum csv_error code)
{
	return code == CSV_ERR_TOO_MANY_FIELDS || code == CSV_ERR_TOO_MANY_ROWS ||
	       code == CSV_ERR_FIELD_TOO_LONG;
}
