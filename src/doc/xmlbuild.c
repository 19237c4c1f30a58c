/* Small helpers for building the documents the program makes: results, comparisons, indexes. */
#include "doc/xmlbuild.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

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

void
xb_set_file_name(xmlNode *node, const char *name, const char *file_name)
{
	char *valid = g_utf8_make_valid(file_name, -1);
	GString *text = g_string_sized_new(strlen(valid));
	const char *p;

	for (p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
			g_string_append_unichar(text, 0xFFFD);
		else
			g_string_append_len(text, p, g_utf8_next_char(p) - p);
	}
	xb_set(node, name, text->str);
	g_string_free(text, TRUE);
	g_free(valid);
}
