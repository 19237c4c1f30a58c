/* The load stage's state, read once: the schemas and the model; the pipeline holds one, rate and import use it alone. */
#ifndef SSECMM_SESSION_H
#define SSECMM_SESSION_H

#include "diag.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "load/schema.h"
#include "rate/results.h"

struct session {
	struct diag *diag;
	struct schema *model_xsd;
	struct schema *appraisal_xsd;
	struct model *model;
};

/* Load the schemas and the model at model_path.  False after reporting;
 * session_close() is needed either way. */
bool session_open(struct session *s, const char *model_path, struct diag *d);
void session_close(struct session *s);

/* An appraisal or a target profile checked against the session's model;
 * NULL after reporting. */
struct appraisal *session_appraisal(struct session *s, const char *path);
struct target *session_target(struct session *s, const char *path);

/* An appraisal rated against a target: the file's own target profile, or
 * the one at target_path when that is not NULL. */
struct rated {
	struct appraisal *appraisal;
	struct target *target;   /* loaded from target_path, or NULL */
	struct results *results;
};

/* Load, check and rate; false after reporting.  rated_free() either way. */
bool session_rate(struct session *s, const char *appraisal_path, const char *target_path,
                  struct rated *out);
/* The same for an appraisal already loaded (a may be NULL: then false,
 * its loading having reported why); takes ownership of a. */
bool session_rate_appraisal(struct session *s, struct appraisal *a, const char *target_path,
                            struct rated *out);
void rated_free(struct rated *r);

#endif
