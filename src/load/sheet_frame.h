/* The template appraisal a rating sheet is imported into: its projects, evidence, scope and claimed levels. */
#ifndef SSECMM_SHEET_FRAME_H
#define SSECMM_SHEET_FRAME_H

#include <stdbool.h>

#include <glib.h>
#include <libxml/tree.h>

#include "diag.h"
#include "load/model.h"

/* The level a template's team claimed for one project's area, kept across
 * the replacement of its ratings. */
struct sheet_claim {
	char *level;
	long line;               /* of the template's <process-area>, for its errors */
};

/* What the sheet is checked against, read from the template before it is
 * validated: every look-up tolerates what the final check will report. */
struct sheet_frame {
	const char *display;
	xmlDoc *doc;             /* owned until taken (then NULL) */
	xmlNode *root;
	bool iso15504;
	GPtrArray *project_ids;  /* const char *, in the template's order */
	GHashTable *projects;    /* id -> index + 1 */
	GHashTable *evidence;    /* id -> id */
	bool *excluded;          /* indexed like model->pas */
	GHashTable *claims;      /* "project\nPA" -> struct sheet_claim * */
};

/* Load the template at path (a file or "-") into f, which the caller
 * zero-initialised; false after reporting to d.  sheet_frame_free releases
 * f whether the load succeeded or not. */
bool sheet_frame_load(struct sheet_frame *f, const char *path, const struct model *m,
                      struct diag *d);
void sheet_frame_free(struct sheet_frame *f);

#endif
