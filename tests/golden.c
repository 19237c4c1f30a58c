/* Golden tests of the command line run in one process: each FILE.expected names
 * the arguments of one run ("# args: ..." on its first line) and holds the exit
 * status, standard output and standard error that ssecmm_main must produce.
 *
 * usage: golden [--update] [--label LABEL] FILE.expected...
 *
 * Arguments are split at spaces and tabs, as the shell splits an unquoted
 * word.  Standard input is /dev/null; standard output and error are files
 * for the length of each run, so that what a command writes to descriptors 1
 * and 2 is captured as a separate process would have it.  TAP lines, then
 * "N passed, N failed"; the exit status is 1 when any test failed.  With
 * --update each file is rewritten from its run (review the diff). */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "cli.h"

/* Everything in f from its start, as a string; f is left at its end. */
static GString *
slurp(FILE *f)
{
	GString *s = g_string_new(NULL);
	char buf[65536];
	size_t n;

	rewind(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		g_string_append_len(s, buf, (gssize)n);
	return s;
}

/* Run ssecmm with the words of args, descriptors 1 and 2 pointing at fresh
 * files; returns the run's record in the form of an .expected file. */
static GString *
run(const char *args)
{
	char **words = g_strsplit_set(args, " \t", -1);
	GPtrArray *argv = g_ptr_array_new();
	FILE *out = tmpfile(), *err = tmpfile();
	int saved_out, saved_err, status;
	GString *record, *o, *e;

	if (out == NULL || err == NULL) {
		perror("golden: tmpfile");
		exit(2);
	}
	g_ptr_array_add(argv, (char *)"ssecmm");
	for (char **w = words; *w != NULL; w++)
		if (**w != '\0')
			g_ptr_array_add(argv, *w);
	g_ptr_array_add(argv, NULL);

	fflush(stdout);
	fflush(stderr);
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	if (saved_out < 0 || saved_err < 0 || dup2(fileno(out), STDOUT_FILENO) < 0 ||
	    dup2(fileno(err), STDERR_FILENO) < 0) {
		perror("golden: dup");
		exit(2);
	}
	status = ssecmm_main((int)argv->len - 1, (char **)argv->pdata, stdout, stderr);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(saved_out);
	close(saved_err);

	o = slurp(out);
	e = slurp(err);
	record = g_string_new(NULL);
	g_string_append_printf(record, "# args: %s\nexit: %d\n--- stdout\n%s--- stderr\n%s",
	                       args, status, o->str, e->str);
	g_string_free(o, TRUE);
	g_string_free(e, TRUE);
	fclose(out);
	fclose(err);
	g_ptr_array_free(argv, TRUE);
	g_strfreev(words);
	return record;
}

/* Show how actual differs from the file expected, as diff -u does. */
static void
show_difference(const char *expected, const GString *actual)
{
	char *path = NULL, *cmd;
	int fd = g_file_open_tmp("golden-XXXXXX", &path, NULL);

	if (fd < 0 || write(fd, actual->str, actual->len) != (ssize_t)actual->len) {
		printf("#   (cannot write the actual output to compare)\n");
	} else {
		char *q1 = g_shell_quote(expected), *q2 = g_shell_quote(path);

		cmd = g_strdup_printf("diff -u %s %s | sed 's/^/#   /' | head -40", q1, q2);
		fflush(stdout);
		if (system(cmd) != 0)
			printf("#   (diff failed)\n");
		g_free(cmd);
		g_free(q1);
		g_free(q2);
	}
	if (fd >= 0)
		close(fd);
	if (path != NULL)
		unlink(path);
	g_free(path);
}

int
main(int argc, char **argv)
{
	const char *label = "cli";
	bool update = false;
	unsigned n = 0, passed = 0, failed = 0;
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--update") == 0)
			update = true;
		else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
			label = argv[++i];
		else {
			fprintf(stderr, "usage: golden [--update] [--label LABEL] FILE.expected...\n");
			return 2;
		}
	}
	if (freopen("/dev/null", "r", stdin) == NULL) {
		perror("golden: /dev/null");
		return 2;
	}
	for (; i < argc; i++) {
		char *text = NULL, *args, *nl;
		GString *actual;
		bool same;

		n++;
		if (!g_file_get_contents(argv[i], &text, NULL, NULL) ||
		    strncmp(text, "# args: ", 8) != 0) {
			printf("not ok %u - %s %s: first line must be '# args: ...'\n", n, label,
			       argv[i]);
			failed++;
			g_free(text);
			continue;
		}
		nl = strchr(text, '\n');
		args = g_strndup(text + 8, nl != NULL ? (gsize)(nl - text - 8) : strlen(text + 8));
		actual = run(args);
		if (update && !g_file_set_contents(argv[i], actual->str, (gssize)actual->len, NULL))
			fprintf(stderr, "golden: cannot rewrite %s\n", argv[i]);
		same = update || strcmp(actual->str, text) == 0;
		if (same) {
			printf("ok %u - %s %s\n", n, label, argv[i]);
			passed++;
		} else {
			printf("not ok %u - %s %s\n", n, label, argv[i]);
			show_difference(argv[i], actual);
			failed++;
		}
		fflush(stdout);
		g_string_free(actual, TRUE);
		g_free(args);
		g_free(text);
	}
	printf("%u passed, %u failed\n", passed, failed);
	ssecmm_cleanup();
	return failed == 0 ? 0 : 1;
}
