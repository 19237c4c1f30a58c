/* Appraisal results and target profiles: loaded from XML and checked against the model. */
#ifndef SSECMM_APPRAISAL_H
#define SSECMM_APPRAISAL_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>
#include <libxml/tree.h>

#include "diag.h"
#include "load/model.h"
#include "load/schema.h"
#include "rate/rate.h"

#define APPRAISAL_NS "urn:ssecmm:appraisal:1"

struct ap_member {
	const char *name;
	const char *role;         /* lead-appraiser, appraiser, observer */
	const char *affiliation;  /* may be NULL */
};

struct ap_participant {
	const char *role;
	unsigned count;
	const char *project;      /* may be NULL: all projects */
	long line;
};

struct ap_evidence {
	const char *id;
	const char *kind;         /* document, interview, demonstration, record */
	const char *date;
	const char *title;
	const char *location;
	unsigned references;      /* ratings and findings that cite it */
	long line;
};

struct ap_rating {
	const char *ref;          /* BP.05.02, GP-2.1.1 or PA1.1 */
	enum rating rating;
	const char *evidence;     /* space-separated evidence ids, or NULL */
	const char *note;         /* rationale or remark, or NULL */
	long line;
};

/* One project's ratings of one process area. */
struct ap_area {
	const struct model_pa *pa;
	int claimed_level;        /* -1 when none was claimed */
	struct ap_rating *ratings;
	size_t n_ratings;
	long line;
};

struct ap_project {
	const char *id;
	const char *name;
	const char *description;
	struct ap_area **areas;   /* indexed like model->pas; NULL when not rated */
	long line;                /* its first <ratings> block, else its <project> */
	bool rated;               /* a <ratings> block names it */
};

struct ap_finding {
	const char *id;
	const char *kind;         /* strength, weakness, opportunity */
	const struct model_pa *pa;
	const char *practices;    /* space-separated ids, or NULL */
	const char *project;      /* NULL: the whole appraisal */
	const char *evidence;     /* space-separated ids, or NULL */
	const char *summary;
	const char *recommendation; /* may be NULL */
};

/* Why an appraisal was made (<purpose kind="...">). */
enum ap_purpose {
	AP_PROCESS_IMPROVEMENT,
	AP_CAPABILITY_DETERMINATION,
	AP_SUPPLIER_SELECTION,
	AP_SELF_ASSESSMENT,
};

/* The assessment record of a format 2 file; every string is non-NULL
 * except where marked. */
struct ap_record {
	enum ap_purpose purpose;
	const char *purpose_text;
	const char *assessment_class;
	const char *independence_body;    /* independent, partly-independent, internal */
	const char *independence_lead;
	const char *independence_team;
	const char *plan_approved;        /* date */
	const char *results_accepted;     /* date, or NULL while not accepted */
	unsigned validation_attendees;
	const char *validation_date;
	bool draft;                       /* document status="draft" */
	const char *version;              /* document version, e.g. "0.9" */
};

/* One action of the improvement plan. */
struct ap_action {
	const char *id;
	const char *priority;             /* high, medium, low */
	const char *owner;
	const char *due;                  /* date */
	const char *findings;             /* space-separated finding ids, or NULL */
	const char *areas;                /* space-separated process-area ids, or NULL */
	const char *summary;
	long line;
};

/* The levels an acquirer requires; from its own file or inside an appraisal. */
struct target {
	const char *id;
	const char *title;
	const char *issuer;
	const char *reference;
	const char *model_version;
	int *levels;              /* indexed like model->pas; -1 when not required */
	char *path;               /* file it came from */
	char sha256[65];
	xmlDoc *doc;              /* owned when loaded from its own file */
	GStringChunk *strings;
};

/* A checked appraisal.  Strings live until appraisal_free(). */
struct appraisal {
	xmlDoc *doc;
	char *path;
	char sha256[65];
	const char *id;
	const char *title;
	const char *model_version;
	const char *sponsor;
	const char *organization;
	const char **units;
	size_t n_units;
	const char *date_start, *date_end, *date_report, *valid_until;
	const char *confidentiality;
	enum rate_method method;
	const char *scope_description;
	const char **excluded;    /* indexed like model->pas: rationale, or NULL when in scope */
	struct ap_member *members;
	size_t n_members;
	struct ap_participant *participants;
	size_t n_participants;
	struct ap_project *projects;
	size_t n_projects;
	size_t n_area_slots;      /* length of each project's areas: model->n_pas */
	struct ap_evidence *evidence;
	size_t n_evidence;
	struct ap_finding *findings;
	size_t n_findings;
	struct target *target;    /* embedded target profile, or NULL */
	struct ap_record *record; /* NULL in a file without <record> (format 1) */
	struct ap_action *actions;
	size_t n_actions;
	GStringChunk *strings;
	GHashTable *evidence_index; /* id -> struct ap_evidence * */
};

/* Load an appraisal (root <appraisal>) and check it against the model and
 * schema (appraisal.xsd).  Every error is reported; NULL when there was any.
 * Lint-level findings that need no computed level (ratings without
 * evidence, evidence never cited) are reported as warnings.  Takes
 * ownership of doc in every case; the caller owns the result. */
struct appraisal *appraisal_from_doc(xmlDoc *doc, const char *path, const char sha256[65],
                                     const struct model *m, struct schema *schema,
                                     struct diag *d);
struct appraisal *appraisal_load(const char *path, const struct model *m,
                                 struct schema *schema, struct diag *d);
/* An appraisal as a template for rating: every check of appraisal_load but
 * those of a finished appraisal (no ratings, areas in scope or base
 * practices not rated, and the warnings about ratings and evidence), so a
 * frame written before the team rates anything loads.  Same contract. */
struct appraisal *appraisal_template_load(const char *path, const struct model *m,
                                          struct schema *schema, struct diag *d);
void appraisal_free(struct appraisal *a);

/* Load a target profile file (root <target-profile>); same contract. */
struct target *target_from_doc(xmlDoc *doc, const char *path, const char sha256[65],
                               const struct model *m, struct schema *schema, struct diag *d);
struct target *target_load(const char *path, const struct model *m, struct schema *schema,
                           struct diag *d);
void target_free(struct target *t);

/* The ids of an evidence list (an evidence attribute, any white space
 * between ids; NULL for none) separated by one space each, the form the
 * rating sheet and the workbook write.  g_free the result. */
char *appraisal_evidence_list(const char *list);

/* A date of the form YYYY-MM-DD (the schema's) as the products write dates
 * in prose: "9 January 2026".  g_free the result. */
char *appraisal_prose_date(const char *iso);

/* Index of a process area in model->pas, or -1. */
int appraisal_pa_index(const struct model *m, const struct model_pa *pa);

#endif
