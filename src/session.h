/* What every command that reads appraisals needs once: the schemas and the model. */
#ifndef SSECMM_SESSION_H
#define SSECMM_SESSION_H

#include "appraisal.h"
#include "diag.h"
#include "model.h"
#include "schema.h"

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

#endif
