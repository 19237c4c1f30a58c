/* Program entry: runs the command line and checks that standard output was closed cleanly. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "heap.h"

int
main(int argc, char **argv)
{
	int status;

	heap_prepare((size_t)128 << 20);
	status = ssecmm_main(argc, argv, stdout, stderr);
	/* ssecmm_main flushed; closing can still fail (a network file system). */
	if (fclose(stdout) != 0 && status == EXIT_OK) {
		const char *why = strerror(errno);
		struct diag d;

		diag_init(&d, stderr, false, false);
		diag_report(&d, NULL, 0, 0, M_CANNOT_WRITE_STANDARD_OUTPUT, why);
		status = d.status;
	}
	ssecmm_cleanup();
	return status;
}
