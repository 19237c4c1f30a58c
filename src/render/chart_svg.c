/* Charts as SVG elements, text kept as text. */
#include "render/chart_svg.h"

#include <stdio.h>

#include <glib.h>

#define SVG_NS "http://www.w3.org/2000/svg"

static void
set_num(xmlNode *n, const char *name, double v)
{
	char buf[32];

	/* C locale formatting, two decimals: the same bytes everywhere. */
	g_ascii_formatd(buf, sizeof buf, "%.2f", v);
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)buf);
}

static void
set_color(xmlNode *n, const char *name, unsigned rgb)
{
	char buf[16];

	if (rgb == CHART_NONE)
		snprintf(buf, sizeof buf, "none");
	else
		snprintf(buf, sizeof buf, "#%06X", rgb);
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)buf);
}

static void
set(xmlNode *n, const char *name, const char *value)
{
	xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

xmlNode *
chart_svg(const struct chart *c, xmlDoc *doc, const char *title, const char *id_prefix)
{
	xmlNode *svg = xmlNewDocNode(doc, NULL, (const xmlChar *)"svg", NULL);
	xmlNs *ns = xmlNewNs(svg, (const xmlChar *)SVG_NS, NULL);
	xmlNode *t;
	char *title_id = g_strdup_printf("%s-title", id_prefix);
	char viewbox[96], w[32], h[32];
	size_t i;

	xmlSetNs(svg, ns);
	g_ascii_formatd(w, sizeof w, "%.2f", c->width);
	g_ascii_formatd(h, sizeof h, "%.2f", c->height);
	snprintf(viewbox, sizeof viewbox, "0 0 %s %s", w, h);
	set(svg, "viewBox", viewbox);
	set(svg, "width", w);
	set(svg, "height", h);
	set(svg, "role", "img");
	set(svg, "aria-labelledby", title_id);
	set(svg, "font-family", "DejaVu Sans, Verdana, sans-serif");
	t = xmlNewTextChild(svg, ns, (const xmlChar *)"title", (const xmlChar *)title);
	set(t, "id", title_id);
	g_free(title_id);

	for (i = 0; i < c->n_shapes; i++) {
		const struct chart_shape *s = &c->shapes[i];
		const struct chart_style *st = chart_style(s->role);
		xmlNode *n;

		switch (s->kind) {
		case CHART_RECT:
			n = xmlNewChild(svg, ns, (const xmlChar *)"rect", NULL);
			set_num(n, "x", s->x);
			set_num(n, "y", s->y);
			set_num(n, "width", s->w);
			set_num(n, "height", s->h);
			set_color(n, "fill", st->fill);
			break;
		case CHART_LINE:
			n = xmlNewChild(svg, ns, (const xmlChar *)"line", NULL);
			set_num(n, "x1", s->x);
			set_num(n, "y1", s->y);
			set_num(n, "x2", s->x + s->w);
			set_num(n, "y2", s->y + s->h);
			break;
		default:
			n = xmlNewTextChild(svg, ns, (const xmlChar *)"text", (const xmlChar *)s->text);
			set_num(n, "x", s->x);
			set_num(n, "y", s->y);
			set_num(n, "font-size", st->font_size);
			set_color(n, "fill", st->fill);
			if (s->anchor != CHART_START)
				set(n, "text-anchor", s->anchor == CHART_MIDDLE ? "middle" : "end");
			continue;
		}
		if (st->stroke != CHART_NONE) {
			set_color(n, "stroke", st->stroke);
			set_num(n, "stroke-width", st->stroke_width);
			if (st->dashed)
				set(n, "stroke-dasharray", "2 1.5");
		}
	}
	return svg;
}
