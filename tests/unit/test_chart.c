/* Tests of chart geometry: bars, marks and legend as plain shapes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "render/chart.h"

static size_t
count_role(const struct chart *c, enum chart_role role, enum chart_shape_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < c->n_shapes; i++)
		if (c->shapes[i].role == role && c->shapes[i].kind == kind)
			n++;
	return n;
}

static const struct chart_shape *
find_text(const struct chart *c, const char *text)
{
	size_t i;

	for (i = 0; i < c->n_shapes; i++)
		if (c->shapes[i].kind == CHART_TEXT_SHAPE && strcmp(c->shapes[i].text, text) == 0)
			return &c->shapes[i];
	return NULL;
}

static void
bars_are_proportional_to_levels(void **state)
{
	const struct chart_bar bars[] = {
		{.label = "PA01", .level = 1, .max_level = -1, .target = -1},
		{.label = "PA02", .level = 2, .max_level = -1, .target = -1},
		{.label = "PA03", .level = 4, .max_level = -1, .target = -1},
	};
	struct chart *c = chart_profile(bars, 3);
	const struct chart_shape *b1 = NULL, *b2 = NULL, *b4 = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < c->n_shapes; i++) {
		const struct chart_shape *s = &c->shapes[i];

		/* The legend's swatches are small squares; bars stand on the axis. */
		if (s->kind != CHART_RECT || s->w < 10)
			continue;
		if (s->role == CHART_BAR_1)
			b1 = s;
		else if (s->role == CHART_BAR_2)
			b2 = s;
		else if (s->role == CHART_BAR_4)
			b4 = s;
	}
	assert_non_null(b1);
	assert_non_null(b2);
	assert_non_null(b4);
	assert_true(b2->h > 1.99 * b1->h && b2->h < 2.01 * b1->h);
	assert_true(b4->h > 3.99 * b1->h && b4->h < 4.01 * b1->h);
	/* All stand on the same baseline. */
	assert_true(b1->y + b1->h == b4->y + b4->h);
	assert_non_null(find_text(c, "PA03"));
	assert_false(c->has_target);
	assert_false(c->has_range);
	assert_null(find_text(c, "Target level"));
	chart_free(c);
}

static void
target_and_range_are_marked_and_explained(void **state)
{
	const struct chart_bar bars[] = {
		{.label = "PA01", .level = 1, .max_level = 3, .target = 2},
		{.label = "PA02", .level = 2, .max_level = -1, .target = 2},
		{.label = "PA03", .level = 0, .max_level = -1, .target = -1},
	};
	struct chart *c = chart_profile(bars, 3);

	(void)state;
	assert_true(c->has_target);
	assert_true(c->has_range);
	/* Two target marks plus the legend's sample. */
	assert_int_equal(count_role(c, CHART_TARGET, CHART_LINE), 3);
	/* A range is a line and its cap, plus the legend's sample. */
	assert_int_equal(count_role(c, CHART_RANGE, CHART_LINE), 3);
	assert_non_null(find_text(c, "Target level"));
	assert_non_null(find_text(c, "Range over projects"));
	chart_free(c);
}

static void
not_applicable_and_out_of_scope_are_labelled(void **state)
{
	const struct chart_bar bars[] = {
		{.label = "PA01", .level = CHART_NA, .max_level = -1, .target = -1},
		{.label = "PA02", .level = CHART_OUT, .max_level = -1, .target = 2},
	};
	struct chart *c = chart_profile(bars, 2);

	(void)state;
	assert_non_null(find_text(c, "n/a"));
	assert_non_null(find_text(c, "out"));
	/* One stub each, distinct, plus the legend's samples. */
	assert_int_equal(count_role(c, CHART_BAR_NA, CHART_RECT), 2);
	assert_int_equal(count_role(c, CHART_BAR_OUT, CHART_RECT), 2);
	assert_non_null(find_text(c, "out: out of scope"));
	assert_true(chart_style(CHART_BAR_NA)->dashed != chart_style(CHART_BAR_OUT)->dashed ||
	            chart_style(CHART_BAR_NA)->fill != chart_style(CHART_BAR_OUT)->fill);
	chart_free(c);
}

/* Level 0 is an outlined block with its digit, not a hairline; the earlier
 * appraisal's outline is solid, unlike the dashed n/a stub. */
static void
level_zero_and_previous_outline_are_distinct_marks(void **state)
{
	const struct chart_bar bars[] = {
		{.label = "PA01", .level = 0, .max_level = -1, .target = -1,
		 .has_previous = true, .previous = 2},
	};
	struct chart *c = chart_comparison(bars, 1, "before", "after");
	const struct chart_shape *zero = NULL;
	bool digit = false;
	size_t i;

	(void)state;
	for (i = 0; i < c->n_shapes; i++) {
		if (c->shapes[i].role == CHART_BAR_0 && c->shapes[i].kind == CHART_RECT && zero == NULL)
			zero = &c->shapes[i];
		if (c->shapes[i].role == CHART_TEXT_SMALL && strcmp(c->shapes[i].text, "0") == 0)
			digit = true;
	}
	assert_non_null(zero);
	assert_true(zero->h >= 4);
	assert_true(chart_style(CHART_BAR_0)->stroke != CHART_NONE);
	assert_true(digit);
	assert_false(chart_style(CHART_PREVIOUS)->dashed);
	assert_true(chart_style(CHART_BAR_NA)->dashed);
	chart_free(c);
}

/* A standalone chart's heading sits above everything else, which moves down. */
static void
heading_goes_above_the_plot(void **state)
{
	const struct chart_bar bars[] = {
		{.label = "PA01", .level = 2, .max_level = -1, .target = -1},
	};
	struct chart *c = chart_profile(bars, 1);
	double height = c->height, first_label_y = find_text(c, "PA01")->y;
	const struct chart_shape *title, *subtitle;

	(void)state;
	chart_add_heading(c, "Capability profile", "Org, appraisal A-1 ended 2026-01-31");
	title = find_text(c, "Capability profile");
	subtitle = find_text(c, "Org, appraisal A-1 ended 2026-01-31");
	assert_non_null(title);
	assert_non_null(subtitle);
	assert_int_equal(title->role, CHART_TITLE);
	assert_true(c->height > height);
	assert_true(find_text(c, "PA01")->y > first_label_y);
	assert_true(subtitle->y < find_text(c, "Level")->y);
	chart_free(c);
}

static void
same_input_same_shapes(void **state)
{
	const struct chart_bar bars[] = {
		{.label = "PA01", .level = 3, .max_level = 5, .target = 4},
		{.label = "PA02", .level = 5, .max_level = -1, .target = 5},
	};
	struct chart *a = chart_profile(bars, 2), *b = chart_profile(bars, 2);
	size_t i;

	(void)state;
	assert_int_equal(a->n_shapes, b->n_shapes);
	for (i = 0; i < a->n_shapes; i++) {
		assert_true(a->shapes[i].x == b->shapes[i].x && a->shapes[i].y == b->shapes[i].y);
		assert_int_equal(a->shapes[i].role, b->shapes[i].role);
	}
	/* Everything lies inside the chart. */
	for (i = 0; i < a->n_shapes; i++) {
		assert_true(a->shapes[i].x >= 0 && a->shapes[i].x <= a->width);
		assert_true(a->shapes[i].y >= 0 && a->shapes[i].y <= a->height);
	}
	chart_free(a);
	chart_free(b);
}

static void
every_role_has_a_style(void **state)
{
	int r;

	(void)state;
	for (r = 0; r < CHART_ROLES; r++) {
		const struct chart_style *s = chart_style((enum chart_role)r);

		assert_true(s->fill != CHART_NONE || s->stroke != CHART_NONE);
	}
	assert_true(chart_style(CHART_TEXT)->font_size > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bars_are_proportional_to_levels),
		cmocka_unit_test(target_and_range_are_marked_and_explained),
		cmocka_unit_test(not_applicable_and_out_of_scope_are_labelled),
		cmocka_unit_test(level_zero_and_previous_outline_are_distinct_marks),
		cmocka_unit_test(heading_goes_above_the_plot),
		cmocka_unit_test(same_input_same_shapes),
		cmocka_unit_test(every_role_has_a_style),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
