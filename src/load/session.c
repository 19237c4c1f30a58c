/* The load stage's state, read once: the schemas and the model; the pipeline holds one, rate and import use it alone. */
#include "load/session.h"

#include <string.h>

#include <glib.h>

#include "datadir.h"

static struct schema *
load_schema(const char *rel, struct diag *d)
{
	char *path = datadir_path(rel);
	struct schema *s = schema_load(path, d);

	g_free(path);
	return s;
}

bool
session_open(struct session *s, const char *model_path, struct diag *d)
{
	memset(s, 0, sizeof *s);
	s->diag = d;
	s->model_xsd = load_schema("model-xml/model.xsd", d);
	s->appraisal_xsd = load_schema("model-xml/appraisal.xsd", d);
	if (s->model_xsd == NULL || s->appraisal_xsd == NULL)
		return false;
	s->model = model_load(model_path, s->model_xsd, d);
	return s->model != NULL;
}

void
session_close(struct session *s)
{
	model_free(s->model);
	schema_free(s->model_xsd);
	schema_free(s->appraisal_xsd);
	memset(s, 0, sizeof *s);
}

struct appraisal *
session_appraisal(struct session *s, const char *path)
{
	return appraisal_load(path, s->model, s->appraisal_xsd, s->diag);
}

struct target *
session_target(struct session *s, const char *path)
{
	return target_load(path, s->model, s->appraisal_xsd, s->diag);
}

bool
session_rate(struct session *s, const char *appraisal_path, const char *target_path,
             struct rated *out)
{
	return session_rate_appraisal(s, session_appraisal(s, appraisal_path), target_path, out);
}

bool
session_rate_appraisal(struct session *s, struct appraisal *a, const char *target_path,
                       struct rated *out)
{
	memset(out, 0, sizeof *out);
	out->appraisal = a;
	if (target_path != NULL)
		out->target = session_target(s, target_path);
	if (out->appraisal == NULL || (target_path != NULL && out->target == NULL))
		return false;
	out->results = results_compute(s->model, out->appraisal,
	                               out->target != NULL ? out->target : out->appraisal->target);
	results_report(out->results, s->diag);
	return true;
}

void
rated_free(struct rated *r)
{
	results_free(r->results);
	target_free(r->target);
	appraisal_free(r->appraisal);
	memset(r, 0, sizeof *r);
}
