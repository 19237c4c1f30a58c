/* The state shared by the loaders of appraisal-format files: messages at a line, strings kept. */
#include "load/checker.h"

#include <stdarg.h>
#include <string.h>

#include "load/xmlnode.h"

void
checker_report(struct checker *C, long line, enum diag_severity sev, enum exit_status status,
               const char *fmt, ...)
{
	va_list ap;

	if (sev != DIAG_WARNING)
		C->errors++;
	va_start(ap, fmt);
	diag_vreport(C->d, C->file, line, 0, sev, status, fmt, ap);
	va_end(ap);
}

const char *
checker_keep(struct checker *C, const char *s)
{
	return s != NULL ? g_string_chunk_insert_const(C->strings, s) : NULL;
}

const char *
checker_attr(struct checker *C, const xmlNode *node, const char *name)
{
	return checker_keep(C, xn_attr(node, name));
}

const char *
checker_text(struct checker *C, const xmlNode *parent, const char *name)
{
	xmlNode *child = xn_child(parent, name);
	char *t;
	const char *kept;

	if (child == NULL)
		return NULL;
	t = xn_text(child);
	kept = checker_keep(C, t);
	g_free(t);
	return kept;
}

bool
checker_has_root(xmlDoc *doc, const char *name)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	return xn_is(root, name) && root->ns != NULL &&
	       strcmp((const char *)root->ns->href, APPRAISAL_NS) == 0;
}
