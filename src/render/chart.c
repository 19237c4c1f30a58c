/* Capability profile charts: geometry computed once, as plain data, for every renderer. */
#include "render/chart.h"

#include <stdlib.h>

#include <glib.h>

/* Points.  The plot is sized for 22 process areas on an A4 text width. */
#define SLOT_WIDTH 22.0
#define BAR_WIDTH 13.0
#define LEVEL_HEIGHT 28.0
#define MARGIN_LEFT 34.0
#define MARGIN_TOP 20.0
#define MARGIN_RIGHT 10.0
#define AXIS_LABEL_SPACE 16.0
#define LEGEND_SPACE 42.0
#define MAX_LEVEL 5
#define LEVEL0_HEIGHT 4.0
#define HEADING_SPACE 36.0

/* Colours: a sequential blue scale for levels (darker is higher), chosen for
 * contrast with white text-free bars and for readers with colour-vision
 * deficiencies; the target in a warm contrasting colour. */
static const struct chart_style styles[CHART_ROLES] = {
	[CHART_BACKGROUND] = {0xFFFFFF, CHART_NONE, 0, 0, false},
	[CHART_GRID] = {CHART_NONE, 0xD0D4DA, 0.5, 0, false},
	[CHART_AXIS] = {CHART_NONE, 0x333333, 0.8, 0, false},
	[CHART_BAR_0] = {0xDCE6F2, 0x4A5563, 0.8, 0, false},
	[CHART_BAR_1] = {0xB3CDE8, CHART_NONE, 0, 0, false},
	[CHART_BAR_2] = {0x7FAAD6, CHART_NONE, 0, 0, false},
	[CHART_BAR_3] = {0x4A86C5, CHART_NONE, 0, 0, false},
	[CHART_BAR_4] = {0x2462A6, CHART_NONE, 0, 0, false},
	[CHART_BAR_5] = {0x0F3C73, CHART_NONE, 0, 0, false},
	[CHART_BAR_NA] = {CHART_NONE, 0x8A8F96, 0.6, 0, true},
	[CHART_BAR_OUT] = {0xE4E6EA, CHART_NONE, 0, 0, false},
	[CHART_RANGE] = {CHART_NONE, 0x1A1A1A, 0.9, 0, false},
	[CHART_TARGET] = {CHART_NONE, 0xC2410C, 2.2, 0, false},
	[CHART_PREVIOUS] = {CHART_NONE, 0x1A1A1A, 1.2, 0, false},
	[CHART_TEXT] = {0x1F2328, CHART_NONE, 0, 7.5, false},
	[CHART_TEXT_SMALL] = {0x5B6169, CHART_NONE, 0, 5.5, false},
	[CHART_TITLE] = {0x0F3C73, CHART_NONE, 0, 10, false},
};

const struct chart_style *
chart_style(enum chart_role role)
{
	return &styles[role < CHART_ROLES ? role : CHART_TEXT];
}

static struct chart_shape *
push(struct chart *c, GArray *shapes, enum chart_shape_kind kind, enum chart_role role,
     double x, double y, double w, double h)
{
	struct chart_shape s = {kind, role, x, y, w, h, NULL, CHART_START};

	(void)c;
	g_array_append_val(shapes, s);
	return &g_array_index(shapes, struct chart_shape, shapes->len - 1);
}

static void
text(struct chart *c, GArray *shapes, enum chart_role role, double x, double y,
     const char *t, enum chart_anchor anchor)
{
	struct chart_shape *s = push(c, shapes, CHART_TEXT_SHAPE, role, x, y, 0, 0);

	s->text = t;
	s->anchor = anchor;
}

static void
legend(struct chart *c, GArray *shapes, double y)
{
	static const char *const level_names[] = {"0", "1", "2", "3", "4", "5"};
	double x = MARGIN_LEFT;
	int i;

	text(c, shapes, CHART_TEXT, x, y + 7, "Achieved level:", CHART_START);
	x += 64;
	for (i = 0; i <= MAX_LEVEL; i++) {
		push(c, shapes, CHART_RECT, (enum chart_role)(CHART_BAR_0 + i), x, y, 9, 9);
		text(c, shapes, CHART_TEXT, x + 11, y + 7, level_names[i], CHART_START);
		x += 22;
	}
	x += 8;
	if (c->has_target) {
		push(c, shapes, CHART_LINE, CHART_TARGET, x, y + 4.5, 14, 0);
		text(c, shapes, CHART_TEXT, x + 17, y + 7, "Target level", CHART_START);
		x += 66;
	}
	if (c->has_range) {
		push(c, shapes, CHART_LINE, CHART_RANGE, x + 4, y, 0, 9);
		text(c, shapes, CHART_TEXT, x + 9, y + 7, "Range over projects", CHART_START);
		x += 90;
	}
	/* Second row: the marks that are not bars. */
	x = MARGIN_LEFT + 64;
	y += 13;
	push(c, shapes, CHART_RECT, CHART_BAR_NA, x, y + 1, 9, 7);
	text(c, shapes, CHART_TEXT, x + 12, y + 7, "n/a: not applicable", CHART_START);
	push(c, shapes, CHART_RECT, CHART_BAR_OUT, x + 96, y + 1, 9, 7);
	text(c, shapes, CHART_TEXT, x + 108, y + 7, "out: out of scope", CHART_START);
	/* Third row, comparing: which appraisal is which. */
	if (c->has_previous) {
		y += 13;
		push(c, shapes, CHART_RECT, CHART_PREVIOUS, x, y, 9, 9);
		text(c, shapes, CHART_TEXT, x + 12, y + 7, c->previous_label, CHART_START);
		text(c, shapes, CHART_TEXT, MARGIN_LEFT + 64 + 250, y + 7, c->current_label,
		     CHART_START);
		push(c, shapes, CHART_RECT, CHART_BAR_3, MARGIN_LEFT + 64 + 238, y, 9, 9);
	}
}

static struct chart *
layout(struct chart *c, const struct chart_bar *bars, size_t n)
{
	GArray *shapes = g_array_new(FALSE, FALSE, sizeof(struct chart_shape));
	double plot_w = SLOT_WIDTH * (double)(n ? n : 1);
	double plot_h = LEVEL_HEIGHT * MAX_LEVEL;
	double base = MARGIN_TOP + plot_h;
	static const char *const digits[] = {"0", "1", "2", "3", "4", "5"};
	size_t i;
	int l;

	for (i = 0; i < n; i++) {
		if (bars[i].target >= 0)
			c->has_target = true;
		if (bars[i].max_level > bars[i].level && bars[i].level >= 0)
			c->has_range = true;
	}
	c->width = MARGIN_LEFT + plot_w + MARGIN_RIGHT;
	if (c->width < 460)
		c->width = 460;
	c->height = base + AXIS_LABEL_SPACE + LEGEND_SPACE + (c->has_previous ? 13 : 0);

	push(c, shapes, CHART_RECT, CHART_BACKGROUND, 0, 0, c->width, c->height);
	for (l = 0; l <= MAX_LEVEL; l++) {
		double y = base - l * LEVEL_HEIGHT;

		if (l > 0)
			push(c, shapes, CHART_LINE, CHART_GRID, MARGIN_LEFT, y, plot_w, 0);
		text(c, shapes, CHART_TEXT, MARGIN_LEFT - 6, y + 2.5, digits[l], CHART_END);
	}
	text(c, shapes, CHART_TEXT, 4, MARGIN_TOP - 10, "Level", CHART_START);

	for (i = 0; i < n; i++) {
		const struct chart_bar *b = &bars[i];
		double slot = MARGIN_LEFT + SLOT_WIDTH * (double)i;
		double bx = slot + (SLOT_WIDTH - BAR_WIDTH) / 2;
		double cx = slot + SLOT_WIDTH / 2;

		if (b->level > 0) {
			push(c, shapes, CHART_RECT, (enum chart_role)(CHART_BAR_0 + b->level), bx,
			     base - b->level * LEVEL_HEIGHT, BAR_WIDTH, b->level * LEVEL_HEIGHT);
		} else if (b->level == 0) {
			/* Level 0 still shows a mark, outlined, so "rated 0" differs
			 * from "no bar" and from the stubs of n/a and out of scope. */
			push(c, shapes, CHART_RECT, CHART_BAR_0, bx, base - LEVEL0_HEIGHT, BAR_WIDTH,
			     LEVEL0_HEIGHT);
			text(c, shapes, CHART_TEXT_SMALL, cx, base - LEVEL0_HEIGHT - 2, "0", CHART_MIDDLE);
		} else {
			push(c, shapes, CHART_RECT, b->level == CHART_NA ? CHART_BAR_NA : CHART_BAR_OUT, bx,
			     base - 10, BAR_WIDTH, 10);
			text(c, shapes, CHART_TEXT_SMALL, cx, base - 13,
			     b->level == CHART_NA ? "n/a" : "out", CHART_MIDDLE);
		}
		if (b->level >= 0 && b->max_level > b->level) {
			double top = base - b->max_level * LEVEL_HEIGHT;
			double bottom = base - b->level * LEVEL_HEIGHT;

			push(c, shapes, CHART_LINE, CHART_RANGE, cx, bottom, 0, top - bottom);
			push(c, shapes, CHART_LINE, CHART_RANGE, cx - 3, top, 6, 0);
		}
		if (b->has_previous && b->previous >= 0) {
			/* Wider than the bar, so a level that did not change still
			 * shows its outline on both sides. */
			double h = b->previous > 0 ? b->previous * LEVEL_HEIGHT : LEVEL0_HEIGHT;

			push(c, shapes, CHART_RECT, CHART_PREVIOUS, slot + 2, base - h, SLOT_WIDTH - 4, h);
		}
		if (b->target >= 0) {
			double y = base - b->target * LEVEL_HEIGHT;

			push(c, shapes, CHART_LINE, CHART_TARGET, slot + 2, y, SLOT_WIDTH - 4, 0);
		}
		text(c, shapes, CHART_TEXT, cx, base + 11, b->label, CHART_MIDDLE);
	}
	push(c, shapes, CHART_LINE, CHART_AXIS, MARGIN_LEFT, base, plot_w, 0);
	push(c, shapes, CHART_LINE, CHART_AXIS, MARGIN_LEFT, MARGIN_TOP, 0, plot_h);
	legend(c, shapes, base + AXIS_LABEL_SPACE + 8);

	c->n_shapes = shapes->len;
	c->shapes = (struct chart_shape *)g_array_free(shapes, FALSE);
	return c;
}

struct chart *
chart_profile(const struct chart_bar *bars, size_t n)
{
	return layout(g_new0(struct chart, 1), bars, n);
}

struct chart *
chart_comparison(const struct chart_bar *bars, size_t n, const char *previous_label,
                 const char *current_label)
{
	struct chart *c = g_new0(struct chart, 1);

	c->has_previous = true;
	c->previous_label = previous_label;
	c->current_label = current_label;
	return layout(c, bars, n);
}

void
chart_add_heading(struct chart *c, const char *title, const char *subtitle)
{
	GArray *shapes = g_array_new(FALSE, FALSE, sizeof(struct chart_shape));
	size_t i;

	g_array_append_vals(shapes, c->shapes, c->n_shapes);
	for (i = 0; i < shapes->len; i++) {
		struct chart_shape *s = &g_array_index(shapes, struct chart_shape, i);

		if (s->role == CHART_BACKGROUND)
			s->h += HEADING_SPACE;
		else
			s->y += HEADING_SPACE;
	}
	c->height += HEADING_SPACE;
	text(c, shapes, CHART_TITLE, 4, 14, title, CHART_START);
	text(c, shapes, CHART_TEXT, 4, 27, subtitle, CHART_START);
	g_free(c->shapes);
	c->n_shapes = shapes->len;
	c->shapes = (struct chart_shape *)g_array_free(shapes, FALSE);
}

void
chart_free(struct chart *c)
{
	if (c == NULL)
		return;
	g_free(c->shapes);
	g_free(c);
}
