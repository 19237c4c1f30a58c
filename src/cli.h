/* The command line: the whole program as one function, driven by main and by tests. */
#ifndef SSECMM_CLI_H
#define SSECMM_CLI_H

#include <stdio.h>

/* Run the program with argv (argv[0] is the program name) writing results to
 * out and diagnostics to err; returns the exit status (enum exit_status).
 * out is flushed, and a failure to write it is reported and makes the status
 * EXIT_IO; neither stream is closed.  Process-wide libxml2 settings are
 * installed on first use and kept for later runs: the function may be called
 * any number of times in one process, as the golden tests do. */
int ssecmm_main(int argc, char **argv, FILE *out, FILE *err);

/* Release the process-wide state of the libraries, once, before exit. */
void ssecmm_cleanup(void);

#endif
