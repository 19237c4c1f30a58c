/* Output files written atomically: temporary files beside their targets, renamed over them together when all are complete. */
#ifndef SSECMM_OUTPUT_H
#define SSECMM_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct output;
struct output_set;

/* Start writing path, or the stream out when path is "-".  Refuses, with a
 * diagnostic (EXIT_IO), a target that is a symbolic link, not a regular
 * file, or the same file as one of inputs (n_inputs paths), and a name too
 * long for the file system once the temporary name's 8 bytes are added.
 * Nothing is visible at path until output_commit succeeds; a run ended by a
 * catchable fatal signal removes the temporary file.  A file replaced keeps
 * its permission bits; a new one gets 0666 less the umask.  Returns NULL
 * after reporting. */
struct output *output_open(const char *path, FILE *out, const char *const *inputs,
                           size_t n_inputs, struct diag *d);

/* Files that appear together or not at all: the HTML and PDF of a product.
 * Free with output_set_commit or output_set_free. */
struct output_set *output_set_new(void);

/* output_open for a member of set: output_commit and output_abort then only
 * complete or give up this member (the set still owns it), and nothing is
 * renamed into place before output_set_commit. */
struct output *output_open_in(struct output_set *set, const char *path, FILE *out,
                              const char *const *inputs, size_t n_inputs, struct diag *d);

/* Rename every member into place if each was committed without error,
 * otherwise remove every temporary file, leaving all earlier files as they
 * were.  Frees set; false after reporting (a member's own failure was
 * reported when it happened). */
bool output_set_commit(struct output_set *set, struct diag *d);

/* Give up the whole set: remove its temporary files.  Accepts NULL. */
void output_set_free(struct output_set *set);

/* Append bytes (gathered in a buffer of 64 KiB); the first failure is
 * remembered and reported at commit. */
void output_write(struct output *o, const void *buf, size_t len);

/* False once a write has failed (buffered bytes fail when flushed: at the
 * latest at commit). */
bool output_ok(const struct output *o);

/* Flush, sync and rename into place (or flush the stream).  Frees o, unless
 * it belongs to a set.  Returns false after reporting, leaving any earlier
 * file at path intact. */
bool output_commit(struct output *o, struct diag *d);

/* Give up: remove the temporary file.  Frees o unless it belongs to a set;
 * accepts NULL. */
void output_abort(struct output *o);

/* The path being written, for messages ("<stdout>" for the stream). */
const char *output_path(const struct output *o);

#endif
