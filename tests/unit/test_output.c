/* Tests of atomic output: nothing at the target until commit, refusals, failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"

struct fixture {
	char dir[64];
	char *log;
	size_t log_len;
	FILE *sink;
	struct diag d;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/output-test-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return 1;
	f->sink = open_memstream(&f->log, &f->log_len);
	diag_init(&f->d, f->sink, false, false);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return 1;
	fclose(f->sink);
	free(f->log);
	free(f);
	return 0;
}

static unsigned
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned n = 0;

	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static char *
slurp(const char *path)
{
	static char buf[256];
	FILE *fp = fopen(path, "r");
	size_t n;

	if (fp == NULL)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

static void
nothing_visible_until_commit(void **state)
{
	struct fixture *f = *state;
	char path[128];
	struct output *o;
	struct stat st;

	snprintf(path, sizeof path, "%s/report.html", f->dir);
	o = output_open(path, NULL, NULL, 0, &f->d);
	assert_non_null(o);
	output_write(o, "hello ", 6);
	output_write(o, "world", 5);
	assert_int_equal(access(path, F_OK), -1);
	assert_true(output_commit(o, &f->d));
	assert_string_equal(slurp(path), "hello world");
	assert_int_equal(entries(f->dir), 1);
	/* Readable by others, as a published document is. */
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_mode & S_IRGRP);
}

static void
abort_keeps_previous_file(void **state)
{
	struct fixture *f = *state;
	char path[128];
	struct output *o;
	FILE *fp;

	snprintf(path, sizeof path, "%s/report.html", f->dir);
	fp = fopen(path, "w");
	fputs("previous", fp);
	fclose(fp);
	o = output_open(path, NULL, NULL, 0, &f->d);
	output_write(o, "half a docu", 11);
	output_abort(o);
	assert_string_equal(slurp(path), "previous");
	assert_int_equal(entries(f->dir), 1);
}

static void
refuses_symlink_directory_and_input(void **state)
{
	struct fixture *f = *state;
	char link[128], sub[128], input[128];
	FILE *fp;

	snprintf(link, sizeof link, "%s/link.html", f->dir);
	assert_int_equal(symlink("/etc/passwd", link), 0);
	assert_null(output_open(link, NULL, NULL, 0, &f->d));
	snprintf(sub, sizeof sub, "%s/sub", f->dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	assert_null(output_open(sub, NULL, NULL, 0, &f->d));
	assert_null(output_open("/dev/null", NULL, NULL, 0, &f->d));
	snprintf(input, sizeof input, "%s/in.xml", f->dir);
	fp = fopen(input, "w");
	fclose(fp);
	assert_null(output_open(input, NULL, (const char *const[]){input}, 1, &f->d));
	fflush(f->sink);
	assert_non_null(strstr(f->log, "symbolic link"));
	assert_non_null(strstr(f->log, "not a regular file"));
	assert_non_null(strstr(f->log, "overwrite an input"));
	assert_int_equal(f->d.status, EXIT_IO);
}

static void
missing_directory_is_an_error(void **state)
{
	struct fixture *f = *state;
	char path[160];

	snprintf(path, sizeof path, "%s/no/such/dir/out.html", f->dir);
	assert_null(output_open(path, NULL, NULL, 0, &f->d));
	fflush(f->sink);
	assert_non_null(strstr(f->log, "cannot create"));
}

static void
full_stream_fails_at_commit(void **state)
{
	struct fixture *f = *state;
	FILE *full = fopen("/dev/full", "w");
	struct output *o;
	char big[8192];

	memset(big, 'x', sizeof big);
	o = output_open("-", full, NULL, 0, &f->d);
	assert_non_null(o);
	output_write(o, big, sizeof big);
	assert_false(output_commit(o, &f->d));
	assert_int_equal(f->d.status, EXIT_IO);
	fclose(full);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(nothing_visible_until_commit, setup, teardown),
		cmocka_unit_test_setup_teardown(abort_keeps_previous_file, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_symlink_directory_and_input, setup, teardown),
		cmocka_unit_test_setup_teardown(missing_directory_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(full_stream_fails_at_commit, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
