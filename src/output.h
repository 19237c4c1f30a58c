/* Output files written atomically: a temporary file beside the target, renamed over it when complete. */
#ifndef SSECMM_OUTPUT_H
#define SSECMM_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct output;

/* Start writing path, or the stream out when path is "-".  Refuses, with a
 * diagnostic (EXIT_IO), a target that is a symbolic link, not a regular
 * file, or the same file as one of inputs (n_inputs paths).  Nothing is
 * visible at path until output_commit succeeds; an interrupted run (SIGINT,
 * SIGTERM, SIGHUP) removes the temporary file.  Returns NULL after
 * reporting. */
struct output *output_open(const char *path, FILE *out, const char *const *inputs,
                           size_t n_inputs, struct diag *d);

/* Append bytes (gathered in a buffer of 64 KiB); the first failure is
 * remembered and reported at commit. */
void output_write(struct output *o, const void *buf, size_t len);

/* False once a write has failed (buffered bytes fail when flushed: at the
 * latest at commit). */
bool output_ok(const struct output *o);

/* Flush, sync and rename into place (or flush the stream).  Frees o.
 * Returns false after reporting, leaving any earlier file at path intact. */
bool output_commit(struct output *o, struct diag *d);

/* Give up: remove the temporary file.  Frees o; accepts NULL. */
void output_abort(struct output *o);

/* The path being written, for messages ("<stdout>" for the stream). */
const char *output_path(const struct output *o);

#endif
