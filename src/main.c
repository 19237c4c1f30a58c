/* Program entry: runs the command line and checks that standard output was written. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "heap.h"
#include "xform.h"
#include "xmlload.h"

int
main(int argc, char **argv)
{
	int status;

	heap_prepare((size_t)128 << 20);
	status = ssecmm_main(argc, argv, stdout, stderr);

	/* A full disk shows up only when the buffered output is flushed. */
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "ssecmm: error: cannot write standard output: %s\n",
		        strerror(errno));
		if (status == EXIT_OK)
			status = EXIT_IO;
	}
	xform_cleanup();
	xmlload_cleanup();
	return status;
}
