/* The index of many appraisals: every profile side by side and the spread of levels per process area. */
#ifndef SSECMM_INDEX_H
#define SSECMM_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/products.h"
#include "diag.h"
#include "pipeline.h"

/* An input of a batch that produced nothing, named in the index so that a
 * reader knows the view is incomplete. */
struct index_failure {
	char *name;     /* the input's file name */
	char *reason;   /* one line */
};

/* Read the result documents at paths (each NAME-result.xml, written by
 * batch beside NAME-report.html and the other products), check each against
 * model-xml/result.xsd and the pipeline's model, and write the index called
 * "index" where dest says, with links to each appraisal's products that
 * exist.  Any invalid result file stops the index: nothing is written.
 * False after reporting. */
bool index_write(struct pipeline *pl, char **paths, size_t n,
                 const struct index_failure *failed, size_t n_failed,
                 const struct product_dest *dest, struct diag *d);

/* The suffix that names result files, and the test for one. */
#define INDEX_RESULT_SUFFIX "-result.xml"

#endif
