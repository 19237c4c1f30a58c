/* Unit tests of pagination and table column widths (src/render/flow.c): the rules of flow.h, invariants, determinism, stress. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "render/flow.h"

#define EPS 1e-6
#define MAX_CELLS 4

static bool
near(double a, double b)
{
	return a - b < EPS && b - a < EPS;
}

#define assert_near(got, want) \
	do { \
		double got_ = (got), want_ = (want); \
		if (!near(got_, want_)) \
			fail_msg("%s is %g, expected %g", #got, got_, want_); \
	} while (0)

static const double *
fill(double *buf, size_t n, double h)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = h;
	return buf;
}

static double
sum(const double *v, size_t first, size_t count)
{
	double s = 0;
	size_t i;

	for (i = 0; i < count; i++)
		s += v[first + i];
	return s;
}

/* ---- building items ---- */

static struct flow_item
para(const double *lines, size_t n)
{
	struct flow_item it;

	memset(&it, 0, sizeof it);
	it.kind = FLOW_LINES;
	it.lines = lines;
	it.n_lines = n;
	return it;
}

static struct flow_item
fixed(double height)
{
	struct flow_item it;

	memset(&it, 0, sizeof it);
	it.kind = FLOW_FIXED;
	it.height = height;
	return it;
}

static struct flow_item
row(int table, bool header, const double *const *cells, const size_t *n_lines, size_t n_cells,
    double padding)
{
	struct flow_item it;

	memset(&it, 0, sizeof it);
	it.kind = FLOW_ROW;
	it.n_cells = n_cells;
	it.cell_lines = cells;
	it.cell_n_lines = n_lines;
	it.padding = padding;
	it.table = table;
	it.header = header;
	return it;
}

/* Storage for a row of one cell of equal lines. */
struct cell1 {
	double lines[8];
	const double *cell[1];
	size_t n[1];
};

static struct flow_item
row1(struct cell1 *s, int table, bool header, size_t n_lines, double line_h, double padding)
{
	assert_true(n_lines <= 8);
	fill(s->lines, n_lines, line_h);
	s->cell[0] = s->lines;
	s->n[0] = n_lines;
	return row(table, header, s->cell, s->n, 1, padding);
}

static double
row_height_of(const struct flow_item *it)
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

/* ---- checking layouts ---- */

static void
assert_piece(const struct flow_layout *l, size_t k, size_t item, size_t page, double y,
             double height, bool repeated)
{
	const struct flow_piece *p;

	if (k >= l->n_pieces)
		fail_msg("piece %zu expected, the layout has %zu", k, l->n_pieces);
	p = &l->pieces[k];
	if (p->item != item || p->page != page || !near(p->y, y) || !near(p->height, height) ||
	    p->repeated != repeated)
		fail_msg("piece %zu is item %zu page %zu y %g height %g%s; expected item %zu page %zu "
		         "y %g height %g%s", k, p->item, p->page, p->y, p->height,
		         p->repeated ? " repeated" : "", item, page, y, height,
		         repeated ? " repeated" : "");
}

static void
assert_lines(const struct flow_layout *l, size_t k, size_t first, size_t count)
{
	assert_true(k < l->n_pieces);
	if (l->pieces[k].first[0] != first || l->pieces[k].count[0] != count)
		fail_msg("piece %zu holds lines %zu+%zu, expected %zu+%zu", k, l->pieces[k].first[0],
		         l->pieces[k].count[0], first, count);
}

/* The non-repeated pieces of item i, as indices into l->pieces; returns how many. */
static size_t
pieces_of(const struct flow_layout *l, size_t item, size_t *out, size_t max)
{
	size_t k, n = 0;

	for (k = 0; k < l->n_pieces; k++)
		if (l->pieces[k].item == item && !l->pieces[k].repeated) {
			if (n < max)
				out[n] = k;
			n++;
		}
	return n;
}

static size_t
count_repeated(const struct flow_layout *l)
{
	size_t k, n = 0;

	for (k = 0; k < l->n_pieces; k++)
		if (l->pieces[k].repeated)
			n++;
	return n;
}

/* Each item's non-repeated pieces: on consecutive pages, covering every line
 * (of each cell) exactly once in order, each piece as tall as what it holds. */
static void
check_item_coverage(const struct flow_item *items, size_t i, const struct flow_layout *l)
{
	const struct flow_item *it = &items[i];
	size_t done_cells[MAX_CELLS] = {0};
	size_t k, c, pieces = 0, prev_page = 0, done = 0;

	assert_true(it->kind != FLOW_ROW || it->n_cells <= MAX_CELLS);
	for (k = 0; k < l->n_pieces; k++) {
		const struct flow_piece *p = &l->pieces[k];

		if (p->item != i || p->repeated)
			continue;
		if (pieces > 0 && p->page != prev_page + 1)
			fail_msg("item %zu: a piece on page %zu follows one on page %zu", i, p->page,
			         prev_page);
		prev_page = p->page;
		pieces++;
		switch (it->kind) {
		case FLOW_LINES:
			if (p->first[0] != done)
				fail_msg("item %zu: piece %zu starts at line %zu, expected %zu", i, k,
				         p->first[0], done);
			if (p->count[0] == 0 || done + p->count[0] > it->n_lines)
				fail_msg("item %zu: piece %zu holds %zu lines from %zu of %zu", i, k,
				         p->count[0], done, it->n_lines);
			if (!near(p->height, sum(it->lines, done, p->count[0])))
				fail_msg("item %zu: piece %zu is %g tall for lines %g tall", i, k, p->height,
				         sum(it->lines, done, p->count[0]));
			done += p->count[0];
			break;
		case FLOW_ROW: {
			double tallest = 0;
			size_t any = 0;

			for (c = 0; c < it->n_cells; c++) {
				double h;

				if (p->first[c] != done_cells[c])
					fail_msg("item %zu: piece %zu starts cell %zu at line %zu, expected %zu",
					         i, k, c, p->first[c], done_cells[c]);
				if (done_cells[c] + p->count[c] > it->cell_n_lines[c])
					fail_msg("item %zu: piece %zu holds %zu lines of cell %zu from %zu of %zu",
					         i, k, p->count[c], c, done_cells[c], it->cell_n_lines[c]);
				h = sum(it->cell_lines[c], done_cells[c], p->count[c]);
				if (h > tallest)
					tallest = h;
				done_cells[c] += p->count[c];
				any += p->count[c];
			}
			if (any == 0 && pieces > 1)
				fail_msg("item %zu: piece %zu holds no line of any cell", i, k);
			if (!near(p->height, tallest + 2 * it->padding))
				fail_msg("item %zu: row piece %zu is %g tall, its tallest cell %g + padding %g",
				         i, k, p->height, tallest, it->padding);
			break;
		}
		default:
			assert_near(p->height, it->height);
			break;
		}
	}
	switch (it->kind) {
	case FLOW_LINES:
		if (done != it->n_lines)
			fail_msg("item %zu: %zu of %zu lines placed", i, done, it->n_lines);
		if (it->n_lines > 0 && pieces == 0)
			fail_msg("item %zu: no piece", i);
		break;
	case FLOW_ROW:
		for (c = 0; c < it->n_cells; c++)
			if (done_cells[c] != it->cell_n_lines[c])
				fail_msg("item %zu: cell %zu: %zu of %zu lines placed", i, c, done_cells[c],
				         it->cell_n_lines[c]);
		if (pieces == 0)
			fail_msg("item %zu: no piece", i);
		break;
	default:
		if (pieces != 1)
			fail_msg("fixed item %zu has %zu pieces, expected 1", i, pieces);
		break;
	}
}

/* What holds for every layout: page count, order, no overlap, tops of pages,
 * repeated headers only at the top of continuation pages, coverage. */
static void
check_layout(const struct flow_item *items, size_t n, const struct flow_layout *l)
{
	size_t k, i, last_item = 0;
	bool seen = false;

	assert_non_null(l);
	if (n == 0) {
		assert_int_equal(l->n_pieces, 0);
		assert_int_equal(l->n_pages, 0);
		return;
	}
	assert_true(l->n_pieces > 0);
	assert_non_null(l->pieces);
	for (k = 0; k < l->n_pieces; k++) {
		const struct flow_piece *p = &l->pieces[k];
		const struct flow_piece *q = k > 0 ? &l->pieces[k - 1] : NULL;

		if (p->item >= n)
			fail_msg("piece %zu is of item %zu of %zu", k, p->item, n);
		assert_non_null(p->first);
		assert_non_null(p->count);
		if (q == NULL) {
			if (p->page != 0)
				fail_msg("the first piece is on page %zu", p->page);
		} else if (p->page < q->page) {
			fail_msg("piece %zu on page %zu after a piece on page %zu", k, p->page, q->page);
		} else if (p->page > q->page + 1) {
			fail_msg("piece %zu on page %zu after a piece on page %zu: an empty page", k,
			         p->page, q->page);
		} else if (p->page == q->page && p->y < q->y + q->height - EPS) {
			fail_msg("piece %zu at y %g overlaps piece %zu (y %g, height %g) on page %zu", k,
			         p->y, k - 1, q->y, q->height, p->page);
		}
		if ((q == NULL || p->page != q->page) && !near(p->y, 0))
			fail_msg("piece %zu starts page %zu at y %g, not at the top", k, p->page, p->y);
		if (p->repeated) {
			const struct flow_item *it = &items[p->item];
			size_t c;

			if (it->kind != FLOW_ROW || !it->header)
				fail_msg("repeated piece %zu is of item %zu, not a header row", k, p->item);
			if (q == NULL || (q->page == p->page && !q->repeated))
				fail_msg("repeated piece %zu is not at the top of a continuation page", k);
			for (c = 0; c < it->n_cells; c++)
				if (p->first[c] != 0 || p->count[c] != it->cell_n_lines[c])
					fail_msg("repeated header piece %zu does not hold all of cell %zu", k, c);
			assert_near(p->height, row_height_of(it));
		} else {
			if (seen && p->item < last_item)
				fail_msg("piece %zu of item %zu after a piece of item %zu", k, p->item,
				         last_item);
			last_item = p->item;
			seen = true;
		}
	}
	if (l->n_pages != l->pieces[l->n_pieces - 1].page + 1)
		fail_msg("n_pages is %zu, the last piece is on page %zu", l->n_pages,
		         l->pieces[l->n_pieces - 1].page);
	for (i = 0; i < n; i++)
		check_item_coverage(items, i, l);
}

/* ---- what a test holds, freed by its teardown even when an assertion fails ---- */

#define MAX_HELD 8

static struct flow_layout *held_layouts[MAX_HELD];
static void *held_buffers[MAX_HELD];

static struct flow_layout *
hold(struct flow_layout *l)
{
	size_t i;

	assert_non_null(l);
	for (i = 0; i < MAX_HELD; i++)
		if (held_layouts[i] == NULL) {
			held_layouts[i] = l;
			return l;
		}
	flow_layout_free(l);
	fail_msg("a test holds more than %d layouts", MAX_HELD);
	return NULL;
}

static void
release(struct flow_layout *l)
{
	size_t i;

	for (i = 0; i < MAX_HELD; i++)
		if (held_layouts[i] == l)
			held_layouts[i] = NULL;
	flow_layout_free(l);
}

/* Zeroed memory, freed at teardown. */
static void *
buffer(size_t n, size_t size)
{
	void *p = calloc(n, size);
	size_t i;

	assert_non_null(p);
	for (i = 0; i < MAX_HELD; i++)
		if (held_buffers[i] == NULL) {
			held_buffers[i] = p;
			return p;
		}
	free(p);
	fail_msg("a test holds more than %d buffers", MAX_HELD);
	return NULL;
}

/* An endless loop in flow_paginate ends the run with a message, not a hang. */
static void
on_alarm(int sig)
{
	static const char msg[] = "test_flow: a test ran 30 s: flow_paginate makes no progress\n";

	(void)sig;
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(1);
}

static int
start_watchdog(void **state)
{
	(void)state;
	signal(SIGALRM, on_alarm);
	alarm(30);
	return 0;
}

static int
free_held(void **state)
{
	size_t i;

	(void)state;
	alarm(0);
	for (i = 0; i < MAX_HELD; i++) {
		flow_layout_free(held_layouts[i]);
		held_layouts[i] = NULL;
		free(held_buffers[i]);
		held_buffers[i] = NULL;
	}
	return 0;
}

static struct flow_layout *
paginate(const struct flow_item *items, size_t n, double page_h)
{
	struct flow_layout *l = hold(flow_paginate(items, n, page_h));

	check_layout(items, n, l);
	return l;
}

/* ---- empty input, spacing ---- */

static void
empty_input_gives_no_pages(void **state)
{
	struct flow_item items[1];
	struct flow_layout *l;

	(void)state;
	l = hold(flow_paginate(NULL, 0, 700));
	assert_non_null(l);
	assert_int_equal(l->n_pages, 0);
	assert_int_equal(l->n_pieces, 0);
	release(l);
	items[0] = fixed(10);
	l = hold(flow_paginate(items, 0, 700));
	assert_non_null(l);
	assert_int_equal(l->n_pages, 0);
	assert_int_equal(l->n_pieces, 0);
	release(l);
}

static void
items_that_fit_stay_on_page_zero_with_y_increasing(void **state)
{
	double a[3], b[2];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 3, 12), 3);
	items[0].space_after = 6;
	items[1] = para(fill(b, 2, 10), 2);
	items[1].space_before = 8;
	items[1].space_after = 4;
	items[2] = fixed(100);
	items[2].space_before = 5;
	l = paginate(items, 3, 700);
	assert_int_equal(l->n_pages, 1);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 0, 0, 0, 0, 36, false);
	assert_lines(l, 0, 0, 3);
	assert_piece(l, 1, 1, 0, 36 + 6 + 8, 20, false);
	assert_lines(l, 1, 0, 2);
	assert_piece(l, 2, 2, 0, 36 + 6 + 8 + 20 + 4 + 5, 100, false);
	release(l);
}

static void
space_before_dropped_on_first_item(void **state)
{
	double a[2];
	struct flow_item items[1];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 2, 10), 2);
	items[0].space_before = 20;
	l = paginate(items, 1, 700);
	assert_piece(l, 0, 0, 0, 0, 20, false);
	release(l);

	items[0] = fixed(50);
	items[0].space_before = 20;
	l = paginate(items, 1, 700);
	assert_piece(l, 0, 0, 0, 0, 50, false);
	release(l);
}

static void
space_before_dropped_after_page_break(void **state)
{
	double a[3], b[2];
	struct flow_item items[4];
	struct flow_layout *l;

	(void)state;
	/* A paragraph pushed over by what is left of the page. */
	items[0] = fixed(90);
	items[1] = para(fill(a, 3, 10), 3);
	items[1].space_before = 15;
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 30, false);
	release(l);

	/* A chart pushed over; the paragraph after it on the same page keeps its space. */
	items[0] = fixed(90);
	items[1] = fixed(30);
	items[1].space_before = 15;
	items[2] = para(fill(b, 2, 10), 2);
	items[2].space_before = 7;
	l = paginate(items, 3, 100);
	assert_piece(l, 1, 1, 1, 0, 30, false);
	assert_piece(l, 2, 2, 1, 37, 20, false);
	release(l);

	/* After a forced break. */
	items[0] = para(fill(b, 2, 10), 2);
	items[1] = para(fill(a, 3, 10), 3);
	items[1].break_before = true;
	items[1].space_before = 12;
	l = paginate(items, 2, 700);
	assert_piece(l, 1, 1, 1, 0, 30, false);
	release(l);

	/* A table row pushed over. */
	{
		struct cell1 r;

		items[0] = fixed(95);
		items[1] = row1(&r, 1, false, 1, 10, 0);
		items[1].space_before = 8;
		l = paginate(items, 2, 100);
		assert_piece(l, 1, 1, 1, 0, 10, false);
		release(l);
	}
}

static void
space_before_kept_mid_page(void **state)
{
	double a[1], b[2];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 1, 10), 1);
	items[1] = para(fill(b, 2, 10), 2);
	items[1].space_before = 9;
	items[2] = fixed(40);
	items[2].space_before = 11;
	l = paginate(items, 3, 700);
	assert_piece(l, 0, 0, 0, 0, 10, false);
	assert_piece(l, 1, 1, 0, 19, 20, false);
	assert_piece(l, 2, 2, 0, 50, 40, false);
	release(l);
}

/* flow.h: "space before a block is dropped at the top of a page"; a table row
 * is a block, so mid-page its space_before counts like any other's. */
static void
space_before_kept_mid_page_for_rows(void **state)
{
	double a[1];
	struct cell1 r;
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 1, 10), 1);
	items[1] = row1(&r, 1, false, 1, 10, 0);
	items[1].space_before = 8;
	l = paginate(items, 2, 700);
	assert_piece(l, 1, 1, 0, 18, 10, false);
	release(l);
}

static void
space_after_separates_items(void **state)
{
	struct cell1 r;
	struct flow_item items[5];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(10);
	items[0].space_after = 5;
	items[1] = fixed(10);
	items[2] = fixed(10);
	items[2].space_after = 5;
	items[3] = row1(&r, 1, false, 1, 10, 0);
	items[3].space_before = 0;
	items[3].space_after = 4;
	items[4] = fixed(10);
	items[4].space_before = 3;
	l = paginate(items, 5, 700);
	assert_piece(l, 0, 0, 0, 0, 10, false);
	assert_piece(l, 1, 1, 0, 15, 10, false);
	assert_piece(l, 2, 2, 0, 25, 10, false);
	assert_piece(l, 3, 3, 0, 40, 10, false);
	assert_piece(l, 4, 4, 0, 57, 10, false);
	release(l);

	/* Space after the last block of a page does not carry to the next. */
	items[0] = fixed(95);
	items[0].space_after = 10;
	items[1] = fixed(10);
	l = paginate(items, 2, 100);
	assert_piece(l, 1, 1, 1, 0, 10, false);
	release(l);
}

/* ---- forced breaks ---- */

static void
break_before_starts_new_page(void **state)
{
	double a[2], b[2], c[2];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 2, 10), 2);
	items[1] = para(fill(b, 2, 10), 2);
	items[1].break_before = true;
	items[2] = fixed(20);
	items[2].break_before = true;
	l = paginate(items, 3, 700);
	assert_int_equal(l->n_pages, 3);
	assert_piece(l, 0, 0, 0, 0, 20, false);
	assert_piece(l, 1, 1, 1, 0, 20, false);
	assert_piece(l, 2, 2, 2, 0, 20, false);
	release(l);

	/* Every kind honours it. */
	{
		struct cell1 r;

		items[0] = para(fill(c, 2, 10), 2);
		items[1] = row1(&r, 1, false, 1, 10, 0);
		items[1].break_before = true;
		l = paginate(items, 2, 700);
		assert_piece(l, 1, 1, 1, 0, 10, false);
		release(l);
	}
}

static void
break_before_ignored_at_top_of_page(void **state)
{
	double a[2];
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 2, 10), 2);
	items[0].break_before = true;
	items[1] = fixed(30);
	l = paginate(items, 2, 700);
	assert_int_equal(l->n_pages, 1);
	assert_piece(l, 0, 0, 0, 0, 20, false);
	assert_piece(l, 1, 1, 0, 20, 30, false);
	release(l);

	items[0] = fixed(30);
	items[0].break_before = true;
	l = paginate(items, 1, 700);
	assert_int_equal(l->n_pages, 1);
	assert_piece(l, 0, 0, 0, 0, 30, false);
	release(l);
}

/* ---- paragraphs ---- */

static void
paragraph_splits_between_lines(void **state)
{
	double a[10];
	struct flow_item items[1];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 10, 10), 10);
	l = paginate(items, 1, 55);
	assert_int_equal(l->n_pages, 2);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 0, 0, 0, 0, 50, false);
	assert_lines(l, 0, 0, 5);
	assert_piece(l, 1, 0, 1, 0, 50, false);
	assert_lines(l, 1, 5, 5);
	release(l);
}

static void
orphan_first_line_not_left_at_page_foot(void **state)
{
	double a[6];
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	/* Room for one line: the whole paragraph moves. */
	items[0] = fixed(85);
	items[1] = para(fill(a, 6, 10), 6);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 60, false);
	assert_lines(l, 1, 0, 6);
	release(l);

	/* Room for two lines: they stay. */
	items[0] = fixed(80);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 1, 1, 0, 80, 20, false);
	assert_lines(l, 1, 0, 2);
	assert_piece(l, 2, 1, 1, 0, 40, false);
	assert_lines(l, 2, 2, 4);
	release(l);

	/* The space before counts against the room. */
	items[0] = fixed(70);
	items[1].space_before = 15;
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 60, false);
	release(l);
}

static void
widow_last_line_not_carried_alone(void **state)
{
	double a[6];
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	/* Room for five of six lines: four stay, two go. */
	items[0] = fixed(50);
	items[1] = para(fill(a, 6, 10), 6);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 1, 1, 0, 50, 40, false);
	assert_lines(l, 1, 0, 4);
	assert_piece(l, 2, 1, 1, 0, 20, false);
	assert_lines(l, 2, 4, 2);
	release(l);
}

static void
widow_rule_holds_on_continuation_pages(void **state)
{
	double a[11];
	struct flow_item items[1];
	struct flow_layout *l;

	(void)state;
	/* Five lines a page: 5, 5, 1 would leave a widow; 5, 4, 2 does not. */
	items[0] = para(fill(a, 11, 10), 11);
	l = paginate(items, 1, 50);
	assert_int_equal(l->n_pieces, 3);
	assert_lines(l, 0, 0, 5);
	assert_lines(l, 1, 5, 4);
	assert_lines(l, 2, 9, 2);
	assert_int_equal(l->n_pages, 3);
	release(l);
}

/* A page with room for two lines: five lines go 2, 1, 2 (two lines kept at
 * either end), not 2, 2, 1. */
static void
widow_rule_holds_when_a_page_holds_two_lines(void **state)
{
	double a[5];
	struct flow_item items[1];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 5, 10), 5);
	l = paginate(items, 1, 25);
	assert_true(l->n_pieces >= 2);
	if (l->pieces[0].count[0] < 2)
		fail_msg("first piece holds %zu line", l->pieces[0].count[0]);
	if (l->pieces[l->n_pieces - 1].count[0] < 2)
		fail_msg("last piece (page %zu) holds %zu line: a widow",
		         l->pieces[l->n_pieces - 1].page, l->pieces[l->n_pieces - 1].count[0]);
	release(l);
}

static void
four_line_paragraph_obeys_orphan_and_widow_rules(void **state)
{
	double a[4];
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(90);
	items[1] = para(fill(a, 4, 10), 4);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 40, false);
	release(l);

	items[0] = fixed(70);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 1, 1, 0, 70, 20, false);
	assert_lines(l, 1, 0, 2);
	assert_piece(l, 2, 1, 1, 0, 20, false);
	assert_lines(l, 2, 2, 2);
	release(l);
}

/* Two lines at either end of a page: a paragraph of two or three lines
 * moves whole rather than split. */
static void
short_paragraphs_are_never_split(void **state)
{
	double a[3];
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	/* Three lines, room for one or two: all three on the next page. */
	items[0] = fixed(90);
	items[1] = para(fill(a, 3, 10), 3);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 30, false);
	release(l);

	items[0] = fixed(80);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 30, false);
	release(l);

	/* Two lines, room for one: both on the next page. */
	items[0] = fixed(90);
	items[1] = para(fill(a, 2, 10), 2);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 20, false);
	release(l);

	/* Five lines, room for four: three stay, two go. */
	{
		double five[5];

		items[0] = fixed(60);
		items[1] = para(fill(five, 5, 10), 5);
		l = paginate(items, 2, 100);
		assert_int_equal(l->n_pieces, 3);
		assert_lines(l, 1, 0, 3);
		assert_lines(l, 2, 3, 2);
		release(l);
	}
}

static void
line_taller_than_page_still_placed(void **state)
{
	double one[1] = {900};
	double three[3] = {10, 900, 10};
	double five[5] = {10, 10, 900, 10, 10};
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(one, 1);
	l = paginate(items, 1, 100);
	assert_int_equal(l->n_pages, 1);
	assert_piece(l, 0, 0, 0, 0, 900, false);
	release(l);

	/* Mid-page, it goes to the top of the next page; what follows goes on. */
	items[0] = fixed(50);
	items[1] = para(one, 1);
	items[2] = fixed(10);
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 1, 1, 1, 0, 900, false);
	assert_piece(l, 2, 2, 2, 0, 10, false);
	assert_int_equal(l->n_pages, 3);
	release(l);

	/* Its first line cannot have a second beside it, at the foot or on a
	 * page of its own: it stays at the foot rather than make a page of one
	 * line (first fit moved it to a page alone). */
	items[1] = para(three, 3);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 4);
	assert_piece(l, 1, 1, 0, 50, 10, false);
	assert_piece(l, 2, 1, 1, 0, 900, false);
	assert_lines(l, 2, 1, 1);
	assert_piece(l, 3, 1, 2, 0, 10, false);
	release(l);

	items[0] = para(five, 5);
	l = paginate(items, 1, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_lines(l, 0, 0, 2);
	assert_lines(l, 1, 2, 1);
	assert_near(l->pieces[1].height, 900);
	assert_lines(l, 2, 3, 2);
	release(l);
}

static void
paragraph_pieces_cover_every_line_once_in_order(void **state)
{
	double a[37];
	size_t idx[16], n, k, next = 0;
	struct flow_item items[1];
	struct flow_layout *l;

	(void)state;
	for (k = 0; k < 37; k++)
		a[k] = 9 + (double)(k % 5) * 1.5;
	items[0] = para(a, 37);
	l = paginate(items, 1, 97);
	n = pieces_of(l, 0, idx, 16);
	assert_true(n >= 4 && n <= 16);
	for (k = 0; k < n; k++) {
		const struct flow_piece *p = &l->pieces[idx[k]];

		assert_int_equal(p->page, k);
		assert_int_equal(p->first[0], next);
		assert_true(p->count[0] > 0);
		assert_true(p->y + p->height <= 97 + EPS);
		next += p->count[0];
	}
	assert_int_equal(next, 37);
	release(l);
}

/* ---- keep with next ---- */

static void
keep_with_next_moves_heading_with_what_follows(void **state)
{
	double h[1] = {12}, a[4];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(80);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	items[1].space_before = 6;
	items[2] = para(fill(a, 4, 10), 4);
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 1, 1, 1, 0, 12, false);
	assert_piece(l, 2, 2, 1, 12, 40, false);
	release(l);

	/* Without keep_with_next the heading would have stayed. */
	items[1].keep_with_next = false;
	l = paginate(items, 3, 100);
	assert_piece(l, 1, 1, 0, 86, 12, false);
	release(l);
}

static void
keep_with_next_moves_heading_with_chart(void **state)
{
	double h[1] = {12};
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(60);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	items[2] = fixed(40);
	l = paginate(items, 3, 100);
	assert_piece(l, 1, 1, 1, 0, 12, false);
	assert_piece(l, 2, 2, 1, 12, 40, false);
	release(l);
}

static void
keep_with_next_stays_when_start_of_next_fits(void **state)
{
	double h[1] = {12}, a[6];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(60);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	items[2] = para(fill(a, 6, 10), 6);
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pieces, 4);
	assert_piece(l, 1, 1, 0, 60, 12, false);
	assert_piece(l, 2, 2, 0, 72, 20, false);
	assert_lines(l, 2, 0, 2);
	assert_piece(l, 3, 2, 1, 0, 40, false);
	assert_lines(l, 3, 2, 4);
	release(l);

	/* The space before what follows counts: then the start no longer fits. */
	items[2].space_before = 10;
	l = paginate(items, 3, 100);
	assert_piece(l, 1, 1, 1, 0, 12, false);
	assert_piece(l, 2, 2, 1, 22, 60, false);
	release(l);
}

/* The heading's own space after is between it and what follows: with it the
 * start of the paragraph does not fit, so the heading must move too. */
static void
keep_with_next_counts_its_space_after(void **state)
{
	double h[1] = {12}, a[6];
	size_t idx[4];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(60);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	items[1].space_after = 10;
	items[2] = para(fill(a, 6, 10), 6);
	l = paginate(items, 3, 100);
	assert_true(pieces_of(l, 1, idx, 4) == 1);
	assert_true(pieces_of(l, 2, idx + 1, 3) >= 1);
	if (l->pieces[idx[0]].page != l->pieces[idx[1]].page)
		fail_msg("heading left at the foot of page %zu (y %g), its paragraph starts on page %zu",
		         l->pieces[idx[0]].page, l->pieces[idx[0]].y, l->pieces[idx[1]].page);
	release(l);
}

/* keep_with_next: "never the last thing on a page"; two headings in a row
 * (a chapter title and a section title) go over together. */
static void
keep_with_next_chain_of_headings_moves_together(void **state)
{
	double h1[1] = {10}, h2[1] = {10}, a[4];
	size_t idx[4];
	struct flow_item items[4];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(70);
	items[1] = para(h1, 1);
	items[1].keep_with_next = true;
	items[2] = para(h2, 1);
	items[2].keep_with_next = true;
	items[3] = para(fill(a, 4, 10), 4);
	l = paginate(items, 4, 100);
	assert_true(pieces_of(l, 1, idx, 1) == 1);
	assert_true(pieces_of(l, 2, idx + 1, 1) == 1);
	assert_true(pieces_of(l, 3, idx + 2, 2) >= 1);
	if (l->pieces[idx[0]].page != l->pieces[idx[1]].page ||
	    l->pieces[idx[1]].page != l->pieces[idx[2]].page)
		fail_msg("headings on pages %zu and %zu, their paragraph starts on page %zu",
		         l->pieces[idx[0]].page, l->pieces[idx[1]].page, l->pieces[idx[2]].page);
	release(l);
}

/* At the top of a page moving would only leave the page empty. */
static void
keep_with_next_at_top_of_page_stays(void **state)
{
	double h[1] = {12};
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = para(h, 1);
	items[0].keep_with_next = true;
	items[1] = fixed(150);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pages, 2);
	assert_piece(l, 0, 0, 0, 0, 12, false);
	assert_piece(l, 1, 1, 1, 0, 150, false);
	release(l);
}

static void
keep_with_next_as_last_item_does_nothing_special(void **state)
{
	double h[1] = {8};
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(90);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pages, 1);
	assert_piece(l, 1, 1, 0, 90, 8, false);
	release(l);
}

/* ---- table rows ---- */

static void
row_height_is_tallest_cell_plus_padding(void **state)
{
	double c0[3] = {10, 10, 10}, c1[1] = {12}, c2[2] = {14, 14};
	const double *cells[3] = {c0, c1, c2};
	size_t ns[3] = {3, 1, 2};
	struct flow_item items[3];
	struct flow_layout *l;
	size_t c;

	(void)state;
	items[0] = row(1, false, cells, ns, 3, 4);
	items[1] = row(1, false, cells + 1, ns + 1, 2, 0);
	items[2] = fixed(5);
	l = paginate(items, 3, 700);
	assert_piece(l, 0, 0, 0, 0, 30 + 2 * 4, false);
	for (c = 0; c < 3; c++) {
		assert_int_equal(l->pieces[0].first[c], 0);
		assert_int_equal(l->pieces[0].count[c], ns[c]);
	}
	assert_piece(l, 1, 1, 0, 38, 28, false);
	assert_piece(l, 2, 2, 0, 66, 5, false);
	release(l);
}

static void
row_that_does_not_fit_moves_whole(void **state)
{
	struct cell1 r1, r2, r3;
	struct flow_item items[4];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(44);
	items[1] = row1(&r1, 1, false, 2, 10, 3);
	items[2] = row1(&r2, 1, false, 2, 10, 3);
	items[3] = row1(&r3, 1, false, 2, 10, 3);
	l = paginate(items, 4, 100);
	assert_int_equal(l->n_pieces, 4);
	assert_piece(l, 1, 1, 0, 44, 26, false);
	assert_piece(l, 2, 2, 0, 70, 26, false);
	assert_piece(l, 3, 3, 1, 0, 26, false);
	assert_int_equal(l->pieces[3].first[0], 0);
	assert_int_equal(l->pieces[3].count[0], 2);
	assert_int_equal(count_repeated(l), 0);
	release(l);
}

/* A table's first row is not left alone at a page's foot, as a
 * paragraph's first line is not: the table moves whole (first fit kept
 * the row at the foot). */
static void
table_first_row_not_left_alone_at_foot(void **state)
{
	struct cell1 r1, r2;
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(70);
	items[1] = row1(&r1, 1, false, 2, 10, 3);
	items[2] = row1(&r2, 1, false, 2, 10, 3);
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_piece(l, 1, 1, 1, 0, 26, false);
	assert_piece(l, 2, 2, 1, 26, 26, false);
	release(l);
}

static void
header_row_repeated_on_continuation_pages(void **state)
{
	struct cell1 r[11];
	struct flow_item items[11];
	struct flow_layout *l;
	size_t i;

	(void)state;
	items[0] = row1(&r[0], 1, true, 1, 14, 3);
	for (i = 1; i <= 10; i++)
		items[i] = row1(&r[i], 1, false, 1, 14, 3);
	l = paginate(items, 11, 100);
	assert_int_equal(l->n_pages, 3);
	assert_int_equal(l->n_pieces, 13);
	assert_piece(l, 0, 0, 0, 0, 20, false);
	for (i = 1; i <= 4; i++)
		assert_piece(l, i, i, 0, 20 * (double)i, 20, false);
	assert_piece(l, 5, 0, 1, 0, 20, true);
	for (i = 5; i <= 8; i++)
		assert_piece(l, i + 1, i, 1, 20 * (double)(i - 4), 20, false);
	assert_piece(l, 10, 0, 2, 0, 20, true);
	assert_piece(l, 11, 9, 2, 20, 20, false);
	assert_piece(l, 12, 10, 2, 40, 20, false);
	release(l);
}

static void
several_header_rows_repeated_in_order(void **state)
{
	struct cell1 r[8];
	struct flow_item items[8];
	struct flow_layout *l;
	size_t i;

	(void)state;
	items[0] = row1(&r[0], 3, true, 1, 14, 3);
	items[1] = row1(&r[1], 3, true, 1, 14, 3);
	for (i = 2; i < 8; i++)
		items[i] = row1(&r[i], 3, false, 1, 14, 3);
	l = paginate(items, 8, 100);
	assert_int_equal(l->n_pages, 2);
	assert_int_equal(l->n_pieces, 10);
	assert_piece(l, 4, 4, 0, 80, 20, false);
	assert_piece(l, 5, 0, 1, 0, 20, true);
	assert_piece(l, 6, 1, 1, 20, 20, true);
	assert_piece(l, 7, 5, 1, 40, 20, false);
	assert_piece(l, 9, 7, 1, 80, 20, false);
	release(l);
}

static void
rows_of_another_table_do_not_get_first_tables_headers(void **state)
{
	struct cell1 r[7];
	struct flow_item items[7];
	struct flow_layout *l;
	size_t i;

	(void)state;
	items[0] = row1(&r[0], 1, true, 1, 14, 3);
	items[1] = row1(&r[1], 1, false, 1, 14, 3);
	items[2] = row1(&r[2], 1, false, 1, 14, 3);
	for (i = 3; i < 7; i++)
		items[i] = row1(&r[i], 2, false, 1, 14, 3);
	l = paginate(items, 7, 100);
	assert_int_equal(l->n_pages, 2);
	assert_int_equal(count_repeated(l), 0);
	assert_piece(l, 5, 5, 1, 0, 20, false);
	assert_piece(l, 6, 6, 1, 20, 20, false);
	release(l);

	/* The second table has a header of its own: that one is repeated (on
	 * a page of six rows, so that two rows stand under the header). */
	items[3].header = true;
	l = paginate(items, 7, 120);
	assert_int_equal(count_repeated(l), 1);
	assert_piece(l, 6, 3, 1, 0, 20, true);
	assert_piece(l, 7, 6, 1, 20, 20, false);
	release(l);
}

static void
row_taller_than_page_split_with_headers_repeated(void **state)
{
	double hl[1] = {10}, bl[1] = {10}, a[25], b[5];
	const double *hcells[2] = {hl, hl}, *bcells[2] = {bl, bl}, *gcells[2];
	size_t hn[2] = {1, 1}, gn[2] = {25, 5};
	size_t idx[8], n, k;
	struct flow_item items[4];
	struct flow_layout *l;

	(void)state;
	gcells[0] = fill(a, 25, 10);
	gcells[1] = fill(b, 5, 10);
	items[0] = row(1, true, hcells, hn, 2, 2);
	items[1] = row(1, false, bcells, hn, 2, 2);
	items[2] = row(1, false, gcells, gn, 2, 2);
	items[3] = fixed(10);
	l = paginate(items, 4, 100);
	n = pieces_of(l, 2, idx, 8);
	assert_true(n >= 3 && n <= 8);
	for (k = 0; k < n; k++) {
		const struct flow_piece *p = &l->pieces[idx[k]];

		assert_true(p->y + p->height <= 100 + EPS);
		if (p->page > 0) {
			/* A continuation page: the header first, then the row. */
			const struct flow_piece *h = &l->pieces[idx[k] - 1];

			assert_true(idx[k] > 0);
			assert_true(h->repeated);
			assert_int_equal(h->item, 0);
			assert_int_equal(h->page, p->page);
			assert_near(h->y, 0);
			assert_near(p->y, 14);
		}
	}
	/* Each piece but the last fills its page: one more 10 pt line would not fit. */
	for (k = 0; k + 1 < n; k++) {
		const struct flow_piece *p = &l->pieces[idx[k]];

		if (p->y + p->height + 10 <= 100 + EPS)
			fail_msg("piece on page %zu ends at %g, room for another line", p->page,
			         p->y + p->height);
	}
	/* The short cell is done on the first page; later pieces hold none of it. */
	assert_int_equal(l->pieces[idx[0]].count[1], 5);
	assert_int_equal(l->pieces[idx[n - 1]].first[0] + l->pieces[idx[n - 1]].count[0], 25);
	release(l);
}

static void
row_taller_than_page_split_without_headers(void **state)
{
	double a[12], b[30];
	const double *cells[2];
	size_t ns[2] = {12, 30};
	struct flow_item items[1];
	struct flow_layout *l;
	size_t k;

	(void)state;
	cells[0] = fill(a, 12, 12);
	cells[1] = fill(b, 30, 9);
	items[0] = row(4, false, cells, ns, 2, 5);
	l = paginate(items, 1, 100);
	assert_true(l->n_pieces >= 3);
	assert_int_equal(count_repeated(l), 0);
	for (k = 0; k < l->n_pieces; k++) {
		assert_int_equal(l->pieces[k].page, k);
		assert_near(l->pieces[k].y, 0);
		assert_true(l->pieces[k].height <= 100 + EPS);
	}
	release(l);
}

/* ---- fixed blocks ---- */

static void
fixed_item_never_split(void **state)
{
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(60);
	items[1] = fixed(50);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 50, false);
	release(l);
}

static void
fixed_taller_than_page_placed_alone(void **state)
{
	double a[2], b[1];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 2, 10), 2);
	items[1] = fixed(150);
	items[1].space_before = 10;
	items[2] = para(fill(b, 1, 10), 1);
	items[2].space_before = 10;
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pieces, 3);
	assert_int_equal(l->n_pages, 3);
	assert_piece(l, 0, 0, 0, 0, 20, false);
	assert_piece(l, 1, 1, 1, 0, 150, false);
	assert_piece(l, 2, 2, 2, 0, 10, false);
	release(l);

	/* As the first item: alone on page 0. */
	items[0] = fixed(150);
	items[1] = fixed(10);
	l = paginate(items, 2, 100);
	assert_piece(l, 0, 0, 0, 0, 150, false);
	assert_piece(l, 1, 1, 1, 0, 10, false);
	release(l);
}

/* ---- page count, order, determinism ---- */

static void
n_pages_is_highest_page_plus_one(void **state)
{
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(60);
	items[1] = fixed(60);
	items[2] = fixed(60);
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pages, 3);
	assert_int_equal(l->pieces[2].page, 2);
	release(l);

	l = paginate(items, 1, 100);
	assert_int_equal(l->n_pages, 1);
	release(l);
}

/* A small document of every kind. */
struct doc {
	double lines[4][9];
	struct cell1 rows[6];
	struct flow_item items[12];
	size_t n;
};

static void
make_doc(struct doc *d)
{
	size_t i;

	d->n = 0;
	d->items[d->n] = para(fill(d->lines[0], 1, 16), 1);
	d->items[d->n++].keep_with_next = true;
	d->items[d->n] = para(fill(d->lines[1], 9, 11), 9);
	d->items[d->n++].space_after = 6;
	d->items[d->n++] = fixed(70);
	d->items[d->n] = row1(&d->rows[0], 1, true, 2, 11, 3);
	d->items[d->n++].space_before = 6;
	for (i = 1; i < 6; i++)
		d->items[d->n++] = row1(&d->rows[i], 1, false, (i % 3) + 1, 11, 3);
	d->items[d->n] = para(fill(d->lines[2], 1, 16), 1);
	d->items[d->n].keep_with_next = true;
	d->items[d->n++].break_before = true;
	d->items[d->n++] = para(fill(d->lines[3], 7, 11), 7);
	d->items[d->n++] = fixed(130);
}

static void
pieces_in_order_of_item_and_page(void **state)
{
	struct doc d;
	struct flow_layout *l;
	size_t k;

	(void)state;
	make_doc(&d);
	l = paginate(d.items, d.n, 100);
	assert_true(l->n_pages >= 4);
	for (k = 1; k < l->n_pieces; k++) {
		const struct flow_piece *p = &l->pieces[k], *q = &l->pieces[k - 1];

		assert_true(p->page >= q->page);
		if (!p->repeated && !q->repeated)
			assert_true(p->item >= q->item);
		if (p->page == q->page)
			assert_true(p->y >= q->y);
	}
	assert_true(count_repeated(l) > 0);
	release(l);
}

static void
same_input_gives_identical_pieces(void **state)
{
	struct doc d;
	struct flow_layout *a, *b;
	size_t k, c;

	(void)state;
	make_doc(&d);
	a = paginate(d.items, d.n, 100);
	b = paginate(d.items, d.n, 100);
	assert_int_equal(a->n_pages, b->n_pages);
	assert_int_equal(a->n_pieces, b->n_pieces);
	for (k = 0; k < a->n_pieces; k++) {
		const struct flow_piece *p = &a->pieces[k], *q = &b->pieces[k];
		size_t slots = d.items[p->item].kind == FLOW_ROW ? d.items[p->item].n_cells : 1;

		assert_int_equal(p->item, q->item);
		assert_int_equal(p->page, q->page);
		assert_true(p->y == q->y);
		assert_true(p->height == q->height);
		assert_int_equal(p->repeated, q->repeated);
		for (c = 0; c < slots; c++) {
			assert_int_equal(p->first[c], q->first[c]);
			assert_int_equal(p->count[c], q->count[c]);
		}
	}
	release(a);
	release(b);
}

/* ---- stress ---- */

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

/* In [lo, hi]. */
static size_t
rng_int(uint64_t *s, size_t lo, size_t hi)
{
	return lo + (size_t)(rng_next(s) % (hi - lo + 1));
}

/* In [lo, hi). */
static double
rng_real(uint64_t *s, double lo, double hi)
{
	return lo + (hi - lo) * (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

#define STRESS_PARAS 2000
#define STRESS_PAGE 700.0

static void
stress_random_paragraphs(void **state)
{
	struct flow_item *items = buffer(STRESS_PARAS, sizeof *items);
	double *lines = buffer(STRESS_PARAS * 30, sizeof *lines);
	size_t *seen = buffer(STRESS_PARAS * 30, sizeof *seen);
	size_t *off = buffer(STRESS_PARAS, sizeof *off);
	uint64_t rng = 0x5EC3A11DULL;
	size_t i, j, k, total = 0;
	struct flow_layout *l;

	(void)state;
	for (i = 0; i < STRESS_PARAS; i++) {
		size_t n = rng_int(&rng, 1, 30);

		off[i] = total;
		for (j = 0; j < n; j++)
			lines[total + j] = rng_real(&rng, 8, 14);
		items[i] = para(lines + total, n);
		total += n;
	}
	l = paginate(items, STRESS_PARAS, STRESS_PAGE);
	assert_true(l->n_pages > 1);
	for (k = 0; k < l->n_pieces; k++) {
		const struct flow_piece *p = &l->pieces[k];
		const struct flow_item *it = &items[p->item];

		if (k > 0 && p->page < l->pieces[k - 1].page)
			fail_msg("piece %zu on page %zu after page %zu", k, p->page,
			         l->pieces[k - 1].page);
		assert_false(p->repeated);
		assert_true(p->first[0] + p->count[0] <= it->n_lines);
		for (j = 0; j < p->count[0]; j++)
			seen[off[p->item] + p->first[0] + j]++;
		if (p->y + p->height > STRESS_PAGE + EPS &&
		    !(p->count[0] == 1 && it->lines[p->first[0]] > STRESS_PAGE))
			fail_msg("piece %zu (item %zu, %zu lines) on page %zu runs to %g past %g", k,
			         p->item, p->count[0], p->page, p->y + p->height, STRESS_PAGE);
	}
	for (j = 0; j < total; j++)
		if (seen[j] != 1)
			fail_msg("line %zu placed %zu times", j, seen[j]);
	/* Orphans and widows: a page holds ~50 lines, so the rules always hold. */
	for (i = 0; i < STRESS_PARAS; i++) {
		size_t idx[4], n = pieces_of(l, i, idx, 4);

		assert_true(n >= 1 && n <= 2);
		if (n == 2 && items[i].n_lines >= 4 &&
		    (l->pieces[idx[0]].count[0] < 2 || l->pieces[idx[1]].count[0] < 2))
			fail_msg("paragraph %zu of %zu lines split %zu + %zu", i, items[i].n_lines,
			         l->pieces[idx[0]].count[0], l->pieces[idx[1]].count[0]);
	}
	release(l);
}

/* Random documents of every kind, on pages from 250 to 700 pt: the invariants
 * of check_layout, rows that fit a page with its headers never split, and
 * nothing past the foot of a page but a block taller than a page. */
static void
random_mixed_documents_keep_invariants(void **state)
{
	enum { N = 400, MAXL = 30 };
	struct flow_item *items = buffer(N, sizeof *items);
	double (*lines)[MAX_CELLS][MAXL] = buffer(N, sizeof *lines);
	const double *(*cells)[MAX_CELLS] = buffer(N, sizeof *cells);
	size_t (*ns)[MAX_CELLS] = buffer(N, sizeof *ns);
	double *headers_h = buffer(N + 1, sizeof *headers_h);
	uint64_t rng = 0xF10DULL;
	int round;

	(void)state;
	for (round = 0; round < 40; round++) {
		double page_h = (double)rng_int(&rng, 250, 700);
		int table = 0;
		size_t i = 0, k, c, j, in_table = 0;
		struct flow_layout *l;

		while (i < N) {
			struct flow_item *it = &items[i];
			size_t r = rng_int(&rng, 0, 99);

			if (in_table > 0) {
				/* A body row; sometimes one taller than a page. */
				size_t n_cells = rng_int(&rng, 1, MAX_CELLS);
				bool giant = rng_int(&rng, 0, 39) == 0;

				for (c = 0; c < n_cells; c++) {
					ns[i][c] = giant && c == 0 ? MAXL : rng_int(&rng, 0, 6);
					for (j = 0; j < ns[i][c]; j++)
						lines[i][c][j] = giant ? 30 : rng_real(&rng, 8, 14);
					cells[i][c] = lines[i][c];
				}
				*it = row(table, false, cells[i], ns[i], n_cells, (double)rng_int(&rng, 0, 4));
				in_table--;
			} else if (r < 10) {
				/* A table: one or two header rows of one or two lines a cell. */
				size_t h, n_headers = rng_int(&rng, 0, 2);

				table++;
				headers_h[table] = 0;
				for (h = 0; h < n_headers && i < N; h++, i++) {
					size_t n_cells = rng_int(&rng, 1, MAX_CELLS);

					for (c = 0; c < n_cells; c++) {
						ns[i][c] = rng_int(&rng, 1, 2);
						for (j = 0; j < ns[i][c]; j++)
							lines[i][c][j] = rng_real(&rng, 8, 14);
						cells[i][c] = lines[i][c];
					}
					items[i] = row(table, true, cells[i], ns[i], n_cells,
					               (double)rng_int(&rng, 0, 4));
					items[i].space_before = rng_int(&rng, 0, 1) ? 0 : 8;
					headers_h[table] += row_height_of(&items[i]);
				}
				in_table = rng_int(&rng, 1, 40);
				continue;
			} else if (r < 20) {
				*it = fixed(rng_real(&rng, 20, page_h * 1.3));
			} else {
				size_t n = r < 35 ? 1 : rng_int(&rng, 1, MAXL);

				for (j = 0; j < n; j++)
					lines[i][0][j] = rng_real(&rng, 8, 14);
				*it = para(lines[i][0], n);
				it->keep_with_next = r < 35;
			}
			if (it->kind != FLOW_ROW) {
				it->space_before = (double)rng_int(&rng, 0, 12);
				it->space_after = (double)rng_int(&rng, 0, 12);
				it->break_before = rng_int(&rng, 0, 49) == 0;
			}
			i++;
		}
		l = paginate(items, N, page_h);
		for (k = 0; k < l->n_pieces; k++) {
			const struct flow_piece *p = &l->pieces[k];
			const struct flow_item *it = &items[p->item];

			if (p->y + p->height <= page_h + EPS)
				continue;
			if (it->kind == FLOW_FIXED && near(p->y, 0) && it->height > page_h)
				continue;
			fail_msg("round %d: piece %zu (item %zu, kind %d) on page %zu runs to %g past %g",
			         round, k, p->item, (int)it->kind, p->page, p->y + p->height, page_h);
		}
		for (k = 0; k < l->n_pieces; k++) {
			const struct flow_piece *p = &l->pieces[k];
			const struct flow_item *it = &items[p->item];

			/* A fixed block taller than a page has its page to itself. */
			if (it->kind == FLOW_FIXED && it->height > page_h &&
			    ((k > 0 && l->pieces[k - 1].page == p->page) ||
			     (k + 1 < l->n_pieces && l->pieces[k + 1].page == p->page)))
				fail_msg("round %d: fixed item %zu (%g tall) shares page %zu", round,
				         p->item, it->height, p->page);
			/* A row that fits a page with its table's headers is never split. */
			if (it->kind == FLOW_ROW && !p->repeated &&
			    row_height_of(it) + headers_h[it->table] <= page_h - EPS) {
				size_t idx[2];

				if (pieces_of(l, p->item, idx, 2) != 1)
					fail_msg("round %d: row %zu (%g tall) split on a %g pt page", round,
					         p->item, row_height_of(it), page_h);
			}
		}
		release(l);
	}
}

/* ---- table columns ---- */

/* A cell of two lines: "Coordinate security" (a 70 pt and a 48 pt word,
 * ending at 118 pt) over "ok" (10 pt).  Its narrowest is its longest word,
 * 70 pt, not the 118 pt from the last word's start to the widest line's end. */
static void
min_width_is_longest_word_of_any_line(void **state)
{
	struct flow_stop stops[] = {{0, 0}, {0, 118}, {0, 70}, {1, 0}, {1, 10}};

	(void)state;
	assert_near(flow_min_width(stops, 5, 4), 70 + 2 * 4);
}

/* The longest word may be on a later, shorter line. */
static void
min_width_finds_long_word_on_short_line(void **state)
{
	struct flow_stop stops[] = {{0, 0}, {0, 20}, {0, 40}, {0, 60}, {1, 0}, {1, 55}};

	(void)state;
	assert_near(flow_min_width(stops, 6, 0), 55);
}

/* Stops of right-to-left text come right to left; the width is the same. */
static void
min_width_sorts_stops_within_a_line(void **state)
{
	struct flow_stop stops[] = {{0, 90}, {0, 30}, {0, 0}, {0, 50}};

	(void)state;
	assert_near(flow_min_width(stops, 4, 1), 40 + 2);
}

static void
min_width_of_empty_cell_is_padding(void **state)
{
	(void)state;
	assert_near(flow_min_width(NULL, 0, 3), 6);
}

static void
columns_that_fit_spread_to_full_width(void **state)
{
	const double pref[] = {50, 150}, min[] = {20, 40};
	double w[2];

	(void)state;
	flow_column_widths(pref, min, 2, 400, w);
	assert_near(w[0], 100);
	assert_near(w[1], 300);
}

/* Too wide for natural widths: no column below its minimum, all space used. */
static void
columns_between_min_and_natural_never_below_min(void **state)
{
	const double pref[] = {300, 100, 60}, min[] = {50, 90, 20};
	double w[3];

	(void)state;
	flow_column_widths(pref, min, 3, 300, w);
	assert_true(w[0] >= 50 - EPS && w[0] <= 300 + EPS);
	assert_true(w[1] >= 90 - EPS && w[1] <= 100 + EPS);
	assert_true(w[2] >= 20 - EPS && w[2] <= 60 + EPS);
	assert_near(w[0] + w[1] + w[2], 300);
}

static void
columns_whose_minimums_overflow_scale_down(void **state)
{
	const double pref[] = {200, 200}, min[] = {150, 50};
	double w[2];

	(void)state;
	flow_column_widths(pref, min, 2, 100, w);
	assert_near(w[0], 75);
	assert_near(w[1], 25);
}

/* ---- keeping headings, captions and short tables with what follows ---- */

/* A heading, a caption and a table's header row keep with two body rows:
 * "Summary of results" with its caption and header row once ended a page. */
static void
heading_keeps_with_header_row_and_two_rows(void **state)
{
	struct cell1 c[6];
	double h[1] = {10}, cap[1] = {10};
	struct flow_item items[8];
	struct flow_layout *l;
	size_t r;

	(void)state;
	items[0] = fixed(60);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	items[2] = para(cap, 1);
	items[2].keep_with_next = true;
	items[3] = row1(&c[0], 1, true, 1, 10, 0);
	items[3].keep_with_next = true;
	for (r = 1; r < 5; r++)
		items[3 + r] = row1(&c[r], 1, false, 1, 10, 0);
	/* Room for heading, caption, header and one row: all of it moves. */
	l = paginate(items, 8, 100);
	assert_piece(l, 1, 1, 1, 0, 10, false);
	assert_piece(l, 3, 3, 1, 20, 10, false);
	release(l);
	/* Room for two rows as well: it stays. */
	items[0] = fixed(50);
	l = paginate(items, 8, 100);
	assert_piece(l, 1, 1, 0, 50, 10, false);
	assert_piece(l, 5, 5, 0, 90, 10, false);
	release(l);
}

/* Rows that keep with their next (a short table) move together, further
 * than the four items a chain of headings needs. */
static void
short_table_kept_whole(void **state)
{
	struct cell1 c[7];
	struct flow_item items[8];
	struct flow_layout *l;
	size_t r;

	(void)state;
	items[0] = fixed(40);
	for (r = 0; r < 7; r++) {
		items[1 + r] = row1(&c[r], 1, r == 0, 1, 10, 0);
		items[1 + r].keep_with_next = r < 6;
	}
	l = paginate(items, 8, 100);
	for (r = 1; r < 8; r++)
		if (l->pieces[r].page != 1)
			fail_msg("row %zu is on page %zu, not with the others on page 1", r - 1,
			         l->pieces[r].page);
	release(l);
}

/* A heading before a paragraph of three lines keeps with all three: the
 * paragraph is never split, so two lines of room are not enough. */
static void
heading_keeps_with_whole_three_line_paragraph(void **state)
{
	double h[1] = {10}, a[3];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = fixed(70);
	items[1] = para(h, 1);
	items[1].keep_with_next = true;
	items[2] = para(fill(a, 3, 10), 3);
	l = paginate(items, 3, 105);
	assert_piece(l, 1, 1, 1, 0, 10, false);
	assert_piece(l, 2, 2, 1, 10, 30, false);
	release(l);
}

/* ---- least badness ---- */

/* The costs order the rules: a single line at a page's foot or head costs
 * most, then breaking after a title, a lead-in, inside a short block, after
 * a table's first row; breaking a paragraph costs more beside its last two
 * lines than in its middle, and between two free blocks nothing. */
static void
break_penalties_order_the_rules(void **state)
{
	double a[8], b[8];
	struct cell1 r[4];
	struct flow_item items[10];
	double title, lead_in, block, first_row, last_row, mid_row, orphan, widow, tight, middle;

	(void)state;
	items[0] = para(fill(a, 8, 10), 8);
	items[1] = para(fill(b, 8, 10), 8);
	items[2] = para(fill(b, 8, 10), 8);
	items[3] = para(fill(b, 8, 10), 8);
	items[4] = para(fill(b, 8, 10), 8);
	items[5] = row1(&r[0], 1, false, 1, 10, 2);
	items[6] = row1(&r[1], 1, false, 1, 10, 2);
	items[7] = row1(&r[2], 1, false, 1, 10, 2);
	items[8] = row1(&r[3], 1, false, 1, 10, 2);
	items[9] = fixed(10);
	items[1].keep_with_next = true;
	items[2].keep_with_next = true;
	items[2].keep = FLOW_KEEP_LEAD_IN;
	items[3].keep_with_next = true;
	items[3].keep = FLOW_KEEP_BLOCK;
	assert_near(flow_break_penalty(items, 10, 1, 0), 0);
	assert_near(flow_break_penalty(items, 10, 10, 0), 0);
	title = flow_break_penalty(items, 10, 2, 0);
	lead_in = flow_break_penalty(items, 10, 3, 0);
	block = flow_break_penalty(items, 10, 4, 0);
	first_row = flow_break_penalty(items, 10, 6, 0);
	mid_row = flow_break_penalty(items, 10, 7, 0);
	last_row = flow_break_penalty(items, 10, 8, 0);
	orphan = flow_break_penalty(items, 10, 0, 1);
	widow = flow_break_penalty(items, 10, 0, 7);
	tight = flow_break_penalty(items, 10, 0, 2);
	middle = flow_break_penalty(items, 10, 0, 4);
	assert_true(orphan >= title && widow >= title);
	assert_true(title > lead_in);
	assert_true(lead_in > block);
	assert_true(first_row > block);
	assert_true(block > last_row);
	assert_true(last_row > mid_row);
	assert_true(tight > middle);
	assert_true(middle > 0);
	assert_true(mid_row > 0);
	/* Past its last line, or on a header row's first body row. */
	assert_near(flow_break_penalty(items, 10, 0, 6), tight);
	items[5].header = true;
	assert_true(flow_break_penalty(items, 10, 6, 0) >= title);
}

/* A page's badness grows with the space left at its foot, which costs
 * nothing at a chapter's end; a page nearly empty costs more than any
 * foot, whatever ends it; the penalty adds. */
static void
page_cost_grows_with_empty_foot_and_near_emptiness(void **state)
{
	(void)state;
	assert_true(flow_page_cost(90, 100, 0, false) < flow_page_cost(70, 100, 0, false));
	assert_true(flow_page_cost(70, 100, 0, false) < flow_page_cost(40, 100, 0, false));
	assert_near(flow_page_cost(40, 100, 0, true), flow_page_cost(100, 100, 0, false));
	assert_true(flow_page_cost(5, 100, 0, true) > flow_page_cost(20, 100, 0, false));
	assert_true(flow_page_cost(5, 100, 0, true) > flow_page_cost(40, 100, 0, true));
	assert_near(flow_page_cost(90, 100, 25, false) - flow_page_cost(90, 100, 0, false), 25);
	/* Overfull (a block taller than a page) counts as full. */
	assert_near(flow_page_cost(300, 100, 0, false), flow_page_cost(100, 100, 0, false));
}

/* ---- two columns ---- */

/* n one-line items of height h, for flow_columns. */
static struct flow_item *
entries(struct flow_item *items, double *lines, size_t n, double h)
{
	size_t i;

	for (i = 0; i < n; i++) {
		lines[i] = h;
		items[i] = para(&lines[i], 1);
		items[i].columns = true;
	}
	return items;
}

static void
assert_place(const struct flow_place *pl, size_t i, size_t page, int column, double y)
{
	if (pl[i].page != page || pl[i].column != column || !near(pl[i].y, y))
		fail_msg("item %zu on page %zu column %d at %g; expected page %zu column %d at %g", i,
		         pl[i].page, pl[i].column, pl[i].y, page, column, y);
}

/* The last page's columns are balanced; full pages fill column 1, then 2. */
static void
columns_fill_pages_and_balance_the_last(void **state)
{
	struct flow_item items[30];
	double lines[30];
	struct flow_place pl[30];

	(void)state;
	entries(items, lines, 10, 10);
	assert_int_equal(flow_columns(items, 10, 1000, 1000, pl), 1);
	assert_place(pl, 0, 0, 0, 0);
	assert_place(pl, 4, 0, 0, 40);
	assert_place(pl, 5, 0, 1, 0);
	assert_place(pl, 9, 0, 1, 40);
	entries(items, lines, 30, 10);
	assert_int_equal(flow_columns(items, 30, 100, 100, pl), 2);
	assert_place(pl, 9, 0, 0, 90);
	assert_place(pl, 10, 0, 1, 0);
	assert_place(pl, 19, 0, 1, 90);
	assert_place(pl, 20, 1, 0, 0);
	assert_place(pl, 25, 1, 1, 0);
	assert_int_equal(flow_columns(items, 0, 100, 100, pl), 0);
}

/* A head never ends a column: it goes to the next with its first entry. */
static void
columns_keep_a_head_with_its_first_entry(void **state)
{
	struct flow_item items[20];
	double lines[20];
	struct flow_place pl[20];

	(void)state;
	entries(items, lines, 20, 10);
	items[9].keep_with_next = true;
	assert_int_equal(flow_columns(items, 20, 100, 100, pl), 2);
	assert_place(pl, 8, 0, 0, 80);
	assert_place(pl, 9, 0, 1, 0);
	assert_place(pl, 10, 0, 1, 10);
	assert_place(pl, 19, 1, 0, 0);
	/* Balancing does not split a head from its entry either. */
	entries(items, lines, 10, 10);
	items[4].keep_with_next = true;
	flow_columns(items, 10, 1000, 1000, pl);
	assert_int_equal(pl[4].column, pl[5].column);
}

/* The first page holds what is left of it; with no room for one item, the
 * run starts on the next page. */
static void
columns_start_in_what_is_left_of_a_page(void **state)
{
	struct flow_item items[10];
	double lines[10];
	struct flow_place pl[10];

	(void)state;
	entries(items, lines, 10, 10);
	assert_int_equal(flow_columns(items, 10, 30, 100, pl), 2);
	assert_place(pl, 2, 0, 0, 20);
	assert_place(pl, 3, 0, 1, 0);
	assert_place(pl, 6, 1, 0, 0);
	assert_place(pl, 8, 1, 1, 0);
	/* Nothing fits the first page: the run starts on the next. */
	assert_int_equal(flow_columns(items, 10, 5, 100, pl), 2);
	assert_place(pl, 0, 1, 0, 0);
	assert_place(pl, 5, 1, 1, 0);
}

/* flow_paginate sets a run of columns items under what precedes it, each
 * piece in its column, in reading order; what follows comes after. */
static void
paginate_sets_a_run_in_columns(void **state)
{
	double intro[3], lines[30], after[2];
	struct flow_item items[32];
	struct flow_layout *l;
	size_t k;

	(void)state;
	items[0] = para(fill(intro, 3, 10), 3);
	entries(items + 1, lines, 30, 10);
	items[31] = para(fill(after, 2, 10), 2);
	l = hold(flow_paginate(items, 32, 100));
	/* 70 left under the intro: 7 + 7 entries; then 16 balanced 8 + 8. */
	assert_int_equal(l->n_pages, 2);
	assert_piece(l, 0, 0, 0, 0, 30, false);
	assert_piece(l, 1, 1, 0, 30, 10, false);
	assert_int_equal(l->pieces[7].column, 0);
	assert_piece(l, 8, 8, 0, 30, 10, false);
	assert_int_equal(l->pieces[8].column, 1);
	assert_piece(l, 15, 15, 1, 0, 10, false);
	assert_int_equal(l->pieces[15].column, 0);
	assert_piece(l, 23, 23, 1, 0, 10, false);
	assert_int_equal(l->pieces[23].column, 1);
	for (k = 0; k + 1 < l->n_pieces; k++)
		assert_true(l->pieces[k].item < l->pieces[k + 1].item);
	assert_piece(l, 31, 31, 1, 80, 20, false);
	assert_int_equal(l->pieces[31].column, 0);
}

/* Stacked as the pager stacks them: the first space before dropped, rows
 * with their padding; and a stack that is one page indeed makes one page. */
static void
stack_height_is_what_one_page_takes(void **state)
{
	double a[3];
	struct cell1 c;
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 3, 10), 3);
	items[0].space_before = 50;
	items[0].space_after = 4;
	items[1] = row1(&c, 0, false, 2, 5, 2);
	items[1].space_before = 6;
	items[2] = fixed(20);
	items[2].space_after = 3;
	assert_near(flow_stack_height(items, 3), 30 + 4 + 6 + 14 + 20);
	assert_near(flow_stack_height(items, 0), 0);
	l = paginate(items, 3, 74);
	assert_int_equal(l->n_pages, 1);
}

/* A stack a little too tall closes up its spaces by one factor and fits;
 * one that fits is left alone; one that spacing cannot save is closed up
 * no further than FLOW_TIGHTEST and said not to fit. */
static void
tighten_closes_up_spaces_to_fit_a_page(void **state)
{
	double a[4], b[4];
	struct flow_item items[2];

	(void)state;
	items[0] = para(fill(a, 4, 10), 4);
	items[0].space_after = 10;
	items[1] = para(fill(b, 4, 10), 4);
	items[1].space_before = 30;
	items[1].space_after = 10;
	/* 80 of text, 40 of space (the last space after is none of the page's):
	 * 110 fits by closing up to 30 of space. */
	assert_true(flow_tighten(items, 2, 110));
	assert_near(flow_stack_height(items, 2), 110);
	assert_near(items[1].space_before, 30 * 0.75);
	assert_near(items[0].space_after, 10 * 0.75);
	/* Fits already: unchanged. */
	assert_true(flow_tighten(items, 2, 200));
	assert_near(items[1].space_before, 22.5);
	/* Text alone is 80: no spacing fits 85 (40 * 0.25 = 10 of space at least). */
	items[0].space_after = 10;
	items[1].space_before = 30;
	items[1].space_after = 10;
	assert_false(flow_tighten(items, 2, 85));
	assert_near(items[1].space_before, 30 * FLOW_TIGHTEST);
	assert_near(flow_stack_height(items, 2), 80 + 40 * FLOW_TIGHTEST);
}

/* First fit ends the chapter with two lines on a page of their own; least
 * badness breaks the paragraph earlier, so that the last page holds more. */
static void
no_nearly_empty_page_at_a_chapter_end(void **state)
{
	double a[10], b[12];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 10, 5), 10);
	items[1] = para(fill(b, 12, 5), 12);
	items[2] = fixed(20);
	items[2].break_before = true;
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pages, 3);
	assert_piece(l, 1, 1, 0, 50, 45, false);
	assert_lines(l, 1, 0, 9);
	assert_piece(l, 2, 1, 1, 0, 15, false);
	assert_lines(l, 2, 9, 3);
	assert_piece(l, 3, 2, 2, 0, 20, false);
	release(l);
}

/* Two lines of a paragraph at a foot that is nearly full: first fit splits
 * the paragraph; least badness moves it whole, leaving a little space. */
static void
break_between_paragraphs_rather_than_inside(void **state)
{
	double a[18], b[6];
	struct flow_item items[2];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 18, 5), 18);
	items[1] = para(fill(b, 6, 5), 6);
	l = paginate(items, 2, 100);
	assert_int_equal(l->n_pieces, 2);
	assert_piece(l, 1, 1, 1, 0, 30, false);
	assert_lines(l, 1, 0, 6);
	release(l);
}

/* The breaks are chosen over the whole chapter: the break between
 * paragraphs that looks best on the first page would push two lines onto
 * a third page; splitting the paragraph sets the chapter on two. */
static void
breaks_chosen_over_the_chapter_not_page_by_page(void **state)
{
	double a[18], b[6], c[15];
	struct flow_item items[3];
	struct flow_layout *l;

	(void)state;
	items[0] = para(fill(a, 18, 5), 18);
	items[1] = para(fill(b, 6, 5), 6);
	items[2] = para(fill(c, 15, 5), 15);
	l = paginate(items, 3, 100);
	assert_int_equal(l->n_pages, 2);
	assert_piece(l, 1, 1, 0, 90, 10, false);
	assert_lines(l, 1, 0, 2);
	release(l);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, start_watchdog, free_held)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(empty_input_gives_no_pages),
		TEST(items_that_fit_stay_on_page_zero_with_y_increasing),
		TEST(space_before_dropped_on_first_item),
		TEST(space_before_dropped_after_page_break),
		TEST(space_before_kept_mid_page),
		TEST(space_before_kept_mid_page_for_rows),
		TEST(space_after_separates_items),
		TEST(break_before_starts_new_page),
		TEST(break_before_ignored_at_top_of_page),
		TEST(paragraph_splits_between_lines),
		TEST(orphan_first_line_not_left_at_page_foot),
		TEST(widow_last_line_not_carried_alone),
		TEST(widow_rule_holds_on_continuation_pages),
		TEST(widow_rule_holds_when_a_page_holds_two_lines),
		TEST(four_line_paragraph_obeys_orphan_and_widow_rules),
		TEST(short_paragraphs_are_never_split),
		TEST(line_taller_than_page_still_placed),
		TEST(paragraph_pieces_cover_every_line_once_in_order),
		TEST(keep_with_next_moves_heading_with_what_follows),
		TEST(keep_with_next_moves_heading_with_chart),
		TEST(keep_with_next_stays_when_start_of_next_fits),
		TEST(keep_with_next_counts_its_space_after),
		TEST(keep_with_next_chain_of_headings_moves_together),
		TEST(keep_with_next_at_top_of_page_stays),
		TEST(keep_with_next_as_last_item_does_nothing_special),
		TEST(row_height_is_tallest_cell_plus_padding),
		TEST(row_that_does_not_fit_moves_whole),
		TEST(table_first_row_not_left_alone_at_foot),
		TEST(header_row_repeated_on_continuation_pages),
		TEST(several_header_rows_repeated_in_order),
		TEST(rows_of_another_table_do_not_get_first_tables_headers),
		TEST(row_taller_than_page_split_with_headers_repeated),
		TEST(row_taller_than_page_split_without_headers),
		TEST(fixed_item_never_split),
		TEST(fixed_taller_than_page_placed_alone),
		TEST(n_pages_is_highest_page_plus_one),
		TEST(pieces_in_order_of_item_and_page),
		TEST(same_input_gives_identical_pieces),
		TEST(stress_random_paragraphs),
		TEST(random_mixed_documents_keep_invariants),
		TEST(heading_keeps_with_header_row_and_two_rows),
		TEST(short_table_kept_whole),
		TEST(heading_keeps_with_whole_three_line_paragraph),
		TEST(break_penalties_order_the_rules),
		TEST(page_cost_grows_with_empty_foot_and_near_emptiness),
		TEST(columns_fill_pages_and_balance_the_last),
		TEST(columns_keep_a_head_with_its_first_entry),
		TEST(columns_start_in_what_is_left_of_a_page),
		TEST(paginate_sets_a_run_in_columns),
		TEST(stack_height_is_what_one_page_takes),
		TEST(tighten_closes_up_spaces_to_fit_a_page),
		TEST(no_nearly_empty_page_at_a_chapter_end),
		TEST(break_between_paragraphs_rather_than_inside),
		TEST(breaks_chosen_over_the_chapter_not_page_by_page),
		TEST(min_width_is_longest_word_of_any_line),
		TEST(min_width_finds_long_word_on_short_line),
		TEST(min_width_sorts_stops_within_a_line),
		TEST(min_width_of_empty_cell_is_padding),
		TEST(columns_that_fit_spread_to_full_width),
		TEST(columns_between_min_and_natural_never_below_min),
		TEST(columns_whose_minimums_overflow_scale_down),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
