/* Pagination: where each measured block goes on which page (pure; measurements come in as numbers). */
#include "render/flow.h"

#include <stdlib.h>

#include <glib.h>

#define EPS 1e-6
#define MAX_HEADER_ROWS 8

/* The costs of breaking a page, in one scale with flow_page_cost: a page
 * left empty at its foot costs FOOT_COST times the square of the part
 * left empty; a page filled less than NEARLY_EMPTY of its height costs up
 * to EMPTY_PAGE_COST more; and every page costs PAGE_COST, so that of two
 * ways of setting a chapter the one with fewer pages wins unless it is much
 * worse set.  The rules that must hold whenever a page can
 * be set otherwise (UNBREAKABLE, TITLE_KEEP, LEAD_IN_KEEP) cost more than
 * any page's emptiness can; a short block gives way only to a page that
 * would be left nearly empty. */
#define PAGE_COST 200.0     /* every page: fewer pages set as well win */
#define FOOT_COST 1000.0
#define NEARLY_EMPTY 0.15
#define EMPTY_PAGE_COST 4000.0
#define UNBREAKABLE 1e6     /* a single line of a paragraph at a page's foot or head */
#define TITLE_KEEP 1e5      /* after a heading, caption or header row */
#define LEAD_IN_KEEP 2e4    /* between a lead-in and its list */
#define FIRST_ROW_KEEP 1e4  /* between a table's first row and its second */
#define BLOCK_KEEP 3000.0   /* inside a short table or finding */
#define PARAGRAPH_BREAK 10.0
#define TIGHT_BREAK 15.0    /* more, beside a paragraph's first or last two lines */
#define ROW_BREAK 2.0
#define LAST_ROW_BREAK 50.0 /* a table's last row alone at the head of a page */

/* Where a page may start: before line `line` of item `item` (0: before the
 * item; rows and fixed blocks have only line 0). */
struct pos {
	size_t item, line;
};

/* A place where the page may end, found by walking it. */
struct candidate {
	struct pos at;
	double fill;          /* the content's height above the break */
	double penalty;
	bool ends_chapter;    /* a forced break or the document's end follows */
};

struct pager {
	const struct flow_item *items;
	size_t n;
	double page_h;
	GArray *pieces;
	size_t page;
	double y;
};

static double
sum(const double *v, size_t first, size_t count)
{
	double s = 0;
	size_t i;

	for (i = 0; i < count; i++)
		s += v[first + i];
	return s;
}

static double
row_height(const struct flow_item *it)
{
	double h = 0;
	size_t c;

	for (c = 0; c < it->n_cells; c++) {
		double ch = sum(it->cell_lines[c], 0, it->cell_n_lines[c]);

		if (ch > h)
			h = ch;
	}
	return h + 2 * it->padding;
}

double
flow_stack_height(const struct flow_item *items, size_t n)
{
	double y = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct flow_item *it = &items[i];
		double h = it->kind == FLOW_ROW     ? row_height(it)
		           : it->kind == FLOW_LINES ? sum(it->lines, 0, it->n_lines)
		                                    : it->height;

		/* The last item's space after is no part of the page. */
		y += (y > 0 ? it->space_before : 0) + h + (i + 1 < n ? it->space_after : 0);
	}
	return y;
}

bool
flow_tighten(struct flow_item *items, size_t n, double page_height)
{
	double total = flow_stack_height(items, n), spaces = 0, factor;
	size_t i;

	if (total <= page_height + EPS)
		return true;
	/* The spaces that count: not the first item's space before, nor the
	 * last one's after. */
	for (i = 0; i < n; i++)
		spaces += (i > 0 ? items[i].space_before : 0) + (i + 1 < n ? items[i].space_after : 0);
	if (spaces <= 0)
		return false;
	factor = 1 - (total - page_height) / spaces;
	if (factor < FLOW_TIGHTEST)
		factor = FLOW_TIGHTEST;
	for (i = 0; i < n; i++) {
		items[i].space_before *= factor;
		items[i].space_after *= factor;
	}
	return flow_stack_height(items, n) <= page_height + EPS;
}

static bool
same_table(const struct flow_item *a, const struct flow_item *b)
{
	return a->kind == FLOW_ROW && b->kind == FLOW_ROW && a->table == b->table;
}

/* The header rows to repeat above item i when it starts a page: those of
 * its table, when i is a body row continuing a table.  Returns how many. */
static size_t
headers_above(const struct flow_item *items, size_t i, size_t out[MAX_HEADER_ROWS])
{
	size_t j, first, k = 0;

	if (items[i].kind != FLOW_ROW || items[i].header || i == 0 ||
	    !same_table(&items[i - 1], &items[i]))
		return 0;
	for (first = i; first > 0 && same_table(&items[first - 1], &items[i]); first--)
		;
	for (j = first; j < i && k < MAX_HEADER_ROWS; j++)
		if (items[j].header)
			out[k++] = j;
	return k;
}

double
flow_break_penalty(const struct flow_item *items, size_t n, size_t item, size_t line)
{
	const struct flow_item *it, *prev;
	double penalty = 0;

	if (item >= n)
		return 0;
	it = &items[item];
	if (line > 0) {
		size_t after = it->n_lines > line ? it->n_lines - line : 0;

		if (line < 2 || after < 2)
			return UNBREAKABLE;
		return line == 2 || after == 2 ? TIGHT_BREAK : PARAGRAPH_BREAK;
	}
	if (item == 0)
		return 0;
	prev = &items[item - 1];
	if (prev->keep_with_next)
		penalty += prev->keep == FLOW_KEEP_LEAD_IN ? LEAD_IN_KEEP
		         : prev->keep == FLOW_KEEP_BLOCK ? BLOCK_KEEP : TITLE_KEEP;
	if (same_table(prev, it) && !it->header) {
		if (prev->header)
			penalty += TITLE_KEEP;
		else if (item < 2 || !same_table(&items[item - 2], it) || items[item - 2].header)
			penalty += FIRST_ROW_KEEP;
		else if (item + 1 >= n || !same_table(&items[item + 1], it))
			penalty += LAST_ROW_BREAK;
		else
			penalty += ROW_BREAK;
	}
	return penalty;
}

double
flow_page_cost(double fill, double page_height, double penalty, bool ends_chapter)
{
	double part = page_height > 0 ? fill / page_height : 1, cost = PAGE_COST + penalty;

	if (part > 1)
		part = 1;
	if (!ends_chapter)
		cost += FOOT_COST * (1 - part) * (1 - part);
	if (part < NEARLY_EMPTY)
		cost += EMPTY_PAGE_COST * (NEARLY_EMPTY - part) / NEARLY_EMPTY;
	return cost;
}

/* ---- placing ---- */

static struct flow_piece *
add_piece(struct pager *p, size_t item, double y, double height, size_t n_slots)
{
	struct flow_piece piece = {0};

	piece.item = item;
	piece.page = p->page;
	piece.y = y;
	piece.height = height;
	piece.first = g_new0(size_t, n_slots ? n_slots : 1);
	piece.count = g_new0(size_t, n_slots ? n_slots : 1);
	g_array_append_val(p->pieces, piece);
	return &g_array_index(p->pieces, struct flow_piece, p->pieces->len - 1);
}

static void
new_page(struct pager *p)
{
	p->page++;
	p->y = 0;
}

static void
place_whole_row(struct pager *p, size_t i, bool repeated)
{
	const struct flow_item *it = &p->items[i];
	struct flow_piece *piece = add_piece(p, i, p->y, row_height(it), it->n_cells);
	size_t c;

	piece->repeated = repeated;
	for (c = 0; c < it->n_cells; c++)
		piece->count[c] = it->cell_n_lines[c];
	p->y += piece->height;
}

/* On a fresh page where row i continues its table: its header rows again. */
static void
repeat_headers(struct pager *p, size_t i)
{
	size_t headers[MAX_HEADER_ROWS], n = headers_above(p->items, i, headers), h;

	for (h = 0; h < n; h++)
		place_whole_row(p, headers[h], true);
}

/* A row taller than what is left of an empty page: split between lines. */
static void
split_row(struct pager *p, size_t i)
{
	const struct flow_item *it = &p->items[i];
	size_t *done = g_new0(size_t, it->n_cells ? it->n_cells : 1);
	bool more = true;

	while (more) {
		double avail = p->page_h - p->y - 2 * it->padding, tallest = 0;
		struct flow_piece *piece;
		size_t c;

		piece = add_piece(p, i, p->y, 0, it->n_cells);
		more = false;
		for (c = 0; c < it->n_cells; c++) {
			double used = 0;
			size_t k = 0;

			while (done[c] + k < it->cell_n_lines[c] &&
			       (used + it->cell_lines[c][done[c] + k] <= avail + EPS || k == 0)) {
				used += it->cell_lines[c][done[c] + k];
				k++;
			}
			piece->first[c] = done[c];
			piece->count[c] = k;
			done[c] += k;
			if (done[c] < it->cell_n_lines[c])
				more = true;
			if (used > tallest)
				tallest = used;
		}
		piece->height = tallest + 2 * it->padding;
		p->y += piece->height;
		if (more) {
			new_page(p);
			repeat_headers(p, i);
		}
	}
	g_free(done);
}

/* ---- walking a page ---- */

/* One walk over a page from `from`, its content reaching p->y already (0:
 * a fresh page, whose repeated header rows the walk adds).  Without stop,
 * it records in breaks each place where the page may end, up to the first
 * block or line that does not fit, a forced break or the end; with stop,
 * it places the pieces before stop.  force places the first line or block
 * even when it does not fit (a page holds nothing less). */
struct walk {
	struct pos from;
	bool force;
	const struct pos *stop;
	GArray *breaks;
};

static bool
at(struct pos a, const struct pos *b)
{
	return b != NULL && a.item == b->item && a.line == b->line;
}

static void
record(const struct pager *p, const struct walk *w, struct pos where, double fill,
       bool ends_chapter)
{
	struct candidate c;

	if (w->breaks == NULL)
		return;
	c.at = where;
	c.fill = fill;
	c.penalty = ends_chapter ? 0 : flow_break_penalty(p->items, p->n, where.item, where.line);
	c.ends_chapter = ends_chapter;
	g_array_append_val(w->breaks, c);
}

/* Walks as struct walk says, leaving p->y below the last block walked and
 * its space after. */
static void
walk_page(struct pager *p, const struct walk *w)
{
	const bool place = w->stop != NULL;
	double y = p->y, bottom = p->y;
	bool placed = p->y > 0;     /* content on the page: a break is no empty page */
	bool force = w->force;
	size_t i;

	if (p->y == 0 && w->from.line == 0) {
		size_t headers[MAX_HEADER_ROWS], n = headers_above(p->items, w->from.item, headers), h;

		for (h = 0; h < n; h++) {
			if (place) {
				p->y = y;
				place_whole_row(p, headers[h], true);
			}
			y += row_height(&p->items[headers[h]]);
		}
		bottom = y;
	}
	for (i = w->from.item; i < p->n; i++) {
		const struct flow_item *it = &p->items[i];
		size_t first = i == w->from.item ? w->from.line : 0, k;
		double space = y > 0 ? it->space_before : 0;
		struct pos here = {i, first};

		if (first == 0 && placed) {
			if (at(here, w->stop))
				break;
			if (it->break_before) {
				record(p, w, here, bottom, true);
				break;
			}
			record(p, w, here, bottom, false);
		}
		if (it->kind == FLOW_LINES) {
			size_t piece = 0;

			for (k = first; k < it->n_lines; k++) {
				double need = (k == first ? space : 0) + it->lines[k];

				here.line = k;
				if (k > first && at(here, w->stop))
					goto done;
				if (k > first)
					record(p, w, here, bottom, false);
				if (y + need > p->page_h + EPS && !force)
					goto done;
				force = false;
				y += need;
				bottom = y;
				placed = true;
				if (!place)
					continue;
				if (k == first) {
					add_piece(p, i, y - it->lines[k], it->lines[k], 1);
					piece = p->pieces->len - 1;
					g_array_index(p->pieces, struct flow_piece, piece).first[0] = k;
				} else {
					g_array_index(p->pieces, struct flow_piece, piece).height += it->lines[k];
				}
				g_array_index(p->pieces, struct flow_piece, piece).count[0]++;
			}
		} else {
			double h = it->kind == FLOW_ROW ? row_height(it) : it->height;

			if (y + space + h > p->page_h + EPS && !force)
				goto done;
			force = false;
			if (place) {
				if (it->kind == FLOW_ROW) {
					p->y = y + space;
					place_whole_row(p, i, false);
				} else {
					add_piece(p, i, y + space, h, 1);
				}
			}
			y += space + h;
			bottom = y;
			placed = true;
		}
		y += it->space_after;
	}
	if (i == p->n && placed)
		record(p, w, (struct pos){p->n, 0}, bottom, true);
done:
	p->y = y;
}

/* The breaks of the page that starts at from (on a page filled to p->y):
 * when none is possible, the first line or block is placed anyway. */
static bool
page_breaks(struct pager *p, struct pos from, GArray *breaks, bool *forced)
{
	double y = p->y;
	struct walk w = {from, false, NULL, breaks};

	g_array_set_size(breaks, 0);
	walk_page(p, &w);
	p->y = y;
	*forced = false;
	if (breaks->len == 0) {
		w.force = *forced = true;
		walk_page(p, &w);
		p->y = y;
	}
	return breaks->len > 0;
}

/* ---- choosing the breaks of a chapter ---- */

/* Every place a page may start has an index, in document order: item i's
 * line k at unit[i] + k (rows and fixed blocks have one place each); the
 * end at unit[n].  For each, the least cost of the pages that lead to it
 * from the chapter's start, the place the last of them started at, and
 * whether that page placed a block that does not fit. */
struct chapter {
	size_t *unit;
	struct pos *pos;      /* the place of each index */
	double *cost;
	size_t *back;
	bool *forced;
	unsigned *stamp;      /* which chapter wrote cost[] and back[] */
	unsigned current;
};

static size_t
index_of(const struct chapter *ch, struct pos at)
{
	return ch->unit[at.item] + at.line;
}

/* A row that needs pages of its own: taller than a fresh page under its
 * table's repeated headers. */
static bool
row_too_tall(const struct pager *p, struct pos at)
{
	size_t headers[MAX_HEADER_ROWS], nh, h;
	double top = 0;

	if (at.item >= p->n || p->items[at.item].kind != FLOW_ROW || at.line != 0)
		return false;
	nh = headers_above(p->items, at.item, headers);
	for (h = 0; h < nh; h++)
		top += row_height(&p->items[headers[h]]);
	return top + row_height(&p->items[at.item]) > p->page_h + EPS;
}

/* The breaks of the chapter that starts at from on the current page (filled
 * to p->y), by least total cost over all its pages (TeX's total fit; a
 * chapter ends at a forced break, the document's end or a row taller than
 * a page).  Returns the places its pages start, from first, and writes the
 * chapter's end to *end. */
static GArray *
chapter_breaks(struct pager *p, struct chapter *ch, struct pos from, GArray *breaks,
               struct pos *end)
{
	size_t first = index_of(ch, from), last = first, k, best_from = first;
	double best = G_MAXDOUBLE, y0 = p->y;
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(struct pos));

	ch->current++;
	ch->stamp[first] = ch->current;
	ch->cost[first] = 0;
	*end = (struct pos){p->n, 0};
	/* Places are visited in order: every page goes forward. */
	for (k = first; k <= last; k++) {
		struct pos here;
		bool forced;
		size_t c;

		if (ch->stamp[k] != ch->current)
			continue;
		here = ch->pos[k];
		if (k != first && row_too_tall(p, here)) {
			if (ch->cost[k] < best) {
				best = ch->cost[k];
				best_from = k;
				*end = here;
			}
			continue;
		}
		p->y = k == first ? y0 : 0;
		if (!page_breaks(p, here, breaks, &forced))
			continue;
		ch->forced[k] = forced;
		for (c = 0; c < breaks->len; c++) {
			const struct candidate *b = &g_array_index(breaks, struct candidate, c);
			double cost = ch->cost[k] +
			              flow_page_cost(b->fill, p->page_h, b->penalty, b->ends_chapter);
			size_t j = index_of(ch, b->at);

			if (b->ends_chapter) {
				if (cost <= best + EPS) {
					best = cost;
					best_from = k;
					*end = b->at;
				}
				continue;
			}
			/* Of equal costs, the later start: the fuller page before. */
			if (ch->stamp[j] != ch->current || cost <= ch->cost[j] + EPS) {
				ch->stamp[j] = ch->current;
				ch->cost[j] = cost;
				ch->back[j] = k;
				if (j > last)
					last = j;
			}
		}
	}
	p->y = y0;
	/* The pages' starts, walked back from the chapter's end. */
	if (best < G_MAXDOUBLE && !(end->item == ch->pos[best_from].item &&
	                            end->line == ch->pos[best_from].line)) {
		for (k = best_from;; k = ch->back[k]) {
			g_array_prepend_val(starts, ch->pos[k]);
			if (k == first)
				break;
		}
	} else if (best < G_MAXDOUBLE) {
		/* The chapter ends at a row too tall, reached by its last page. */
		for (k = ch->back[best_from];; k = ch->back[k]) {
			g_array_prepend_val(starts, ch->pos[k]);
			if (k == first)
				break;
		}
	}
	return starts;
}

/* Paginate in one column: flow_paginate for items none of which is set in columns. */
static struct flow_layout *
paginate_one_column(const struct flow_item *items, size_t n, double page_height)
{
	struct pager p = {items, n, page_height, NULL, 0, 0};
	struct flow_layout *l = g_new0(struct flow_layout, 1);
	GArray *breaks = g_array_new(FALSE, FALSE, sizeof(struct candidate));
	struct chapter ch = {0};
	struct pos from = {0, 0};
	size_t i, k, units;

	ch.unit = g_new(size_t, n + 1);
	for (i = 0, units = 0; i < n; i++) {
		ch.unit[i] = units;
		units += items[i].kind == FLOW_LINES && items[i].n_lines > 1 ? items[i].n_lines : 1;
	}
	ch.unit[n] = units;
	ch.pos = g_new(struct pos, units + 1);
	for (i = 0; i <= n; i++)
		for (k = 0; k == 0 || ch.unit[i] + k < (i < n ? ch.unit[i + 1] : units + 1); k++)
			ch.pos[ch.unit[i] + k] = (struct pos){i, k};
	ch.cost = g_new(double, units + 1);
	ch.back = g_new(size_t, units + 1);
	ch.forced = g_new0(bool, units + 1);
	ch.stamp = g_new0(unsigned, units + 1);
	p.pieces = g_array_new(FALSE, FALSE, sizeof(struct flow_piece));
	while (from.item < n) {
		const struct flow_item *it = &items[from.item];
		struct pos end;
		GArray *starts;
		size_t s;

		/* A row taller than a fresh page is split between its lines, and
		 * the page goes on after it. */
		if (row_too_tall(&p, from)) {
			if (p.y > 0)
				new_page(&p);
			repeat_headers(&p, from.item);
			split_row(&p, from.item);
			p.y += it->space_after;
			from.item++;
			continue;
		}
		/* What follows a split row on its last page, when nothing of it fits
		 * there, starts the next. */
		if (p.y > 0) {
			bool forced;

			page_breaks(&p, from, breaks, &forced);
			const struct candidate *latest =
				breaks->len > 0 ? &g_array_index(breaks, struct candidate, breaks->len - 1)
				                : NULL;

			if (forced || latest == NULL ||
			    (latest->at.item == from.item && latest->at.line == from.line))
				new_page(&p);
		}
		starts = chapter_breaks(&p, &ch, from, breaks, &end);
		if (starts->len == 0) {
			g_array_free(starts, TRUE);
			break;
		}
		for (s = 0; s < starts->len; s++) {
			struct pos start = g_array_index(starts, struct pos, s);
			struct pos stop = s + 1 < starts->len ? g_array_index(starts, struct pos, s + 1)
			                                      : end;
			struct walk w = {start, ch.forced[index_of(&ch, start)], &stop, NULL};

			walk_page(&p, &w);
			if (stop.item < n)
				new_page(&p);
		}
		g_array_free(starts, TRUE);
		from = end;
	}
	g_array_free(breaks, TRUE);
	g_free(ch.unit);
	g_free(ch.pos);
	g_free(ch.cost);
	g_free(ch.back);
	g_free(ch.forced);
	g_free(ch.stamp);
	l->n_pieces = p.pieces->len;
	l->pieces = (struct flow_piece *)g_array_free(p.pieces, FALSE);
	l->n_pages = l->n_pieces > 0 ? p.page + 1 : 0;
	return l;
}

/* ---- two columns ---- */

static double
item_height(const struct flow_item *it)
{
	return it->kind == FLOW_ROW     ? row_height(it)
	       : it->kind == FLOW_LINES ? sum(it->lines, 0, it->n_lines)
	                                : it->height;
}

/* The end of a column of height h filled from item i: as many whole items
 * as fit, less a keep_with_next item left at its foot. */
static size_t
fill_column(const struct flow_item *items, size_t i, size_t n, double h)
{
	size_t j = i;
	double y = 0;

	for (; j < n; j++) {
		double need = (y > 0 ? items[j].space_before : 0) + item_height(&items[j]);

		if (y + need > h + EPS)
			break;
		y += need + items[j].space_after;
	}
	while (j > i + 1 && j < n && items[j - 1].keep_with_next)
		j--;
	return j;
}

/* Items [from, to) placed in one column from its top. */
static void
place_column(const struct flow_item *items, size_t from, size_t to, size_t page, int column,
             struct flow_place *place)
{
	double y = 0;
	size_t j;

	for (j = from; j < to; j++) {
		y += y > 0 ? items[j].space_before : 0;
		place[j] = (struct flow_place){page, column, y};
		y += item_height(&items[j]) + items[j].space_after;
	}
}

size_t
flow_columns(const struct flow_item *items, size_t n, double first_height, double page_height,
             struct flow_place *place)
{
	size_t i = 0, page = 0;
	double h = first_height < page_height ? first_height : page_height;

	while (i < n) {
		size_t split = fill_column(items, i, n, h), end = fill_column(items, split, n, h);

		if (end == i && h < page_height) {
			/* Not even one item fits what is left of the first page. */
			h = page_height;
			page++;
			continue;
		}
		if (end == i)
			split = end = i + 1; /* taller than a column: alone, and over its foot */
		if (end == n) {
			/* The last page: the split that makes the taller column least. */
			double best = -1;
			size_t k;

			for (k = i + 1; k <= n; k++) {
				double a = flow_stack_height(items + i, k - i),
				       b = flow_stack_height(items + k, n - k), tall = a > b ? a : b;

				if (k < n && items[k - 1].keep_with_next)
					continue;
				if ((a > h + EPS || b > h + EPS) && k != split)
					continue;
				if (best < 0 || tall < best - EPS) {
					best = tall;
					split = k;
				}
			}
		}
		place_column(items, i, split, page, 0, place);
		place_column(items, split, end, page, 1, place);
		i = end;
		page++;
		h = page_height;
	}
	return n > 0 ? page : 0;
}

/* One run of items in columns: [first, end), and its places. */
struct column_run {
	size_t first, end;
	double start;            /* where on its page the run starts, as last laid out */
	struct flow_place *place;
	size_t pages;
};

/* The runs of items in columns, with no place yet. */
static GArray *
column_runs(const struct flow_item *items, size_t n)
{
	GArray *runs = g_array_new(FALSE, TRUE, sizeof(struct column_run));
	size_t i = 0;

	while (i < n) {
		struct column_run r = {0};

		if (!items[i].columns || items[i].kind != FLOW_LINES) {
			i++;
			continue;
		}
		r.first = i;
		while (i < n && items[i].columns && items[i].kind == FLOW_LINES)
			i++;
		r.end = i;
		r.place = g_new0(struct flow_place, r.end - r.first);
		g_array_append_val(runs, r);
	}
	return runs;
}

/* The items with each run replaced by one fixed block a page (its band),
 * the run set in columns from where it last started; band_of[j] is the
 * run of band j, or -1 for an item kept as it was (orig[j] its index). */
static GArray *
banded_items(const struct flow_item *items, size_t n, GArray *runs, double page_height,
             GArray *band_of, GArray *orig)
{
	GArray *out = g_array_new(FALSE, FALSE, sizeof(struct flow_item));
	size_t i = 0, r;

	g_array_set_size(band_of, 0);
	g_array_set_size(orig, 0);
	for (r = 0; r <= runs->len; r++) {
		struct column_run *run = r < runs->len ? &g_array_index(runs, struct column_run, r) : NULL;
		size_t stop = run != NULL ? run->first : n, pg;
		int none = -1;

		for (; i < stop; i++) {
			g_array_append_val(out, items[i]);
			g_array_append_val(band_of, none);
			g_array_append_val(orig, i);
		}
		if (run == NULL)
			break;
		double top = run->start > 0 ? run->start + items[run->first].space_before : 0;

		run->pages = flow_columns(items + run->first, run->end - run->first,
		                          page_height - top, page_height, run->place);
		for (pg = 0; pg < run->pages; pg++) {
			struct flow_item band = {0};
			size_t j;
			int id = (int)r;
			bool any = false;

			band.kind = FLOW_FIXED;
			for (j = run->first; j < run->end; j++) {
				const struct flow_place *pl = &run->place[j - run->first];
				double bottom = pl->y + item_height(&items[j]);

				if (pl->page != pg)
					continue;
				if (!any)
					band.space_before = items[j].space_before;
				any = true;
				if (bottom > band.height)
					band.height = bottom;
				band.space_after = items[j].space_after;
			}
			if (!any)
				continue; /* the first page, where nothing fitted */
			band.break_before = pg > 0;
			g_array_append_val(out, band);
			g_array_append_val(band_of, id);
			g_array_append_val(orig, pg);
		}
		i = run->end;
	}
	return out;
}

/* The banded layout l told in the items it stands for: each band's piece
 * becomes the pieces of its run's items on that page, at their places. */
static struct flow_layout *
unband(const struct flow_item *items, struct flow_layout *l, GArray *runs, GArray *band_of,
       GArray *orig)
{
	GArray *pieces = g_array_new(FALSE, FALSE, sizeof(struct flow_piece));
	struct flow_layout *out = g_new0(struct flow_layout, 1);
	size_t k, j;

	for (k = 0; k < l->n_pieces; k++) {
		struct flow_piece p = l->pieces[k];
		int r = g_array_index(band_of, int, p.item);
		const struct column_run *run;
		size_t pg = g_array_index(orig, size_t, p.item);

		if (r < 0) {
			p.item = pg;
			g_array_append_val(pieces, p);
			l->pieces[k].first = l->pieces[k].count = NULL;
			continue;
		}
		run = &g_array_index(runs, struct column_run, r);
		for (j = run->first; j < run->end; j++) {
			const struct flow_place *pl = &run->place[j - run->first];
			struct flow_piece c = {0};

			if (pl->page != pg)
				continue;
			c.item = j;
			c.page = p.page;
			c.y = p.y + pl->y;
			c.height = item_height(&items[j]);
			c.column = pl->column;
			c.first = g_new0(size_t, 1);
			c.count = g_new0(size_t, 1);
			c.count[0] = items[j].n_lines;
			g_array_append_val(pieces, c);
		}
	}
	out->n_pages = l->n_pages;
	out->n_pieces = pieces->len;
	out->pieces = (struct flow_piece *)g_array_free(pieces, FALSE);
	flow_layout_free(l);
	return out;
}

/* Where each run's first band starts on its page in banded layout l: under
 * what precedes it there, or 0 at the top of a page. */
static bool
note_starts(const struct flow_item *banded, const struct flow_layout *l, GArray *runs,
            GArray *band_of)
{
	bool moved = false;
	size_t k;
	int last = -1;

	for (k = 0; k < l->n_pieces; k++) {
		const struct flow_piece *p = &l->pieces[k];
		int r = g_array_index(band_of, int, p->item);
		struct column_run *run;
		double start = 0;

		if (r < 0 || r == last)
			continue;
		last = r;
		run = &g_array_index(runs, struct column_run, r);
		if (k > 0 && l->pieces[k - 1].page == p->page)
			start = l->pieces[k - 1].y + l->pieces[k - 1].height +
			        banded[l->pieces[k - 1].item].space_after;
		if (start > run->start + EPS || start < run->start - EPS) {
			run->start = start;
			moved = true;
		}
	}
	return moved;
}

struct flow_layout *
flow_paginate(const struct flow_item *items, size_t n, double page_height)
{
	GArray *runs = column_runs(items, n), *band_of, *orig, *banded;
	struct flow_layout *l;
	size_t r;
	int round;

	if (runs->len == 0) {
		g_array_free(runs, TRUE);
		return paginate_one_column(items, n, page_height);
	}
	band_of = g_array_new(FALSE, FALSE, sizeof(int));
	orig = g_array_new(FALSE, FALSE, sizeof(size_t));
	/* First guess: where the run starts when set in one column. */
	l = paginate_one_column(items, n, page_height);
	for (r = 0; r < runs->len; r++) {
		struct column_run *run = &g_array_index(runs, struct column_run, r);
		size_t k;

		for (k = 0; k < l->n_pieces && l->pieces[k].item != run->first; k++)
			;
		if (k > 0 && k < l->n_pieces && l->pieces[k - 1].page == l->pieces[k].page)
			run->start = l->pieces[k - 1].y + l->pieces[k - 1].height +
			             items[l->pieces[k - 1].item].space_after;
	}
	flow_layout_free(l);
	/* Where a run starts depends on the pages before it, which its bands
	 * can change by least badness: set it again from where it started,
	 * until it starts where it was set from (a few rounds at most). */
	banded = banded_items(items, n, runs, page_height, band_of, orig);
	l = paginate_one_column((struct flow_item *)(void *)banded->data, banded->len, page_height);
	for (round = 0; round < 3; round++) {
		if (!note_starts((struct flow_item *)(void *)banded->data, l, runs, band_of))
			break;
		g_array_free(banded, TRUE);
		flow_layout_free(l);
		banded = banded_items(items, n, runs, page_height, band_of, orig);
		l = paginate_one_column((struct flow_item *)(void *)banded->data, banded->len,
		                        page_height);
	}
	l = unband(items, l, runs, band_of, orig);
	for (r = 0; r < runs->len; r++)
		g_free(g_array_index(runs, struct column_run, r).place);
	g_array_free(runs, TRUE);
	g_array_free(banded, TRUE);
	g_array_free(band_of, TRUE);
	g_array_free(orig, TRUE);
	return l;
}

void
flow_layout_free(struct flow_layout *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n_pieces; i++) {
		g_free(l->pieces[i].first);
		g_free(l->pieces[i].count);
	}
	g_free(l->pieces);
	g_free(l);
}

static int
by_line_then_x(const void *a, const void *b)
{
	const struct flow_stop *s = a, *t = b;

	if (s->line != t->line)
		return s->line < t->line ? -1 : 1;
	return (s->x > t->x) - (s->x < t->x);
}

double
flow_min_width(struct flow_stop *stops, size_t n, double padding)
{
	double widest = 0;
	size_t i;

	if (n == 0)
		return 2 * padding;
	qsort(stops, n, sizeof *stops, by_line_then_x);
	for (i = 1; i < n; i++)
		if (stops[i].line == stops[i - 1].line && stops[i].x - stops[i - 1].x > widest)
			widest = stops[i].x - stops[i - 1].x;
	return widest + 2 * padding;
}

void
flow_column_widths(const double *pref, const double *min, size_t n, double avail,
                   double *width)
{
	double sum_pref = 0, sum_min = 0;
	size_t c;

	for (c = 0; c < n; c++) {
		sum_pref += pref[c];
		sum_min += min[c];
	}
	for (c = 0; c < n; c++) {
		if (sum_pref <= avail)
			width[c] = pref[c] * avail / sum_pref;
		else if (sum_min < avail)
			width[c] = min[c] + (pref[c] - min[c]) * (avail - sum_min) / (sum_pref - sum_min);
		else
			width[c] = min[c] * avail / sum_min;
	}
}
