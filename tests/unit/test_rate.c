/* Unit tests of the rating engine (src/rate/rate.c): levels, blockers, reasons, parsing, profiles, gaps. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rate/rate.h"

/* An SSE-CMM-shaped process area: 8 base practices and the generic
 * practices of levels 1-5 (1 at level 1; 6/2/2/2 at 2; 2/3/3 at 3; 1/2 at
 * 4; 2/3 at 5). */
#define N_BPS 8
static const char *const bp_ids[N_BPS] = {
	"BP.03.01", "BP.03.02", "BP.03.03", "BP.03.04",
	"BP.03.05", "BP.03.06", "BP.03.07", "BP.03.08",
};
static const char *const gp_ids[] = {
	"GP-1.1.1",
	"GP-2.1.1", "GP-2.1.2", "GP-2.1.3", "GP-2.1.4", "GP-2.1.5", "GP-2.1.6",
	"GP-2.2.1", "GP-2.2.2",
	"GP-2.3.1", "GP-2.3.2",
	"GP-2.4.1", "GP-2.4.2",
	"GP-3.1.1", "GP-3.1.2",
	"GP-3.2.1", "GP-3.2.2", "GP-3.2.3",
	"GP-3.3.1", "GP-3.3.2", "GP-3.3.3",
	"GP-4.1.1",
	"GP-4.2.1", "GP-4.2.2",
	"GP-5.1.1", "GP-5.1.2",
	"GP-5.2.1", "GP-5.2.2", "GP-5.2.3",
};
#define N_GPS (sizeof gp_ids / sizeof gp_ids[0])
#define N_GPS_ABOVE_1 (N_GPS - 1)

struct area {
	struct rate_item bps[N_BPS];
	struct rate_item gps[N_GPS];
	struct rate_area_input in;
	struct rate_area_result out;
};

static void
area_init(struct area *a, enum rating bp, enum rating gp)
{
	size_t i;

	memset(a, 0, sizeof *a);
	for (i = 0; i < N_BPS; i++)
		a->bps[i] = (struct rate_item){bp_ids[i], bp, 0};
	for (i = 0; i < N_GPS; i++)
		a->gps[i] = (struct rate_item){gp_ids[i], gp, gp_ids[i][3] - '0'};
	a->in.method = RATE_SSAM;
	a->in.bps = a->bps;
	a->in.n_bps = N_BPS;
	a->in.gps = a->gps;
	a->in.n_gps = N_GPS;
}

static void
set_gp_level(struct area *a, int level, enum rating r)
{
	size_t i;

	for (i = 0; i < N_GPS; i++)
		if (a->gps[i].level == level)
			a->gps[i].rating = r;
}

static struct rate_item *
find_gp(struct area *a, const char *id)
{
	size_t i;

	for (i = 0; i < N_GPS; i++)
		if (strcmp(a->gps[i].id, id) == 0)
			return &a->gps[i];
	fail_msg("no generic practice %s", id);
	return NULL;
}

static void
area_rate(struct area *a)
{
	/* Garbage first: rate_area must set every field itself. */
	memset(&a->out, 0x5A, sizeof a->out);
	rate_area(&a->in, &a->out);
}

/* The nine process attributes of ISO/IEC 15504-2. */
#define N_ATTRS 9
static const char *const attr_ids[N_ATTRS] = {
	"PA-1.1", "PA-2.1", "PA-2.2", "PA-3.1", "PA-3.2", "PA-4.1", "PA-4.2", "PA-5.1", "PA-5.2",
};

struct iso_area {
	struct rate_item attrs[N_ATTRS];
	struct rate_area_input in;
	struct rate_area_result out;
};

static void
iso_init(struct iso_area *a, enum rating r)
{
	size_t i;

	memset(a, 0, sizeof *a);
	for (i = 0; i < N_ATTRS; i++)
		a->attrs[i] = (struct rate_item){attr_ids[i], r, attr_ids[i][3] - '0'};
	a->in.method = RATE_ISO15504;
	a->in.attrs = a->attrs;
	a->in.n_attrs = N_ATTRS;
}

static void
iso_set_level(struct iso_area *a, int level, enum rating r)
{
	size_t i;

	for (i = 0; i < N_ATTRS; i++)
		if (a->attrs[i].level == level)
			a->attrs[i].rating = r;
}

static void
iso_rate(struct iso_area *a)
{
	memset(&a->out, 0x5A, sizeof a->out);
	rate_area(&a->in, &a->out);
}

/* "GP-3.1.1" -> "GP 3.1.1", "PA-1.1" -> "PA 1.1"; other ids unchanged.  One
 * buffer, reused: rate.h only promises the result lives until the next call. */
static const char *
label_dash_to_space(const char *id)
{
	static char b[64];

	snprintf(b, sizeof b, "%s", id);
	if (strncmp(b, "GP-", 3) == 0 || strncmp(b, "PA-", 3) == 0)
		b[2] = ' ';
	return b;
}

/* ---- method ssam ---- */

static void
ssam_all_bps_f_all_gps_f_is_level_5(void **state)
{
	struct area a;

	area_init(&a, RATING_F, RATING_F);
	area_rate(&a);
	assert_int_equal(a.out.level, 5);
	assert_int_equal(a.out.next_level, 0);
	assert_int_equal(a.out.n_blockers, 0);
	assert_false(a.out.none_applicable);
	assert_false(a.out.lower_not_fully);
	assert_int_equal(a.out.n_applicable_bps, N_BPS);
	assert_int_equal(a.out.n_rated_above, 0);
}

static void
ssam_l_and_f_both_pass(void **state)
{
	struct area a;
	size_t i;

	area_init(&a, RATING_L, RATING_L);
	area_rate(&a);
	assert_int_equal(a.out.level, 5);

	/* Alternate L and F everywhere. */
	for (i = 0; i < N_BPS; i++)
		a.bps[i].rating = i % 2 ? RATING_F : RATING_L;
	for (i = 0; i < N_GPS; i++)
		a.gps[i].rating = i % 2 ? RATING_L : RATING_F;
	area_rate(&a);
	assert_int_equal(a.out.level, 5);
	assert_int_equal(a.out.n_blockers, 0);
}

/* Every level 0..5: everything up to k passes, the first GP of level k+1
 * (or a BP for k = 0) is rated P. */
static void
ssam_each_level_boundary(void **state)
{
	static const char *const first_gp[] = {
		[2] = "GP-2.1.1", [3] = "GP-3.1.1", [4] = "GP-4.1.1", [5] = "GP-5.1.1",
	};
	struct area a;
	int k;

	for (k = 0; k <= 5; k++) {
		const struct rate_item *blocker = NULL;

		area_init(&a, RATING_F, RATING_F);
		if (k == 0) {
			a.bps[0].rating = RATING_P;
			blocker = &a.bps[0];
		} else if (k < 5) {
			struct rate_item *g = find_gp(&a, first_gp[k + 1]);

			g->rating = RATING_P;
			blocker = g;
		}
		area_rate(&a);
		assert_int_equal(a.out.level, k);
		assert_int_equal(a.out.next_level, k < 5 ? k + 1 : 0);
		if (k < 5) {
			assert_int_equal(a.out.n_blockers, 1);
			assert_ptr_equal(a.out.blockers[0], blocker);
		} else {
			assert_int_equal(a.out.n_blockers, 0);
		}
		assert_false(a.out.none_applicable);
		assert_false(a.out.lower_not_fully);
	}
}

/* Each level 2..5 blocked by its last GP rated N, the rest of the level L. */
static void
ssam_last_gp_of_each_level_blocks(void **state)
{
	static const char *const last_gp[] = {
		[2] = "GP-2.4.2", [3] = "GP-3.3.3", [4] = "GP-4.2.2", [5] = "GP-5.2.3",
	};
	struct area a;
	int n;

	for (n = 2; n <= 5; n++) {
		struct rate_item *g;

		area_init(&a, RATING_L, RATING_L);
		g = find_gp(&a, last_gp[n]);
		g->rating = RATING_N;
		area_rate(&a);
		assert_int_equal(a.out.level, n - 1);
		assert_int_equal(a.out.next_level, n);
		assert_int_equal(a.out.n_blockers, 1);
		assert_ptr_equal(a.out.blockers[0], g);
	}
}

static void
ssam_bp_ratings_pass_or_block(void **state)
{
	static const struct {
		enum rating r;
		int level;
	} cases[] = {
		{RATING_UNRATED, 0}, {RATING_N, 0}, {RATING_P, 0},
		{RATING_L, 5}, {RATING_F, 5}, {RATING_NA, 5},
	};
	struct area a;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		area_init(&a, RATING_F, RATING_F);
		a.bps[3].rating = cases[i].r;
		area_rate(&a);
		assert_int_equal(a.out.level, cases[i].level);
		if (cases[i].level == 0) {
			assert_int_equal(a.out.next_level, 1);
			assert_int_equal(a.out.n_blockers, 1);
			assert_ptr_equal(a.out.blockers[0], &a.bps[3]);
		}
	}
}

static void
ssam_gp_ratings_pass_or_block(void **state)
{
	static const struct {
		enum rating r;
		int level;
	} cases[] = {
		{RATING_UNRATED, 3}, {RATING_N, 3}, {RATING_P, 3},
		{RATING_L, 5}, {RATING_F, 5}, {RATING_NA, 5},
	};
	struct area a;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct rate_item *g;

		area_init(&a, RATING_F, RATING_F);
		g = find_gp(&a, "GP-4.2.1");
		g->rating = cases[i].r;
		area_rate(&a);
		assert_int_equal(a.out.level, cases[i].level);
		if (cases[i].level == 3) {
			assert_int_equal(a.out.next_level, 4);
			assert_int_equal(a.out.n_blockers, 1);
			assert_ptr_equal(a.out.blockers[0], g);
		}
	}
}

static void
ssam_unrated_bp_blocks_level_1(void **state)
{
	struct area a;

	area_init(&a, RATING_F, RATING_F);
	a.bps[1].rating = RATING_UNRATED;
	area_rate(&a);
	assert_int_equal(a.out.level, 0);
	assert_int_equal(a.out.next_level, 1);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.bps[1]);
	assert_int_equal(a.out.n_applicable_bps, N_BPS);
}

static void
ssam_unrated_gps_block(void **state)
{
	struct area a;

	/* A team that rated only the base practices reaches level 1. */
	area_init(&a, RATING_L, RATING_UNRATED);
	area_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.next_level, 2);
	assert_int_equal(a.out.n_blockers, 12); /* every GP of level 2 */
	assert_false(a.out.none_applicable);
	assert_int_equal(a.out.n_rated_above, 0);
}

static void
ssam_na_bp_ignored(void **state)
{
	struct area a;

	area_init(&a, RATING_L, RATING_F);
	a.bps[0].rating = RATING_NA;
	a.bps[7].rating = RATING_NA;
	area_rate(&a);
	assert_int_equal(a.out.level, 5);
	assert_int_equal(a.out.n_applicable_bps, N_BPS - 2);

	/* An NA BP is no blocker either. */
	a.bps[4].rating = RATING_N;
	area_rate(&a);
	assert_int_equal(a.out.level, 0);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.bps[4]);
	assert_int_equal(a.out.n_applicable_bps, N_BPS - 2);
}

static void
ssam_all_bps_na_is_not_applicable(void **state)
{
	static const enum rating gp_ratings[] = {RATING_F, RATING_N, RATING_UNRATED, RATING_NA};
	struct area a;
	size_t i;

	/* Neither level 5 (GPs F) nor level 0 (GPs N). */
	for (i = 0; i < sizeof gp_ratings / sizeof gp_ratings[0]; i++) {
		area_init(&a, RATING_NA, gp_ratings[i]);
		area_rate(&a);
		assert_int_equal(a.out.level, RATE_NOT_APPLICABLE);
		assert_int_equal(a.out.next_level, 0);
		assert_int_equal(a.out.n_blockers, 0);
		assert_int_equal(a.out.n_applicable_bps, 0);
	}
}

static void
ssam_no_bps_at_all_is_not_applicable(void **state)
{
	struct area a;

	area_init(&a, RATING_F, RATING_F);
	a.in.n_bps = 0;
	a.in.bps = NULL;
	area_rate(&a);
	assert_int_equal(a.out.level, RATE_NOT_APPLICABLE);
	assert_int_equal(a.out.next_level, 0);
}

static void
ssam_all_gps_of_a_level_na_not_reached(void **state)
{
	struct area a;
	int n;

	for (n = 2; n <= 5; n++) {
		area_init(&a, RATING_F, RATING_F);
		set_gp_level(&a, n, RATING_NA);
		area_rate(&a);
		assert_int_equal(a.out.level, n - 1);
		assert_int_equal(a.out.next_level, n);
		assert_int_equal(a.out.n_blockers, 0);
		assert_true(a.out.none_applicable);
	}
}

static void
ssam_some_gps_of_a_level_na_ignored(void **state)
{
	struct area a;

	area_init(&a, RATING_F, RATING_L);
	find_gp(&a, "GP-3.1.1")->rating = RATING_NA;
	find_gp(&a, "GP-3.3.3")->rating = RATING_NA;
	area_rate(&a);
	assert_int_equal(a.out.level, 5);
	assert_false(a.out.none_applicable);

	/* The applicable ones still have to pass. */
	find_gp(&a, "GP-3.2.2")->rating = RATING_P;
	area_rate(&a);
	assert_int_equal(a.out.level, 2);
	assert_int_equal(a.out.n_blockers, 1);
	assert_string_equal(a.out.blockers[0]->id, "GP-3.2.2");
	assert_false(a.out.none_applicable);
}

static void
ssam_level_1_gps_ignored(void **state)
{
	static const enum rating ratings[] = {RATING_UNRATED, RATING_N, RATING_P, RATING_NA};
	struct area a;
	size_t i;

	for (i = 0; i < sizeof ratings / sizeof ratings[0]; i++) {
		area_init(&a, RATING_F, RATING_F);
		find_gp(&a, "GP-1.1.1")->rating = ratings[i];
		area_rate(&a);
		assert_int_equal(a.out.level, 5);
		assert_int_equal(a.out.n_blockers, 0);
	}

	/* A level-1 GP rated F does not lift a failing BP. */
	area_init(&a, RATING_F, RATING_F);
	a.bps[2].rating = RATING_N;
	area_rate(&a);
	assert_int_equal(a.out.level, 0);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.bps[2]);

	/* At level 1 blocked at 2, a failing level-1 GP is no blocker. */
	area_init(&a, RATING_F, RATING_F);
	find_gp(&a, "GP-1.1.1")->rating = RATING_N;
	find_gp(&a, "GP-2.2.1")->rating = RATING_N;
	area_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.n_blockers, 1);
	assert_string_equal(a.out.blockers[0]->id, "GP-2.2.1");
}

static void
ssam_only_next_level_items_block(void **state)
{
	struct area a;

	/* Level 3 and 4 fail too, but only the level-3 items stop level 3. */
	area_init(&a, RATING_F, RATING_F);
	find_gp(&a, "GP-3.1.2")->rating = RATING_P;
	find_gp(&a, "GP-3.3.1")->rating = RATING_UNRATED;
	find_gp(&a, "GP-4.1.1")->rating = RATING_N;
	area_rate(&a);
	assert_int_equal(a.out.level, 2);
	assert_int_equal(a.out.next_level, 3);
	assert_int_equal(a.out.n_blockers, 2);
	assert_string_equal(a.out.blockers[0]->id, "GP-3.1.2");
	assert_string_equal(a.out.blockers[1]->id, "GP-3.3.1");

	/* A failing BP hides every GP problem. */
	a.bps[5].rating = RATING_P;
	area_rate(&a);
	assert_int_equal(a.out.level, 0);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.bps[5]);
}

static void
ssam_blockers_in_input_order(void **state)
{
	struct area a;

	area_init(&a, RATING_F, RATING_F);
	a.bps[6].rating = RATING_N;
	a.bps[1].rating = RATING_UNRATED;
	a.bps[4].rating = RATING_P;
	area_rate(&a);
	assert_int_equal(a.out.n_blockers, 3);
	assert_ptr_equal(a.out.blockers[0], &a.bps[1]);
	assert_ptr_equal(a.out.blockers[1], &a.bps[4]);
	assert_ptr_equal(a.out.blockers[2], &a.bps[6]);

	area_init(&a, RATING_F, RATING_F);
	find_gp(&a, "GP-2.4.2")->rating = RATING_N;
	find_gp(&a, "GP-2.1.3")->rating = RATING_P;
	find_gp(&a, "GP-2.2.1")->rating = RATING_UNRATED;
	area_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.n_blockers, 3);
	assert_string_equal(a.out.blockers[0]->id, "GP-2.1.3");
	assert_string_equal(a.out.blockers[1]->id, "GP-2.2.1");
	assert_string_equal(a.out.blockers[2]->id, "GP-2.4.2");
}

#define MANY 20
static const char *const many_ids[MANY] = {
	"BP.01.01", "BP.01.02", "BP.01.03", "BP.01.04", "BP.01.05",
	"BP.01.06", "BP.01.07", "BP.01.08", "BP.01.09", "BP.01.10",
	"BP.01.11", "BP.01.12", "BP.01.13", "BP.01.14", "BP.01.15",
	"BP.01.16", "BP.01.17", "BP.01.18", "BP.01.19", "BP.01.20",
};

static void
many_init(struct rate_item *bps, size_t n, enum rating r)
{
	size_t i;

	for (i = 0; i < n; i++)
		bps[i] = (struct rate_item){many_ids[i], r, 0};
}

static void
ssam_blockers_capped_but_all_counted(void **state)
{
	struct rate_item bps[MANY];
	struct rate_area_input in = {.method = RATE_SSAM, .bps = bps, .n_bps = MANY};
	struct rate_area_result out;
	size_t i;

	assert_true(MANY > RATE_MAX_BLOCKERS);
	many_init(bps, MANY, RATING_UNRATED);
	rate_area(&in, &out);
	assert_int_equal(out.level, 0);
	assert_int_equal(out.n_blockers, MANY);
	for (i = 0; i < RATE_MAX_BLOCKERS; i++)
		assert_ptr_equal(out.blockers[i], &bps[i]);

	/* Exactly at the cap. */
	in.n_bps = RATE_MAX_BLOCKERS;
	rate_area(&in, &out);
	assert_int_equal(out.n_blockers, RATE_MAX_BLOCKERS);
	assert_ptr_equal(out.blockers[RATE_MAX_BLOCKERS - 1], &bps[RATE_MAX_BLOCKERS - 1]);
}

static void
ssam_n_rated_above_counts_rated_items_above_next_level(void **state)
{
	struct area a;

	/* Level 0: every GP of levels 2-5 rated F counts, GP 1.1.1 does not. */
	area_init(&a, RATING_F, RATING_F);
	a.bps[0].rating = RATING_N;
	area_rate(&a);
	assert_int_equal(a.out.level, 0);
	assert_int_equal(a.out.n_rated_above, N_GPS_ABOVE_1);

	/* Unrated and NA items do not count; N and P do. */
	find_gp(&a, "GP-2.1.1")->rating = RATING_UNRATED;
	find_gp(&a, "GP-3.1.1")->rating = RATING_NA;
	find_gp(&a, "GP-4.1.1")->rating = RATING_N;
	find_gp(&a, "GP-5.1.1")->rating = RATING_P;
	area_rate(&a);
	assert_int_equal(a.out.n_rated_above, N_GPS_ABOVE_1 - 2);

	/* Level 2 blocked at 3: only levels 4 and 5 (3 + 5 GPs) count. */
	area_init(&a, RATING_F, RATING_F);
	find_gp(&a, "GP-3.2.1")->rating = RATING_P;
	area_rate(&a);
	assert_int_equal(a.out.level, 2);
	assert_int_equal(a.out.n_rated_above, 8);

	/* Level 4 blocked at 5: nothing above 5. */
	area_init(&a, RATING_F, RATING_F);
	find_gp(&a, "GP-5.2.2")->rating = RATING_N;
	area_rate(&a);
	assert_int_equal(a.out.level, 4);
	assert_int_equal(a.out.n_rated_above, 0);

	/* Level 1 with nothing rated above level 2. */
	area_init(&a, RATING_F, RATING_UNRATED);
	set_gp_level(&a, 2, RATING_N);
	area_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.n_rated_above, 0);
}

/* ---- method iso15504 ---- */

static void
iso_all_f_is_level_5(void **state)
{
	struct iso_area a;

	iso_init(&a, RATING_F);
	iso_rate(&a);
	assert_int_equal(a.out.level, 5);
	assert_int_equal(a.out.next_level, 0);
	assert_int_equal(a.out.n_blockers, 0);
	assert_false(a.out.lower_not_fully);
	assert_false(a.out.none_applicable);
}

static void
iso_each_level_boundary(void **state)
{
	struct iso_area a;
	int k;

	/* Levels 1..k F, level k+1 P. */
	for (k = 0; k <= 5; k++) {
		iso_init(&a, RATING_F);
		if (k < 5)
			iso_set_level(&a, k + 1, RATING_P);
		iso_rate(&a);
		assert_int_equal(a.out.level, k);
		assert_int_equal(a.out.next_level, k < 5 ? k + 1 : 0);
		assert_false(a.out.lower_not_fully);
		assert_int_equal(a.out.n_blockers, k == 0 ? 1 : k < 5 ? 2 : 0);
	}
}

static void
iso_top_level_attributes_l_suffice(void **state)
{
	struct iso_area a;
	int k;

	/* Levels 1..k-1 F and level k L: level k. */
	for (k = 1; k <= 5; k++) {
		iso_init(&a, RATING_F);
		iso_set_level(&a, k, RATING_L);
		if (k < 5)
			iso_set_level(&a, k + 1, RATING_F);
		iso_rate(&a);
		assert_int_equal(a.out.level, k);
	}
}

static void
iso_pa_1_1_ratings(void **state)
{
	static const struct {
		enum rating r;
		int level;
	} cases[] = {
		{RATING_UNRATED, 0}, {RATING_N, 0}, {RATING_P, 0},
		{RATING_L, 1}, {RATING_F, 5}, {RATING_NA, RATE_NOT_APPLICABLE},
	};
	struct iso_area a;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		iso_init(&a, RATING_F);
		a.attrs[0].rating = cases[i].r;
		iso_rate(&a);
		assert_int_equal(a.out.level, cases[i].level);
		if (cases[i].level == 0) {
			assert_int_equal(a.out.next_level, 1);
			assert_int_equal(a.out.n_blockers, 1);
			assert_ptr_equal(a.out.blockers[0], &a.attrs[0]);
			assert_false(a.out.lower_not_fully);
		}
	}
}

static void
iso_l_below_blocks(void **state)
{
	struct iso_area a;

	/* PA 1.1 = L stops level 2 even with PA 2.x = F. */
	iso_init(&a, RATING_F);
	a.attrs[0].rating = RATING_L;
	iso_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.next_level, 2);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.attrs[0]);
	assert_true(a.out.lower_not_fully);

	/* PA 3.2 = L stops level 4. */
	iso_init(&a, RATING_F);
	a.attrs[4].rating = RATING_L;
	iso_rate(&a);
	assert_int_equal(a.out.level, 3);
	assert_int_equal(a.out.next_level, 4);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.attrs[4]);
	assert_true(a.out.lower_not_fully);

	/* Everything L: level 1 only. */
	iso_init(&a, RATING_L);
	iso_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_true(a.out.lower_not_fully);
}

static void
iso_own_level_blocker_is_not_lower_not_fully(void **state)
{
	struct iso_area a;

	iso_init(&a, RATING_F);
	a.attrs[2].rating = RATING_P; /* PA 2.2 */
	iso_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.n_blockers, 1);
	assert_ptr_equal(a.out.blockers[0], &a.attrs[2]);
	assert_false(a.out.lower_not_fully);
}

static void
iso_blockers_in_input_order(void **state)
{
	struct iso_area a;

	/* PA 1.1 = L (lower, not F) and PA 2.1 = P (own level) both stop
	 * level 2; rate.h promises them in input order. */
	iso_init(&a, RATING_F);
	a.attrs[0].rating = RATING_L;
	a.attrs[1].rating = RATING_P;
	iso_rate(&a);
	assert_int_equal(a.out.level, 1);
	assert_int_equal(a.out.n_blockers, 2);
	assert_true(a.out.lower_not_fully);
	assert_string_equal(a.out.blockers[0]->id, "PA-1.1");
	assert_string_equal(a.out.blockers[1]->id, "PA-2.1");
}

static void
iso_pa_1_1_na_is_not_applicable(void **state)
{
	struct iso_area a;

	iso_init(&a, RATING_F);
	a.attrs[0].rating = RATING_NA;
	iso_rate(&a);
	assert_int_equal(a.out.level, RATE_NOT_APPLICABLE);
	assert_int_equal(a.out.next_level, 0);
	assert_int_equal(a.out.n_blockers, 0);

	iso_init(&a, RATING_N);
	a.attrs[0].rating = RATING_NA;
	iso_rate(&a);
	assert_int_equal(a.out.level, RATE_NOT_APPLICABLE);

	/* No attributes at all. */
	iso_init(&a, RATING_F);
	a.in.n_attrs = 0;
	iso_rate(&a);
	assert_int_equal(a.out.level, RATE_NOT_APPLICABLE);
}

static void
iso_na_attribute_ignored(void **state)
{
	struct iso_area a;

	iso_init(&a, RATING_F);
	a.attrs[3].rating = RATING_NA; /* PA 3.1 */
	iso_rate(&a);
	assert_int_equal(a.out.level, 5);

	/* Both attributes of level 3 NA: level 3 is not reached. */
	a.attrs[4].rating = RATING_NA;
	iso_rate(&a);
	assert_int_equal(a.out.level, 2);
	assert_int_equal(a.out.next_level, 3);
	assert_int_equal(a.out.n_blockers, 0);
	assert_true(a.out.none_applicable);
}

static void
iso_n_rated_above(void **state)
{
	struct iso_area a;

	iso_init(&a, RATING_F);
	a.attrs[1].rating = RATING_N; /* PA 2.1: level 1 */
	a.attrs[5].rating = RATING_UNRATED; /* PA 4.1 */
	a.attrs[8].rating = RATING_NA; /* PA 5.2 */
	iso_rate(&a);
	assert_int_equal(a.out.level, 1);
	/* Above level 2: PA 3.1, 3.2, 4.2, 5.1. */
	assert_int_equal(a.out.n_rated_above, 4);
}

/* ---- rate_reason ---- */

static void
reason_level_0_one_unrated_bp(void **state)
{
	struct area a;
	char buf[256];

	area_init(&a, RATING_F, RATING_F);
	a.bps[1].rating = RATING_UNRATED;
	area_rate(&a);
	assert_ptr_equal(rate_reason(&a.out, NULL, buf, sizeof buf), buf);
	assert_string_equal(buf, "level 0: BP.03.02 not rated, needs L or F for level 1");
}

static void
reason_level_0_two_blockers(void **state)
{
	struct area a;
	char buf[256];

	area_init(&a, RATING_F, RATING_F);
	a.bps[0].rating = RATING_N;
	a.bps[1].rating = RATING_UNRATED;
	area_rate(&a);
	rate_reason(&a.out, NULL, buf, sizeof buf);
	assert_string_equal(buf,
	                    "level 0: BP.03.01 rated N, BP.03.02 not rated, needs L or F for level 1");
}

static void
reason_level_2_gp_rated_p_with_label(void **state)
{
	struct area a;
	char buf[256];

	area_init(&a, RATING_F, RATING_F);
	find_gp(&a, "GP-3.1.1")->rating = RATING_P;
	area_rate(&a);
	rate_reason(&a.out, label_dash_to_space, buf, sizeof buf);
	assert_string_equal(buf, "level 2: GP 3.1.1 rated P, needs L or F for level 3");

	/* Without a label the id is used as it is. */
	rate_reason(&a.out, NULL, buf, sizeof buf);
	assert_string_equal(buf, "level 2: GP-3.1.1 rated P, needs L or F for level 3");
}

static void
reason_level_5(void **state)
{
	struct area a;
	char buf[256];

	area_init(&a, RATING_L, RATING_F);
	area_rate(&a);
	rate_reason(&a.out, label_dash_to_space, buf, sizeof buf);
	assert_string_equal(buf, "level 5: every level is achieved");
}

static void
reason_not_applicable(void **state)
{
	struct area a;
	char buf[256];

	area_init(&a, RATING_NA, RATING_F);
	area_rate(&a);
	rate_reason(&a.out, NULL, buf, sizeof buf);
	assert_string_equal(buf, "not applicable: every base practice is rated NA");
}

static void
reason_level_whose_gps_are_all_na(void **state)
{
	struct area a;
	char buf[256];

	area_init(&a, RATING_F, RATING_F);
	set_gp_level(&a, 3, RATING_NA);
	area_rate(&a);
	rate_reason(&a.out, NULL, buf, sizeof buf);
	assert_string_equal(buf, "level 2: no applicable practice shows level 3");
	assert_int_equal(rate_stop_cause(&a.out), RATE_STOP_NOTHING_SHOWS);
}

static void
reason_iso_lower_not_fully(void **state)
{
	struct iso_area a;
	char buf[256];

	iso_init(&a, RATING_F);
	a.attrs[0].rating = RATING_L;
	iso_rate(&a);
	rate_reason(&a.out, label_dash_to_space, buf, sizeof buf);
	assert_string_equal(buf, "level 1: process attribute PA 1.1 rated L, needs F for level 2");

	/* An attribute of the next level itself needs L or F. */
	iso_init(&a, RATING_F);
	a.attrs[1].rating = RATING_P;
	iso_rate(&a);
	rate_reason(&a.out, label_dash_to_space, buf, sizeof buf);
	assert_string_equal(buf, "level 1: process attribute PA 2.1 rated P, needs L or F for "
	                         "level 2");

	/* Both kinds at once, each with what it needs. */
	iso_init(&a, RATING_F);
	a.attrs[0].rating = RATING_L;
	a.attrs[2].rating = RATING_N;
	iso_rate(&a);
	rate_reason(&a.out, label_dash_to_space, buf, sizeof buf);
	assert_string_equal(buf, "level 1: process attributes PA 1.1 rated L, needs F; PA 2.2 "
	                         "rated N, needs L or F for level 2");

	/* Not applicable says which attribute made it so. */
	iso_init(&a, RATING_F);
	a.attrs[0].rating = RATING_NA;
	iso_rate(&a);
	rate_reason(&a.out, label_dash_to_space, buf, sizeof buf);
	assert_string_equal(buf, "not applicable: process attribute PA 1.1 is rated NA");
}

static void
reason_more_blockers_than_the_cap(void **state)
{
	struct rate_item bps[MANY];
	struct rate_area_input in = {.method = RATE_SSAM, .bps = bps, .n_bps = MANY};
	struct rate_area_result out;
	char buf[1024], want[1024];
	size_t i, used;

	many_init(bps, MANY, RATING_UNRATED);
	bps[2].rating = RATING_N;
	rate_area(&in, &out);
	rate_reason(&out, NULL, buf, sizeof buf);

	used = (size_t)snprintf(want, sizeof want, "level 0: ");
	for (i = 0; i < RATE_MAX_BLOCKERS; i++)
		used += (size_t)snprintf(want + used, sizeof want - used, "%s%s %s", i ? ", " : "",
		                         many_ids[i], i == 2 ? "rated N" : "not rated");
	snprintf(want + used, sizeof want - used, " and %d more, needs L or F for level 1",
	         MANY - RATE_MAX_BLOCKERS);
	assert_string_equal(buf, want);
	assert_non_null(strstr(buf, "BP.01.16 not rated and 4 more, needs"));
	assert_null(strstr(buf, "BP.01.17"));
}

static void
reason_truncates_into_small_buffers(void **state)
{
	enum { GUARD = 32 };
	struct rate_item bps[MANY];
	struct rate_area_input in = {.method = RATE_SSAM, .bps = bps, .n_bps = MANY};
	struct rate_area_result out;
	char full[1024], buf[1024 + GUARD];
	size_t len, size, i;

	many_init(bps, MANY, RATING_P);
	rate_area(&in, &out);
	rate_reason(&out, label_dash_to_space, full, sizeof full);
	len = strlen(full);
	assert_true(len > 100 && len < sizeof full - 1);

	for (size = 1; size <= len + 2; size++) {
		memset(buf, 0xA5, sizeof buf);
		assert_ptr_equal(rate_reason(&out, label_dash_to_space, buf, size), buf);
		/* NUL-terminated inside the buffer, the longest prefix that fits. */
		assert_non_null(memchr(buf, '\0', size));
		assert_int_equal(strlen(buf), size - 1 < len ? size - 1 : len);
		assert_memory_equal(buf, full, strlen(buf));
		for (i = size; i < size + GUARD; i++)
			assert_int_equal((unsigned char)buf[i], 0xA5);
	}

	/* Size 0 writes nothing. */
	memset(buf, 0xA5, sizeof buf);
	assert_ptr_equal(rate_reason(&out, NULL, buf, 0), buf);
	assert_int_equal((unsigned char)buf[0], 0xA5);
}

static void
reason_short_reasons_truncate_too(void **state)
{
	struct area a;
	char buf[8 + 8];

	area_init(&a, RATING_F, RATING_F);
	area_rate(&a);
	memset(buf, 'x', sizeof buf);
	rate_reason(&a.out, NULL, buf, 8);
	assert_string_equal(buf, "level 5");
	assert_int_equal(buf[8], 'x');

	area_init(&a, RATING_NA, RATING_F);
	area_rate(&a);
	memset(buf, 'x', sizeof buf);
	rate_reason(&a.out, NULL, buf, 5);
	assert_string_equal(buf, "not ");
	assert_int_equal(buf[5], 'x');
}

/* ---- rate_parse_rating, rate_rating_name ---- */

static void
parse_rating_accepts_exactly_the_five(void **state)
{
	static const struct {
		const char *s;
		enum rating r;
	} ok[] = {
		{"F", RATING_F}, {"L", RATING_L}, {"P", RATING_P}, {"N", RATING_N}, {"NA", RATING_NA},
	};
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		enum rating r = RATING_UNRATED;

		assert_true(rate_parse_rating(ok[i].s, &r));
		assert_int_equal(r, ok[i].r);
	}
}

static void
parse_rating_rejects_everything_else(void **state)
{
	static const char *const bad[] = {
		"f", "l", "p", "n", "na", "Na", "nA", " F", "F ", "", "NAN", "N A",
		"\xEF\xBC\xA6", /* U+FF26 FULLWIDTH LATIN CAPITAL LETTER F */
		"L\n", "\tP", "FF", "LF", "unrated", "?", "A", "0", "F\xC2\xA0",
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum rating r = RATING_UNRATED;

		if (rate_parse_rating(bad[i], &r))
			fail_msg("rate_parse_rating accepted \"%s\" (index %zu)", bad[i], i);
	}
}

static void
rating_name_of_every_value(void **state)
{
	assert_string_equal(rate_rating_name(RATING_UNRATED), "unrated");
	assert_string_equal(rate_rating_name(RATING_N), "N");
	assert_string_equal(rate_rating_name(RATING_P), "P");
	assert_string_equal(rate_rating_name(RATING_L), "L");
	assert_string_equal(rate_rating_name(RATING_F), "F");
	assert_string_equal(rate_rating_name(RATING_NA), "NA");
	assert_string_equal(rate_rating_name((enum rating)(RATING_NA + 1)), "?");
	assert_string_equal(rate_rating_name((enum rating)99), "?");
}

static void
rating_name_round_trips_through_parse(void **state)
{
	enum rating r, back;

	for (r = RATING_N; r <= RATING_NA; r++) {
		assert_true(rate_parse_rating(rate_rating_name(r), &back));
		assert_int_equal(back, r);
	}
	assert_false(rate_parse_rating(rate_rating_name(RATING_UNRATED), &back));
}

/* ---- rate_org ---- */

static void
org_min_and_max(void **state)
{
	static const int levels[] = {3, 1, 4, 2};
	struct rate_org_result o;

	rate_org(levels, 4, &o);
	assert_int_equal(o.level, 1);
	assert_int_equal(o.max_level, 4);
	assert_int_equal(o.n_projects, 4);
}

static void
org_single_and_level_0(void **state)
{
	static const int zero[] = {0};
	static const int five_zero[] = {5, 0};
	struct rate_org_result o;

	rate_org(zero, 1, &o);
	assert_int_equal(o.level, 0);
	assert_int_equal(o.max_level, 0);
	assert_int_equal(o.n_projects, 1);

	rate_org(five_zero, 2, &o);
	assert_int_equal(o.level, 0);
	assert_int_equal(o.max_level, 5);
	assert_int_equal(o.n_projects, 2);
}

static void
org_all_not_applicable(void **state)
{
	static const int levels[] = {RATE_NOT_APPLICABLE, RATE_NOT_APPLICABLE, RATE_NOT_APPLICABLE};
	struct rate_org_result o;

	memset(&o, 0x5A, sizeof o);
	rate_org(levels, 3, &o);
	assert_int_equal(o.level, RATE_NOT_APPLICABLE);
	assert_int_equal(o.max_level, RATE_NOT_APPLICABLE);
	assert_int_equal(o.n_projects, 0);

	memset(&o, 0x5A, sizeof o);
	rate_org(NULL, 0, &o);
	assert_int_equal(o.level, RATE_NOT_APPLICABLE);
	assert_int_equal(o.max_level, RATE_NOT_APPLICABLE);
	assert_int_equal(o.n_projects, 0);
}

static void
org_mixed_not_applicable_ignored(void **state)
{
	static const int levels[] = {RATE_NOT_APPLICABLE, 2, RATE_NOT_APPLICABLE, 4, 3};
	static const int na_first_high[] = {RATE_NOT_APPLICABLE, 5};
	struct rate_org_result o;

	rate_org(levels, 5, &o);
	assert_int_equal(o.level, 2);
	assert_int_equal(o.max_level, 4);
	assert_int_equal(o.n_projects, 3);

	rate_org(na_first_high, 2, &o);
	assert_int_equal(o.level, 5);
	assert_int_equal(o.max_level, 5);
	assert_int_equal(o.n_projects, 1);
}

/* ---- rate_gap ---- */

static void
gap_no_target(void **state)
{
	struct rate_gap g;

	g = rate_gap(2, -1, true);
	assert_int_equal(g.kind, GAP_NO_TARGET);
	assert_int_equal(g.gap, 0);
	g = rate_gap(RATE_NOT_APPLICABLE, -1, false);
	assert_int_equal(g.kind, GAP_NO_TARGET);
	assert_int_equal(g.gap, 0);
}

static void
gap_meets(void **state)
{
	struct rate_gap g;

	g = rate_gap(3, 3, true);
	assert_int_equal(g.kind, GAP_MEETS);
	assert_int_equal(g.gap, 0);
	g = rate_gap(5, 2, true);
	assert_int_equal(g.kind, GAP_MEETS);
	assert_int_equal(g.gap, 0);
	g = rate_gap(0, 0, true);
	assert_int_equal(g.kind, GAP_MEETS);
	assert_int_equal(g.gap, 0);
}

static void
gap_short(void **state)
{
	struct rate_gap g;

	g = rate_gap(1, 3, true);
	assert_int_equal(g.kind, GAP_SHORT);
	assert_int_equal(g.gap, 2);
	g = rate_gap(0, 5, true);
	assert_int_equal(g.kind, GAP_SHORT);
	assert_int_equal(g.gap, 5);
	g = rate_gap(4, 5, true);
	assert_int_equal(g.kind, GAP_SHORT);
	assert_int_equal(g.gap, 1);
}

static void
gap_not_appraised(void **state)
{
	struct rate_gap g;

	/* Area N/A. */
	g = rate_gap(RATE_NOT_APPLICABLE, 3, true);
	assert_int_equal(g.kind, GAP_NOT_APPRAISED);
	assert_int_equal(g.gap, 3);
	/* Out of scope, whatever level is passed. */
	g = rate_gap(4, 2, false);
	assert_int_equal(g.kind, GAP_NOT_APPRAISED);
	assert_int_equal(g.gap, 2);
	g = rate_gap(RATE_NOT_APPLICABLE, 1, false);
	assert_int_equal(g.kind, GAP_NOT_APPRAISED);
	assert_int_equal(g.gap, 1);
}

static void
gap_target_0_on_not_appraised_area_is_not_appraised(void **state)
{
	struct rate_gap g;

	/* Nothing was looked at, so nothing is met, even a level of 0. */
	g = rate_gap(RATE_NOT_APPLICABLE, 0, true);
	assert_int_equal(g.kind, GAP_NOT_APPRAISED);
	assert_int_equal(g.gap, 0);
	g = rate_gap(2, 0, false);
	assert_int_equal(g.kind, GAP_NOT_APPRAISED);
	/* A rated area at level 0 meets a target of 0. */
	g = rate_gap(0, 0, true);
	assert_int_equal(g.kind, GAP_MEETS);
}

/* A level whose generic practices were not examined at all says so, instead
 * of listing every one of them as unrated. */
static void
reason_level_not_examined(void **state)
{
	struct area a;
	char buf[256];

	(void)state;
	area_init(&a, RATING_F, RATING_UNRATED);
	set_gp_level(&a, 2, RATING_L);
	area_rate(&a);
	assert_int_equal(a.out.level, 2);
	assert_int_equal(a.out.n_next_items, 8);
	rate_reason(&a.out, NULL, buf, sizeof buf);
	assert_string_equal(buf, "level 2: level 3 was not examined (none of its 8 generic "
	                         "practices is rated)");
	assert_int_equal(rate_stop_cause(&a.out), RATE_STOP_NOT_EXAMINED);
	/* One rated practice of the level: the others are listed one by one. */
	find_gp(&a, "GP-3.1.1")->rating = RATING_F;
	area_rate(&a);
	rate_reason(&a.out, NULL, buf, sizeof buf);
	assert_non_null(strstr(buf, "GP-3.1.2 not rated"));
	assert_int_equal(rate_stop_cause(&a.out), RATE_STOP_RATINGS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ssam_all_bps_f_all_gps_f_is_level_5),
		cmocka_unit_test(ssam_l_and_f_both_pass),
		cmocka_unit_test(ssam_each_level_boundary),
		cmocka_unit_test(ssam_last_gp_of_each_level_blocks),
		cmocka_unit_test(ssam_bp_ratings_pass_or_block),
		cmocka_unit_test(ssam_gp_ratings_pass_or_block),
		cmocka_unit_test(ssam_unrated_bp_blocks_level_1),
		cmocka_unit_test(ssam_unrated_gps_block),
		cmocka_unit_test(ssam_na_bp_ignored),
		cmocka_unit_test(ssam_all_bps_na_is_not_applicable),
		cmocka_unit_test(ssam_no_bps_at_all_is_not_applicable),
		cmocka_unit_test(ssam_all_gps_of_a_level_na_not_reached),
		cmocka_unit_test(ssam_some_gps_of_a_level_na_ignored),
		cmocka_unit_test(ssam_level_1_gps_ignored),
		cmocka_unit_test(ssam_only_next_level_items_block),
		cmocka_unit_test(ssam_blockers_in_input_order),
		cmocka_unit_test(ssam_blockers_capped_but_all_counted),
		cmocka_unit_test(ssam_n_rated_above_counts_rated_items_above_next_level),
		cmocka_unit_test(iso_all_f_is_level_5),
		cmocka_unit_test(iso_each_level_boundary),
		cmocka_unit_test(iso_top_level_attributes_l_suffice),
		cmocka_unit_test(iso_pa_1_1_ratings),
		cmocka_unit_test(iso_l_below_blocks),
		cmocka_unit_test(iso_own_level_blocker_is_not_lower_not_fully),
		cmocka_unit_test(iso_blockers_in_input_order),
		cmocka_unit_test(iso_pa_1_1_na_is_not_applicable),
		cmocka_unit_test(iso_na_attribute_ignored),
		cmocka_unit_test(iso_n_rated_above),
		cmocka_unit_test(reason_level_0_one_unrated_bp),
		cmocka_unit_test(reason_level_0_two_blockers),
		cmocka_unit_test(reason_level_2_gp_rated_p_with_label),
		cmocka_unit_test(reason_level_5),
		cmocka_unit_test(reason_not_applicable),
		cmocka_unit_test(reason_level_whose_gps_are_all_na),
		cmocka_unit_test(reason_iso_lower_not_fully),
		cmocka_unit_test(reason_more_blockers_than_the_cap),
		cmocka_unit_test(reason_truncates_into_small_buffers),
		cmocka_unit_test(reason_short_reasons_truncate_too),
		cmocka_unit_test(parse_rating_accepts_exactly_the_five),
		cmocka_unit_test(parse_rating_rejects_everything_else),
		cmocka_unit_test(rating_name_of_every_value),
		cmocka_unit_test(rating_name_round_trips_through_parse),
		cmocka_unit_test(org_min_and_max),
		cmocka_unit_test(org_single_and_level_0),
		cmocka_unit_test(org_all_not_applicable),
		cmocka_unit_test(org_mixed_not_applicable_ignored),
		cmocka_unit_test(gap_no_target),
		cmocka_unit_test(gap_meets),
		cmocka_unit_test(gap_short),
		cmocka_unit_test(gap_not_appraised),
		cmocka_unit_test(gap_target_0_on_not_appraised_area_is_not_appraised),
		cmocka_unit_test(reason_level_not_examined),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
