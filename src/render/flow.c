/* Pagination: where each measured block goes on which page (pure; measurements come in as numbers). */
#include "render/flow.h"

#include <stdlib.h>

#include <glib.h>

#define MAX_HEADER_ROWS 8
#define MAX_KEPT 12        /* items a chain of keep_with_next looks ahead: a short table's rows */

struct pager {
	const struct flow_item *items;
	size_t n;
	double page_h;
	GArray *pieces;
	size_t page;
	double y;
	int table;                      /* table of the last row placed, or -1 */
	size_t headers[MAX_HEADER_ROWS];/* its header rows */
	size_t n_headers;
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

static double
item_height(const struct flow_item *it)
{
	switch (it->kind) {
	case FLOW_LINES:
		return sum(it->lines, 0, it->n_lines);
	case FLOW_ROW:
		return row_height(it);
	default:
		return it->height;
	}
}

/* What must fit for item i to start on a page: a paragraph's first two
 * lines, or all of one of three lines or fewer (never split); a table row with the next row of its table (a heading or a header
 * row keeps with two rows); the whole of anything else. */
static double
start_height(const struct flow_item *items, size_t n, size_t i)
{
	const struct flow_item *it = &items[i];

	if (it->kind == FLOW_LINES && it->n_lines >= 4)
		return sum(it->lines, 0, 2);
	if (it->kind == FLOW_ROW && i + 1 < n && items[i + 1].kind == FLOW_ROW &&
	    items[i + 1].table == it->table && !items[i + 1].header)
		return item_height(it) + items[i + 1].space_before + item_height(&items[i + 1]);
	return item_height(it);
}

/* Height that must follow item i on its page: the start of the next item,
 * or the whole of it and what follows when it too keeps with its next (a
 * heading followed by a caption and a table's header and rows kept
 * together). */
static double
kept_height(const struct flow_item *items, size_t n, size_t i)
{
	double h = 0;
	size_t j;

	h += items[i].space_after;
	for (j = i + 1; j < n && j <= i + MAX_KEPT; j++) {
		h += items[j].space_before;
		if (!items[j].keep_with_next)
			return h + start_height(items, n, j);
		h += item_height(&items[j]) + items[j].space_after;
	}
	return h;
}

static struct flow_piece *
add_piece(struct pager *p, size_t item, double height, size_t n_slots)
{
	struct flow_piece piece = {0};

	piece.item = item;
	piece.page = p->page;
	piece.y = p->y;
	piece.height = height;
	piece.first = g_new0(size_t, n_slots ? n_slots : 1);
	piece.count = g_new0(size_t, n_slots ? n_slots : 1);
	g_array_append_val(p->pieces, piece);
	p->y += height;
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
	struct flow_piece *piece = add_piece(p, i, row_height(it), it->n_cells);
	size_t c;

	piece->repeated = repeated;
	for (c = 0; c < it->n_cells; c++)
		piece->count[c] = it->cell_n_lines[c];
}

/* On a fresh page inside a table: its header rows again. */
static void
repeat_headers(struct pager *p, size_t before)
{
	size_t h;

	for (h = 0; h < p->n_headers; h++)
		if (p->headers[h] != before)
			place_whole_row(p, p->headers[h], true);
}

static void
place_lines(struct pager *p, size_t i, double space)
{
	const struct flow_item *it = &p->items[i];
	size_t done = 0;

	while (done < it->n_lines) {
		size_t left = it->n_lines - done, k = 0;
		double avail = p->page_h - p->y - space, used = 0;
		struct flow_piece *piece;

		while (k < left && used + it->lines[done + k] <= avail + 1e-6)
			used += it->lines[done + k++];
		if (k < left) {
			if (left - k < 2)
				k = left >= 2 ? left - 2 : 0; /* no single last line at a page's head */
			if (k < 2 && done == 0)
				k = 0;                 /* no single first line at a page's foot */
		}
		if (k == 0 && p->y > 0) {
			new_page(p);
			space = 0;
			continue;
		}
		if (k == 0)
			k = 1;                     /* a line taller than a page: place it anyway */
		p->y += space;
		space = 0;
		piece = add_piece(p, i, sum(it->lines, done, k), 1);
		piece->first[0] = done;
		piece->count[0] = k;
		done += k;
		if (done < it->n_lines)
			new_page(p);
	}
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

		piece = add_piece(p, i, 0, it->n_cells);
		more = false;
		for (c = 0; c < it->n_cells; c++) {
			double used = 0;
			size_t k = 0;

			while (done[c] + k < it->cell_n_lines[c] &&
			       (used + it->cell_lines[c][done[c] + k] <= avail + 1e-6 || k == 0)) {
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

static void
place_row(struct pager *p, size_t i, double space)
{
	const struct flow_item *it = &p->items[i];
	double h = row_height(it);

	if (it->table != p->table) {
		p->table = it->table;
		p->n_headers = 0;
	}
	if (it->header && p->n_headers < MAX_HEADER_ROWS)
		p->headers[p->n_headers++] = i;
	if (p->y + space + h > p->page_h + 1e-6 && p->y > 0) {
		new_page(p);
		space = 0;
		if (!it->header)
			repeat_headers(p, i);
	}
	p->y += space;
	if (p->y + h > p->page_h + 1e-6)
		split_row(p, i);
	else
		place_whole_row(p, i, false);
}

struct flow_layout *
flow_paginate(const struct flow_item *items, size_t n, double page_height)
{
	struct pager p = {items, n, page_height, NULL, 0, 0, -1, {0}, 0};
	struct flow_layout *l = g_new0(struct flow_layout, 1);
	size_t i;

	p.pieces = g_array_new(FALSE, FALSE, sizeof(struct flow_piece));
	for (i = 0; i < n; i++) {
		const struct flow_item *it = &items[i];
		double space = p.y > 0 ? it->space_before : 0;

		if (it->break_before && p.y > 0) {
			new_page(&p);
			space = 0;
		}
		if (it->kind != FLOW_ROW)
			p.table = -1;
		if (it->keep_with_next && i + 1 < n && p.y > 0 &&
		    p.y + space + item_height(it) + kept_height(items, n, i) > page_height + 1e-6) {
			new_page(&p);
			space = 0;
		}
		switch (it->kind) {
		case FLOW_LINES:
			place_lines(&p, i, space);
			break;
		case FLOW_ROW:
			place_row(&p, i, space);
			break;
		default:
			if (p.y > 0 && p.y + space + it->height > page_height + 1e-6) {
				new_page(&p);
				space = 0;
			}
			p.y += space;
			add_piece(&p, i, it->height, 1);
			break;
		}
		p.y += it->space_after;
	}
	l->n_pieces = p.pieces->len;
	l->pieces = (struct flow_piece *)g_array_free(p.pieces, FALSE);
	l->n_pages = n > 0 ? p.page + 1 : 0;
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
