/* Small helpers for building the documents the program makes: results, comparisons, indexes. */
#ifndef SSECMM_XMLBUILD_H
#define SSECMM_XMLBUILD_H

#include <libxml/tree.h>

/* A new child element of parent, in parent's namespace. */
xmlNode *xb_add(xmlNode *parent, const char *name);

/* Set attribute name to value; nothing when value is NULL.  The value is
 * data: xmlNewProp stores it as text and the serialiser escapes it. */
void xb_set(xmlNode *node, const char *name, const char *value);

/* Set attribute name to a file name: the file system allows any bytes, a
 * document only characters.  Invalid UTF-8 and the characters XML 1.0
 * cannot hold (C0 controls, U+FFFE, U+FFFF) become U+FFFD, the same on
 * every machine and in every locale. */
void xb_set_file_name(xmlNode *node, const char *name, const char *file_name);

/* Set attribute name to a number in decimal. */
void xb_set_int(xmlNode *node, const char *name, long value);

#endif
