/* A PDF as cairo 1.16 writes it (one classic cross-reference table), read object by object and written again with some objects replaced. */
#include "render/pdf_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32
/* More objects than any product has by far (the handbook has about
 * 30,000), and few enough that the offset table stays small. */
#define MAX_OBJECTS 10000000u
#define XREF_ENTRY 20 /* "oooooooooo ggggg n" and a two-byte end of line */

/* Character classes of PDF syntax (ISO 32000-1, 7.2.2), one lookup a byte. */
#define W PDF_WHITE
#define D PDF_DELIMITER
const unsigned char pdf_chars[256] = {
	[0] = W, ['\t'] = W, ['\n'] = W, ['\f'] = W, ['\r'] = W, [' '] = W,
	['('] = D, [')'] = D, ['<'] = D, ['>'] = D, ['['] = D, [']'] = D, ['{'] = D, ['}'] = D,
	['/'] = D, ['%'] = D,
};
#undef W
#undef D

static bool
is_white(unsigned char c)
{
	return pdf_chars[c] & PDF_WHITE;
}

static bool
is_regular(unsigned char c)
{
	return pdf_chars[c] == 0;
}

static void
skip_space(const unsigned char *d, size_t len, size_t *p)
{
	while (*p < len) {
		if (is_white(d[*p])) {
			(*p)++;
		} else if (d[*p] == '%') {
			while (*p < len && d[*p] != '\n' && d[*p] != '\r')
				(*p)++;
		} else {
			break;
		}
	}
}

/* An unsigned decimal integer at *p (at most 18 digits); false if none. */
static bool
read_uint(const unsigned char *d, size_t len, size_t *p, size_t *value)
{
	size_t v = 0, n = 0;

	while (*p < len && d[*p] >= '0' && d[*p] <= '9' && n < 18) {
		v = v * 10 + (size_t)(d[*p] - '0');
		(*p)++;
		n++;
	}
	*value = v;
	return n > 0 && (*p >= len || !(d[*p] >= '0' && d[*p] <= '9'));
}

static bool
match(const unsigned char *d, size_t len, size_t p, const char *word)
{
	size_t n = strlen(word);

	return p <= len && len - p >= n && memcmp(d + p, word, n) == 0;
}

void
pdf_value_free(struct pdf_value *v)
{
	if (v == NULL)
		return;
	if (v->items != NULL)
		g_ptr_array_free(v->items, TRUE);
	g_free(v);
}

static struct pdf_value *
new_value(enum pdf_kind kind, size_t start)
{
	struct pdf_value *v = g_new0(struct pdf_value, 1);

	v->kind = kind;
	v->start = start;
	if (kind == PDF_ARRAY || kind == PDF_DICT)
		v->items = g_ptr_array_new_with_free_func((GDestroyNotify)pdf_value_free);
	return v;
}

/* A literal string's end: parentheses nest, a backslash escapes. */
static bool
skip_literal(const unsigned char *d, size_t len, size_t *p)
{
	int nesting = 0;

	for (; *p < len; (*p)++) {
		if (d[*p] == '\\') {
			(*p)++;
		} else if (d[*p] == '(') {
			nesting++;
		} else if (d[*p] == ')' && --nesting == 0) {
			(*p)++;
			return true;
		}
	}
	return false;
}

static struct pdf_value *parse(const unsigned char *d, size_t len, size_t *p, int depth);

/* A number, or a reference "N G R" when one follows. */
static struct pdf_value *
parse_number(const unsigned char *d, size_t len, size_t *p)
{
	size_t start = *p, q, num, gen;
	char buf[64];
	char *end;
	struct pdf_value *v;

	while (*p < len && is_regular(d[*p]) && *p - start < sizeof buf - 1)
		(*p)++;
	q = start;
	if (read_uint(d, len, &q, &num) && q == *p) {
		skip_space(d, len, &q);
		if (read_uint(d, len, &q, &gen)) {
			skip_space(d, len, &q);
			if (q < len && d[q] == 'R' && (q + 1 >= len || !is_regular(d[q + 1])) &&
			    num < MAX_OBJECTS) {
				v = new_value(PDF_REF, start);
				v->ref = (unsigned)num;
				v->end = *p = q + 1;
				return v;
			}
		}
		/* Most numbers here are whole (marked-content ids, lengths). */
		v = new_value(PDF_NUMBER, start);
		v->number = (double)num;
		v->end = *p;
		return v;
	}
	memcpy(buf, d + start, *p - start);
	buf[*p - start] = '\0';
	v = new_value(PDF_NUMBER, start);
	v->number = g_ascii_strtod(buf, &end);
	v->end = *p;
	if (*end != '\0' || end == buf) {
		pdf_value_free(v);
		return NULL;
	}
	return v;
}

static struct pdf_value *
parse_container(const unsigned char *d, size_t len, size_t *p, int depth, bool dict)
{
	struct pdf_value *v = new_value(dict ? PDF_DICT : PDF_ARRAY, *p);

	*p += dict ? 2 : 1;
	for (;;) {
		struct pdf_value *item;

		skip_space(d, len, p);
		if (*p >= len)
			break;
		if (dict && match(d, len, *p, ">>")) {
			v->end = *p += 2;
			return v;
		}
		if (!dict && d[*p] == ']') {
			v->end = ++*p;
			return v;
		}
		/* Keys are names; a key without a value is malformed. */
		if (dict && (v->items->len % 2 == 0) && d[*p] != '/')
			break;
		item = parse(d, len, p, depth + 1);
		if (item == NULL)
			break;
		g_ptr_array_add(v->items, item);
	}
	pdf_value_free(v);
	return NULL;
}

static struct pdf_value *
parse(const unsigned char *d, size_t len, size_t *p, int depth)
{
	struct pdf_value *v;
	size_t start;

	skip_space(d, len, p);
	if (*p >= len || depth > MAX_DEPTH)
		return NULL;
	start = *p;
	switch (d[*p]) {
	case '<':
		if (match(d, len, *p, "<<"))
			return parse_container(d, len, p, depth, true);
		while (*p < len && d[*p] != '>')
			(*p)++;
		if (*p >= len)
			return NULL;
		v = new_value(PDF_STRING, start);
		v->end = ++*p;
		return v;
	case '(':
		if (!skip_literal(d, len, p))
			return NULL;
		v = new_value(PDF_STRING, start);
		v->end = *p;
		return v;
	case '[':
		return parse_container(d, len, p, depth, false);
	case '/':
		(*p)++;
		while (*p < len && is_regular(d[*p]))
			(*p)++;
		v = new_value(PDF_NAME, start);
		v->end = *p;
		return v;
	default:
		break;
	}
	if ((d[*p] >= '0' && d[*p] <= '9') || d[*p] == '-' || d[*p] == '+' || d[*p] == '.')
		return parse_number(d, len, p);
	if (match(d, len, *p, "true") || match(d, len, *p, "false") || match(d, len, *p, "null")) {
		v = new_value(d[*p] == 'n' ? PDF_NULL : PDF_BOOL, start);
		v->number = d[*p] == 't';
		*p += d[*p] == 'f' ? 5 : 4;
		v->end = *p;
		if (*p < len && is_regular(d[*p])) {
			pdf_value_free(v);
			return NULL;
		}
		return v;
	}
	return NULL;
}

static bool object_header(const struct pdf_file *f, unsigned num, size_t p, size_t *after);

/* Past one value at *p without building it (as parse reads it). */
static bool
skip(const unsigned char *d, size_t len, size_t *p, int depth)
{
	skip_space(d, len, p);
	if (*p >= len || depth > MAX_DEPTH)
		return false;
	if (match(d, len, *p, "<<") || d[*p] == '[') {
		bool dict = d[*p] == '<';

		*p += dict ? 2 : 1;
		for (;;) {
			skip_space(d, len, p);
			if (*p >= len)
				return false;
			if (dict ? match(d, len, *p, ">>") : d[*p] == ']') {
				*p += dict ? 2 : 1;
				return true;
			}
			if (!skip(d, len, p, depth + 1))
				return false;
		}
	}
	if (d[*p] == '(')
		return skip_literal(d, len, p);
	if (d[*p] == '<') {
		while (*p < len && d[*p] != '>')
			(*p)++;
		return *p < len && (++*p, true);
	}
	if (!is_regular(d[*p]) && d[*p] != '/')
		return false;
	/* A name, number or keyword: one word; a reference, three. */
	if (d[*p] >= '0' && d[*p] <= '9') {
		size_t q = *p, num, gen;

		if (read_uint(d, len, &q, &num) && (skip_space(d, len, &q), true) &&
		    read_uint(d, len, &q, &gen) && (skip_space(d, len, &q), true) && q < len &&
		    d[q] == 'R' && (q + 1 >= len || !is_regular(d[q + 1]))) {
			*p = q + 1;
			return true;
		}
	}
	(*p)++;
	while (*p < len && is_regular(d[*p]))
		(*p)++;
	return true;
}

bool
pdf_file_dict(const struct pdf_file *f, unsigned num, const char *const keys[],
              struct pdf_value *values[], size_t n, size_t *start, size_t *end)
{
	const unsigned char *d = f->data;
	size_t p, i;

	for (i = 0; i < n; i++)
		values[i] = NULL;
	if (num >= f->size || f->offsets[num] == 0 || !object_header(f, num, f->offsets[num], &p))
		return false;
	skip_space(d, f->xref, &p);
	*start = p;
	if (!match(d, f->xref, p, "<<"))
		return false;
	p += 2;
	for (;;) {
		size_t k;

		skip_space(d, f->xref, &p);
		if (match(d, f->xref, p, ">>")) {
			*end = p + 2;
			return true;
		}
		if (p >= f->xref || d[p] != '/')
			break;
		k = p++;
		while (p < f->xref && is_regular(d[p]))
			p++;
		for (i = 0; i < n; i++)
			if (values[i] == NULL && p - k == strlen(keys[i]) + 1 &&
			    memcmp(d + k + 1, keys[i], p - k - 1) == 0)
				break;
		if (i < n ? (values[i] = parse(d, f->xref, &p, 0)) == NULL
		          : !skip(d, f->xref, &p, 0))
			break;
	}
	for (i = 0; i < n; i++) {
		pdf_value_free(values[i]);
		values[i] = NULL;
	}
	return false;
}

struct pdf_value *
pdf_parse_value(const unsigned char *data, size_t len, size_t *pos)
{
	return parse(data, len, pos, 0);
}

struct pdf_value *
pdf_dict_get(const unsigned char *data, const struct pdf_value *dict, const char *key)
{
	size_t i;

	if (dict == NULL || dict->kind != PDF_DICT)
		return NULL;
	/* Keys compare as written: cairo writes no #-escapes in them. */
	for (i = 0; i + 1 < dict->items->len; i += 2)
		if (pdf_is_name(data, g_ptr_array_index(dict->items, i), key))
			return g_ptr_array_index(dict->items, i + 1);
	return NULL;
}

bool
pdf_is_name(const unsigned char *data, const struct pdf_value *v, const char *name)
{
	size_t n = strlen(name);

	return v != NULL && v->kind == PDF_NAME && v->end - v->start == n + 1 &&
	       memcmp(data + v->start + 1, name, n) == 0;
}

/* "N 0 obj" at offset p for object num; the offset after it. */
static bool
object_header(const struct pdf_file *f, unsigned num, size_t p, size_t *after)
{
	size_t n, gen;

	if (!read_uint(f->data, f->xref, &p, &n) || n != num)
		return false;
	skip_space(f->data, f->xref, &p);
	if (!read_uint(f->data, f->xref, &p, &gen) || gen != 0)
		return false;
	skip_space(f->data, f->xref, &p);
	if (!match(f->data, f->xref, p, "obj"))
		return false;
	*after = p + 3;
	return true;
}

struct pdf_value *
pdf_file_object(const struct pdf_file *f, unsigned num, size_t *after)
{
	size_t p;
	struct pdf_value *v;

	if (num >= f->size || f->offsets[num] == 0 || !object_header(f, num, f->offsets[num], &p))
		return NULL;
	v = parse(f->data, f->xref, &p, 0);
	if (after != NULL)
		*after = p;
	return v;
}

double
pdf_file_number(const struct pdf_file *f, const struct pdf_value *v)
{
	struct pdf_value *target;
	double n;

	if (v != NULL && v->kind == PDF_NUMBER)
		return v->number;
	if (v == NULL || v->kind != PDF_REF)
		return -1;
	target = pdf_file_object(f, v->ref, NULL);
	n = target != NULL && target->kind == PDF_NUMBER ? target->number : -1;
	pdf_value_free(target);
	return n;
}

bool
pdf_file_stream(const struct pdf_file *f, unsigned num, struct pdf_value **dict,
                const unsigned char **data, size_t *len)
{
	size_t p;
	double length;
	struct pdf_value *v = pdf_file_object(f, num, &p);

	*dict = NULL;
	if (v == NULL || v->kind != PDF_DICT)
		goto bad;
	skip_space(f->data, f->xref, &p);
	if (!match(f->data, f->xref, p, "stream"))
		goto bad;
	p += 6;
	/* The keyword's end of line: CR LF or LF. */
	if (match(f->data, f->xref, p, "\r\n"))
		p += 2;
	else if (match(f->data, f->xref, p, "\n"))
		p++;
	else
		goto bad;
	length = pdf_file_number(f, pdf_dict_get(f->data, v, "Length"));
	if (length < 0 || length > (double)(f->xref - p))
		goto bad;
	*len = (size_t)length;
	*data = f->data + p;
	p += *len;
	skip_space(f->data, f->xref, &p);
	if (!match(f->data, f->xref, p, "endstream"))
		goto bad;
	*dict = v;
	return true;
bad:
	pdf_value_free(v);
	return false;
}

void
pdf_file_clear(struct pdf_file *f)
{
	g_free(f->offsets);
	pdf_value_free(f->trailer);
	if (f->replaced != NULL)
		g_hash_table_destroy(f->replaced);
	memset(f, 0, sizeof *f);
}

static void
free_gstring(gpointer s)
{
	g_string_free(s, TRUE);
}

/* Exactly n decimal digits at d[p]. */
static bool
digits(const unsigned char *d, size_t p, size_t n, size_t *value)
{
	size_t i;

	*value = 0;
	for (i = 0; i < n; i++) {
		if (d[p + i] < '0' || d[p + i] > '9')
			return false;
		*value = *value * 10 + (size_t)(d[p + i] - '0');
	}
	return true;
}

/* An entry of the cross-reference table: offset 0 for a free object. */
struct entry {
	size_t num, offset;
};

/* The subsections of the table at f->xref, up to "trailer"; *p after it. */
static bool
read_table(struct pdf_file *f, size_t *p, GArray *entries, const char **error)
{
	const unsigned char *d = f->data;

	*p = f->xref + 4;
	for (;;) {
		size_t first, count, i;

		skip_space(d, f->len, p);
		if (match(d, f->len, *p, "trailer")) {
			*p += 7;
			return true;
		}
		if (!read_uint(d, f->len, p, &first)) {
			*error = "a cross-reference subsection has no valid heading";
			return false;
		}
		skip_space(d, f->len, p);
		if (!read_uint(d, f->len, p, &count) || first >= MAX_OBJECTS ||
		    count > MAX_OBJECTS - first) {
			*error = "a cross-reference subsection has no valid heading";
			return false;
		}
		skip_space(d, f->len, p);
		if (count > (f->len - *p) / XREF_ENTRY) {
			*error = "a cross-reference subsection runs past the end of the file";
			return false;
		}
		for (i = 0; i < count; i++, *p += XREF_ENTRY) {
			struct entry e;
			size_t gen;

			if (!digits(d, *p, 10, &e.offset) || d[*p + 10] != ' ' ||
			    !digits(d, *p + 11, 5, &gen) || d[*p + 16] != ' ' ||
			    (d[*p + 17] != 'n' && d[*p + 17] != 'f')) {
				*error = "a cross-reference entry is malformed";
				return false;
			}
			e.num = first + i;
			if (d[*p + 17] == 'f')
				e.offset = 0;
			g_array_append_val(entries, e);
		}
	}
}

bool
pdf_file_read(struct pdf_file *f, const unsigned char *data, size_t len, const char **error)
{
	size_t p, q, tail = len > 1024 ? len - 1024 : 0, i;
	const unsigned char *sx = NULL;
	GArray *entries = g_array_new(FALSE, FALSE, sizeof(struct entry));
	double size;
	struct pdf_value *root;

	memset(f, 0, sizeof *f);
	f->data = data;
	f->len = len;
	f->replaced = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, free_gstring);
	*error = NULL;
	/* The last "startxref" of the file's last kilobyte. */
	for (p = tail; p + 9 <= len; p++)
		if (memcmp(data + p, "startxref", 9) == 0)
			sx = data + p;
	if (len < 9 || memcmp(data, "%PDF-", 5) != 0 || sx == NULL) {
		*error = "not a PDF file with a cross-reference table";
		goto fail;
	}
	p = (size_t)(sx - data) + 9;
	skip_space(data, len, &p);
	if (!read_uint(data, len, &p, &f->xref) || f->xref >= (size_t)(sx - data) ||
	    !match(data, len, f->xref, "xref")) {
		*error = "startxref does not point at a cross-reference table";
		goto fail;
	}
	/* A file cut short loses its "%%EOF" first (a comment to skip_space). */
	for (q = p; q < len && is_white(data[q]); q++)
		;
	if (!match(data, len, q, "%%EOF")) {
		*error = "the file does not end with %%EOF";
		goto fail;
	}
	if (!read_table(f, &p, entries, error))
		goto fail;
	f->trailer = parse(data, (size_t)(sx - data), &p, 0);
	size = pdf_file_number(f, pdf_dict_get(data, f->trailer, "Size"));
	root = pdf_dict_get(data, f->trailer, "Root");
	if (f->trailer == NULL || size < 1 || size > MAX_OBJECTS || root == NULL ||
	    root->kind != PDF_REF) {
		*error = "the trailer has no valid /Size and /Root";
		goto fail;
	}
	if (pdf_dict_get(data, f->trailer, "Prev") != NULL ||
	    pdf_dict_get(data, f->trailer, "Encrypt") != NULL) {
		*error = "the file is updated or encrypted";
		goto fail;
	}
	f->size = (size_t)size;
	f->root = root->ref;
	f->offsets = g_new0(size_t, f->size);
	for (i = 0; i < entries->len; i++) {
		const struct entry *e = &g_array_index(entries, struct entry, i);
		size_t after;

		if (e->num >= f->size) {
			*error = "a cross-reference entry is beyond /Size";
			goto fail;
		}
		if (e->offset == 0)
			continue;
		/* Never trust an offset: each names its own object, before the table. */
		f->offsets[e->num] = e->offset;
		if (e->offset >= f->xref || !object_header(f, (unsigned)e->num, e->offset, &after)) {
			*error = "a cross-reference entry points elsewhere than at its object";
			goto fail;
		}

	}
	if (f->root >= f->size || f->offsets[f->root] == 0) {
		*error = "the catalog is not in the file";
		goto fail;
	}
	g_array_free(entries, TRUE);
	return true;
fail:
	g_array_free(entries, TRUE);
	pdf_file_clear(f);
	return false;
}

void
pdf_file_replace(struct pdf_file *f, unsigned num, GString *body)
{
	g_hash_table_replace(f->replaced, GUINT_TO_POINTER(num), body);
}

struct placed {
	size_t offset;
	unsigned num;
};

static int
by_offset(const void *a, const void *b)
{
	size_t x = ((const struct placed *)a)->offset, y = ((const struct placed *)b)->offset;

	return x < y ? -1 : x > y;
}

/* sink(closure, data, len), and len: what it adds to the file's length. */
static size_t
put(pdf_sink sink, void *closure, const void *data, size_t len)
{
	sink(closure, data, len);
	return len;
}

void
pdf_file_write(const struct pdf_file *f, pdf_sink sink, void *closure)
{
	struct placed *order = g_new(struct placed, f->size);
	size_t *placed = g_new0(size_t, f->size);
	size_t n = 0, i, written = 0;
	char line[32];
	GString *tail;

	for (i = 0; i < f->size; i++)
		if (f->offsets[i] != 0)
			order[n++] = (struct placed){f->offsets[i], (unsigned)i};
	qsort(order, n, sizeof *order, by_offset);
	/* The header: everything before the first object. */
	written += put(sink, closure, f->data, n > 0 ? order[0].offset : f->xref);
	for (i = 0; i < n; i++) {
		size_t from = order[i].offset;
		size_t to = i + 1 < n ? order[i + 1].offset : f->xref;
		GString *body = g_hash_table_lookup(f->replaced, GUINT_TO_POINTER(order[i].num));

		placed[order[i].num] = written;
		if (body == NULL) {
			written += put(sink, closure, f->data + from, to - from);
		} else {
			int k = snprintf(line, sizeof line, "%u 0 obj\n", order[i].num);

			written += put(sink, closure, line, (size_t)k);
			written += put(sink, closure, body->str, body->len);
			written += put(sink, closure, "\nendobj\n", 8);
		}
	}
	tail = g_string_sized_new(32 + f->size * XREF_ENTRY);
	g_string_append_printf(tail, "xref\n0 %zu\n", f->size);
	for (i = 0; i < f->size; i++) {
		char entry[XREF_ENTRY + 1] = "0000000000 65535 f \n";
		size_t v = placed[i];
		int k;

		if (f->offsets[i] != 0) {
			memcpy(entry + 10, " 00000 n \n", 10);
			for (k = 9; k >= 0; k--, v /= 10)
				entry[k] = (char)('0' + v % 10);
		}
		g_string_append_len(tail, entry, XREF_ENTRY);
	}
	g_string_append(tail, "trailer\n");
	g_string_append_len(tail, (const char *)f->data + f->trailer->start,
	                    (gssize)(f->trailer->end - f->trailer->start));
	g_string_append_printf(tail, "\nstartxref\n%zu\n%%%%EOF\n", written);
	put(sink, closure, tail->str, tail->len);
	g_string_free(tail, TRUE);
	g_free(order);
	g_free(placed);
}

void
pdf_append_text_string(GString *s, const char *value)
{
	char *valid = g_utf8_make_valid(value, -1);
	glong n = 0, i;
	gunichar2 *units = g_utf8_to_utf16(valid, -1, NULL, &n, NULL);

	g_string_append(s, "<FEFF");
	for (i = 0; units != NULL && i < n; i++)
		g_string_append_printf(s, "%04X", units[i]);
	g_string_append_c(s, '>');
	g_free(units);
	g_free(valid);
}
