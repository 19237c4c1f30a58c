/* XML Schema (XSD) validation of loaded documents, with errors as diagnostics. */
#include "load/schema.h"

#include <string.h>

#include <glib.h>
#include <libxml/xmlschemas.h>

#include "load/xmlload.h"

struct schema {
	xmlDoc *doc;
	xmlSchemaParserCtxt *pctxt;
	xmlSchema *xsd;
};

struct report_ctx {
	struct diag *diag;
	const char *display;
	unsigned errors;
};

/* "Element '{urn:ssecmm:model:1}goal'" reads better as "Element 'goal'";
 * other namespaces (XInclude, say) stay, so the reader sees what it was. */
static void
strip_namespaces(char *msg)
{
	static const char *const ours[] = {"{urn:ssecmm:model:1}", "{urn:ssecmm:appraisal:1}"};
	char *at;
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(ours); i++)
		while ((at = strstr(msg, ours[i])) != NULL)
			memmove(at, at + strlen(ours[i]), strlen(at + strlen(ours[i])) + 1);
}

/* In a pattern or enumeration violation the rejected value is an identifier
 * or a keyword; show its
 * non-ASCII characters as code points, so a Cyrillic "РА01" cannot pass
 * for "PA01" in the message. */
static char *
reveal_non_ascii(const char *msg)
{
	GString *out = g_string_new(NULL);
	const char *p;

	for (p = msg; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char_validated(p, -1);

		if ((unsigned char)*p < 0x80)
			g_string_append_c(out, *p);
		else if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		else
			g_string_append_printf(out, "\\u{%04X}", (unsigned)c);
	}
	return g_string_free(out, FALSE);
}

static void
report_validity(void *ctx, xmlError *e)
{
	struct report_ctx *rc = ctx;
	char *msg;
	long line;

	if (e == NULL)
		return;
	msg = g_strdup(e->message ? e->message : "schema violation");
	strip_namespaces(msg);
	if (strstr(msg, "[facet 'pattern']") != NULL ||
	    strstr(msg, "[facet 'enumeration']") != NULL) {
		char *shown = reveal_non_ascii(msg);

		g_free(msg);
		msg = shown;
	}
	line = e->line > 0 ? e->line : xmlload_line(e->node);
	if (e->level == XML_ERR_WARNING) {
		diag_report(rc->diag, rc->display, line, 0, M_RELAYED(DIAG_WARNING, EXIT_OK),
		            msg);
	} else {
		rc->errors++;
		diag_report(rc->diag, rc->display, line, 0, M_RELAYED(DIAG_ERROR, EXIT_INVALID),
		            msg);
	}
	g_free(msg);
}

struct schema *
schema_load(const char *path, struct diag *d)
{
	struct schema *s = g_new0(struct schema, 1);
	struct report_ctx rc = {d, path, 0};

	s->doc = xmlload_file(path, NULL, d, NULL);
	if (s->doc == NULL)
		goto fail;
	s->pctxt = xmlSchemaNewDocParserCtxt(s->doc);
	if (s->pctxt == NULL)
		goto fail;
	xmlSchemaSetParserStructuredErrors(s->pctxt, report_validity, &rc);
	s->xsd = xmlSchemaParse(s->pctxt);
	if (s->xsd == NULL || rc.errors > 0) {
		if (rc.errors == 0)
			diag_report(d, path, 0, 0, M_SCHEMA_BROKEN);
		goto fail;
	}
	return s;
fail:
	schema_free(s);
	return NULL;
}

void
schema_free(struct schema *s)
{
	if (s == NULL)
		return;
	xmlSchemaFree(s->xsd);
	xmlSchemaFreeParserCtxt(s->pctxt);
	xmlFreeDoc(s->doc);
	g_free(s);
}

bool
schema_validate(struct schema *s, xmlDoc *doc, const char *display, struct diag *d)
{
	struct report_ctx rc = {d, display, 0};
	xmlSchemaValidCtxt *v;
	int rv;

	v = xmlSchemaNewValidCtxt(s->xsd);
	if (v == NULL) {
		diag_report(d, display, 0, 0, M_OUT_OF_MEMORY);
		return false;
	}
	xmlSchemaSetValidStructuredErrors(v, report_validity, &rc);
	rv = xmlSchemaValidateDoc(v, doc);
	xmlSchemaFreeValidCtxt(v);
	if (rv != 0 && rc.errors == 0)
		diag_report(d, display, 0, 0, M_SCHEMA_MISMATCH);
	return rv == 0 && rc.errors == 0;
}
