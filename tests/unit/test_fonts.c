/* Tests of font loading ahead of typesetting: on a thread of its own, and before forking workers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>

#include "output.h"
#include "render/typeset.h"

static const char doc_text[] =
	"<html lang=\"en\"><head><title>Fonts</title></head><body>"
	"<section id=\"s1\"><h2>Heading</h2><p>Body text with <strong>strong</strong>, "
	"<code>code</code> and <small>small</small> words.</p>"
	"<table><thead><tr><th>Practice</th><th>Rating</th></tr></thead>"
	"<tbody><tr><td>BP.01.01</td><td>F</td></tr></tbody></table></section>"
	"</body></html>";

/* The typesetter of the process under test (font state is per process). */
static struct typesetter *typesetter;

/* Typeset the test document into memory: true when a whole PDF came out
 * without a diagnostic. */
static bool
typeset_to_memory(void)
{
	xmlDoc *doc = xmlReadMemory(doc_text, (int)sizeof doc_text - 1, "fonts.xml", "UTF-8",
	                            XML_PARSE_NONET);
	char *bytes = NULL;
	size_t len = 0;
	FILE *stream = open_memstream(&bytes, &len);
	struct diag d;
	struct output *o;
	bool ok;

	if (doc == NULL || stream == NULL)
		return false;
	diag_init(&d, stderr, false, false);
	o = output_open("-", stream, NULL, 0, &d);
	ok = o != NULL && typeset_render(typesetter, doc, PAPER_A4, NULL, NULL, o, &d);
	fclose(stream);
	ok = ok && d.errors == 0 && len > 5 && memcmp(bytes, "%PDF-", 5) == 0 &&
	     memmem(bytes, len, "%%EOF", 5) != NULL;
	free(bytes);
	xmlFreeDoc(doc);
	return ok;
}

/* Threads of this process as the kernel counts them ("Threads:" of
 * /proc/self/status); 0 when that cannot be read. */
static unsigned
threads_now(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	unsigned n = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "Threads: %u", &n) == 1)
			break;
	fclose(f);
	return n;
}

/* Run body in a child process (the font state is process-wide) and return
 * its exit status, or -1 when it could not run; a child that hangs is
 * killed after 60 s.  No cmocka assertion here: children call it too. */
static int
in_child(bool (*body)(void))
{
	int status = -1;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		alarm(60);
		_exit(body() ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static bool
warm_then_typeset(void)
{
	bool ok;

	typesetter = typeset_new();
	typeset_warm_fonts(typesetter);
	/* Twice is once. */
	typeset_warm_fonts(typesetter);
	ok = typeset_to_memory();
	typeset_free(typesetter);
	return ok;
}

/* Fonts loading on their thread while the document is parsed: the PDF is
 * the same as it would be without. */
static void
warmed_fonts_typeset(void **state)
{
	(void)state;
	assert_int_equal(in_child(warm_then_typeset), 0);
}

static bool
prepare_then_fork_and_typeset(void)
{
	typesetter = typeset_new();
	if (!typeset_prepare(typesetter))
		return false;
	/* Where threads can be counted, none but this one is left. */
	if (threads_now() > 1)
		return false;
	/* Each worker typesets with the fonts its parent loaded. */
	return in_child(typeset_to_memory) == 0 && in_child(typeset_to_memory) == 0;
}

/* typeset_prepare loads the fonts and waits for pango's threads to end, so
 * that forked workers neither wait for ever on a lock nor load them again. */
static void
prepared_fonts_serve_forked_workers(void **state)
{
	(void)state;
	assert_int_equal(in_child(prepare_then_fork_and_typeset), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(warmed_fonts_typeset),
		cmocka_unit_test(prepared_fonts_serve_forked_workers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
