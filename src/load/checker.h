/* The state shared by the loaders of appraisal-format files (appraisal, record, target profile): messages at a line, strings kept with the loaded object. */
#ifndef SSECMM_LOAD_CHECKER_H
#define SSECMM_LOAD_CHECKER_H

#include <stdbool.h>

#include <glib.h>
#include <libxml/tree.h>

#include "diag.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "load/xmlload.h"

struct checker {
	struct diag *d;
	const char *file;
	const struct model *m;
	GStringChunk *strings;   /* where kept strings live: the loaded object's */
	unsigned errors;
};

/* Raise a message of messages.h at a line of the file; errors are counted. */
void checker_report(struct checker *C, long line, enum diag_severity sev, enum exit_status status,
                    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Raise a message of messages.h at the line of node. */
#define report_at(C, node, ...) checker_report((C), xmlload_line(node), __VA_ARGS__)

/* s copied into C->strings (NULL stays NULL). */
const char *checker_keep(struct checker *C, const char *s);
/* The attribute name of node, kept; NULL when absent. */
const char *checker_attr(struct checker *C, const xmlNode *node, const char *name);
/* Folded text of the child element name, kept, or NULL when there is none. */
const char *checker_text(struct checker *C, const xmlNode *parent, const char *name);
/* Is the root of doc the element name in the appraisal namespace? */
bool checker_has_root(xmlDoc *doc, const char *name);

/* The loaders of record.c and target.c that appraisal.c calls. */
void load_record(struct checker *C, struct appraisal *a, const xmlNode *root);
void load_actions(struct checker *C, struct appraisal *a, const xmlNode *root);
void load_target_content(struct checker *C, struct target *t, const xmlNode *node);

#endif
