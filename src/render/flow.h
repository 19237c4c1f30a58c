/* Pagination: where each measured block goes on which page (pure; measurements come in as numbers). */
#ifndef SSECMM_FLOW_H
#define SSECMM_FLOW_H

#include <stdbool.h>
#include <stddef.h>

enum flow_kind {
	FLOW_LINES,   /* a paragraph: breakable between lines */
	FLOW_ROW,     /* a table row: kept whole unless taller than a page */
	FLOW_FIXED    /* a chart or a rule: never broken */
};

/* Why an item keeps with the next, which sets what a page break after it
 * costs (flow_break_penalty). */
enum flow_keep {
	FLOW_KEEP_TITLE,    /* a heading, caption or header row: never a page's last block */
	FLOW_KEEP_LEAD_IN,  /* a sentence ending in ':' before its list or table */
	FLOW_KEEP_BLOCK     /* inside a short block (a small table, a finding): split only
	                     * rather than leave a page nearly empty */
};

/* One block, measured.  Heights are points. */
struct flow_item {
	enum flow_kind kind;
	double space_before;
	double space_after;
	bool break_before;     /* start a new page (ignored at the top of a page) */
	bool keep_with_next;   /* headings: never the last thing on a page */
	enum flow_keep keep;   /* why, when keep_with_next */
	/* FLOW_LINES: the height of each line. */
	const double *lines;
	size_t n_lines;
	/* FLOW_ROW: for each cell, its lines; rows add padding above and below. */
	size_t n_cells;
	const double *const *cell_lines;
	const size_t *cell_n_lines;
	double padding;
	int table;             /* FLOW_ROW: rows of one table share a number */
	bool header;           /* FLOW_ROW: repeated at the top of each page the table continues on */
	/* FLOW_FIXED */
	double height;
	/* FLOW_LINES: set with its neighbours that are too in two balanced
	 * columns (an index), each kept whole (flow_columns). */
	bool columns;
};

/* A block, or part of it, placed on a page.  For rows, first[] and count[]
 * give each cell's lines on this page (arrays of n_cells, owned by the
 * layout); for lines, first[0] and count[0]. */
struct flow_piece {
	size_t item;
	size_t page;
	double y;              /* top of the piece, from the top of the body */
	double height;
	size_t *first;
	size_t *count;
	bool repeated;         /* a header row repeated on a continuation page */
	int column;            /* 1 for the second of two columns, else 0 */
};

struct flow_layout {
	struct flow_piece *pieces;
	size_t n_pieces;
	size_t n_pages;
};

/* Paginate items into pages whose body is page_height points tall, by
 * least badness as TeX's page builder does: of the places where a page may
 * end (between blocks, between a paragraph's lines, between rows), each
 * page takes the one whose cost (flow_page_cost of its fill and
 * flow_break_penalty), added to the least cost of the page after it, is
 * smallest.  The rules are costs, heavy enough to hold whenever a page can
 * be set otherwise: at least two lines of a paragraph at the foot and at
 * the head of a page (so one of two or three lines is never split); a
 * keep_with_next item never ends a page, a table's header row never ends
 * one, and its first row stays with its second; rows move whole to the
 * next page, with the table's header rows repeated there, and only a row
 * taller than a whole page is split between lines; space before a block is
 * dropped at the top of a page.  A run of items marked columns is set by
 * flow_columns where it starts and each page's share of it kept as one
 * block; its pieces say which column.  Pure and deterministic.  The caller frees
 * the result with flow_layout_free. */
struct flow_layout *flow_paginate(const struct flow_item *items, size_t n, double page_height);
void flow_layout_free(struct flow_layout *l);

/* ---- two columns ---- */

/* Where an item set in columns goes: its page (from the first of the run),
 * its column (0 or 1) and its top, from the top of the columns on that page. */
struct flow_place {
	size_t page;
	int column;
	double y;
};

/* Items, each kept whole, into two columns a page, as an index is set:
 * the first page's columns are first_height tall (what is left of the page
 * where the run starts; nothing goes there when not even one item fits),
 * the others' page_height.  Pages are filled column 1 then column 2; the
 * last page's two columns are balanced, as near the same height as the
 * items allow.  A keep_with_next item (a letter's head) never ends a
 * column.  Space before an item is dropped at a column's top.  Items go in
 * order, column 1 before column 2: reading order.  Writes place[0..n);
 * returns how many pages the run spans, counting a first page where
 * nothing fitted (0 when n is 0).  Pure. */
size_t flow_columns(const struct flow_item *items, size_t n, double first_height,
                    double page_height, struct flow_place *place);

/* ---- blocks kept on one page ---- */

/* The height of items set one under another from the top of a page, as
 * flow_paginate stacks them (space before a block dropped at the top, the
 * last one's space after not counted; rows with their padding): whether a block that must be one page, a
 * cover, fits it. */
double flow_stack_height(const struct flow_item *items, size_t n);

/* Close up the space around items, every space_before and space_after
 * scaled by one factor, no smaller than FLOW_TIGHTEST, so that their
 * flow_stack_height fits page_height if spacing alone can make it fit.
 * Items that fit already are left as they are.  Returns whether they fit. */
#define FLOW_TIGHTEST 0.25
bool flow_tighten(struct flow_item *items, size_t n, double page_height);

/* ---- the costs of page breaks ---- */

/* What breaking the page before line `line` of item `item` costs (line 0:
 * before the item; item n: the end, which costs nothing): nothing between
 * two free blocks; a little inside a paragraph, more beside its last two
 * lines, and so much for a single line at either side that it happens only
 * when a page holds no more; a little between rows, more before a table's
 * last row, much more after its first; after a keep_with_next item, by its
 * keep (a title or header row most, then a lead-in, then a short block). */
double flow_break_penalty(const struct flow_item *items, size_t n, size_t item, size_t line);

/* The badness of a page whose content is fill points tall of page_height,
 * ended by a break of the given penalty: the empty space at its foot,
 * growing with its square (none when the page ends a chapter or the
 * document, ends_chapter), and a heavy cost for a page nearly empty
 * whatever ends it. */
double flow_page_cost(double fill, double page_height, double penalty, bool ends_chapter);

/* ---- table columns ---- */

/* A place in a table cell's text, measured unwrapped: where a line may break
 * (or starts or ends), as its line and its distance from the line's start. */
struct flow_stop {
	size_t line;
	double x;
};

/* The narrowest a cell can be set without breaking a word: its widest
 * stretch between two neighbouring stops of one line, plus padding on
 * either side.  Stops come in line order; within a line in any order (they
 * are sorted in place: right-to-left text measures right to left).  A cell
 * of several lines is as narrow as its longest word, not as its widest
 * line's last word. */
double flow_min_width(struct flow_stop *stops, size_t n, double padding);

/* Widths of n columns in avail points, as a browser sets a table: each
 * column's natural width pref[] when they all fit, spread to fill avail;
 * else each between its minimum min[] and its natural width in proportion;
 * only when the minimums alone do not fit, narrower than a minimum (the
 * caller first tries smaller type).  pref[c] >= min[c] > 0.  Writes
 * width[0..n). */
void flow_column_widths(const double *pref, const double *min, size_t n, double avail,
                        double *width);

#endif
