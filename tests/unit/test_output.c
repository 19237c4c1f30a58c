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

/* Write text to path, replacing it. */
static void
put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* The files of a set appear only when every one of them is complete. */
static void
set_renames_together(void **state)
{
	struct fixture *f = *state;
	char pdf[128], html[128];
	struct output_set *set = output_set_new();
	struct output *a, *b;

	snprintf(pdf, sizeof pdf, "%s/r.pdf", f->dir);
	snprintf(html, sizeof html, "%s/r.html", f->dir);
	a = output_open_in(set, pdf, NULL, NULL, 0, &f->d);
	b = output_open_in(set, html, NULL, NULL, 0, &f->d);
	assert_non_null(a);
	assert_non_null(b);
	output_write(a, "pdf", 3);
	assert_true(output_commit(a, &f->d));
	assert_int_equal(access(pdf, F_OK), -1);
	output_write(b, "html", 4);
	assert_true(output_commit(b, &f->d));
	assert_int_equal(access(html, F_OK), -1);
	assert_true(output_set_commit(set, &f->d));
	assert_string_equal(slurp(pdf), "pdf");
	assert_string_equal(slurp(html), "html");
	assert_int_equal(entries(f->dir), 2);
}

/* One member given up: neither earlier file changes, no temporary file stays. */
static void
set_with_a_failure_keeps_both(void **state)
{
	struct fixture *f = *state;
	char pdf[128], html[128];
	struct output_set *set = output_set_new();
	struct output *a, *b;

	snprintf(pdf, sizeof pdf, "%s/r.pdf", f->dir);
	snprintf(html, sizeof html, "%s/r.html", f->dir);
	put(pdf, "old pdf");
	put(html, "old html");
	a = output_open_in(set, pdf, NULL, NULL, 0, &f->d);
	b = output_open_in(set, html, NULL, NULL, 0, &f->d);
	output_write(a, "new pdf", 7);
	assert_true(output_commit(a, &f->d));
	output_write(b, "half", 4);
	output_abort(b);
	assert_false(output_set_commit(set, &f->d));
	assert_string_equal(slurp(pdf), "old pdf");
	assert_string_equal(slurp(html), "old html");
	assert_int_equal(entries(f->dir), 2);
}

/* A replaced file keeps its mode; a new one gets 0666 less the umask. */
static void
replacing_keeps_mode(void **state)
{
	struct fixture *f = *state;
	char private[128], fresh[128];
	struct output *o;
	struct stat st;
	mode_t mask = umask(027);

	snprintf(private, sizeof private, "%s/private.html", f->dir);
	snprintf(fresh, sizeof fresh, "%s/fresh.html", f->dir);
	put(private, "old");
	assert_int_equal(chmod(private, 0600), 0);
	o = output_open(private, NULL, NULL, 0, &f->d);
	assert_true(output_commit(o, &f->d));
	o = output_open(fresh, NULL, NULL, 0, &f->d);
	assert_true(output_commit(o, &f->d));
	umask(mask);
	assert_int_equal(stat(private, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(fresh, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
}

/* A name that fits, but not with the temporary name's 8 bytes, is refused
 * before anything is created. */
static void
temporary_name_length_checked(void **state)
{
	struct fixture *f = *state;
	char path[512], base[256];

	memset(base, 'n', 250);
	strcpy(base + 250, ".pdf");
	snprintf(path, sizeof path, "%s/%s", f->dir, base);
	assert_null(output_open(path, NULL, NULL, 0, &f->d));
	fflush(f->sink);
	assert_non_null(strstr(f->log, "file name too long: 254 bytes"));
	assert_int_equal(entries(f->dir), 0);
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
		cmocka_unit_test_setup_teardown(set_renames_together, setup, teardown),
		cmocka_unit_test_setup_teardown(set_with_a_failure_keeps_both, setup, teardown),
		cmocka_unit_test_setup_teardown(replacing_keeps_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(temporary_name_length_checked, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
