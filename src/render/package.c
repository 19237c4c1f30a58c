/* Zip packages of named parts (DOCX, ODT), the same bytes for the same parts and date. */
#include "render/package.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <zip.h>

/* 1980-01-01T00:00:00Z, the earliest date of a zip entry. */
#define ZIP_EPOCH 315532800

struct package {
	zip_source_t *buffer;   /* the archive, built in memory */
	zip_t *zip;
	time_t mtime;           /* as libzip wants it: see package_new */
};

struct package *
package_new(time_t mtime)
{
	struct package *p = g_new0(struct package, 1);
	zip_error_t error;
	struct tm tm;

	/* An empty archive in memory fails only when memory does, which ends
	 * the program as every allocation of ours does. */
	zip_error_init(&error);
	p->buffer = zip_source_buffer_create(NULL, 0, 0, &error);
	if (p->buffer == NULL)
		g_error("out of memory");
	/* Kept past zip_close, which writes the archive into it. */
	zip_source_keep(p->buffer);
	p->zip = zip_open_from_source(p->buffer, ZIP_TRUNCATE, &error);
	if (p->zip == NULL)
		g_error("out of memory");
	zip_error_fini(&error);
	/* libzip writes an entry's date as the local time of the time_t it is
	 * given; the time_t whose local time reads as mtime's UTC fields makes
	 * the bytes independent of the time zone the program runs in. */
	if (mtime < ZIP_EPOCH)
		mtime = ZIP_EPOCH;
	gmtime_r(&mtime, &tm);
	tm.tm_isdst = -1;
	p->mtime = mktime(&tm);
	return p;
}

bool
package_add(struct package *p, const char *name, const void *data, size_t len, bool stored)
{
	/* libzip frees the copy with free(), so it comes from malloc. */
	void *copy = malloc(len ? len : 1);
	zip_source_t *src;
	zip_int64_t i;

	if (copy == NULL)
		g_error("out of memory");
	memcpy(copy, data, len);
	src = zip_source_buffer(p->zip, copy, len, 1);
	if (src == NULL) {
		free(copy);
		return false;
	}
	i = zip_file_add(p->zip, name, src, ZIP_FL_ENC_UTF_8);
	if (i < 0) {
		zip_source_free(src);
		return false;
	}
	zip_set_file_compression(p->zip, (zip_uint64_t)i, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
	                         9);
	zip_file_set_mtime(p->zip, (zip_uint64_t)i, p->mtime, 0);
	return true;
}

bool
package_write(struct package *p, struct output *o, struct diag *d)
{
	zip_stat_t st;
	char chunk[65536];
	zip_int64_t n;
	bool ok;

	ok = zip_close(p->zip) == 0;
	if (!ok)
		diag_report(d, output_path(o), 0, 0, M_PACKAGE_FAILED,
		            zip_error_strerror(zip_get_error(p->zip)));
	else
		p->zip = NULL;
	if (ok && (zip_source_stat(p->buffer, &st) < 0 || zip_source_open(p->buffer) < 0)) {
		diag_report(d, output_path(o), 0, 0, M_PACKAGE_FAILED,
		            zip_error_strerror(zip_source_error(p->buffer)));
		ok = false;
	}
	if (ok) {
		while ((n = zip_source_read(p->buffer, chunk, sizeof chunk)) > 0)
			output_write(o, chunk, (size_t)n);
		zip_source_close(p->buffer);
		if (n < 0) {
			diag_report(d, output_path(o), 0, 0, M_PACKAGE_FAILED,
			            zip_error_strerror(zip_source_error(p->buffer)));
			ok = false;
		}
	}
	package_free(p);
	if (!ok) {
		output_abort(o);
		return false;
	}
	return output_commit(o, d);
}

void
package_free(struct package *p)
{
	if (p == NULL)
		return;
	if (p->zip != NULL)
		zip_discard(p->zip);
	zip_source_free(p->buffer);
	g_free(p);
}
