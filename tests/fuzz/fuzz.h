/* Shared set-up of the fuzz targets: the data directory, the XML loader and a silent diagnostics sink. */
#ifndef SSECMM_FUZZ_H
#define SSECMM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib.h>

#include "datadir.h"
#include "diag.h"
#include "load/schema.h"
#include "load/xmlload.h"
#include "signals.h"

/* libFuzzer's entry points; declared here because the warnings ask for
 * prototypes. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Point the data directory at the source tree when SSECMM_DATADIR is not
 * set: the targets are built into build/fuzz/, two levels below it.  The
 * schemas and the model are read from there once per process. */
static inline void
fuzz_find_datadir(void)
{
	char *exe, *dir, *top, *probe;

	if (getenv("SSECMM_DATADIR") != NULL)
		return;
	exe = g_file_read_link("/proc/self/exe", NULL);
	if (exe == NULL)
		return;
	dir = g_path_get_dirname(exe);
	top = g_build_filename(dir, "..", "..", NULL);
	probe = g_build_filename(top, "model-xml", "model.xsd", NULL);
	if (access(probe, R_OK) == 0)
		setenv("SSECMM_DATADIR", top, 1);
	g_free(probe);
	g_free(top);
	g_free(dir);
	g_free(exe);
}

/* Process-wide set-up every target needs before its own. */
static inline void
fuzz_init(void)
{
	fuzz_find_datadir();
	xmlload_init();
}

/* The end of LLVMFuzzerInitialize in a target that writes output there: the
 * library caught the fatal signals to remove temporary files, and libFuzzer,
 * which sets its handlers (SIGALRM for time-outs among them) after
 * LLVMFuzzerInitialize and only where none is set, would lose them. */
static inline void
fuzz_initialized(void)
{
	signals_uninstall();
}

/* A sink that counts and formats (the escaping is exercised) but prints
 * nothing: the fuzzer's output stays readable. */
static inline void
fuzz_diag(struct diag *d)
{
	diag_init(d, NULL, false, false);
}

/* Set-up that must not fail: a target without its model or schema would
 * fuzz nothing, so it stops the run with the reason. */
static inline void
fuzz_require(const void *what, const char *name)
{
	if (what == NULL) {
		fprintf(stderr, "fuzz: cannot load %s (set SSECMM_DATADIR to the source tree)\n",
		        name);
		exit(1);
	}
}

/* The schema at rel under the data directory, which must load. */
static inline struct schema *
fuzz_schema(const char *rel, struct diag *d)
{
	char *path = datadir_path(rel);
	struct schema *s = schema_load(path, d);

	g_free(path);
	fuzz_require(s, rel);
	return s;
}

#endif
