/* Diagnostics: formatting, escaping and counting of error and warning lines. */
#include "diag.h"

#include <string.h>

#include <glib.h>

/* Longest diagnostic line we print; longer messages end in "...". */
#define DIAG_LINE_MAX 1024

void
diag_init(struct diag *d, FILE *out, bool quiet, bool color)
{
	d->out = out;
	d->quiet = quiet;
	d->color = color;
	d->errors = 0;
	d->warnings = 0;
	d->status = EXIT_OK;
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when it is invalid
 * (overlong forms, surrogates and code points above U+10FFFF included). */
static size_t
utf8_len(const unsigned char *s)
{
	unsigned c = s[0];
	size_t n, i;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

static unsigned long
utf8_decode(const unsigned char *s, size_t n)
{
	static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	unsigned long cp = s[0] & lead_mask[n];
	size_t i;

	for (i = 1; i < n; i++)
		cp = (cp << 6) | (s[i] & 0x3F);
	return cp;
}

/* Characters that can reorder or hide what a reader sees (CVE-2021-42574),
 * and the C1 controls, which some terminals obey. */
static int
is_hidden_control(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200B || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

void
diag_escape(char *buf, size_t size, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	GString *out;
	size_t n, cut = 0, limit = size >= 4 ? size - 4 : 0, dots;

	if (size == 0)
		return;
	out = g_string_new(NULL);
	for (; *s != '\0'; s += n) {
		n = utf8_len(s);
		if (n == 0) {
			g_string_append_printf(out, "\\x%02X", *s);
			n = 1;
		} else if (n == 1 && (*s < 0x20 || *s == 0x7F)) {
			g_string_append_printf(out, "\\x%02X", *s);
		} else if (n > 1 && is_hidden_control(utf8_decode(s, n))) {
			g_string_append_printf(out, "\\u{%04lX}", utf8_decode(s, n));
		} else {
			g_string_append_len(out, (const char *)s, (gssize)n);
		}
		/* The longest prefix, ending between units, that leaves room for "...". */
		if (out->len <= limit)
			cut = out->len;
	}
	if (out->len < size) {
		memcpy(buf, out->str, out->len + 1);
	} else {
		dots = size - 1 - cut < 3 ? size - 1 - cut : 3;
		memcpy(buf, out->str, cut);
		memcpy(buf + cut, "...", dots);
		buf[cut + dots] = '\0';
	}
	g_string_free(out, TRUE);
}

/* A spreadsheet's column letters: 1 is A, 26 Z, 27 AA. */
static void
append_column_letters(GString *out, long col)
{
	char letters[16];
	int n = 0;

	for (; col > 0 && n < (int)sizeof letters; col = (col - 1) / 26)
		letters[n++] = (char)('A' + (col - 1) % 26);
	while (n > 0)
		g_string_append_c(out, letters[--n]);
}

/* A sheet name needs apostrophes unless it is letters, digits, '_' and '.'. */
static bool
sheet_name_is_bare(const char *name)
{
	if (*name == '\0')
		return false;
	for (; *name != '\0'; name++)
		if (!g_ascii_isalnum(*name) && *name != '_' && *name != '.')
			return false;
	return true;
}

void
diag_pos_format(char *buf, size_t size, const struct diag_pos *pos)
{
	GString *out = g_string_new(NULL);

	if (pos != NULL && pos->sheet != NULL) {
		if (sheet_name_is_bare(pos->sheet)) {
			g_string_append(out, pos->sheet);
		} else {
			g_string_append_c(out, '\'');
			for (const char *s = pos->sheet; *s != '\0'; s++) {
				if (*s == '\'')
					g_string_append_c(out, '\'');
				g_string_append_c(out, *s);
			}
			g_string_append_c(out, '\'');
		}
		g_string_append_c(out, '!');
		append_column_letters(out, pos->col > 0 ? pos->col : 1);
		g_string_append_printf(out, "%ld", pos->line);
	} else if (pos != NULL && pos->line > 0) {
		g_string_append_printf(out, "%ld", pos->line);
		if (pos->col > 0)
			g_string_append_printf(out, ":%ld", pos->col);
	}
	if (size > 0)
		g_strlcpy(buf, out->str, size);
	g_string_free(out, TRUE);
}

void
diag_vreport_at(struct diag *d, const char *file, const struct diag_pos *pos,
                enum diag_severity sev, enum exit_status status, const char *fmt, va_list ap)
{
	char raw[4 * DIAG_LINE_MAX], msg[DIAG_LINE_MAX], where[DIAG_LINE_MAX / 2];
	char place[DIAG_LINE_MAX / 2];
	const char *label, *on = "", *off = "";
	char *p;
	size_t len;

	if (sev != DIAG_WARNING) {
		d->errors++;
		if (status > d->status)
			d->status = status;
		label = "error";
		if (d->color)
			on = "\033[1;31m", off = "\033[0m";
	} else {
		d->warnings++;
		if (d->quiet)
			return;
		label = "warning";
		if (d->color)
			on = "\033[1;35m", off = "\033[0m";
	}
	vsnprintf(raw, sizeof raw, fmt, ap);
	/* One line per problem: libxml2 ends its messages with a newline and
	 * sometimes puts details on a second line. */
	len = strlen(raw);
	while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == ' '))
		raw[--len] = '\0';
	for (p = raw; (p = strchr(p, '\n')) != NULL;)
		*p = ' ';
	diag_escape(msg, sizeof msg, raw);
	if (d->out == NULL)
		return;
	fputs("ssecmm: ", d->out);
	if (file != NULL) {
		diag_escape(where, sizeof where, file);
		fputs(where, d->out);
		diag_pos_format(raw, sizeof raw, pos);
		if (raw[0] != '\0') {
			/* A sheet's name comes from the file: escaped as the file's is. */
			diag_escape(place, sizeof place, raw);
			fprintf(d->out, ":%s", place);
		}
		fputs(": ", d->out);
	}
	if (sev == DIAG_USAGE)
		fprintf(d->out, "%s\n", msg);
	else
		fprintf(d->out, "%s%s:%s %s\n", on, label, off, msg);
}

void
diag_vreport(struct diag *d, const char *file, long line, long col,
             enum diag_severity sev, enum exit_status status, const char *fmt, va_list ap)
{
	struct diag_pos pos = {NULL, line, col};

	diag_vreport_at(d, file, &pos, sev, status, fmt, ap);
}

void
diag_report_at(struct diag *d, const char *file, const struct diag_pos *pos,
               enum diag_severity sev, enum exit_status status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vreport_at(d, file, pos, sev, status, fmt, ap);
	va_end(ap);
}

void
diag_report(struct diag *d, const char *file, long line, long col,
            enum diag_severity sev, enum exit_status status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vreport(d, file, line, col, sev, status, fmt, ap);
	va_end(ap);
}

void
diag_say(FILE *out, const char *fmt, ...)
{
	char raw[4 * DIAG_LINE_MAX], line[4 * DIAG_LINE_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	diag_escape(line, sizeof line, raw);
	fprintf(out, "%s\n", line);
}
