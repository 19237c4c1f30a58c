/* A diagnostics sink that keeps what it was told in memory, for cmocka tests: setup and teardown give each test a fresh one. */
#ifndef SSECMM_TEST_CAPTURE_H
#define SSECMM_TEST_CAPTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "diag.h"

static char *captured;      /* what d printed, NUL-terminated once sink is flushed */
static size_t captured_len;
static FILE *sink;
static struct diag d;

static int
setup(void **state)
{
	(void)state;
	sink = open_memstream(&captured, &captured_len);
	diag_init(&d, sink, false, false);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fclose(sink);
	free(captured);
	captured = NULL;
	return 0;
}

#endif
