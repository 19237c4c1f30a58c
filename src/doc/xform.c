/* XSLT transforms of our own templates, with file and network access forbidden and limits set. */
#include "doc/xform.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libexslt/exslt.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "load/xmlload.h"

/* Budgets that stop a runaway transform: deep enough for our templates,
 * far below what would exhaust the stack or the clock. */
#define XFORM_MAX_TEMPLATE_DEPTH 250
#define XFORM_MAX_XPATH_OPS 50000000UL

struct xform {
	xsltStylesheet *style;
	char *dir;       /* real path of the template's directory */
};

/* Where libxslt's messages go while a compile or transform runs. */
static struct {
	struct diag *diag;
	const char *file;
	GString *pending;   /* a message arriving in pieces */
	unsigned errors;
	const char *allowed_dir;
} sink;

static void
flush_pending(void)
{
	if (sink.pending == NULL || sink.pending->len == 0)
		return;
	sink.errors++;
	if (sink.diag != NULL)
		diag_report(sink.diag, sink.file, 0, 0, M_RELAYED(DIAG_ERROR, EXIT_INTERNAL),
		            sink.pending->str);
	g_string_truncate(sink.pending, 0);
}

/* libxslt reports through printf-style calls, sometimes a line in pieces. */
static void collect_error(void *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
collect_error(void *ctx, const char *fmt, ...)
{
	va_list ap;
	char *nl;

	(void)ctx;
	if (sink.pending == NULL)
		sink.pending = g_string_new(NULL);
	va_start(ap, fmt);
	g_string_append_vprintf(sink.pending, fmt, ap);
	va_end(ap);
	while ((nl = strchr(sink.pending->str, '\n')) != NULL) {
		*nl = '\0';
		if (sink.pending->str[0] != '\0') {
			sink.errors++;
			if (sink.diag != NULL)
				diag_report(sink.diag, sink.file, 0, 0,
				            M_RELAYED(DIAG_ERROR, EXIT_INTERNAL),
				            sink.pending->str);
		}
		g_string_erase(sink.pending, 0, (gssize)(nl - sink.pending->str) + 1);
	}
}

/* Stylesheet imports only from the template's own directory, through the
 * hardened loader; documents never. */
static xmlDoc *
load_only_templates(const xmlChar *uri, xmlDict *dict, int options, void *ctxt,
                    xsltLoadType type)
{
	char real[PATH_MAX], *dir;
	bool inside;

	(void)options;
	(void)ctxt;
	if (type != XSLT_LOAD_STYLESHEET || sink.allowed_dir == NULL ||
	    realpath((const char *)uri, real) == NULL) {
		collect_error(NULL, "refused to load '%s'\n", (const char *)uri);
		return NULL;
	}
	dir = g_path_get_dirname(real);
	inside = strcmp(dir, sink.allowed_dir) == 0;
	g_free(dir);
	if (!inside) {
		collect_error(NULL, "refused to load '%s': not a template of ours\n",
		              (const char *)uri);
		return NULL;
	}
	return xmlload_file_in_dict(real, dict, sink.diag);
}

static void
begin(struct diag *d, const char *file, const char *allowed_dir)
{
	static bool installed;

	if (!installed) {
		xsltSetGenericErrorFunc(NULL, collect_error);
		xsltSetLoaderFunc(load_only_templates);
		/* str:tokenize lets a template walk a list of ids with
		 * xsl:for-each instead of a recursion as deep as the list.  Only
		 * the string functions: no other EXSLT module is needed. */
		exsltStrRegister();
		installed = true;
	}
	sink.diag = d;
	sink.file = file;
	sink.errors = 0;
	sink.allowed_dir = allowed_dir;
}

static unsigned
end(void)
{
	unsigned errors;

	flush_pending();
	errors = sink.errors;
	sink.diag = NULL;
	sink.file = NULL;
	sink.allowed_dir = NULL;
	return errors;
}

struct xform *
xform_load(const char *path, struct diag *d)
{
	struct xform *x = g_new0(struct xform, 1);
	char real[PATH_MAX];
	xmlDoc *doc;
	unsigned errors;

	if (realpath(path, real) == NULL) {
		diag_report(d, path, 0, 0, M_TEMPLATE_MISSING);
		g_free(x);
		return NULL;
	}
	x->dir = g_path_get_dirname(real);
	doc = xmlload_file(real, NULL, d, NULL);
	if (doc == NULL) {
		xform_free(x);
		return NULL;
	}
	begin(d, path, x->dir);
	x->style = xsltParseStylesheetDoc(doc);
	errors = end();
	if (x->style == NULL || errors > 0 || x->style->errors > 0) {
		if (x->style == NULL)
			xmlFreeDoc(doc);
		diag_report(d, path, 0, 0, M_TEMPLATE_BROKEN);
		xform_free(x);
		return NULL;
	}
	return x;
}

void
xform_free(struct xform *x)
{
	if (x == NULL)
		return;
	if (x->style != NULL)
		xsltFreeStylesheet(x->style);
	g_free(x->dir);
	g_free(x);
}

static xsltSecurityPrefs *
forbid_everything(void)
{
	static xsltSecurityPrefs *prefs;

	if (prefs == NULL) {
		prefs = xsltNewSecurityPrefs();
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
		xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	}
	return prefs;
}

xmlDoc *
xform_apply(struct xform *x, xmlDoc *input, const char *const *params, struct diag *d)
{
	xsltTransformContext *ctxt;
	xmlDoc *out;
	unsigned errors;
	int state;
	bool op_limit_hit;

	ctxt = xsltNewTransformContext(x->style, input);
	if (ctxt == NULL) {
		diag_report(d, NULL, 0, 0, M_OUT_OF_MEMORY);
		return NULL;
	}
	xsltSetCtxtSecurityPrefs(forbid_everything(), ctxt);
	xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	ctxt->maxTemplateDepth = XFORM_MAX_TEMPLATE_DEPTH;
	ctxt->opLimit = XFORM_MAX_XPATH_OPS;
	if (ctxt->xpathCtxt != NULL)
		ctxt->xpathCtxt->opLimit = XFORM_MAX_XPATH_OPS;
	begin(d, (const char *)x->style->doc->URL, x->dir);
	xsltSetTransformErrorFunc(ctxt, NULL, collect_error);
	/* String parameters are quoted by libxslt, never evaluated. */
	if (params != NULL)
		xsltQuoteUserParams(ctxt, (const char **)params);
	out = xsltApplyStylesheetUser(x->style, input, NULL, NULL, NULL, ctxt);
	state = ctxt->state;
	op_limit_hit = ctxt->opCount >= XFORM_MAX_XPATH_OPS ||
	               (ctxt->xpathCtxt != NULL && ctxt->xpathCtxt->opCount >= XFORM_MAX_XPATH_OPS);
	errors = end();
	xsltFreeTransformContext(ctxt);
	if (out == NULL || errors > 0 || state != XSLT_STATE_OK) {
		/* Name the limit: libxslt's own words for it are about xsltproc. */
		if (op_limit_hit)
			diag_report(d, (const char *)x->style->doc->URL, 0, 0, M_XPATH_LIMIT,
			            XFORM_MAX_XPATH_OPS);
		else if (errors == 0)
			diag_report(d, (const char *)x->style->doc->URL, 0, 0,
			            M_TEMPLATE_DEPTH_LIMIT, XFORM_MAX_TEMPLATE_DEPTH);
		xmlFreeDoc(out);
		return NULL;
	}
	return out;
}

void
xform_cleanup(void)
{
	xsltCleanupGlobals();
	if (sink.pending != NULL)
		g_string_free(sink.pending, TRUE);
	sink.pending = NULL;
}
