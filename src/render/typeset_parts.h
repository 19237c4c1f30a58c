/* The typesetter's parts: its page style, what it draws, and the functions its files share. */
#ifndef SSECMM_TYPESET_PARTS_H
#define SSECMM_TYPESET_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "render/chart.h"
#include "render/flow.h"
#include "render/pdf_access.h"
#include "render/typeset.h"

/* ---- the page style ---- */

#define FONT "DejaVu Sans"
#define MONO "DejaVu Sans Mono"
#define NONE 0xFFFFFFFFu

#define MARGIN_X 84.0 /* a measure of about 75-80 characters of body text */
#define MARGIN_TOP 62.0
#define MARGIN_BOTTOM 58.0
#define LIST_INDENT 16.0
#define TOC_NUMBER_WIDTH 36.0
#define HEAD_GAP 12.0         /* between the two sides of the running head */
#define HEAD_MIN_TITLE 120.0  /* the least the marking leaves the title */
#define TOC_DOT_STEP 4.5      /* dot leaders: one dot every so many points */
#define CELL_PAD_X 4.0
#define COMPACT_PAD_X 1.5 /* tables of class "compact": many narrow columns */
#define CELL_PAD_Y 2.5
#define DENSE_PAD_Y 1.0 /* tables of class "dense": the statement's, set close */
#define FINDING_INDENT 10.0 /* a finding's text right of its bar */
#define FINDING_BAR 2.5
#define SHORT_FINDING 8     /* a finding of this many blocks or fewer is never split */
#define SHORT_TABLE_ROWS 6 /* a table of this many body rows or fewer is never split */
#define LONG_RUN 40 /* characters without a break before one is offered */
#define NAME_RUN 12 /* characters of a run before its separators may break it */
#define DIGEST_GAP 2.5 /* points between the groups of a digest */
#define COLUMN_GAP 24.0 /* between the two columns of an index */
#define INDEX_HANG 12.0 /* how far an index entry's turnover lines are indented */

enum style {
	S_BODY, S_SMALL, S_H1, S_H2, S_H3, S_H4, S_CELL, S_CELL_HEAD, S_CAPTION, S_COVER_H1,
	S_COVER_H1_LONG, /* a cover's title a step smaller, when the cover would not fit its page */
	S_STYLES
};

struct style_row {
	double size;
	bool bold;
	bool italic;
	unsigned color;
	double space_before, space_after;
	double line_spacing;
};

/* Each style's size, weight, colour and spacing (typeset_style.c). */
extern const struct style_row styles[S_STYLES];

/* ---- the typesetter's state (typeset_fonts.c keeps its fonts) ---- */

struct typesetter {
	PangoFontMap *font_map;  /* made on first use; the process's default too */
	GThread *warming;        /* loading fonts ahead of typesetting, until joined */
};

struct link {
	int start, end;   /* byte range in the layout's text */
	char *dest;       /* an id of this document, or a relative path (uri) */
	bool uri;         /* to a file beside this one: the index's links to products */
};

struct text {
	PangoLayout *layout;
	GArray *links;    /* struct link */
	double *heights;  /* of each line */
	double *tops;     /* of each line, from the layout's top */
	double *baselines;/* of each line, from the layout's top */
	double *lefts;    /* of each line, from the layout's left: where its alignment puts it */
	size_t n_lines;
};

struct cell {
	struct text t;
	double x, width;
	bool head;
	const char *scope;       /* a header's: "Column" or "Row" (static) */
	const char *lang;        /* the language all its text is in, or NULL (borrowed) */
};

enum block_kind { B_TEXT, B_ROW, B_CHART };

struct block {
	enum block_kind kind;
	double x, width;
	enum style style;        /* B_TEXT */
	struct text t;           /* B_TEXT */
	const char *lang;        /* B_TEXT: the language all its text is in, or NULL (borrowed) */
	char *marker;            /* list bullet or number */
	double marker_x;         /* where the marker's box starts (it ends LIST_INDENT - 4 later) */
	unsigned rule;           /* colour of a rule under the block, or NONE */
	unsigned bar;            /* colour of a bar left of the block (a finding's), or NONE */
	int table;               /* rows: the table they belong to; else -1 */
	int list;                /* blocks of a list item: the list they belong to; else -1 */
	double bar_x;            /* the bar's left, from the body's left */
	double bar_below;        /* how far the bar reaches under the block: to the next one of its finding */
	char *toc_target;        /* a contents entry: the id whose page it shows */
	const xmlNode *page_refs;/* an index entry: the element it is set from again, each link
	                          * followed by its target's page, once pages are known */
	struct cell *cells;      /* B_ROW */
	size_t n_cells;
	bool head_row;
	double pad_x;            /* rows: space left and right of cell text */
	double pad_y;            /* rows: space above and below it */
	struct chart *chart;     /* B_CHART */
	char *alt;               /* B_CHART: its alternate text, as the HTML's */
	double scale;
	GPtrArray *dests;        /* ids anchored here (char *) */
	int outline_level;       /* 2 or 3 for headings in the outline, else 0 */
	bool names_pages;        /* an outline heading the running head names: a chapter or
	                          * process area, not an index's letter */
	char *outline_text;
	size_t last_piece;       /* freed after drawing it */
};

/* One document being typeset. */
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
	GHashTable *small;       /* "alignment|width|language|text" -> PangoLayout (ts_show_small) */
	GPtrArray *pending;      /* ids waiting for the next block */
	bool break_pending;
	bool after_cover;
	bool cover;              /* inside the cover */
	bool has_cover;
	size_t cover_items;      /* items of the cover */
	bool in_toc;
	bool in_columns;         /* building an index: its heads and entries go in two columns */
	int tables;
	int lists;
	unsigned synthetic;      /* outline destinations without an id */
	bool failed;
	GHashTable *ref_pages;   /* while index entries are set: id -> page number */
	bool defer_text;         /* building an index entry: its text waits for the pages */
	GPtrArray *owned;        /* strings of flow items (line arrays) */
	struct pdf_access *access; /* what cairo cannot tag, noted for after it */
	struct {                 /* the running head as last fitted: most pages repeat it */
		const char *right;   /* the text it was fitted from (borrowed) */
		char *right_fit, *title_fit;
		double right_w;
	} head;
};

/* Inline content on its way into one pango text. */
struct inline_text {
	GString *s;
	PangoAttrList *attrs;
	GArray *links;
	GPtrArray *ids;          /* ids of inline elements: anchored on this text's block */
	bool space;              /* a space is due before the next character */
	size_t run;              /* characters since the last break opportunity */
	const char *lang;        /* the widest run marked with a language (borrowed from the document) */
	int lang_start, lang_end;
	bool other_lang;         /* another language marked outside that run */
};

/* A table cell's text measured unwrapped: its natural and smallest widths
 * (without padding) and the layout, kept to draw cells that fit. */
struct measured {
	double pref, min;
	PangoLayout *layout;
};

/* ---- fonts (typeset_fonts.c): the one place fonts are chosen ---- */

/* A context with the typesetter's settings on t's font map (made now if no
 * warm-up made it), once any warm-up has finished.  g_object_unref it. */
PangoContext *ts_fonts_context(struct typesetter *t);
/* The font of every style; pango_font_description_free each. */
void ts_fonts_describe(PangoFontDescription *fonts[S_STYLES]);
/* Wait for the warm-up and let go of t's font map. */
void ts_fonts_release(struct typesetter *t);

/* ---- inline text (typeset_inline.c) ---- */

void ts_inline_init(struct inline_text *it);
void ts_inline_clear(struct inline_text *it);
/* Inline content of n (or of its children) into it, with pango attributes
 * for the formatting, links to ids of the document and badge colours. */
void ts_put_inline(struct ts *ts, struct inline_text *it, const xmlNode *n);
void ts_put_children(struct ts *ts, struct inline_text *it, const xmlNode *n);
/* Move the ids of inline elements to the block they are drawn in. */
void ts_take_ids(GPtrArray *dests, struct inline_text *it);
/* The language all of it's text is in (its whole text marked with one
 * lang, but for spaces and bidirectional isolates), or NULL: the element's
 * /Lang in the PDF.  Borrowed from the document. */
const char *ts_whole_language(const struct inline_text *it);
void ts_add_attr(PangoAttrList *attrs, PangoAttribute *a, int start, int end);
PangoAttribute *ts_fg_attr(unsigned rgb);
bool ts_has_class(const xmlNode *n, const char *cls);
void ts_free_links(GArray *links);
/* Forbid line breaks inside names that must not be split ("ISO/IEC" at its
 * slash); call once the text is complete. */
void ts_keep_names_whole(struct inline_text *it);

/* ---- measuring (typeset_measure.c) ---- */

/* Lay it->s out in t at width and measure its lines; t takes the links. */
void ts_make_text(struct ts *ts, struct text *t, struct inline_text *it, enum style st,
                  double width, PangoAlignment align);
/* The positions and heights of t's lines, from its layout. */
void ts_measure_lines(struct text *t);
/* Measure t's lines again once its layout has changed (font, indent). */
void ts_remeasure_lines(struct text *t);
void ts_free_text(struct text *t);
/* A cell's natural and smallest widths, kept in ts->widths with its
 * unwrapped layout (*layout, borrowed). */
void ts_measure_widths(struct ts *ts, struct inline_text *it, enum style st, double *pref,
                       double *min, PangoLayout **layout);
void ts_free_measured(gpointer p);

/* ---- building blocks (typeset_build.c) ---- */

/* The blocks and flow items of body, in ts->blocks and ts->items; ids of
 * the document in ts->ids.  ts->failed after reporting. */
void ts_build(struct ts *ts, const xmlNode *body);
/* Set every index entry (built without lines) with its links' pages
 * (pages: id -> page number, as GINT_TO_POINTER) and give its flow item
 * its lines.  Returns whether there was any, when the document must be
 * paginated again. */
bool ts_add_page_refs(struct ts *ts, GHashTable *pages);
/* Free a block's layouts (once drawn), or the whole block. */
void ts_free_block(struct block *b);
void ts_destroy_block(gpointer p);

/* ---- drawing (typeset_draw.c) ---- */

void ts_set_rgb(cairo_t *cr, unsigned rgb);
/* text in the small style, in language lang (NULL: the document's); its
 * layout is kept in ts->small for the next time the same text is shown. */
void ts_show_small(struct ts *ts, cairo_t *cr, const char *text, const char *lang, double x,
                   double y, PangoAlignment align, double width);
/* Draw lines [first, first + count) of t with its top at (x, y), each
 * where its layout's alignment puts it, with link rectangles to the
 * destinations in pages. */
void ts_draw_lines(cairo_t *cr, const struct text *t, unsigned color, double x, double y,
                   size_t first, size_t count, GHashTable *pages);
/* Draw piece p of block b; pages maps destination ids to page numbers. */
void ts_draw_piece(struct ts *ts, cairo_t *cr, struct block *b, const struct flow_piece *p,
                   GHashTable *pages, bool first_piece);
/* What every page but the cover carries, from the document's head: the
 * title and the confidentiality marking (each with the language of the
 * appraisal text it quotes, or NULL), the version (NULL for none) and
 * whether the document is a draft. */
struct furniture {
	const char *title, *title_lang;
	const char *marking, *marking_lang;
	const char *version;
	bool draft;
};

/* The running head and the footer "Page X of Y": the title on the left;
 * on the right the confidentiality marking, or where there is none the
 * current chapter (NULL for none).  Each cut at a word where it does not fit.
 * The version on the footer's left, followed by ", draft" for a draft. */
void ts_draw_furniture(struct ts *ts, cairo_t *cr, const struct furniture *f,
                       const char *chapter, size_t page, size_t n_pages);
/* Free what ts_draw_furniture keeps between pages. */
void ts_draw_furniture_done(struct ts *ts);
/* The structure element that groups block b with its neighbours ("Table",
 * "L"), with an id that tells one group from the next; NULL for none. */
const char *ts_group_of(const struct block *b, int *id);

#endif
