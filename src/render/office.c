/* Editable office documents (DOCX, ODT): a product document made into a word processor's package by a template. */
#include "render/office.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>

#include "load/xmlnode.h"
#include "render/chart_cairo.h"
#include "render/chart_svg.h"
#include "render/package.h"

/* Print resolution of the chart images: sharp on paper, about 40 kB a chart. */
#define CHART_DPI 300.0

static const struct {
	const char *template;
	const char *media;   /* the package's folder of images */
	bool svg;            /* the chart as SVG too, with the PNG as its fallback */
} kinds[OFFICE_KINDS] = {
	[OFFICE_DOCX] = {"templates/docx.xsl", "word/media/", false},
	[OFFICE_ODT] = {"templates/odt.xsl", "Pictures/", true},
};

/* An image for the package: its part name and bytes. */
struct media {
	char *name;
	GByteArray *bytes;
};

static void
media_free(void *p)
{
	struct media *m = p;

	g_free(m->name);
	g_byte_array_unref(m->bytes);
	g_free(m);
}

const char *
office_template(enum office_kind kind)
{
	g_assert(kind < OFFICE_KINDS);
	return kinds[kind].template;
}

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static void
set_number(xmlNode *n, const char *name, double v)
{
	char buf[G_ASCII_DTOSTR_BUF_SIZE];

	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)g_ascii_formatd(buf, sizeof buf,
	                                                                       "%.1f", v));
}

static struct media *
media_new(const char *name)
{
	struct media *m = g_new0(struct media, 1);

	m->name = g_strdup(name);
	m->bytes = g_byte_array_new();
	return m;
}

/* What the template needs beside the document: the charts drawn, and
 * the targets of links numbered. */
struct prepared {
	enum office_kind kind;
	chart_maker charts;
	void *ctx;
	GPtrArray *media;   /* of struct media */
	GHashTable *drawn;  /* scope -> the first div of its chart, borrowed */
	unsigned n_ids, n_lists, n_figures;
};

static const char *const chart_attrs[] = {"data-image", "data-vector", "data-width",
                                          "data-height", "data-title"};

/* The SVG of chart in a new media part called name. */
static struct media *
svg_media(const struct chart *chart, const char *title, const char *name, unsigned n)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	struct media *svg = media_new(name);
	xmlChar *mem = NULL;
	char prefix[32];
	int len = 0;

	snprintf(prefix, sizeof prefix, "chart%u", n);
	xmlDocSetRootElement(doc, chart_svg(chart, doc, title, prefix));
	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	xmlFreeDoc(doc);
	g_byte_array_append(svg->bytes, mem, (guint)len);
	xmlFree(mem);
	return svg;
}

/* Draw the chart div asks for (<div data-chart data-scope>) into p->media
 * and tell the template where it is: div gets data-image (the PNG's part
 * name), data-vector (the SVG's, ODT only), data-width and data-height
 * (points) and data-title (its accessible name), and data-drawn when this
 * div's chart is new: a scope drawn before is not drawn again, the package
 * holds each image once.  An unknown scope is a bug in a template. */
static bool
draw_chart(xmlNode *div, struct prepared *p, struct diag *d)
{
	const char *scope = xn_attr(div, "data-scope");
	const xmlNode *before = scope != NULL ? g_hash_table_lookup(p->drawn, scope) : NULL;
	unsigned n = g_hash_table_size(p->drawn) + 1;
	struct chart *chart;
	struct media *png;
	char *title = NULL, *name;
	bool ok;

	if (before != NULL) {
		for (size_t i = 0; i < G_N_ELEMENTS(chart_attrs); i++)
			if (xn_attr(before, chart_attrs[i]) != NULL)
				xmlSetProp(div, (const xmlChar *)chart_attrs[i],
				           (const xmlChar *)xn_attr(before, chart_attrs[i]));
		return true;
	}
	chart = p->charts != NULL && scope != NULL ? p->charts(p->ctx, scope, &title) : NULL;
	if (chart == NULL) {
		diag_report(d, NULL, 0, 0, M_CHART_UNKNOWN_SCOPE, scope ? scope : "");
		return false;
	}
	name = g_strdup_printf("%schart%u.png", kinds[p->kind].media, n);
	png = media_new(name);
	g_free(name);
	g_ptr_array_add(p->media, png);
	ok = chart_cairo_png(chart, CHART_DPI / 72.0, append_bytes, png->bytes) ==
	     CAIRO_STATUS_SUCCESS;
	if (!ok)
		diag_report(d, NULL, 0, 0, M_CANNOT_DRAW, "chart image");
	else {
		xmlSetProp(div, (const xmlChar *)"data-image", (const xmlChar *)png->name);
		if (kinds[p->kind].svg) {
			struct media *svg;

			name = g_strdup_printf("%schart%u.svg", kinds[p->kind].media, n);
			svg = svg_media(chart, title, name, n);
			g_free(name);
			g_ptr_array_add(p->media, svg);
			xmlSetProp(div, (const xmlChar *)"data-vector", (const xmlChar *)svg->name);
		}
		set_number(div, "data-width", chart->width);
		set_number(div, "data-height", chart->height);
		xmlSetProp(div, (const xmlChar *)"data-title", (const xmlChar *)title);
		xmlSetProp(div, (const xmlChar *)"data-drawn", (const xmlChar *)"yes");
		g_hash_table_insert(p->drawn, (gpointer)scope, div);
	}
	chart_free(chart);
	g_free(title);
	return ok;
}

static void
set_count(xmlNode *n, const char *name, unsigned *counter)
{
	char number[32];

	snprintf(number, sizeof number, "%u", ++*counter);
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)number);
}

/* Number, in document order, the elements under node that the packages
 * refer to by number (counting in the template would walk the document
 * for each, and a large appraisal would run out of the transform's
 * budget): data-anchor on each element with an id (a DOCX bookmark's
 * w:id), data-list on each <ol> (its DOCX numbering), data-figure on each
 * chart (a drawing's id); and draw the charts. */
static bool
prepare(xmlNode *node, struct prepared *p, struct diag *d)
{
	for (xmlNode *c = node; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xn_attr(c, "id") != NULL)
			set_count(c, "data-anchor", &p->n_ids);
		if (xn_is(c, "ol"))
			set_count(c, "data-list", &p->n_lists);
		if (xn_is(c, "div") && xn_attr(c, "data-chart") != NULL) {
			set_count(c, "data-figure", &p->n_figures);
			if (!draw_chart(c, p, d))
				return false;
		} else if (!prepare(c->children, p, d)) {
			return false;
		}
	}
	return true;
}

/* SOURCE_DATE_EPOCH (checked when the command started), or the time now. */
static time_t
package_date(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");

	if (epoch == NULL || *epoch == '\0')
		return time(NULL);
	return (time_t)g_ascii_strtoll(epoch, NULL, 10);
}

/* Declare each namespace used under root once, on root, as office files
 * do: a copied element declares every namespace it uses that its copy has
 * no ancestor for, and a large part would repeat one on every element.
 * One walk in document order: a declaration is met before its uses, moved
 * to root, or dropped when root has the same one (moved maps the dropped
 * declaration to root's), and each use is mapped as it is met. */
static void
hoist_namespaces(xmlNode *root, xmlNode *n, GHashTable *moved)
{
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		xmlNs **link = &c->nsDef, *to;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		while (*link != NULL) {
			xmlNs *ns = *link, *above = xmlSearchNs(root->doc, root, ns->prefix);

			if (above == NULL) {
				*link = ns->next;
				ns->next = root->nsDef;
				root->nsDef = ns;
			} else if (xmlStrEqual(above->href, ns->href)) {
				*link = ns->next;
				ns->next = NULL;
				g_hash_table_insert(moved, ns, above);
			} else {
				link = &ns->next;
			}
		}
		if (c->ns != NULL && (to = g_hash_table_lookup(moved, c->ns)) != NULL)
			c->ns = to;
		for (xmlAttr *a = c->properties; a != NULL; a = a->next)
			if (a->ns != NULL && (to = g_hash_table_lookup(moved, a->ns)) != NULL)
				a->ns = to;
		hoist_namespaces(root, c, moved);
	}
}

/* The dropped declarations, freed once nothing points to them. */
static void
free_namespace(void *ns)
{
	xmlFreeNs(ns);
}

/* Add the parts of the template's result (<parts><part name [stored]>,
 * each holding one element, serialised as a document of its own, or text)
 * to p, in order. */
static bool
add_parts(struct package *p, xmlDoc *parts, struct diag *d)
{
	xmlNode *root = xmlDocGetRootElement(parts);

	for (xmlNode *part = root != NULL ? root->children : NULL; part != NULL; part = part->next) {
		const char *name = xn_attr(part, "name");
		xmlNode *el = part->children;
		xmlChar *mem = NULL;
		int len = 0;
		bool ok;

		if (part->type != XML_ELEMENT_NODE)
			continue;
		while (el != NULL && el->type != XML_ELEMENT_NODE)
			el = el->next;
		if (el != NULL) {
			xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
			GHashTable *moved = g_hash_table_new_full(NULL, NULL, free_namespace, NULL);

			xmlDocSetRootElement(doc, xmlDocCopyNode(el, doc, 1));
			hoist_namespaces(doc->children, doc->children, moved);
			g_hash_table_destroy(moved);
			xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
			xmlFreeDoc(doc);
		} else {
			mem = xmlNodeGetContent(part);
			len = mem != NULL ? (int)strlen((const char *)mem) : 0;
		}
		ok = name != NULL && mem != NULL &&
		     package_add(p, name, mem, (size_t)len, xn_attr(part, "stored") != NULL);
		xmlFree(mem);
		if (!ok) {
			diag_report(d, NULL, 0, 0, M_PACKAGE_PART_BAD, name != NULL ? name : "");
			return false;
		}
	}
	return true;
}

bool
office_write(struct xform *x, enum office_kind kind, const xmlDoc *original,
             enum typeset_paper paper, chart_maker charts, void *ctx, struct output *o,
             struct diag *d)
{
	/* libxml2 takes no const document; the copy is the one changed. */
	xmlDoc *doc = xmlCopyDoc((xmlDoc *)original, 1), *parts = NULL;
	GPtrArray *media = g_ptr_array_new_with_free_func(media_free);
	struct prepared prep = {kind, charts, ctx, media, g_hash_table_new(g_str_hash, g_str_equal),
	                        0, 0, 0};
	struct package *p = NULL;
	time_t date = package_date();
	struct tm tm;
	char stamp[32];
	const char *params[] = {"paper", paper == PAPER_LETTER ? "letter" : "a4", "date", stamp,
	                        NULL};
	bool ok;

	gmtime_r(&date, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);

	ok = prepare(xmlDocGetRootElement(doc), &prep, d);
	if (ok)
		ok = (parts = xform_apply(x, doc, params, d)) != NULL;
	if (ok) {
		p = package_new(date);
		ok = add_parts(p, parts, d);
	}
	for (guint i = 0; ok && i < media->len; i++) {
		const struct media *m = g_ptr_array_index(media, i);

		/* PNG is compressed already. */
		if (!package_add(p, m->name, m->bytes->data, m->bytes->len,
		                 g_str_has_suffix(m->name, ".png"))) {
			diag_report(d, NULL, 0, 0, M_PACKAGE_PART_BAD, m->name);
			ok = false;
		}
	}
	g_hash_table_destroy(prep.drawn);
	xmlFreeDoc(parts);
	xmlFreeDoc(doc);
	g_ptr_array_unref(media);
	if (!ok) {
		package_free(p);
		output_abort(o);
		return false;
	}
	return package_write(p, o, d);
}
