/* Small read-only helpers for walking checked libxml2 trees by element name. */
#ifndef SSECMM_XMLNODE_H
#define SSECMM_XMLNODE_H

#include <stdbool.h>

#include <libxml/tree.h>

/* True when node is an element with local name `name`. */
bool xn_is(const xmlNode *node, const char *name);

/* First child element named name (any element when name is NULL), or NULL. */
xmlNode *xn_child(const xmlNode *parent, const char *name);

/* Next sibling element after node named name (any when NULL), or NULL. */
xmlNode *xn_next(const xmlNode *node, const char *name);

/* Number of child elements named name. */
unsigned xn_count(const xmlNode *parent, const char *name);

/* Attribute value without namespace, or NULL; the pointer is into the tree
 * and lives as long as it (attributes hold a single text child once parsed
 * without entities). */
const char *xn_attr(const xmlNode *node, const char *name);

/* Text content of node with surrounding white space removed and inner runs
 * of white space folded to one space; newly allocated (g_free). */
char *xn_text(const xmlNode *node);

#define xn_each(var, parent, name) \
	for (xmlNode *var = xn_child((parent), (name)); var != NULL; var = xn_next(var, (name)))

#endif
