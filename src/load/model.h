/* The SSE-CMM model: loaded from XML, checked, and indexed by id. */
#ifndef SSECMM_MODEL_H
#define SSECMM_MODEL_H

#include <stddef.h>

#include <glib.h>
#include <libxml/tree.h>

#include "diag.h"
#include "load/schema.h"

#define MODEL_LEVELS 6 /* capability levels 0 to 5 */

struct model_gp {
	const char *id;     /* "GP-2.1.1": the XML id and anchor */
	const char *label;  /* "GP 2.1.1": as people write it */
	const char *title;
	int level;
	const char *cf_id;
};

struct model_cf {
	const char *id;     /* "CF-2.1" */
	const char *label;  /* "CF 2.1" */
	const char *title;
	int level;
};

struct model_bp {
	const char *id;     /* "BP.05.02" */
	const char *title;
};

struct model_pa {
	const char *id;       /* "PA05" */
	const char *title;
	const char *category; /* "security", "project" or "organization" */
	struct model_bp *bps;
	size_t n_bps;
	size_t n_goals;
};

/* A loaded model.  All strings are owned by the model and live until
 * model_free(); doc is the checked tree, kept for the handbook transform. */
struct model {
	xmlDoc *doc;
	char *path;
	char sha256[65];
	const char *title;
	const char *short_title;
	const char *standard;
	const char *model_version;
	const char *data_version;
	const char *level_titles[MODEL_LEVELS];
	struct model_cf *cfs;
	size_t n_cfs;
	struct model_gp *gps;   /* in level, common feature, sequence order */
	size_t n_gps;
	struct model_pa *pas;   /* in id order */
	size_t n_pas;
	size_t n_bps;           /* over all process areas */
	size_t n_goals;
	size_t n_terms;
	GStringChunk *strings;
	GHashTable *pa_index;   /* id -> struct model_pa * */
	GHashTable *bp_index;   /* id -> struct model_bp * */
	GHashTable *bp_pa;      /* bp id -> struct model_pa * */
	GHashTable *gp_index;   /* id -> struct model_gp * */
};

/* Load the model file at path, validate it against schema (model.xsd) and
 * check what a schema cannot: ids unique across the model, references that
 * resolve (a link to a glossary term names a defined term), related areas and
 * the areas generic practices rely on are process areas of the model, ids
 * consistent with their parents, levels and sequences in order.
 * Every problem is reported; returns NULL if there was any.  The caller owns
 * the result (model_free). */
struct model *model_load(const char *path, struct schema *schema, struct diag *d);
void model_free(struct model *m);

/* As model_load, for a document already loaded by xmlload_file from path
 * with the given SHA-256; takes ownership of doc in every case. */
struct model *model_from_doc(xmlDoc *doc, const char *path, const char sha256[65],
                             struct schema *schema, struct diag *d);

/* Namespace of model files. */
#define MODEL_NS "urn:ssecmm:model:1"

/* Look-ups by id; NULL when absent.  GP ids are accepted as "GP-2.1.1" or
 * "GP 2.1.1". */
const struct model_pa *model_pa(const struct model *m, const char *id);
const struct model_bp *model_bp(const struct model *m, const char *id);
const struct model_pa *model_bp_area(const struct model *m, const char *bp_id);
const struct model_gp *model_gp(const struct model *m, const char *id);

/* Index of level's first generic practice in m->gps and how many there are. */
size_t model_level_gps(const struct model *m, int level, size_t *first);

#endif
