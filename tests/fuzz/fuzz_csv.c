/* Fuzzes the CSV reader of rating sheets: any bytes give a table whose fields are valid UTF-8, or an error with a position. */
#include <string.h>

#include "fuzz.h"
#include "load/csv.h"

/* Small limits, so that the fuzzer reaches them with short inputs. */
static const struct csv_limits limits = {256, 16, 64};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

/* What csv.h promises of a table. */
static void
check_table(const struct csv_table *t)
{
	long last_line = 0;
	size_t i, k;

	if (csv_n_rows(t) > limits.max_rows)
		abort();
	for (i = 0; i < csv_n_rows(t); i++) {
		const struct csv_row *row = csv_row(t, i);

		if (row->n_fields < 1 || row->n_fields > limits.max_fields || row->line <= last_line)
			abort();
		last_line = row->line;
		for (k = 0; k < row->n_fields; k++) {
			const struct csv_field *f = &row->fields[k];

			if (f->len > limits.max_field_bytes || strlen(f->text) != f->len ||
			    !g_utf8_validate(f->text, (gssize)f->len, NULL) || f->line < row->line)
				abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_error_info err;
	struct csv_table *t = csv_parse((const char *)data, size, &limits, &err);
	struct diag d;

	if ((t == NULL) != (err.code != CSV_OK))
		abort();
	if (t == NULL) {
		if (err.line < 1 || err.column < 1 || memchr(err.message, '\0', sizeof err.message) == NULL)
			abort();
		/* The message reaches the terminal through the diagnostics. */
		fuzz_diag(&d);
		diag_report(&d, "fuzz.csv", err.line, err.column,
		            M_RELAYED(DIAG_ERROR,
		                      csv_error_is_limit(err.code) ? EXIT_LIMIT : EXIT_INVALID),
		            err.message);
		return 0;
	}
	check_table(t);
	csv_free(t);
	return 0;
}
