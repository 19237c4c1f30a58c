/* An XLSX workbook's parts read into sheets of cells with their references: values as text, never evaluated. */
#include "load/xlsx.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/tree.h>

#include "load/xmlload.h"
#include "load/xmlnode.h"

#define MAX_ROW 1048576L
#define MAX_COL 16384L

/* A part may be as large as the XML loader takes one (16 MiB); 64 MiB in
 * all is four times a workbook of 100 projects rating every practice with
 * long notes.  A workbook has about a dozen entries and three per sheet at
 * most: 1,000 leave room for 100 projects and what spreadsheets add.
 * 200,000 shared strings and rows match the CSV sheet's 200,000 rows (twice
 * a complete appraisal at the format's limit of 100 projects); 1,000,000
 * cells are seven columns of those rows with room for titles. */
const struct xlsx_limits xlsx_default_limits = {
	.zip = {
		.max_entries = 1000,
		.max_entry_bytes = 16u * 1024 * 1024,
		.max_total_bytes = 64u * 1024 * 1024,
	},
	.max_shared_strings = 200000,
	.max_rows = 200000,
	.max_cells = 1000000,
};

/* The loader's limits, for parts that are not the program's own format. */
static struct xml_limits
part_limits(void)
{
	struct xml_limits limits = xmlload_default_limits;

	limits.other_format = true;
	return limits;
}

/* The reading of one workbook. */
struct reader {
	const char *display;
	const struct xlsx_limits *limits;
	struct diag *d;
	struct zipread *zip;
	GStringChunk *text;
	GPtrArray *strings;      /* the shared strings, const char * in text */
	GHashTable *targets;     /* relationship id -> part name (owned) */
	size_t rows, cells;      /* read so far, every sheet together */
};

/* The book and the storage behind its strings; the book comes first, so
 * that the pointer handed out is also the store's. */
struct book_store {
	struct xlsx_book book;
	GStringChunk *text;
};

bool
xlsx_is_workbook_name(const char *path)
{
	size_t n = strlen(path);

	return n >= 5 && (g_ascii_strcasecmp(path + n - 5, ".xlsx") == 0 ||
	                  g_ascii_strcasecmp(path + n - 5, ".xlsm") == 0);
}

bool
xlsx_parse_ref(const char *ref, long *row, long *col)
{
	const char *s = ref;
	long c = 0, r = 0;
	int letters = 0, digits = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++, letters++)
		c = c * 26 + (*s - 'A' + 1);
	if (letters == 0 || letters > 3 || *s < '1' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		r = r * 10 + (*s - '0');
	if (*s != '\0' || digits > 7 || c > MAX_COL || r > MAX_ROW)
		return false;
	*row = r;
	*col = c;
	return true;
}

/* A row number attribute: 1 to MAX_ROW, digits only. */
static bool
parse_row_number(const char *s, long *row)
{
	long r = 0;
	int digits = 0;

	if (*s < '1' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++, digits++)
		r = r * 10 + (*s - '0');
	if (*s != '\0' || digits > 7 || r > MAX_ROW)
		return false;
	*row = r;
	return true;
}

bool
xlsx_number_text(const char *number, char *buf, size_t size)
{
	const char *s = number;
	char *end;
	double x;
	int precision;

	while (g_ascii_isspace(*s))
		s++;
	/* Decimal numbers only: strtod would also take hex, inf and nan. */
	if (*s == '\0' || strpbrk(s, "xXnNiI") != NULL)
		return false;
	x = g_ascii_strtod(s, &end);
	while (g_ascii_isspace(*end))
		end++;
	if (end == s || *end != '\0' || !isfinite(x))
		return false;
	/* Whole numbers as a person typed them (100, not 1e+02). */
	if (fabs(x) < 1e15 && x == floor(x)) {
		g_ascii_formatd(buf, (gint)size, "%.0f", x);
		return true;
	}
	for (precision = 1; precision <= 17; precision++) {
		char format[8];

		g_snprintf(format, sizeof format, "%%.%dg", precision);
		g_ascii_formatd(buf, (gint)size, format, x);
		if (g_ascii_strtod(buf, NULL) == x)
			break;
	}
	return true;
}

void
xlsx_unescape(GString *text)
{
	gsize from = 0, to = 0;

	while (from < text->len) {
		const char *p = text->str + from;
		gunichar c = 0;
		int i;

		if (from + 7 <= text->len && p[0] == '_' && p[1] == 'x' && p[6] == '_') {
			for (i = 2; i < 6 && g_ascii_isxdigit(p[i]); i++)
				c = c * 16 + (gunichar)g_ascii_xdigit_value(p[i]);
			if (i == 6 && c != 0 && g_unichar_validate(c)) {
				char utf8[6];
				int n = g_unichar_to_utf8(c, utf8);

				/* n <= 3 < 7: the output never overtakes the input */
				memcpy(text->str + to, utf8, (size_t)n);
				to += (gsize)n;
				from += 7;
				continue;
			}
		}
		text->str[to++] = text->str[from++];
	}
	g_string_truncate(text, to);
}

/* The text of a string item (<si> or <is>): its <t>, or the <t> of each of
 * its runs <r> in order, with ST_Xstring's escapes decoded; phonetic runs
 * (<rPh>) are not the text. */
static char *
string_item_text(const xmlNode *item)
{
	GString *out = g_string_new(NULL);

	for (const xmlNode *n = xn_child(item, NULL); n != NULL; n = xn_next(n, NULL)) {
		const xmlNode *t = xn_is(n, "t") ? n : xn_is(n, "r") ? xn_child(n, "t") : NULL;
		xmlChar *content;

		if (t == NULL)
			continue;
		content = xmlNodeGetContent(t);
		if (content != NULL)
			g_string_append(out, (const char *)content);
		xmlFree(content);
	}
	xlsx_unescape(out);
	return g_string_free(out, FALSE);
}

/* The document of a part, named "display(part)" in its diagnostics. */
static xmlDoc *
load_part(struct reader *rd, const char *part)
{
	char *name = g_strdup_printf("%s(%s)", rd->display, part);
	size_t len;
	char *bytes = zipread_entry(rd->zip, part, &len);
	struct xml_limits limits = part_limits();
	xmlDoc *doc = NULL;

	if (bytes != NULL)
		doc = xmlload_memory(bytes, len, name, &limits, rd->d);
	g_free(bytes);
	g_free(name);
	return doc;
}

/* A relationship's target as the part it names: relative to xl/, or from
 * the package's root when it starts with "/xl/"; NULL when it leaves xl/
 * in any way ('..', another absolute name, a backslash, an empty step). */
static char *
resolve_target(const char *target)
{
	const char *rel = target;
	gchar **steps;
	GString *path;
	bool ok = true;

	if (g_str_has_prefix(target, "/xl/"))
		rel = target + 4;
	else if (target[0] == '/')
		return NULL;
	if (rel[0] == '\0' || strchr(rel, '\\') != NULL || strchr(rel, ':') != NULL)
		return NULL;
	steps = g_strsplit(rel, "/", -1);
	path = g_string_new("xl");
	for (gchar **s = steps; *s != NULL; s++) {
		if (strcmp(*s, ".") == 0)
			continue;
		if (**s == '\0' || strcmp(*s, "..") == 0)
			ok = false;
		g_string_append_printf(path, "/%s", *s);
	}
	g_strfreev(steps);
	return g_string_free(path, !ok);
}

/* The workbook's relationships: the part of each worksheet by id ("" for
 * other kinds), and the shared strings' part (*strings_part, NULL when
 * there is none). */
static bool
read_relationships(struct reader *rd, char **strings_part)
{
	xmlDoc *doc = load_part(rd, "xl/_rels/workbook.xml.rels");
	bool ok = doc != NULL;

	*strings_part = NULL;
	if (!ok)
		return false;
	xn_each(rel, xmlDocGetRootElement(doc), "Relationship") {
		const char *id = xn_attr(rel, "Id"), *type = xn_attr(rel, "Type");
		const char *target = xn_attr(rel, "Target"), *mode = xn_attr(rel, "TargetMode");
		char *part;

		/* An external target is never followed; the reader needs none. */
		if (id == NULL || type == NULL || target == NULL ||
		    (mode != NULL && strcmp(mode, "Internal") != 0))
			continue;
		if (!g_str_has_suffix(type, "/worksheet") && !g_str_has_suffix(type, "/sharedStrings")) {
			g_hash_table_replace(rd->targets, g_strdup(id), g_strdup(""));
			continue;
		}
		part = resolve_target(target);
		if (part == NULL) {
			diag_report(rd->d, rd->display, 0, 0, M_XLSX_BAD_TARGET, id, target);
			ok = false;
			continue;
		}
		if (g_str_has_suffix(type, "/sharedStrings")) {
			g_free(*strings_part);
			*strings_part = part;
		} else {
			g_hash_table_replace(rd->targets, g_strdup(id), part);
		}
	}
	xmlFreeDoc(doc);
	return ok;
}

static bool
read_shared_strings(struct reader *rd, const char *part)
{
	xmlDoc *doc;
	bool ok = true;

	if (part == NULL)
		return true;
	doc = load_part(rd, part);
	if (doc == NULL)
		return false;
	xn_each(si, xmlDocGetRootElement(doc), "si") {
		char *text;

		if (rd->strings->len >= rd->limits->max_shared_strings) {
			diag_report(rd->d, rd->display, 0, 0, M_XLSX_TOO_MANY_STRINGS,
			            rd->limits->max_shared_strings);
			ok = false;
			break;
		}
		text = string_item_text(si);
		g_ptr_array_add(rd->strings, g_string_chunk_insert(rd->text, text));
		g_free(text);
	}
	xmlFreeDoc(doc);
	return ok;
}

/* The text of <v> (or "" without one), raw: white space is data. */
static char *
value_text(const xmlNode *c)
{
	const xmlNode *v = xn_child(c, "v");
	xmlChar *content = v != NULL ? xmlNodeGetContent(v) : NULL;
	char *text = g_strdup(content != NULL ? (const char *)content : "");

	xmlFree(content);
	return text;
}

/* The value of cell c at pos as text in the book's storage, or NULL after
 * reporting. */
static const char *
cell_value(struct reader *rd, const xmlNode *c, const struct diag_pos *pos)
{
	const char *type = xn_attr(c, "t");
	char *raw, number[32];
	const char *out = NULL;

	if (type != NULL && strcmp(type, "inlineStr") == 0) {
		char *text = string_item_text(xn_child(c, "is"));

		out = g_string_chunk_insert(rd->text, text);
		g_free(text);
		return out;
	}
	raw = value_text(c);
	if (type == NULL || strcmp(type, "n") == 0) {
		if (raw[0] == '\0')
			out = "";
		else if (xlsx_number_text(raw, number, sizeof number))
			out = g_string_chunk_insert(rd->text, number);
		else
			diag_report_at(rd->d, rd->display, pos, M_XLSX_BAD_NUMBER, raw);
	} else if (strcmp(type, "s") == 0) {
		char *end;
		unsigned long long i = g_ascii_strtoull(raw, &end, 10);

		if (raw[0] >= '0' && raw[0] <= '9' && *end == '\0' && i < rd->strings->len)
			out = g_ptr_array_index(rd->strings, i);
		else
			diag_report_at(rd->d, rd->display, pos, M_XLSX_BAD_STRING_INDEX, raw,
			               (size_t)rd->strings->len);
	} else if (strcmp(type, "b") == 0) {
		if (strcmp(raw, "1") == 0 || strcmp(raw, "0") == 0)
			out = raw[0] == '1' ? "TRUE" : "FALSE";
		else
			diag_report_at(rd->d, rd->display, pos, M_XLSX_BAD_BOOLEAN, raw);
	} else if (strcmp(type, "str") == 0 || strcmp(type, "e") == 0 || strcmp(type, "d") == 0) {
		out = g_string_chunk_insert(rd->text, raw);
	} else {
		diag_report_at(rd->d, rd->display, pos, M_XLSX_UNKNOWN_CELL_TYPE, type);
	}
	g_free(raw);
	return out;
}

static int
by_position(const void *a, const void *b)
{
	const struct xlsx_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Read the cells of a worksheet part into sheet. */
static bool
read_worksheet(struct reader *rd, struct xlsx_sheet *sheet)
{
	xmlDoc *doc = load_part(rd, sheet->part);
	GArray *cells;
	long row = 0;
	bool ok = true;

	if (doc == NULL)
		return false;
	cells = g_array_new(FALSE, FALSE, sizeof(struct xlsx_cell));
	xn_each(r, xn_child(xmlDocGetRootElement(doc), "sheetData"), "row") {
		const char *number = xn_attr(r, "r");
		long col = 0;

		if (++rd->rows > rd->limits->max_rows) {
			diag_report(rd->d, rd->display, 0, 0, M_XLSX_TOO_MANY_ROWS, rd->limits->max_rows);
			ok = false;
			break;
		}
		/* Without r, a row follows the one before, as some writers leave it. */
		if (number == NULL) {
			row++;
		} else if (!parse_row_number(number, &row)) {
			struct diag_pos pos = {sheet->name, row + 1, 1};

			diag_report_at(rd->d, rd->display, &pos, M_XLSX_BAD_ROW_NUMBER, number);
			ok = false;
			break;
		}
		if (row > MAX_ROW) {
			struct diag_pos pos = {sheet->name, MAX_ROW, 1};
			char number_text[24];

			g_snprintf(number_text, sizeof number_text, "%ld", row);
			diag_report_at(rd->d, rd->display, &pos, M_XLSX_BAD_ROW_NUMBER, number_text);
			ok = false;
			break;
		}
		xn_each(c, r, "c") {
			const char *ref = xn_attr(c, "r");
			struct xlsx_cell cell = {row, col + 1, NULL, xn_child(c, "f") != NULL};
			struct diag_pos pos = {sheet->name, row, col + 1};

			if (++rd->cells > rd->limits->max_cells) {
				diag_report(rd->d, rd->display, 0, 0, M_XLSX_TOO_MANY_CELLS,
				            rd->limits->max_cells);
				ok = false;
				break;
			}
			if (ref != NULL && !xlsx_parse_ref(ref, &cell.row, &cell.col)) {
				diag_report_at(rd->d, rd->display, &pos, M_XLSX_BAD_CELL_REF, ref);
				ok = false;
				break;
			}
			if (ref == NULL && cell.col > MAX_COL) {
				/* The column after the last, XFD, is XFE. */
				char next[32];

				g_snprintf(next, sizeof next, "XFE%ld", row);
				diag_report_at(rd->d, rd->display, &pos, M_XLSX_BAD_CELL_REF, next);
				ok = false;
				break;
			}
			col = cell.col;
			pos = (struct diag_pos){sheet->name, cell.row, cell.col};
			cell.text = cell_value(rd, c, &pos);
			if (cell.text == NULL) {
				ok = false;
				continue;
			}
			g_array_append_val(cells, cell);
		}
		if (!ok)
			break;
	}
	xmlFreeDoc(doc);
	g_array_sort(cells, by_position);
	for (guint i = 1; ok && i < cells->len; i++) {
		const struct xlsx_cell *a = &g_array_index(cells, struct xlsx_cell, i - 1);
		const struct xlsx_cell *b = &g_array_index(cells, struct xlsx_cell, i);

		if (a->row == b->row && a->col == b->col) {
			struct diag_pos pos = {sheet->name, b->row, b->col};

			diag_report_at(rd->d, rd->display, &pos, M_XLSX_CELL_TWICE);
			ok = false;
		}
	}
	sheet->n_cells = cells->len;
	sheet->cells = (struct xlsx_cell *)(void *)g_array_free(cells, FALSE);
	return ok;
}

/* The sheets named by xl/workbook.xml, with their parts. */
static bool
read_sheet_list(struct reader *rd, GArray *sheets)
{
	xmlDoc *doc = load_part(rd, "xl/workbook.xml");
	bool ok = doc != NULL;

	if (!ok)
		return false;
	xn_each(s, xn_child(xmlDocGetRootElement(doc), "sheets"), "sheet") {
		const char *name = xn_attr(s, "name"), *id = NULL;
		struct xlsx_sheet sheet = {0};

		/* r:id, in whichever namespace of relationships (transitional
		 * or strict) the writer chose. */
		for (const xmlAttr *a = s->properties; a != NULL; a = a->next)
			if (a->ns != NULL && xmlStrEqual(a->name, (const xmlChar *)"id") &&
			    g_str_has_suffix((const char *)a->ns->href, "/relationships") &&
			    a->children != NULL)
				id = (const char *)a->children->content;
		sheet.name = g_string_chunk_insert(rd->text, name != NULL ? name : "");
		if (id != NULL) {
			const char *part = g_hash_table_lookup(rd->targets, id);

			if (part == NULL) {
				diag_report(rd->d, rd->display, 0, 0, M_XLSX_SHEET_NO_RELATIONSHIP,
				            sheet.name, id);
				ok = false;
				continue;
			}
			/* A chart sheet or another kind has no cells to read. */
			sheet.part = *part != '\0' ? g_string_chunk_insert(rd->text, part) : NULL;
		}
		g_array_append_val(sheets, sheet);
	}
	xmlFreeDoc(doc);
	return ok;
}

static void
reader_free(struct reader *rd)
{
	zipread_close(rd->zip);
	if (rd->strings != NULL)
		g_ptr_array_free(rd->strings, TRUE);
	if (rd->targets != NULL)
		g_hash_table_destroy(rd->targets);
}

struct xlsx_book *
xlsx_read(const char *bytes, size_t len, const char *display, const struct xlsx_limits *limits,
          struct diag *d)
{
	struct reader rd = {.display = display, .limits = limits, .d = d};
	struct book_store *store = g_new0(struct book_store, 1);
	GArray *sheets = g_array_new(FALSE, TRUE, sizeof(struct xlsx_sheet));
	char *strings_part = NULL;
	bool ok;

	store->text = g_string_chunk_new(4096);
	rd.text = store->text;
	rd.strings = g_ptr_array_new();
	rd.targets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	rd.zip = zipread_open(bytes, len, display, &limits->zip, d);
	ok = rd.zip != NULL && zipread_has(rd.zip, "xl/workbook.xml");
	if (rd.zip != NULL && !ok)
		diag_report(d, display, 0, 0, M_XLSX_MISSING_PART, "xl/workbook.xml");
	ok = ok && read_relationships(&rd, &strings_part) && read_sheet_list(&rd, sheets) &&
	     read_shared_strings(&rd, strings_part);
	for (guint i = 0; ok && i < sheets->len; i++) {
		struct xlsx_sheet *sheet = &g_array_index(sheets, struct xlsx_sheet, i);

		if (sheet->part != NULL)
			ok = read_worksheet(&rd, sheet);
	}
	g_free(strings_part);
	reader_free(&rd);
	store->book.n_sheets = sheets->len;
	store->book.sheets = (struct xlsx_sheet *)(void *)g_array_free(sheets, FALSE);
	if (!ok) {
		xlsx_free(&store->book);
		return NULL;
	}
	return &store->book;
}

void
xlsx_free(struct xlsx_book *book)
{
	struct book_store *store = (struct book_store *)(void *)book;

	if (book == NULL)
		return;
	for (size_t i = 0; i < book->n_sheets; i++)
		g_free(book->sheets[i].cells);
	g_free(book->sheets);
	g_string_chunk_free(store->text);
	g_free(store);
}

const struct xlsx_cell *
xlsx_cell(const struct xlsx_sheet *sheet, long row, long col)
{
	struct xlsx_cell key = {row, col, NULL, false};

	if (sheet->n_cells == 0)
		return NULL;
	return bsearch(&key, sheet->cells, sheet->n_cells, sizeof key, by_position);
}
