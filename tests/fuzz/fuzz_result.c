/* Fuzzes result files as the index reads them: loader, schema, checks against the model, the index transform and the HTML writer. */
#include <errno.h>
#include <string.h>

#include "cmd/index.h"
#include "fuzz.h"
#include "pipeline.h"

static struct pipeline *pipeline;
static FILE *sink;
static char path[] = "/tmp/ssecmm-fuzz-XXXXXX-result.xml";

static void
remove_input(void)
{
	unlink(path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;
	char *model;
	int fd;

	(void)argc;
	(void)argv;
	fuzz_init();
	diag_init(&d, stderr, false, false);
	/* The index reads result files by name: each input is written here. */
	fd = mkstemps(path, (int)strlen("-result.xml"));
	fuzz_require(fd >= 0 ? path : NULL, "a temporary file");
	close(fd);
	atexit(remove_input);
	/* The seeds (tests/data/results, tests/bad/result) rate the test model. */
	model = datadir_path("tests/data/mini-model.xml");
	pipeline = pipeline_new(model, &d);
	fuzz_require(pipeline != NULL ? model : NULL, "tests/data/mini-model.xml");
	g_free(model);
	sink = fopen("/dev/null", "w");
	fuzz_require(sink, "/dev/null");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct product_dest dest = {0};
	struct diag d;
	char *paths[] = {path};
	bool ok;

	if (!g_file_set_contents(path, (const char *)data, (gssize)size, NULL))
		abort();
	fuzz_diag(&d);
	dest.output = "-";
	dest.formats = PRODUCT_HTML;
	dest.out = sink;
	dest.inputs = (const char *const *)paths;
	dest.n_inputs = 1;
	ok = index_write(pipeline, paths, 1, NULL, 0, &dest, &d);
	if (ok != (d.errors == 0))
		abort(); /* refused exactly when something was reported */
	return 0;
}
