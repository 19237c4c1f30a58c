/* The command line: the whole program as one function, driven by main and by tests. */
#ifndef SSECMM_CLI_H
#define SSECMM_CLI_H

#include <stdio.h>

/* Run the program with argv (argv[0] is the program name) writing results to
 * out and diagnostics to err; returns the exit status (enum exit_status).
 * Neither stream is closed.  Process-wide libxml2 settings are installed on
 * first use. */
int ssecmm_main(int argc, char **argv, FILE *out, FILE *err);

#endif
