/* The PDF typesetter: a product document laid out with pango and drawn with cairo. */
#include "typeset.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "chart_cairo.h"
#include "flow.h"
#include "fonts.h"
#include "lang.h"
#include "pdf.h"
#include "xmlnode.h"

/* ---- the page style table ---- */

#define FONT "DejaVu Sans"
#define MONO "DejaVu Sans Mono"
#define NONE 0xFFFFFFFFu

static const struct {
	double width, height;
} papers[] = {{595.28, 841.89}, {612.0, 792.0}};

#define MARGIN_X 54.0
#define MARGIN_TOP 62.0
#define MARGIN_BOTTOM 58.0
#define LIST_INDENT 16.0
#define TOC_NUMBER_WIDTH 36.0
#define CELL_PAD_X 4.0
#define COMPACT_PAD_X 1.5 /* tables of class "compact": many narrow columns */
#define CELL_PAD_Y 2.5
#define LONG_RUN 40 /* characters without a break before one is offered */

enum style {
	S_BODY, S_SMALL, S_H1, S_H2, S_H3, S_H4, S_CELL, S_CELL_HEAD, S_CAPTION, S_COVER_H1,
	S_STYLES
};

static const struct style_row {
	double size;
	bool bold;
	bool italic;
	unsigned color;
	double space_before, space_after;
	double line_spacing;
} styles[S_STYLES] = {
	[S_BODY] = {9.5, false, false, 0x1F2328, 0, 5, 1.25},
	[S_SMALL] = {8.0, false, false, 0x57606A, 0, 3, 1.2},
	[S_H1] = {19, true, false, 0x0F3C73, 0, 8, 1.1},
	[S_H2] = {15, true, false, 0x0F3C73, 14, 6, 1.1},
	[S_H3] = {12, true, false, 0x0F3C73, 11, 4, 1.1},
	[S_H4] = {10, true, false, 0x0F3C73, 8, 3, 1.1},
	[S_CELL] = {8.0, false, false, 0x1F2328, 0, 0, 1.15},
	[S_CELL_HEAD] = {8.0, true, false, 0x1F2328, 0, 0, 1.15},
	[S_CAPTION] = {8.5, true, false, 0x57606A, 4, 3, 1.2},
	[S_COVER_H1] = {26, true, false, 0x0F3C73, 120, 14, 1.1},
};

/* Colours of rating, level and gap badges: the style sheet's. */
static const struct {
	const char *cls;
	unsigned bg, fg;
	bool bold;
} badges[] = {
	{"rating-F", 0xD1F0D9, 0x0B4A1D, true}, {"rating-L", 0xE3F2C8, 0x34520B, true},
	{"rating-P", 0xFFF1C2, 0x6B4E00, true}, {"rating-N", 0xFFD9D6, 0x8A1C12, true},
	{"rating-NA", 0xE8EAED, 0x3C4043, true}, {"rating-unrated", NONE, 0x57606A, false},
	{"level-0", 0xDCE6F2, 0x1F2328, true}, {"level-1", 0xB3CDE8, 0x1F2328, true},
	{"level-2", 0x7FAAD6, 0x0B1F33, true}, {"level-3", 0x4A86C5, 0x04101C, true},
	{"level-4", 0x2462A6, 0xFFFFFF, true}, {"level-5", 0x0F3C73, 0xFFFFFF, true},
	{"level-na", NONE, 0x57606A, false}, {"level-out", NONE, 0x57606A, false},
	{"gap-meets", NONE, 0x0B4A1D, true}, {"gap-short", NONE, 0x8A1C12, true},
	{"gap-not-appraised", NONE, 0x6B4E00, true}, {"confidential", NONE, 0x8A1C12, true},
};

/* ---- what gets drawn ---- */

struct link {
	int start, end;   /* byte range in the layout's text */
	char *dest;
};

struct text {
	PangoLayout *layout;
	GArray *links;    /* struct link */
	double *heights;  /* of each line */
	double *tops;     /* of each line, from the layout's top */
	double *baselines;/* of each line, from the layout's top */
	size_t n_lines;
};

struct cell {
	struct text t;
	double x, width;
	bool head;
};

enum block_kind { B_TEXT, B_ROW, B_CHART };

struct block {
	enum block_kind kind;
	double x, width;
	enum style style;        /* B_TEXT */
	struct text t;           /* B_TEXT */
	char *marker;            /* list bullet or number, drawn left of x */
	unsigned rule;           /* colour of a rule under the block, or NONE */
	char *toc_target;        /* a contents entry: the id whose page it shows */
	struct cell *cells;      /* B_ROW */
	size_t n_cells;
	bool head_row;
	double pad_x;            /* rows: space left and right of cell text */
	struct chart *chart;     /* B_CHART */
	double scale;
	GPtrArray *dests;        /* ids anchored here (char *) */
	int outline_level;       /* 2 or 3 for headings in the outline, else 0 */
	char *outline_text;
	size_t last_piece;       /* freed after drawing it */
};

struct ts {
	struct diag *diag;
	chart_maker charts;
	void *chart_ctx;
	PangoContext *pango;
	PangoFontDescription *fonts[S_STYLES];
	double body_w, body_h, page_w, page_h;
	GArray *items;           /* struct flow_item */
	GPtrArray *blocks;       /* struct block *, parallel to items */
	GHashTable *ids;         /* every id in the document */
	GHashTable *widths;      /* "style|attributes|text" -> struct measured */
	GPtrArray *pending;      /* ids waiting for the next block */
	bool break_pending;
	bool after_cover;
	bool cover;              /* inside the cover */
	bool has_cover;
	size_t cover_items;      /* items of the cover */
	bool in_toc;
	int tables;
	unsigned synthetic;      /* outline destinations without an id */
	bool failed;
	GPtrArray *owned;        /* strings of flow items (line arrays) */
};

/* ---- building text ---- */

struct inline_text {
	GString *s;
	PangoAttrList *attrs;
	GArray *links;
	GPtrArray *ids;          /* ids of inline elements: anchored on this text's block */
	bool space;              /* a space is due before the next character */
	size_t run;              /* characters since the last break opportunity */
};

static void
add_color_attr(PangoAttrList *attrs, PangoAttribute *a, int start, int end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
}

/* ---- fonts ---- */

/* The process's font map once typeset_warm_fonts made it, and the thread
 * loading its fonts until typesetting needs them. */
static PangoFontMap *font_map;
static GThread *warming;

/* A context with the typesetter's settings.  pango keeps loaded fonts per
 * context settings, so the warm-up uses the same. */
static PangoContext *
new_context(PangoFontMap *map)
{
	PangoContext *c = pango_font_map_create_context(map);
	cairo_font_options_t *fopts = cairo_font_options_create();

	/* Points, not pixels: at pango's default 96 dpi text comes out 4/3 too large. */
	pango_cairo_context_set_resolution(c, 72);
	/* Glyphs where the font puts them: rounded to whole points (pango's
	 * default, meant for screens) letters jitter by up to half a point and
	 * every glyph needs its own position in the PDF. */
	pango_context_set_round_glyph_positions(c, FALSE);
	/* The language of the templates' own words (<html lang="en">), so that
	 * typesetting finds the fonts the warm-up sorted for it: another
	 * language makes pango sort them again (10 ms of a statement's 70). */
	pango_context_set_language(c, pango_language_from_string("en"));
	cairo_font_options_set_hint_metrics(fopts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fopts, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c, fopts);
	cairo_font_options_destroy(fopts);
	return c;
}

/* The font of every style; pango_font_description_free each. */
static void
make_fonts(PangoFontDescription *fonts[S_STYLES])
{
	for (size_t i = 0; i < S_STYLES; i++) {
		fonts[i] = pango_font_description_new();
		pango_font_description_set_family(fonts[i], FONT);
		pango_font_description_set_absolute_size(fonts[i], styles[i].size * PANGO_SCALE);
		pango_font_description_set_weight(fonts[i],
		                                  styles[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	}
}

/* Lay out a line in each style the products use, with the inline forms of
 * body text and table cells, so that pango has loaded those fonts, sorted
 * their fallbacks and measured them: a millisecond or two for each, most
 * of a short document's typesetting. */
static gpointer
warm(gpointer data)
{
	static const enum style used[] = {S_BODY, S_SMALL, S_H1, S_H2, S_H3, S_H4, S_CELL_HEAD,
	                                  S_CAPTION};
	/* Body text with "strong", "code" and "small" as put_inline marks them
	 * (S_SMALL is also the table cells' font). */
	static const char sample[] = "Ab Cd Ef Gh";
	PangoContext *c = new_context(data);
	PangoLayout *l = pango_layout_new(c);
	PangoFontDescription *fonts[S_STYLES];
	size_t i;

	make_fonts(fonts);
	pango_layout_set_text(l, sample, -1);
	for (i = 0; i < G_N_ELEMENTS(used); i++) {
		PangoAttrList *attrs = pango_attr_list_new();
		int w, h;

		pango_layout_set_font_description(l, fonts[used[i]]);
		if (used[i] == S_BODY) {
			add_color_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 3, 5);
			add_color_attr(attrs, pango_attr_family_new(MONO), 6, 8);
			add_color_attr(attrs, pango_attr_scale_new(0.85), 6, 8);
			add_color_attr(attrs, pango_attr_scale_new(0.85), 9, 11);
		}
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
		pango_layout_get_size(l, &w, &h);
	}
	for (i = 0; i < S_STYLES; i++)
		pango_font_description_free(fonts[i]);
	g_object_unref(l);
	g_object_unref(c);
	return NULL;
}

/* The font map to typeset with, once any warm-up has finished with it. */
static PangoFontMap *
fonts_ready(void)
{
	typeset_fonts_join();
	return font_map != NULL ? font_map : pango_cairo_font_map_get_default();
}

static PangoAttribute *
fg_attr(unsigned rgb)
{
	return pango_attr_foreground_new((guint16)(((rgb >> 16) & 0xFF) * 257),
	                                 (guint16)(((rgb >> 8) & 0xFF) * 257),
	                                 (guint16)((rgb & 0xFF) * 257));
}

static PangoAttribute *
bg_attr(unsigned rgb)
{
	return pango_attr_background_new((guint16)(((rgb >> 16) & 0xFF) * 257),
	                                 (guint16)(((rgb >> 8) & 0xFF) * 257),
	                                 (guint16)((rgb & 0xFF) * 257));
}

/* Append text with white space folded as HTML folds it, and a break
 * opportunity (U+200B) offered inside very long runs: pango's
 * word-and-character wrapping is quadratic in the length of a run. */
static void
put_text(struct inline_text *it, const char *text)
{
	const char *p;

	for (p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (it->s->len > 0)
				it->space = true;
			it->run = 0;
			continue;
		}
		if (it->space) {
			g_string_append_c(it->s, ' ');
			it->space = false;
		}
		if (++it->run > LONG_RUN) {
			g_string_append(it->s, "\xE2\x80\x8B");
			it->run = 1;
		}
		/* Noncharacters are allowed in XML text, but cairo refuses them
		 * and then draws nothing more on the page. */
		if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
			c = 0xFFFD;
		g_string_append_unichar(it->s, c);
	}
}

/* Close the embeddings, overrides and isolates that the text appended to s
 * since byte `from` opened and did not close, innermost first, so that
 * none reaches past the end of a <bdi> (the HTML writer's browsers do the
 * same for the element). */
static void
close_bidi(GString *s, size_t from)
{
	char open[64];
	size_t depth = 0, k;
	const char *p;

	for (p = s->str + from; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c >= 0x202A && c <= 0x202E && c != 0x202C) {
			if (depth < sizeof open)
				open[depth] = 'E';
			depth++;
		} else if (c >= 0x2066 && c <= 0x2068) {
			if (depth < sizeof open)
				open[depth] = 'I';
			depth++;
		} else if (c == 0x202C && depth > 0 && depth <= sizeof open &&
		           open[depth - 1] == 'E') {
			depth--;
		} else if (c == 0x2069) {
			/* A PDI closes its isolate and whatever was opened inside it. */
			for (k = depth; k > 0 && (k > sizeof open || open[k - 1] != 'I'); k--)
				;
			if (k > 0)
				depth = k - 1;
		}
	}
	for (; depth > 0; depth--)
		g_string_append(s, depth > sizeof open || open[depth - 1] == 'I' ? "\xE2\x81\xA9"
		                                                                : "\xE2\x80\xAC");
}

static bool
has_class(const xmlNode *n, const char *cls)
{
	const char *v = xn_attr(n, "class");
	size_t len = strlen(cls);

	while (v != NULL && *v != '\0') {
		if (strncmp(v, cls, len) == 0 && (v[len] == '\0' || v[len] == ' '))
			return true;
		v = strchr(v, ' ');
		if (v != NULL)
			v++;
	}
	return false;
}

static void put_inline(struct ts *ts, struct inline_text *it, const xmlNode *n);

/* Whether the text of a <bdi> needs isolating: only a right-to-left
 * character or a bidirectional control can reorder text around it, and the
 * paragraphs around are left-to-right.  (No installed font has the isolate
 * characters, and each one costs pango a fallback font load.)  The ranges
 * are those whose characters Unicode gives the classes R, AL or AN. */
static bool
needs_isolation(const xmlNode *n)
{
	char *text = xn_text(n);
	bool rtl = false;

	for (const char *p = text; !rtl && *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		rtl = (c >= 0x0590 && c <= 0x08FF) || c == 0x200E || c == 0x200F ||
		      (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
		      (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
		      (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
	}
	g_free(text);
	return rtl;
}

/* Code from start to the end: the monospaced face, except for zero-width
 * spaces (break opportunities, see put_text), which that face lacks: pango
 * would load a generic fallback font just to measure an invisible box. */
static void
code_attrs(struct inline_text *it, int start)
{
	static const char zwsp[] = "\xE2\x80\x8B";
	const char *p = it->s->str + start;

	add_color_attr(it->attrs, pango_attr_family_new(MONO), start, (int)it->s->len);
	while ((p = strstr(p, zwsp)) != NULL) {
		int at = (int)(p - it->s->str);

		/* Inserted later and starting later: wins over the code's face. */
		add_color_attr(it->attrs, pango_attr_family_new(FONT), at, at + 3);
		p += 3;
	}
}

static void
put_children(struct ts *ts, struct inline_text *it, const xmlNode *n)
{
	int start = (int)it->s->len;

	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		put_inline(ts, it, c);
	fonts_mark_language(it->attrs, xn_attr(n, "lang"), start, (int)it->s->len);
}

/* Inline content of n into it, with pango attributes for the formatting. */
static void
put_inline(struct ts *ts, struct inline_text *it, const xmlNode *n)
{
	int start;
	size_t b;
	bool isolate;

	if (n->type == XML_TEXT_NODE) {
		put_text(it, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (xn_attr(n, "id") != NULL)
		g_ptr_array_add(it->ids, g_strdup(xn_attr(n, "id")));
	if (xn_is(n, "br")) {
		g_string_append(it->s, "\xE2\x80\xA8"); /* line separator */
		it->space = false;
		it->run = 0;
		return;
	}
	if (it->space && (xn_is(n, "span") || xn_is(n, "abbr")) && xn_attr(n, "class") != NULL) {
		g_string_append_c(it->s, ' ');
		it->space = false;
	}
	start = (int)it->s->len;
	isolate = xn_is(n, "bdi") && needs_isolation(n);
	if (isolate)
		g_string_append(it->s, "\xE2\x81\xA8"); /* first strong isolate */
	put_children(ts, it, n);
	if (isolate) {
		close_bidi(it->s, (size_t)start + 3);
		g_string_append(it->s, "\xE2\x81\xA9"); /* pop directional isolate */
	}
	if (xn_is(n, "em"))
		add_color_attr(it->attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start,
		               (int)it->s->len);
	else if (xn_is(n, "strong"))
		add_color_attr(it->attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
		               (int)it->s->len);
	else if (xn_is(n, "code"))
		code_attrs(it, start);
	else if (xn_is(n, "small"))
		add_color_attr(it->attrs, pango_attr_scale_new(0.85), start, (int)it->s->len);
	else if (xn_is(n, "a")) {
		const char *href = xn_attr(n, "href");

		if (href != NULL && href[0] == '#' && g_hash_table_contains(ts->ids, href + 1)) {
			struct link l = {start, (int)it->s->len, g_strdup(href + 1)};

			g_array_append_val(it->links, l);
			add_color_attr(it->attrs, fg_attr(0x0B5CAD), start, (int)it->s->len);
		}
	}
	for (b = 0; b < G_N_ELEMENTS(badges); b++) {
		if (!has_class(n, badges[b].cls))
			continue;
		if (badges[b].bg != NONE)
			add_color_attr(it->attrs, bg_attr(badges[b].bg), start, (int)it->s->len);
		add_color_attr(it->attrs, fg_attr(badges[b].fg), start, (int)it->s->len);
		if (badges[b].bold)
			add_color_attr(it->attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
			               (int)it->s->len);
	}
}

static void
inline_init(struct inline_text *it)
{
	it->s = g_string_new(NULL);
	it->attrs = pango_attr_list_new();
	it->links = g_array_new(FALSE, FALSE, sizeof(struct link));
	it->ids = g_ptr_array_new_with_free_func(g_free);
	it->space = false;
	it->run = 0;
}

static void
free_links(GArray *links)
{
	size_t i;

	if (links == NULL)
		return;
	for (i = 0; i < links->len; i++)
		g_free(g_array_index(links, struct link, i).dest);
	g_array_free(links, TRUE);
}

static void
inline_clear(struct inline_text *it)
{
	g_string_free(it->s, TRUE);
	pango_attr_list_unref(it->attrs);
	free_links(it->links);
	g_ptr_array_free(it->ids, TRUE);
}

/* Move the ids of inline elements to the block they are drawn in. */
static void
take_ids(GPtrArray *dests, struct inline_text *it)
{
	size_t i;

	for (i = 0; i < it->ids->len; i++)
		g_ptr_array_add(dests, g_strdup(g_ptr_array_index(it->ids, i)));
	g_ptr_array_set_size(it->ids, 0);
}

static void measure_lines(struct text *t);

/* Lay the text out at width and measure its lines. */
static void
make_text(struct ts *ts, struct text *t, struct inline_text *it, enum style st, double width,
          PangoAlignment align)
{
	t->layout = pango_layout_new(ts->pango);
	pango_layout_set_font_description(t->layout, ts->fonts[st]);
	pango_layout_set_width(t->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_line_spacing(t->layout, (float)styles[st].line_spacing);
	pango_layout_set_alignment(t->layout, align);
	/* Text from data goes in with set_text, never as markup. */
	fonts_layout_set_text(t->layout, it->s->str, (int)it->s->len, it->attrs);
	t->links = it->links;
	it->links = NULL;
	measure_lines(t);
	fonts_check_layout(t->layout, ts->diag);
}

/* The positions and heights of t's lines, from its layout. */
static void
measure_lines(struct text *t)
{
	PangoLayoutIter *iter;
	PangoRectangle logical;
	size_t i = 0;

	t->n_lines = (size_t)pango_layout_get_line_count(t->layout);
	t->heights = g_new(double, t->n_lines ? t->n_lines : 1);
	t->tops = g_new(double, t->n_lines ? t->n_lines : 1);
	t->baselines = g_new(double, t->n_lines ? t->n_lines : 1);
	iter = pango_layout_get_iter(t->layout);
	do {
		int y0, y1;

		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		t->tops[i] = (double)y0 / PANGO_SCALE;
		t->baselines[i] = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
		i++;
	} while (i < t->n_lines && pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	/* A line reaches down to where the next one starts: with line spacing
	 * set, that is more than the line's own extent. */
	pango_layout_get_extents(t->layout, NULL, &logical);
	for (i = 0; i < t->n_lines; i++)
		t->heights[i] = (i + 1 < t->n_lines ? t->tops[i + 1]
		                                     : (double)(logical.y + logical.height) / PANGO_SCALE) -
		                t->tops[i];
}

static void
free_text(struct text *t)
{
	if (t->layout != NULL)
		g_object_unref(t->layout);
	t->layout = NULL;
	free_links(t->links);
	t->links = NULL;
	g_free(t->heights);
	g_free(t->tops);
	g_free(t->baselines);
	t->heights = t->tops = t->baselines = NULL;
}

/* ---- blocks and flow items ---- */

/* An element's id waits for the next block, where it becomes a destination. */
static void
note_id(struct ts *ts, const xmlNode *n)
{
	const char *id = xn_attr(n, "id");

	if (id != NULL)
		g_ptr_array_add(ts->pending, g_strdup(id));
}

static struct block *
add_block(struct ts *ts, enum block_kind kind, struct flow_item *item)
{
	struct block *b = g_new0(struct block, 1);

	b->kind = kind;
	b->rule = NONE;
	b->dests = ts->pending;
	ts->pending = g_ptr_array_new_with_free_func(g_free);
	if (ts->break_pending) {
		item->break_before = true;
		ts->break_pending = false;
	}
	if (ts->after_cover) {
		item->break_before = true;
		ts->after_cover = false;
	}
	g_array_append_val(ts->items, *item);
	g_ptr_array_add(ts->blocks, b);
	if (ts->cover)
		ts->cover_items = ts->items->len;
	return b;
}

static void
add_paragraph(struct ts *ts, struct inline_text *it, enum style st, double indent,
              const char *marker, bool keep, const char *toc_target)
{
	struct flow_item item = {0};
	struct block *b;
	double width = ts->body_w - indent - (toc_target != NULL ? TOC_NUMBER_WIDTH : 0);

	if (it->s->len == 0 && marker == NULL)
		return;
	item.kind = FLOW_LINES;
	item.space_before = styles[st].space_before;
	item.space_after = ts->in_toc ? 1 : styles[st].space_after;
	item.keep_with_next = keep;
	b = add_block(ts, B_TEXT, &item);
	take_ids(b->dests, it);
	b->style = st;
	b->x = indent;
	b->width = width;
	b->marker = g_strdup(marker);
	b->toc_target = g_strdup(toc_target);
	make_text(ts, &b->t, it, st, width, PANGO_ALIGN_LEFT);
	g_array_index(ts->items, struct flow_item, ts->items->len - 1).lines = b->t.heights;
	g_array_index(ts->items, struct flow_item, ts->items->len - 1).n_lines = b->t.n_lines;
	if (st == S_H2 || st == S_COVER_H1)
		b->rule = 0x0F3C73;
	if (st == S_H2 || st == S_H3) {
		b->outline_level = st == S_H2 ? 2 : 3;
		b->outline_text = pdf_text(it->s->str); /* for cairo_pdf_surface_add_outline */
	}
}

/* A paragraph from the inline content of n. */
static void
paragraph(struct ts *ts, const xmlNode *n, enum style st, double indent, const char *marker,
          bool keep)
{
	struct inline_text it;

	inline_init(&it);
	put_children(ts, &it, n);
	add_paragraph(ts, &it, st, indent, marker, keep, NULL);
	inline_clear(&it);
}

static void blocks(struct ts *ts, const xmlNode *parent, double indent);
static void block(struct ts *ts, const xmlNode *n, double indent);

static bool
is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"h1", "h2", "h3", "h4", "p", "ul", "ol", "dl", "table", "figure", "section", "nav",
		"main", "header", "footer", "blockquote", "div",
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(names); i++)
		if (xn_is(n, names[i]))
			return true;
	return false;
}

/* Mixed content (li, dd): inline runs become paragraphs, blocks stay blocks;
 * the marker goes on the first paragraph. */
static void
mixed(struct ts *ts, const xmlNode *n, double indent, const char *marker)
{
	struct inline_text it;
	bool used_marker = false;

	inline_init(&it);
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && is_block(c)) {
			if (it.s->len > 0 || (marker != NULL && !used_marker)) {
				add_paragraph(ts, &it, S_BODY, indent, used_marker ? NULL : marker, false,
				              NULL);
				used_marker = true;
				inline_clear(&it);
				inline_init(&it);
			}
			block(ts, c, indent);
			continue;
		}
		put_inline(ts, &it, c);
	}
	if (it.s->len > 0)
		add_paragraph(ts, &it, S_BODY, indent, used_marker ? NULL : marker, false, NULL);
	inline_clear(&it);
}

static void
list(struct ts *ts, const xmlNode *n, double indent)
{
	unsigned number = 0;
	char marker[16];

	xn_each(li, n, "li") {
		note_id(ts, li);
		if (ts->in_toc) {
			/* A contents entry: its link, the target's page on the right. */
			const xmlNode *a = xn_child(li, "a");
			struct inline_text it;
			const char *href = a != NULL ? xn_attr(a, "href") : NULL;

			inline_init(&it);
			if (a != NULL)
				put_inline(ts, &it, a);
			add_paragraph(ts, &it, indent == 0 ? S_BODY : S_BODY, indent, NULL, false,
			              href != NULL && g_hash_table_contains(ts->ids, href + 1)
			              ? href + 1 : NULL);
			inline_clear(&it);
			xn_each(sub, li, NULL)
				if (xn_is(sub, "ol") || xn_is(sub, "ul"))
					list(ts, sub, indent + LIST_INDENT);
			continue;
		}
		if (xn_is(n, "ol"))
			snprintf(marker, sizeof marker, "%u.", ++number);
		else
			snprintf(marker, sizeof marker, "\xE2\x80\xA2");
		mixed(ts, li, indent + LIST_INDENT, marker);
	}
}

/* ---- tables ---- */



static void
cell_text(struct ts *ts, struct inline_text *it, const xmlNode *cell)
{
	for (const xmlNode *c = cell->children; c != NULL; c = c->next) {
		if (xn_is(c, "p") || xn_is(c, "ul")) {
			if (it->s->len > 0)
				g_string_append(it->s, "\xE2\x80\xA8");
			it->space = false;
			if (xn_is(c, "ul")) {
				bool first = true;

				xn_each(li, c, "li") {
					if (!first)
						g_string_append(it->s, "\xE2\x80\xA8");
					first = false;
					g_string_append(it->s, "\xE2\x80\xA2 ");
					put_children(ts, it, li);
				}
			} else {
				put_children(ts, it, c);
			}
			continue;
		}
		put_inline(ts, it, c);
	}
}

/* A table cell's text measured unwrapped: its natural and smallest widths
 * (without padding) and the layout, kept to draw cells that fit. */
struct measured {
	double pref, min;
	PangoLayout *layout;
};

static void
free_measured(gpointer p)
{
	struct measured *m = p;

	g_object_unref(m->layout);
	g_free(m);
}

/* Natural and smallest widths of a cell's text, from one unwrapped layout:
 * the smallest is the widest stretch between two break opportunities.
 * Table cells repeat ("F", "not rated", header labels), so results are kept
 * by style, attributes and text, with the layout (*layout, borrowed). */
static void
measure_widths(struct ts *ts, struct inline_text *it, enum style st, double *pref, double *min,
               PangoLayout **layout)
{
	char *attr_text = pango_attr_list_to_string(it->attrs);
	char *key = g_strdup_printf("%d|%s|%s", (int)st, attr_text, it->s->str);
	struct measured *known = g_hash_table_lookup(ts->widths, key);
	PangoLayout *l;
	PangoRectangle r;
	const PangoLogAttr *attrs;
	gint n_attrs, i;
	double start = 0, widest = 0;
	const char *p;

	g_free(attr_text);
	if (known != NULL) {
		*pref = known->pref;
		*min = known->min;
		*layout = known->layout;
		g_free(key);
		return;
	}
	l = pango_layout_new(ts->pango);
	pango_layout_set_font_description(l, ts->fonts[st]);
	pango_layout_set_line_spacing(l, (float)styles[st].line_spacing);
	fonts_layout_set_text(l, it->s->str, (int)it->s->len, it->attrs);
	pango_layout_get_extents(l, NULL, &r);
	*pref = (double)r.width / PANGO_SCALE + 1;
	attrs = pango_layout_get_log_attrs_readonly(l, &n_attrs);
	for (i = 0, p = it->s->str; i < n_attrs; i++) {
		PangoRectangle pos;
		double x;

		if (!attrs[i].is_line_break && i + 1 < n_attrs && *p != '\0') {
			p = g_utf8_next_char(p);
			continue;
		}
		pango_layout_index_to_pos(l, (int)(p - it->s->str), &pos);
		x = (double)pos.x / PANGO_SCALE;
		if (i + 1 >= n_attrs || *p == '\0')
			x = (double)r.width / PANGO_SCALE;
		if (x - start > widest)
			widest = x - start;
		start = x;
		if (*p != '\0')
			p = g_utf8_next_char(p);
	}
	*min = widest + 1;
	known = g_new(struct measured, 1);
	known->pref = *pref;
	known->min = *min;
	known->layout = l;
	*layout = l;
	g_hash_table_insert(ts->widths, key, known);
}

struct raw_cell {
	struct inline_text it;
	int col, span;
	bool head;
	bool numeric;
	PangoLayout *natural;     /* laid out unwrapped when measured; borrowed */
	double natural_width;
};

static void
table(struct ts *ts, const xmlNode *n, double indent)
{
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(GArray *));
	GArray *head_flags = g_array_new(FALSE, FALSE, sizeof(bool));
	GPtrArray *trs = g_ptr_array_new();
	const xmlNode *caption = xn_child(n, "caption");
	double avail = ts->body_w - indent, *pref, *min, *width, sum_pref = 0, sum_min = 0;
	double pad = has_class(n, "compact") ? COMPACT_PAD_X : CELL_PAD_X;
	int ncols = 0, c;
	size_t r, k;
	int number = ts->tables++;

	if (caption != NULL)
		paragraph(ts, caption, S_CAPTION, indent, NULL, true);
	for (const xmlNode *sect = n->children; sect != NULL; sect = sect->next) {
		bool head = xn_is(sect, "thead");

		if (!head && !xn_is(sect, "tbody"))
			continue;
		xn_each(tr, sect, "tr") {
			GArray *cells = g_array_new(FALSE, FALSE, sizeof(struct raw_cell));
			int col = 0;

			xn_each(td, tr, NULL) {
				struct raw_cell rc = {0};
				const char *span = xn_attr(td, "colspan");

				inline_init(&rc.it);
				cell_text(ts, &rc.it, td);
				rc.col = col;
				rc.span = span != NULL ? atoi(span) : 1;
				if (rc.span < 1 || rc.span > 64)
					rc.span = 1;
				rc.head = head || xn_is(td, "th");
				rc.numeric = has_class(td, "numeric");
				col += rc.span;
				g_array_append_val(cells, rc);
			}
			if (col > ncols)
				ncols = col;
			g_array_append_val(rows, cells);
			g_array_append_val(head_flags, head);
			g_ptr_array_add(trs, (gpointer)tr);
		}
	}
	if (ncols == 0)
		goto done;
	pref = g_new0(double, (size_t)ncols);
	min = g_new0(double, (size_t)ncols);
	width = g_new0(double, (size_t)ncols);
	for (r = 0; r < rows->len; r++) {
		GArray *cells = g_array_index(rows, GArray *, r);

		for (k = 0; k < cells->len; k++) {
			struct raw_cell *rc = &g_array_index(cells, struct raw_cell, k);
			double p, m;

			if (rc->span != 1)
				continue;
			measure_widths(ts, &rc->it, rc->head ? S_CELL_HEAD : S_CELL, &p, &m,
			               &rc->natural);
			rc->natural_width = p;
			p += 2 * pad;
			m += 2 * pad;
			if (p > pref[rc->col])
				pref[rc->col] = p;
			if (m > min[rc->col])
				min[rc->col] = m;
		}
	}
	for (c = 0; c < ncols; c++) {
		if (min[c] < 10 + 2 * pad)
			min[c] = 10 + 2 * pad;
		if (pref[c] < min[c])
			pref[c] = min[c];
		sum_pref += pref[c];
		sum_min += min[c];
	}
	/* As a browser would: natural widths when they fit, spread to the full
	 * width; else each column between its smallest and natural width. */
	for (c = 0; c < ncols; c++) {
		if (sum_pref <= avail)
			width[c] = pref[c] * avail / sum_pref;
		else if (sum_min < avail)
			width[c] = min[c] + (pref[c] - min[c]) * (avail - sum_min) / (sum_pref - sum_min);
		else
			width[c] = min[c] * avail / sum_min;
	}
	for (r = 0; r < rows->len; r++) {
		GArray *cells = g_array_index(rows, GArray *, r);
		struct flow_item item = {0};
		struct block *b;
		const double **lines;
		size_t *n_lines;

		item.kind = FLOW_ROW;
		item.padding = CELL_PAD_Y;
		item.table = number;
		item.header = g_array_index(head_flags, bool, r);
		item.n_cells = cells->len;
		if (r + 1 == rows->len)
			item.space_after = 8;
		note_id(ts, g_ptr_array_index(trs, r));
		b = add_block(ts, B_ROW, &item);
		b->x = indent;
		b->width = avail;
		b->head_row = item.header;
		b->pad_x = pad;
		b->n_cells = cells->len;
		b->cells = g_new0(struct cell, cells->len ? cells->len : 1);
		lines = g_new0(const double *, cells->len ? cells->len : 1);
		n_lines = g_new0(size_t, cells->len ? cells->len : 1);
		for (k = 0; k < cells->len; k++) {
			struct raw_cell *rc = &g_array_index(cells, struct raw_cell, k);
			struct cell *cl = &b->cells[k];
			double x = 0, w = 0;

			for (c = 0; c < rc->col && c < ncols; c++)
				x += width[c];
			for (c = rc->col; c < rc->col + rc->span && c < ncols; c++)
				w += width[c];
			cl->x = x;
			cl->width = w;
			cl->head = rc->head;
			take_ids(b->dests, &rc->it);
			/* A left-aligned cell that fits on its lines unwrapped is drawn
			 * from the layout that measured it, shaped once. */
			if (rc->natural != NULL && !rc->numeric && rc->natural_width <= w - 2 * pad &&
			    (rc->it.links == NULL || rc->it.links->len == 0)) {
				cl->t.layout = g_object_ref(rc->natural);
				measure_lines(&cl->t);
			} else {
				make_text(ts, &cl->t, &rc->it, rc->head ? S_CELL_HEAD : S_CELL,
				          w - 2 * pad, rc->numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
			}
			lines[k] = cl->t.heights;
			n_lines[k] = cl->t.n_lines;
		}
		g_ptr_array_add(ts->owned, lines);
		g_ptr_array_add(ts->owned, n_lines);
		g_array_index(ts->items, struct flow_item, ts->items->len - 1).cell_lines = lines;
		g_array_index(ts->items, struct flow_item, ts->items->len - 1).cell_n_lines = n_lines;
	}
	g_free(pref);
	g_free(min);
	g_free(width);
done:
	for (r = 0; r < rows->len; r++) {
		GArray *cells = g_array_index(rows, GArray *, r);

		for (k = 0; k < cells->len; k++)
			inline_clear(&g_array_index(cells, struct raw_cell, k).it);
		g_array_free(cells, TRUE);
	}
	g_array_free(rows, TRUE);
	g_array_free(head_flags, TRUE);
	g_ptr_array_free(trs, TRUE);
}

static void
chart_block(struct ts *ts, const xmlNode *n)
{
	const char *scope = xn_attr(n, "data-scope");
	struct flow_item item = {0};
	struct chart *chart;
	struct block *b;
	char *title = NULL;

	chart = ts->charts != NULL && scope != NULL ? ts->charts(ts->chart_ctx, scope, &title) : NULL;
	g_free(title);
	if (chart == NULL) {
		diag_report(ts->diag, DIAG_ERROR, EXIT_INTERNAL, NULL, 0, 0,
		            "a template asks for a chart of unknown scope '%s'", scope ? scope : "");
		ts->failed = true;
		return;
	}
	item.kind = FLOW_FIXED;
	item.space_before = 6;
	item.space_after = 4;
	b = add_block(ts, B_CHART, &item);
	b->chart = chart;
	b->scale = chart->width > ts->body_w ? ts->body_w / chart->width : 1.0;
	b->width = chart->width * b->scale;
	b->x = (ts->body_w - b->width) / 2;
	g_array_index(ts->items, struct flow_item, ts->items->len - 1).height =
		chart->height * b->scale;
}

/* ---- the document walk ---- */

static void
block(struct ts *ts, const xmlNode *n, double indent)
{
	static const struct {
		const char *name;
		enum style style;
		bool keep;
	} heads[] = {{"h1", S_H1, true}, {"h2", S_H2, true}, {"h3", S_H3, true},
	             {"h4", S_H4, true}, {"p", S_BODY, false}};
	size_t i;

	note_id(ts, n);
	if (has_class(n, "page-break") && ts->items->len > 0)
		ts->break_pending = true;
	for (i = 0; i < G_N_ELEMENTS(heads); i++) {
		if (xn_is(n, heads[i].name)) {
			enum style st = heads[i].style;

			if (st == S_H1 && ts->cover)
				st = S_COVER_H1;
			if (st == S_BODY && has_class(n, "confidential")) {
				struct inline_text it;

				inline_init(&it);
				put_children(ts, &it, n);
				add_color_attr(it.attrs, fg_attr(0x8A1C12), 0, (int)it.s->len);
				add_color_attr(it.attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0,
				               (int)it.s->len);
				add_paragraph(ts, &it, S_BODY, indent, NULL, false, NULL);
				inline_clear(&it);
				return;
			}
			paragraph(ts, n, st, indent, NULL, heads[i].keep);
			return;
		}
	}
	if (xn_is(n, "ul") || xn_is(n, "ol")) {
		list(ts, n, indent);
	} else if (xn_is(n, "dl")) {
		xn_each(c, n, NULL) {
			note_id(ts, c);
			if (xn_is(c, "dt"))
				paragraph(ts, c, S_H4, indent, NULL, true);
			else
				mixed(ts, c, indent + LIST_INDENT, NULL);
		}
	} else if (xn_is(n, "table")) {
		table(ts, n, indent);
	} else if (xn_is(n, "div") && xn_attr(n, "data-chart") != NULL) {
		chart_block(ts, n);
	} else if (xn_is(n, "figure")) {
		xn_each(c, n, NULL) {
			if (xn_is(c, "figcaption"))
				paragraph(ts, c, S_SMALL, indent, NULL, false);
			else
				block(ts, c, indent);
		}
	} else if (xn_is(n, "header") && has_class(n, "cover")) {
		ts->cover = ts->items->len == 0;
		ts->has_cover = ts->cover;
		blocks(ts, n, indent);
		ts->cover = false;
		ts->after_cover = ts->has_cover;
	} else if (xn_is(n, "nav") && has_class(n, "toc")) {
		ts->in_toc = true;
		blocks(ts, n, indent);
		ts->in_toc = false;
	} else if (xn_is(n, "blockquote")) {
		blocks(ts, n, indent + LIST_INDENT);
	} else {
		blocks(ts, n, indent);
	}
}

static void
blocks(struct ts *ts, const xmlNode *parent, double indent)
{
	for (const xmlNode *c = parent->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && is_block(c)) {
			block(ts, c, indent);
		} else if (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE) {
			/* Inline content directly in a block container: a paragraph. */
			struct inline_text it;

			inline_init(&it);
			for (; c->next != NULL && !(c->next->type == XML_ELEMENT_NODE && is_block(c->next));
			     c = c->next)
				put_inline(ts, &it, c);
			put_inline(ts, &it, c);
			add_paragraph(ts, &it, S_BODY, indent, NULL, false, NULL);
			inline_clear(&it);
		}
	}
}

static void
collect_ids(GHashTable *ids, const xmlNode *n)
{
	for (const xmlNode *c = n; c != NULL; c = c->next) {
		const char *id;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		id = xn_attr(c, "id");
		if (id != NULL)
			g_hash_table_add(ids, g_strdup(id));
		collect_ids(ids, c->children);
	}
}

/* ---- drawing ---- */

static void
set_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
	                     (rgb & 0xFF) / 255.0);
}

static void
show_small(struct ts *ts, cairo_t *cr, const char *text, const char *lang, double x, double y,
           PangoAlignment align, double width)
{
	PangoLayout *l = pango_layout_new(ts->pango);

	pango_layout_set_font_description(l, ts->fonts[S_SMALL]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(l, align);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	fonts_layout_set_text_in(l, text, lang);
	fonts_check_layout(l, ts->diag);
	set_rgb(cr, styles[S_SMALL].color);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/* Draw lines [first, first + count) of t with its top at (x, y). */
static void
draw_lines(cairo_t *cr, const struct text *t, unsigned color, double x, double y, size_t first,
           size_t count, GHashTable *pages)
{
	size_t i;
	double origin = first < t->n_lines ? t->tops[first] : 0;

	set_rgb(cr, color);
	for (i = first; i < first + count && i < t->n_lines; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t->layout, (int)i);

		cairo_move_to(cr, x, y + t->baselines[i] - origin);
		pango_cairo_show_layout_line(cr, line);
	}
	/* Links: a rectangle per line the link's text is on. */
	for (i = first; t->links != NULL && i < first + count && i < t->n_lines; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t->layout, (int)i);
		size_t k;

		for (k = 0; k < t->links->len; k++) {
			const struct link *l = &g_array_index(t->links, struct link, k);
			int s = MAX(l->start, line->start_index);
			int e = MIN(l->end, line->start_index + line->length);
			int xs, xe;
			char *attrs;
			double lx, ly, lw;

			/* Only to destinations that were placed: cairo 1.16 writes a
			 * damaged file for a link to a name it never saw. */
			if (s >= e || !g_hash_table_contains(pages, l->dest) )
				continue;
			pango_layout_line_index_to_x(line, s, FALSE, &xs);
			pango_layout_line_index_to_x(line, e, FALSE, &xe);
			lx = x + (double)MIN(xs, xe) / PANGO_SCALE;
			lw = (double)abs(xe - xs) / PANGO_SCALE;
			ly = y + t->tops[i] - origin;
			attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] dest='%s'", lx, ly, lw,
			                        t->heights[i], l->dest);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			g_free(attrs);
		}
	}
}

static void
draw_row(cairo_t *cr, const struct block *b, const struct flow_piece *p, double x, double y,
         GHashTable *pages)
{
	size_t k;

	for (k = 0; k < b->n_cells; k++) {
		const struct cell *cl = &b->cells[k];

		if (b->head_row) {
			set_rgb(cr, 0xF6F8FA);
			cairo_rectangle(cr, x + cl->x, y, cl->width, p->height);
			cairo_fill(cr);
		}
		set_rgb(cr, 0xD0D7DE);
		cairo_set_line_width(cr, 0.5);
		cairo_rectangle(cr, x + cl->x, y, cl->width, p->height);
		cairo_stroke(cr);
		draw_lines(cr, &cl->t, styles[S_CELL].color, x + cl->x + b->pad_x, y + CELL_PAD_Y,
		           p->first[k], p->count[k], pages);
	}
}

static void
draw_piece(struct ts *ts, cairo_t *cr, struct block *b, const struct flow_piece *p,
           GHashTable *pages, bool first_piece)
{
	double x = MARGIN_X + b->x, y = MARGIN_TOP + p->y;
	size_t i;

	if (first_piece) {
		for (i = 0; i < b->dests->len; i++) {
			char *attrs = g_strdup_printf("name='%s' x=%.2f y=%.2f",
			                              (char *)g_ptr_array_index(b->dests, i), MARGIN_X, y);

			cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
			cairo_tag_end(cr, CAIRO_TAG_DEST);
			g_free(attrs);
		}
	}
	switch (b->kind) {
	case B_TEXT: {
		if (b->marker != NULL && p->first[0] == 0)
			show_small(ts, cr, b->marker, NULL, x - LIST_INDENT, y + 1, PANGO_ALIGN_RIGHT,
			           LIST_INDENT - 4);
		draw_lines(cr, &b->t, styles[b->style].color, x, y, p->first[0], p->count[0], pages);
		if (b->rule != NONE && p->first[0] + p->count[0] == b->t.n_lines) {
			set_rgb(cr, b->rule);
			cairo_set_line_width(cr, 1.2);
			cairo_move_to(cr, MARGIN_X, y + p->height + 2);
			cairo_line_to(cr, MARGIN_X + ts->body_w, y + p->height + 2);
			cairo_stroke(cr);
		}
		if (b->toc_target != NULL) {
			gpointer page = g_hash_table_lookup(pages, b->toc_target);
			char num[16];

			if (page != NULL) {
				snprintf(num, sizeof num, "%d", GPOINTER_TO_INT(page));
				show_small(ts, cr, num, NULL, MARGIN_X + ts->body_w - TOC_NUMBER_WIDTH, y + 1,
				           PANGO_ALIGN_RIGHT, TOC_NUMBER_WIDTH);
			}
		}
		break;
	}
	case B_ROW:
		draw_row(cr, b, p, x, y, pages);
		break;
	case B_CHART:
		cairo_save(cr);
		cairo_translate(cr, x, y);
		cairo_scale(cr, b->scale, b->scale);
		chart_cairo_draw(b->chart, cr);
		cairo_restore(cr);
		break;
	}
}

static void
free_block(struct block *b)
{
	size_t k;

	free_text(&b->t);
	for (k = 0; k < b->n_cells; k++)
		free_text(&b->cells[k].t);
	g_free(b->cells);
	b->cells = NULL;
	b->n_cells = 0;
	chart_free(b->chart);
	b->chart = NULL;
}

static void
destroy_block(gpointer p)
{
	struct block *b = p;

	free_block(b);
	g_free(b->marker);
	g_free(b->toc_target);
	g_free(b->outline_text);
	g_ptr_array_free(b->dests, TRUE);
	g_free(b);
}

static const char *
head_meta(const xmlNode *head, const char *name)
{
	xn_each(m, head, "meta") {
		const char *n = xn_attr(m, "name");

		if (n != NULL && strcmp(n, name) == 0)
			return xn_attr(m, "content");
	}
	return NULL;
}

static void
outline(struct ts *ts, cairo_surface_t *surface)
{
	int parent = CAIRO_PDF_OUTLINE_ROOT;
	size_t i;

	for (i = 0; i < ts->blocks->len; i++) {
		struct block *b = g_ptr_array_index(ts->blocks, i);
		char *link;
		int id;

		if (b->outline_level == 0 || b->dests->len == 0)
			continue;
		link = g_strdup_printf("dest='%s'", (char *)g_ptr_array_index(b->dests, 0));
		id = cairo_pdf_surface_add_outline(surface,
		                                   b->outline_level == 2 ? CAIRO_PDF_OUTLINE_ROOT
		                                                         : parent,
		                                   b->outline_text, link, 0);
		if (b->outline_level == 2)
			parent = id;
		g_free(link);
	}
}

bool
typeset_pdf(xmlDoc *doc, enum typeset_paper paper, chart_maker charts, void *ctx,
            struct output *o, struct diag *d)
{
	struct ts ts = {0};
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *head = xn_child(root, "head"), *body = xn_child(root, "body");
	struct flow_layout *layout = NULL;
	cairo_surface_t *surface = NULL;
	cairo_t *cr = NULL;
	GHashTable *pages = NULL;
	char *title = NULL, *marking = NULL, *raw;
	const char *title_lang, *marking_lang;
	size_t i, k, piece;
	bool ok = false, committed = false;

	if (body == NULL) {
		diag_report(d, DIAG_ERROR, EXIT_INTERNAL, NULL, 0, 0, "the document has no <body>");
		output_abort(o);
		return false;
	}
	ts.diag = d;
	ts.charts = charts;
	ts.chart_ctx = ctx;
	ts.page_w = papers[paper].width;
	ts.page_h = papers[paper].height;
	ts.body_w = ts.page_w - 2 * MARGIN_X;
	ts.body_h = ts.page_h - MARGIN_TOP - MARGIN_BOTTOM;
	ts.pango = new_context(fonts_ready());
	/* The document's language, never the locale's: the same bytes anywhere
	 * (the same as new_context's for every template). */
	pango_context_set_language(ts.pango, pango_language_from_string(xn_attr(root, "lang")));
	make_fonts(ts.fonts);
	ts.items = g_array_new(FALSE, FALSE, sizeof(struct flow_item));
	ts.blocks = g_ptr_array_new_with_free_func(destroy_block);
	ts.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ts.widths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_measured);
	ts.pending = g_ptr_array_new_with_free_func(g_free);
	ts.owned = g_ptr_array_new_with_free_func(g_free);
	collect_ids(ts.ids, body);

	blocks(&ts, body, 0);
	if (ts.failed)
		goto done;
	if (ts.pending->len > 0 && ts.blocks->len > 0) {
		/* Ids after the last block anchor on it. */
		struct block *last = g_ptr_array_index(ts.blocks, ts.blocks->len - 1);

		for (i = 0; i < ts.pending->len; i++)
			g_ptr_array_add(last->dests, g_strdup(g_ptr_array_index(ts.pending, i)));
	}
	layout = flow_paginate((struct flow_item *)(void *)ts.items->data, ts.items->len, ts.body_h);

	/* Page of every destination, for the contents; last piece of each block,
	 * to free its layouts once drawn. */
	pages = g_hash_table_new(g_str_hash, g_str_equal);
	for (piece = layout->n_pieces; piece-- > 0;) {
		const struct flow_piece *p = &layout->pieces[piece];
		struct block *b = g_ptr_array_index(ts.blocks, p->item);

		if (b->last_piece == 0)
			b->last_piece = piece + 1;
		for (k = 0; k < b->dests->len; k++)
			g_hash_table_insert(pages, g_ptr_array_index(b->dests, k),
			                    GINT_TO_POINTER((int)p->page + 1));
	}

	surface = pdf_surface_new(o, ts.page_w, ts.page_h);
	/* Text from the document goes through pdf_text: cairo refuses some. */
	raw = xn_text(xn_child(head, "title"));
	title = pdf_text(raw);
	g_free(raw);
	if (head_meta(head, "confidentiality") != NULL)
		marking = pdf_text(head_meta(head, "confidentiality"));
	/* The running head quotes the appraisal: in the language of what it quotes. */
	title_lang = lang_quoted(body, title);
	marking_lang = lang_quoted(body, marking);
	pdf_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	if (head_meta(head, "author") != NULL)
		pdf_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, head_meta(head, "author"));
	if (head_meta(head, "description") != NULL)
		pdf_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, head_meta(head, "description"));
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS,
	                               "SSE-CMM, ISO/IEC 21827, security engineering, capability");
	if (head_meta(head, "generator") != NULL)
		pdf_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, head_meta(head, "generator"));
	cr = cairo_create(surface);
	/* cairo 1.16 leaves a reserved object unwritten, and the file damaged,
	 * when links exist outside any structure element: one Document element
	 * around everything (which also makes the file a tagged PDF). */
	cairo_tag_begin(cr, "Document", NULL);

	piece = 0;
	for (i = 0; i < layout->n_pages; i++) {
		bool cover_page = ts.has_cover && i == 0;
		char footer[64];

		if (!cover_page) {
			/* The marking matters more than the title: it gets the wider half. */
			show_small(&ts, cr, title, title_lang, MARGIN_X, 28, PANGO_ALIGN_LEFT,
			           marking != NULL ? ts.body_w * 0.42 : ts.body_w);
			if (marking != NULL)
				show_small(&ts, cr, marking, marking_lang, MARGIN_X + ts.body_w * 0.44, 28,
				           PANGO_ALIGN_RIGHT, ts.body_w * 0.56);
			set_rgb(cr, 0xD0D7DE);
			cairo_set_line_width(cr, 0.5);
			cairo_move_to(cr, MARGIN_X, 42);
			cairo_line_to(cr, MARGIN_X + ts.body_w, 42);
			cairo_stroke(cr);
			snprintf(footer, sizeof footer, "Page %zu of %zu", i + 1, layout->n_pages);
			show_small(&ts, cr, footer, NULL, MARGIN_X, ts.page_h - 36, PANGO_ALIGN_RIGHT,
			           ts.body_w);
		}
		for (; piece < layout->n_pieces && layout->pieces[piece].page == i; piece++) {
			const struct flow_piece *p = &layout->pieces[piece];
			struct block *b = g_ptr_array_index(ts.blocks, p->item);
			bool first = piece == 0 || layout->pieces[piece - 1].item != p->item;

			draw_piece(&ts, cr, b, p, pages, first && !p->repeated);
			/* Streamed: a block's layouts go once its last piece is drawn. */
			if (piece + 1 == b->last_piece)
				free_block(b);
		}
		/* Page labels as the footer numbers them: a reader's "go to page 12"
		 * lands on the page that says "Page 12". */
		snprintf(footer, sizeof footer, "%zu", i + 1);
		cairo_pdf_surface_set_page_label(surface, cover_page ? "Cover" : footer);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	outline(&ts, surface);
	/* cairo stops drawing at its first error and says so only here: a
	 * document it could not draw whole is never written.  (A failed write
	 * shows here too; pdf_surface_close reports that one as a file error.) */
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS &&
	    cairo_status(cr) != CAIRO_STATUS_WRITE_ERROR) {
		diag_report(d, DIAG_ERROR, EXIT_INTERNAL, output_path(o), 0, 0,
		            "cannot draw the document: %s", cairo_status_to_string(cairo_status(cr)));
		goto done;
	}
	cairo_destroy(cr);
	cr = NULL;
	ok = pdf_surface_close(surface, o, d);
	surface = NULL;
	committed = true;
done:
	if (cr != NULL)
		cairo_destroy(cr);
	if (surface != NULL)
		cairo_surface_destroy(surface);
	g_free(title);
	g_free(marking);
	if (pages != NULL)
		g_hash_table_destroy(pages);
	flow_layout_free(layout);
	g_ptr_array_free(ts.owned, TRUE);
	g_ptr_array_free(ts.blocks, TRUE);
	g_array_free(ts.items, TRUE);
	g_hash_table_destroy(ts.ids);
	g_hash_table_destroy(ts.widths);
	g_ptr_array_free(ts.pending, TRUE);
	for (i = 0; i < S_STYLES; i++)
		pango_font_description_free(ts.fonts[i]);
	g_object_unref(ts.pango);
	if (!committed)
		output_abort(o);
	return ok;
}

/* Threads of this process, from /proc/self/task; 0 when that cannot be read. */
static unsigned
count_threads(void)
{
	GDir *dir = g_dir_open("/proc/self/task", 0, NULL);
	unsigned n = 0;

	if (dir == NULL)
		return 0;
	while (g_dir_read_name(dir) != NULL)
		n++;
	g_dir_close(dir);
	return n;
}

/* The process's font map, made the default of the calling thread too
 * (chart_cairo draws with that); false if it existed already. */
static bool
make_font_map(void)
{
	if (font_map != NULL)
		return false;
	font_map = pango_cairo_font_map_new();
	pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(font_map));
	return true;
}

bool
typeset_prepare(void)
{
	unsigned threads;
	int waited;

	FcInit();
	/* pango sorts fonts on threads of its own, and a process that forks
	 * must have no other thread (one may hold a lock the child would wait
	 * on for ever): load fonts only where those threads can be seen end. */
	threads = count_threads();
	if (threads == 0)
		return true;
	if (threads > 1)
		return false;
	if (make_font_map())
		warm(font_map);
	for (waited = 0; waited < 5000 && count_threads() != 1; waited++)
		g_usleep(1000);
	return count_threads() == 1;
}

void
typeset_warm_fonts(void)
{
	if (make_font_map())
		warming = g_thread_try_new("ssecmm-fonts", warm, font_map, NULL);
}

void
typeset_fonts_join(void)
{
	if (warming != NULL) {
		g_thread_join(warming);
		warming = NULL;
	}
}
