/* Fuzzes the workbook reader: any bytes give sheets of sorted, distinct, in-range cells of valid UTF-8, or an error. */
#include <string.h>

#include <zip.h>

#include "fuzz.h"
#include "load/xlsx.h"

/* An input that starts with "PK" is an archive as it is.  Any other is the
 * text of a workbook's parts, in this order, separated by SEPARATOR: mutated
 * archives rarely pass the checksums, so without this the XML of the parts
 * would hardly be reached. */
#define SEPARATOR "\n--part--\n"
static const char *const part_names[] = {
	"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
	"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
};

/* Small limits, so that the fuzzer reaches them with short inputs. */
static const struct xlsx_limits limits = {
	.zip = {.max_entries = 32, .max_entry_bytes = 1 << 16, .max_total_bytes = 1 << 18},
	.max_shared_strings = 256,
	.max_rows = 512,
	.max_cells = 2048,
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

/* What xlsx.h promises of a book. */
static void
check_book(const struct xlsx_book *book)
{
	size_t cells = 0;

	for (size_t s = 0; s < book->n_sheets; s++) {
		const struct xlsx_sheet *sheet = &book->sheets[s];

		if (sheet->name == NULL || !g_utf8_validate(sheet->name, -1, NULL))
			abort();
		for (size_t i = 0; i < sheet->n_cells; i++) {
			const struct xlsx_cell *c = &sheet->cells[i], *prev = c - 1;

			if (c->row < 1 || c->row > 1048576 || c->col < 1 || c->col > 16384 ||
			    c->text == NULL || !g_utf8_validate(c->text, -1, NULL))
				abort();
			if (i > 0 && (prev->row > c->row || (prev->row == c->row && prev->col >= c->col)))
				abort();
			if (xlsx_cell(sheet, c->row, c->col) != c)
				abort();
		}
		cells += sheet->n_cells;
	}
	if (cells > limits.max_cells)
		abort();
}

/* The parts in text, stored in a zip archive made in memory (g_free), or
 * NULL when libzip cannot make it. */
static char *
archive_of_parts(const char *text, size_t size, size_t *len)
{
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, NULL);
	const char *end = text + size;
	char *out = NULL;
	zip_t *zip;

	if (src == NULL)
		return NULL;
	zip_source_keep(src);
	zip = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
	for (size_t i = 0; zip != NULL && i < G_N_ELEMENTS(part_names) && text <= end; i++) {
		const char *sep = g_strstr_len(text, end - text, SEPARATOR);
		size_t n = (size_t)((sep != NULL ? sep : end) - text);
		zip_source_t *part = zip_source_buffer(zip, text, n, 0);
		zip_int64_t index = part != NULL ? zip_file_add(zip, part_names[i], part, 0) : -1;

		if (index < 0)
			zip_source_free(part);
		else
			zip_set_file_compression(zip, (zip_uint64_t)index, ZIP_CM_STORE, 0);
		if (sep == NULL)
			break;
		text = sep + strlen(SEPARATOR);
	}
	if (zip != NULL && zip_close(zip) != 0)
		zip_discard(zip);
	if (zip_source_open(src) == 0) {
		zip_stat_t st;

		if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
			zip_int64_t got;

			out = g_malloc(st.size + 1);
			got = zip_source_read(src, out, st.size);
			*len = got > 0 ? (size_t)got : 0;
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	struct xlsx_book *book;
	char *archive = NULL;
	size_t len = size;

	fuzz_diag(&d);
	if (size < 2 || memcmp(data, "PK", 2) != 0) {
		archive = archive_of_parts((const char *)data, size, &len);
		if (archive == NULL)
			return 0;
	}
	book = xlsx_read(archive != NULL ? archive : (const char *)data, len, "fuzz.xlsx", &limits, &d);
	g_free(archive);
	if ((book == NULL) != (d.errors > 0))
		abort();
	if (book != NULL)
		check_book(book);
	xlsx_free(book);
	return 0;
}
