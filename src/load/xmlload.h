/* Hardened XML loading: every XML file the program reads enters here. */
#ifndef SSECMM_XMLLOAD_H
#define SSECMM_XMLLOAD_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

/* Resource limits applied while parsing; each breach is reported with the
 * limit's name and value and exit status EXIT_LIMIT. */
struct xml_limits {
	size_t max_bytes;             /* size of the file */
	unsigned max_depth;           /* element nesting */
	unsigned long max_elements;   /* elements in the document */
	unsigned max_attributes;      /* attributes on one element */
	size_t max_appraisal_bytes;   /* size of an appraisal (0: max_bytes) */
	/* A part of another format (an office document's), not one of the
	 * program's own: its xml: attributes (xml:space) are its own business
	 * and are not checked. */
	bool other_format;
};

extern const struct xml_limits xmlload_default_limits;

/* Install the process-wide libxml2 settings: no catalogs, an external entity
 * loader that refuses everything, no default error printer.  Call once before
 * any other libxml2 or libxslt use; xmlload_cleanup() undoes it at exit. */
void xmlload_init(void);
void xmlload_cleanup(void);

/* Parse buf as an XML document named display in diagnostics.  Accepts the
 * document only when it is well formed, namespace well formed, carries no
 * DOCTYPE, contains no NUL byte, is not compressed, and stays within limits;
 * otherwise reports every problem to d and returns NULL.  The caller owns
 * the returned tree (xmlFreeDoc). */
xmlDoc *xmlload_memory(const char *buf, size_t len, const char *display,
                       const struct xml_limits *limits, struct diag *d);

/* Read path (a regular file, or standard input when path is "-") and parse it
 * as xmlload_memory does.  When sha256 is not NULL it receives the file's
 * SHA-256 as 64 lowercase hex digits and a NUL. */
xmlDoc *xmlload_file(const char *path, const struct xml_limits *limits,
                     struct diag *d, char sha256[65]);

/* As xmlload_file, parsing into the dictionary dict (for libxslt, which
 * wants a stylesheet's imports in the stylesheet's dictionary).  UTF-8 only. */
xmlDoc *xmlload_file_in_dict(const char *path, xmlDict *dict, struct diag *d);

/* Read a whole regular file (or "-") into a newly allocated buffer, with the
 * same checks on file type and size.  Returns NULL after reporting. */
char *xmlload_read_bytes(const char *path, size_t max_bytes, size_t *len, struct diag *d);

/* Line of a node for diagnostics (0 when unknown). */
long xmlload_line(const xmlNode *node);

#endif
