/* Small read-only helpers for walking checked libxml2 trees by element name. */
#include "load/xmlnode.h"

#include <string.h>

#include <glib.h>

bool
xn_is(const xmlNode *node, const char *name)
{
	return node != NULL && node->type == XML_ELEMENT_NODE &&
	       (name == NULL || strcmp((const char *)node->name, name) == 0);
}

xmlNode *
xn_child(const xmlNode *parent, const char *name)
{
	xmlNode *c;

	if (parent == NULL)
		return NULL;
	for (c = parent->children; c != NULL; c = c->next)
		if (xn_is(c, name))
			return c;
	return NULL;
}

xmlNode *
xn_next(const xmlNode *node, const char *name)
{
	xmlNode *c;

	for (c = node->next; c != NULL; c = c->next)
		if (xn_is(c, name))
			return c;
	return NULL;
}

unsigned
xn_count(const xmlNode *parent, const char *name)
{
	unsigned n = 0;

	xn_each(c, parent, name)
		n++;
	return n;
}

const char *
xn_attr(const xmlNode *node, const char *name)
{
	const xmlAttr *a;

	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return NULL;
	for (a = node->properties; a != NULL; a = a->next) {
		if (a->ns == NULL && strcmp((const char *)a->name, name) == 0) {
			if (a->children == NULL)
				return "";
			if (a->children->type == XML_TEXT_NODE && a->children->next == NULL)
				return (const char *)a->children->content;
			return NULL;
		}
	}
	return NULL;
}

char *
xn_text(const xmlNode *node)
{
	xmlChar *raw = xmlNodeGetContent(node);
	GString *out = g_string_new(NULL);
	const char *p;
	bool space = false;

	for (p = raw ? (const char *)raw : ""; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = false;
		g_string_append_c(out, *p);
	}
	xmlFree(raw);
	return g_string_free(out, FALSE);
}
