/* The files of a directory that an operand stands for: regular files by name suffix, in name order. */
#include "load/listing.h"

#include <stdlib.h>
#include <string.h>

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool
listing_read(const char *dir, const char *suffix, GPtrArray *paths, struct diag *d)
{
	GError *err = NULL;
	GDir *g = g_dir_open(dir, 0, &err);
	const char *name;
	guint first = paths->len;

	if (g == NULL) {
		diag_report(d, dir, 0, 0, M_CANNOT_READ, err->message);
		g_error_free(err);
		return false;
	}
	while ((name = g_dir_read_name(g)) != NULL) {
		char *path = g_build_filename(dir, name, NULL);

		if (g_str_has_suffix(name, suffix) && strlen(name) > strlen(suffix) &&
		    g_file_test(path, G_FILE_TEST_IS_REGULAR))
			g_ptr_array_add(paths, path);
		else
			g_free(path);
	}
	g_dir_close(g);
	qsort(paths->pdata + first, paths->len - first, sizeof(char *), by_name);
	return true;
}
