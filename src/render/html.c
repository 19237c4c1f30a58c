/* The HTML writer: a product document becomes one self-contained HTML file. */
#include "render/html.h"

#include <string.h>

#include <glib.h>
#include <libxml/HTMLtree.h>

#include "datadir.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"
#include "render/chart_svg.h"

struct html_style {
	char *css;
	char *csp;   /* the Content-Security-Policy, with the style sheet's hash */
};

struct html_style *
html_style_load(struct diag *d)
{
	struct html_style *s;
	char *path = datadir_path("stylesheets/ssecmm.css");
	guint8 digest[32];
	gsize digest_len = sizeof digest;
	GChecksum *sum;
	gchar *b64;
	size_t len;
	char *css = xmlload_read_bytes(path, 1024 * 1024, &len, d);

	g_free(path);
	if (css == NULL)
		return NULL;
	s = g_new0(struct html_style, 1);
	s->css = css;
	sum = g_checksum_new(G_CHECKSUM_SHA256);
	g_checksum_update(sum, (const guchar *)css, (gssize)len);
	g_checksum_get_digest(sum, digest, &digest_len);
	g_checksum_free(sum);
	b64 = g_base64_encode(digest, digest_len);
	/* The page needs nothing but its own style sheet and inline images. */
	s->csp = g_strdup_printf("default-src 'none'; style-src 'sha256-%s'; img-src data:; "
	                         "base-uri 'none'; form-action 'none'", b64);
	g_free(b64);
	return s;
}

void
html_style_free(struct html_style *s)
{
	if (s == NULL)
		return;
	g_free(s->css);
	g_free(s->csp);
	g_free(s);
}

static xmlNode *
meta(xmlDoc *doc, const char *attr, const char *name, const char *content)
{
	xmlNode *m = xmlNewDocNode(doc, NULL, (const xmlChar *)"meta", NULL);

	xmlNewProp(m, (const xmlChar *)attr, (const xmlChar *)name);
	if (content != NULL)
		xmlNewProp(m, (const xmlChar *)"content", (const xmlChar *)content);
	return m;
}

/* charset first, the policy right after it (a policy applies only to what
 * follows it), then the rest; the style sheet last in the head. */
static void
fill_head(xmlDoc *doc, xmlNode *head, const struct html_style *style)
{
	xmlNode *first = head->children, *s;

	xmlAddPrevSibling(first, meta(doc, "charset", "utf-8", NULL));
	xmlAddPrevSibling(first, meta(doc, "http-equiv", "Content-Security-Policy", style->csp));
	xmlAddPrevSibling(first, meta(doc, "name", "referrer", "no-referrer"));
	xmlAddPrevSibling(first, meta(doc, "name", "viewport", "width=device-width, initial-scale=1"));
	s = xmlNewDocNode(doc, NULL, (const xmlChar *)"style", NULL);
	xmlAddChild(s, xmlNewDocText(doc, (const xmlChar *)style->css));
	xmlAddChild(head, s);
}

/* Fill every <div data-chart> with its chart; an unknown scope is a bug in
 * a template. */
static bool
fill_charts(xmlDoc *doc, xmlNode *node, chart_maker charts, void *ctx, unsigned *count,
            struct diag *d)
{
	for (xmlNode *c = node; c != NULL; c = c->next) {
		const char *scope;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xn_is(c, "div") && xn_attr(c, "data-chart") != NULL) {
			struct chart *chart;
			char *title = NULL, prefix[32];

			scope = xn_attr(c, "data-scope");
			chart = charts != NULL && scope != NULL ? charts(ctx, scope, &title) : NULL;
			if (chart == NULL) {
				diag_report(d, NULL, 0, 0, M_CHART_UNKNOWN_SCOPE,
				            scope ? scope : "");
				return false;
			}
			snprintf(prefix, sizeof prefix, "chart%u", ++*count);
			xmlAddChild(c, chart_svg(chart, doc, title, prefix));
			chart_free(chart);
			g_free(title);
			continue;
		}
		if (!fill_charts(doc, c->children, charts, ctx, count, d))
			return false;
	}
	return true;
}

bool
html_write(const xmlDoc *original, const struct html_style *style, chart_maker charts,
           void *ctx, struct output *o, struct diag *d)
{
	/* libxml2 takes no const document; the copy is the one changed. */
	xmlDoc *doc = xmlCopyDoc((xmlDoc *)original, 1);
	xmlNode *root = xmlDocGetRootElement(doc), *head = xn_child(root, "head");
	xmlOutputBuffer *buf;
	unsigned count = 0;
	const xmlChar *bytes;
	size_t len;

	if (!xn_is(root, "html") || head == NULL || head->children == NULL) {
		diag_report(d, NULL, 0, 0, M_NO_HTML_HEAD);
		xmlFreeDoc(doc);
		output_abort(o);
		return false;
	}
	fill_head(doc, head, style);
	if (!fill_charts(doc, root, charts, ctx, &count, d)) {
		xmlFreeDoc(doc);
		output_abort(o);
		return false;
	}
	buf = xmlAllocOutputBuffer(NULL);
	xmlOutputBufferWriteString(buf, "<!DOCTYPE html>\n");
	htmlNodeDumpFormatOutput(buf, doc, root, "UTF-8", 1);
	xmlOutputBufferWriteString(buf, "\n");
	xmlOutputBufferFlush(buf);
	bytes = xmlOutputBufferGetContent(buf);
	len = xmlOutputBufferGetSize(buf);
	output_write(o, bytes, len);
	xmlOutputBufferClose(buf);
	xmlFreeDoc(doc);
	return output_commit(o, d);
}
