/* Small helpers for building the documents the program makes: results, comparisons, indexes. */
#include "xmlbuild.h"

#include <stdio.h>

xmlNode *
xb_add(xmlNode *parent, const char *name)
{
	return xmlNewChild(parent, parent->ns, (const xmlChar *)name, NULL);
}

void
xb_set(xmlNode *node, const char *name, const char *value)
{
	if (value != NULL)
		xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

void
xb_set_int(xmlNode *node, const char *name, long value)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", value);
	xb_set(node, name, buf);
}
