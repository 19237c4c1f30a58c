/* cairo output to our atomic files: PDF surfaces with reproducible dates, and the write callback. */
#include "render/pdf.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <glib.h>

cairo_status_t
pdf_write_output(void *closure, const unsigned char *data, unsigned int length)
{
	struct output *o = closure;

	output_write(o, data, length);
	return output_ok(o) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* The same input gives the same bytes when SOURCE_DATE_EPOCH is set. */
static void
set_dates(cairo_surface_t *surface)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end, date[32];
	long long v;
	time_t t;
	struct tm tm;

	if (epoch == NULL || *epoch == '\0')
		return;
	v = strtoll(epoch, &end, 10);
	if (*end != '\0' || v < 0)
		return;
	t = (time_t)v;
	gmtime_r(&t, &tm);
	strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

char *
pdf_text(const char *text)
{
	char *valid = g_utf8_make_valid(text, -1);
	GString *out = g_string_sized_new(strlen(valid));

	for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
			c = 0xFFFD;
		g_string_append_unichar(out, c);
	}
	g_free(valid);
	return g_string_free(out, FALSE);
}

void
pdf_set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key, const char *value)
{
	char *text = value != NULL ? pdf_text(value) : NULL;

	cairo_pdf_surface_set_metadata(surface, key, text);
	g_free(text);
}

cairo_surface_t *
pdf_surface_for(cairo_write_func_t write, void *closure, double width, double height)
{
	cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(write, closure, width, height);

	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ssecmm");
	set_dates(surface);
	return surface;
}

cairo_surface_t *
pdf_surface_new(struct output *o, double width, double height)
{
	return pdf_surface_for(pdf_write_output, o, width, height);
}

bool
pdf_surface_close(cairo_surface_t *surface, struct output *o, struct diag *d)
{
	cairo_status_t status;

	cairo_surface_finish(surface);
	status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	return pdf_commit_status(status, o, d);
}

bool
pdf_commit_status(cairo_status_t status, struct output *o, struct diag *d)
{
	if (status != CAIRO_STATUS_SUCCESS) {
		diag_report(d, output_path(o), 0, 0, M_CANNOT_WRITE,
		            cairo_status_to_string(status));
		output_abort(o);
		return false;
	}
	return output_commit(o, d);
}
