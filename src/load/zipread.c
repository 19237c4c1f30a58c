/* Reading named entries of a zip archive held in memory, within limits, refusing what a workbook never holds. */
#include "load/zipread.h"

#include <string.h>

#include <glib.h>
#include <zip.h>

struct zipread {
	zip_t *zip;
	const char *display;
	const struct zipread_limits *limits;
	struct diag *d;
	size_t total;            /* bytes inflated so far */
};

/* A name a zip entry may have in a workbook: relative, with '/' between
 * components, none of them "..", and no drive letter. */
static bool
safe_entry_name(const char *name)
{
	gchar **parts;
	bool ok;

	if (name[0] == '\0' || name[0] == '/' || strchr(name, '\\') != NULL ||
	    (g_ascii_isalpha(name[0]) && name[1] == ':'))
		return false;
	parts = g_strsplit(name, "/", -1);
	ok = true;
	for (gchar **p = parts; *p != NULL; p++)
		ok = ok && strcmp(*p, "..") != 0;
	g_strfreev(parts);
	return ok;
}

/* The checks of every entry, before any is read. */
static bool
check_entries(struct zipread *z)
{
	zip_int64_t n = zip_get_num_entries(z->zip, 0);
	bool ok = true;

	if (n < 0 || (zip_uint64_t)n > z->limits->max_entries) {
		diag_report(z->d, z->display, 0, 0, M_ZIP_TOO_MANY_ENTRIES, z->limits->max_entries);
		ok = false;
	}
	for (zip_int64_t i = 0; ok && i < n; i++) {
		zip_stat_t st;
		const char *name = zip_get_name(z->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW);

		zip_stat_init(&st);
		if (name == NULL || zip_stat_index(z->zip, (zip_uint64_t)i, ZIP_FL_ENC_RAW, &st) != 0) {
			diag_report(z->d, z->display, 0, 0, M_ZIP_UNREADABLE,
			            zip_strerror(z->zip));
			ok = false;
		} else if (!safe_entry_name(name)) {
			diag_report(z->d, z->display, 0, 0, M_ZIP_ENTRY_NAME_UNSAFE, name);
			ok = false;
		} else if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
		           st.encryption_method != ZIP_EM_NONE) {
			diag_report(z->d, z->display, 0, 0, M_ZIP_ENCRYPTED, name);
			ok = false;
		} else if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
		           st.comp_method != ZIP_CM_DEFLATE) {
			diag_report(z->d, z->display, 0, 0, M_ZIP_METHOD, name, (int)st.comp_method);
			ok = false;
		}
	}
	return ok;
}

struct zipread *
zipread_open(const char *bytes, size_t len, const char *display,
             const struct zipread_limits *limits, struct diag *d)
{
	struct zipread *z;
	zip_error_t err;
	zip_source_t *src;
	zip_t *zip;

	zip_error_init(&err);
	src = zip_source_buffer_create(bytes, len, 0, &err);
	if (src == NULL) {
		diag_report(d, display, 0, 0, M_OUT_OF_MEMORY);
		zip_error_fini(&err);
		return NULL;
	}
	/* ZIP_CHECKCONS compares every local header with the central
	 * directory, where a crafted archive hides a second view of itself. */
	zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (zip == NULL) {
		if (zip_error_code_zip(&err) == ZIP_ER_MULTIDISK)
			diag_report(d, display, 0, 0, M_ZIP_MULTIDISK);
		else if (zip_error_code_zip(&err) == ZIP_ER_MEMORY)
			diag_report(d, display, 0, 0, M_OUT_OF_MEMORY);
		else
			diag_report(d, display, 0, 0, M_ZIP_UNREADABLE, zip_error_strerror(&err));
		zip_source_free(src);
		zip_error_fini(&err);
		return NULL;
	}
	zip_error_fini(&err);
	z = g_new0(struct zipread, 1);
	z->zip = zip;
	z->display = display;
	z->limits = limits;
	z->d = d;
	if (!check_entries(z)) {
		zipread_close(z);
		return NULL;
	}
	return z;
}

void
zipread_close(struct zipread *z)
{
	if (z == NULL)
		return;
	zip_discard(z->zip);
	g_free(z);
}

bool
zipread_has(struct zipread *z, const char *name)
{
	return zip_name_locate(z->zip, name, ZIP_FL_ENC_RAW) >= 0;
}

char *
zipread_entry(struct zipread *z, const char *name, size_t *len)
{
	zip_int64_t index = zip_name_locate(z->zip, name, ZIP_FL_ENC_RAW);
	size_t cap = z->limits->max_entry_bytes;
	zip_file_t *file;
	GByteArray *data;
	guint8 chunk[65536];
	zip_int64_t got;
	bool ok = true;

	if (index < 0) {
		diag_report(z->d, z->display, 0, 0, M_XLSX_MISSING_PART, name);
		return NULL;
	}
	file = zip_fopen_index(z->zip, (zip_uint64_t)index, 0);
	if (file == NULL) {
		diag_report(z->d, z->display, 0, 0, M_ZIP_ENTRY_UNREADABLE, name,
		            zip_strerror(z->zip));
		return NULL;
	}
	/* At most cap + 1 bytes: one more than the limit shows it is passed,
	 * whatever size the archive declares. */
	data = g_byte_array_new();
	while (ok) {
		size_t want = MIN(sizeof chunk, cap + 1 - data->len);

		got = zip_fread(file, chunk, want);
		if (got < 0) {
			diag_report(z->d, z->display, 0, 0, M_ZIP_ENTRY_UNREADABLE, name,
			            zip_file_strerror(file));
			ok = false;
		} else if (got == 0) {
			break;
		} else {
			g_byte_array_append(data, chunk, (guint)got);
			if (data->len > cap) {
				diag_report(z->d, z->display, 0, 0, M_ZIP_ENTRY_TOO_LARGE, name, cap);
				ok = false;
			} else if (z->total + data->len > z->limits->max_total_bytes) {
				diag_report(z->d, z->display, 0, 0, M_ZIP_TOTAL_TOO_LARGE,
				            z->limits->max_total_bytes);
				ok = false;
			}
		}
	}
	zip_fclose(file);
	if (!ok) {
		g_byte_array_free(data, TRUE);
		return NULL;
	}
	z->total += data->len;
	*len = data->len;
	g_byte_array_append(data, (const guint8 *)"", 1);
	return (char *)g_byte_array_free(data, FALSE);
}
