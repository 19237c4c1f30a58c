/* Fuzzes the pure rating engine (rate.h) with areas built from the bytes, checked against the rules the header states. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "rate/rate.h"
#include "rate/results.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ITEMS 40

/* The input, read front to back; zeros once it runs out, so every input
 * is a whole test. */
struct cursor {
	const uint8_t *p;
	size_t left;
};

static unsigned
take(struct cursor *c)
{
	if (c->left == 0)
		return 0;
	c->left--;
	return *c->p++;
}

static enum rating
take_rating(struct cursor *c)
{
	return (enum rating)(take(c) % (RATING_NA + 1));
}

static bool
achieved(enum rating r)
{
	return r == RATING_L || r == RATING_F;
}

static bool
applicable(const struct rate_item *it)
{
	return it->rating != RATING_NA;
}

/* What rate_area must give, computed the plain way from the rules in
 * rate.h; blockers are kept in input order. */
struct expect {
	int level, next_level;
	const struct rate_item *blockers[MAX_ITEMS];
	size_t n_blockers;
	bool lower_not_fully, none_applicable;
	size_t n_applicable_bps, n_next_items;
};

static void
expect_ssam(const struct rate_area_input *in, struct expect *e)
{
	size_t i;
	int n;

	for (i = 0; i < in->n_bps; i++)
		if (applicable(&in->bps[i])) {
			e->n_applicable_bps++;
			if (!achieved(in->bps[i].rating))
				e->blockers[e->n_blockers++] = &in->bps[i];
		}
	if (e->n_applicable_bps == 0) {
		e->level = RATE_NOT_APPLICABLE;
		return;
	}
	if (e->n_blockers > 0) {
		e->level = 0;
		e->next_level = 1;
		e->n_next_items = e->n_applicable_bps;
		return;
	}
	for (n = 2; n <= RATE_MAX_LEVEL; n++) {
		for (i = 0; i < in->n_gps; i++) {
			if (in->gps[i].level != n || !applicable(&in->gps[i]))
				continue;
			e->n_next_items++;
			if (!achieved(in->gps[i].rating))
				e->blockers[e->n_blockers++] = &in->gps[i];
		}
		if (e->n_next_items == 0 || e->n_blockers > 0) {
			e->none_applicable = e->n_next_items == 0;
			e->level = n - 1;
			e->next_level = n;
			return;
		}
		e->n_next_items = 0;
	}
	e->level = RATE_MAX_LEVEL;
}

static void
expect_iso(const struct rate_area_input *in, struct expect *e)
{
	size_t i, first = 0;
	int n;

	for (i = 0; i < in->n_attrs; i++)
		if (in->attrs[i].level == 1 && applicable(&in->attrs[i]))
			first++;
	if (first == 0) {
		e->level = RATE_NOT_APPLICABLE;
		return;
	}
	for (n = 1; n <= RATE_MAX_LEVEL; n++) {
		e->n_next_items = 0;
		for (i = 0; i < in->n_attrs; i++) {
			const struct rate_item *it = &in->attrs[i];

			if (!applicable(it) || it->level > n)
				continue;
			if (it->level == n) {
				e->n_next_items++;
				if (!achieved(it->rating))
					e->blockers[e->n_blockers++] = it;
			} else if (it->rating != RATING_F) {
				e->blockers[e->n_blockers++] = it;
				e->lower_not_fully = true;
			}
		}
		if (e->n_blockers > 0 || e->n_next_items == 0) {
			e->none_applicable = e->n_blockers == 0;
			e->level = n - 1;
			e->next_level = n;
			return;
		}
	}
	e->level = RATE_MAX_LEVEL;
}

static size_t
rated_above(const struct rate_item *items, size_t n, int level)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (items[i].level > level && items[i].rating != RATING_UNRATED &&
		    items[i].rating != RATING_NA)
			count++;
	return count;
}

/* A label that can be longer than any buffer rate_reason is given. */
static const char *
long_label(const char *id)
{
	static char buf[300];

	memset(buf, 'x', sizeof buf - 1);
	buf[sizeof buf - 1] = '\0';
	if (strlen(id) < sizeof buf)
		memcpy(buf, id, strlen(id));
	return buf;
}

static void
check_reason(const struct rate_area_result *r, struct cursor *c)
{
	static const char *(*const labels[])(const char *) = {NULL, results_label, long_label};
	size_t size = take(c) * 3; /* 0 to 765 bytes, around the 512 results.c uses */
	char *buf = g_malloc(size ? size : 1);

	/* Exactly size bytes: AddressSanitizer sees any write past them. */
	rate_reason(r, labels[take(c) % 3], buf, size);
	if (size > 0 && memchr(buf, '\0', size) == NULL)
		abort();
	g_free(buf);
}

static void
check_area(struct cursor *c, char ids[][8])
{
	struct rate_item bps[MAX_ITEMS], gps[MAX_ITEMS];
	struct rate_area_input in = {0};
	struct rate_area_result out;
	struct expect e = {0};
	size_t i, n, stored;

	in.method = take(c) & 1 ? RATE_ISO15504 : RATE_SSAM;
	n = take(c) % MAX_ITEMS;
	for (i = 0; i < n; i++)
		bps[i] = (struct rate_item){ids[i], take_rating(c), 0};
	in.n_bps = n;
	n = take(c) % MAX_ITEMS;
	for (i = 0; i < n; i++) {
		unsigned b = take(c);

		/* SSAM: generic practices of levels 2-5; ISO 15504: attributes of 1-5. */
		gps[i] = (struct rate_item){ids[MAX_ITEMS - 1 - i], (enum rating)(b % (RATING_NA + 1)),
		                            in.method == RATE_SSAM ? 2 + (int)(b / 8 % 4)
		                                                   : 1 + (int)(b / 8 % 5)};
	}
	if (in.method == RATE_SSAM) {
		in.bps = bps;
		in.gps = gps;
		in.n_gps = n;
		expect_ssam(&in, &e);
	} else {
		in.n_bps = 0;
		in.attrs = gps;
		in.n_attrs = n;
		expect_iso(&in, &e);
	}
	memset(&out, 0xA5, sizeof out); /* rate_area must set every field */
	rate_area(&in, &out);

	if (out.method != in.method || out.level != e.level || out.n_blockers != e.n_blockers ||
	    out.lower_not_fully != e.lower_not_fully || out.none_applicable != e.none_applicable)
		abort();
	if (out.level < RATE_NOT_APPLICABLE || out.level > RATE_MAX_LEVEL)
		abort();
	if (out.next_level != (out.level == RATE_NOT_APPLICABLE || out.level == RATE_MAX_LEVEL
	                               ? 0 : out.level + 1) ||
	    out.next_level != e.next_level)
		abort();
	if (in.method == RATE_SSAM && out.n_applicable_bps != e.n_applicable_bps)
		abort();
	if (out.next_level > 0 && out.n_next_items != e.n_next_items)
		abort();
	stored = out.n_blockers < RATE_MAX_BLOCKERS ? out.n_blockers : RATE_MAX_BLOCKERS;
	for (i = 0; i < stored; i++)
		if (out.blockers[i] != e.blockers[i])
			abort();
	if (out.next_level > 0 && in.method == RATE_SSAM &&
	    out.n_rated_above != rated_above(gps, in.n_gps, out.next_level))
		abort();
	if (out.next_level > 0 && in.method == RATE_ISO15504 &&
	    out.n_rated_above != rated_above(gps, in.n_attrs, out.next_level))
		abort();
	check_reason(&out, c);
}

static void
check_org(struct cursor *c)
{
	int levels[MAX_ITEMS];
	struct rate_org_result o;
	size_t i, n = take(c) % MAX_ITEMS, applies = 0;
	int lo = RATE_MAX_LEVEL + 1, hi = -2;

	for (i = 0; i < n; i++) {
		levels[i] = (int)(take(c) % (RATE_MAX_LEVEL + 2)) - 1; /* -1 to 5 */
		if (levels[i] == RATE_NOT_APPLICABLE)
			continue;
		applies++;
		lo = levels[i] < lo ? levels[i] : lo;
		hi = levels[i] > hi ? levels[i] : hi;
	}
	rate_org(levels, n, &o);
	if (o.n_projects != applies)
		abort();
	if (applies == 0 ? o.level != RATE_NOT_APPLICABLE || o.max_level != RATE_NOT_APPLICABLE
	                 : o.level != lo || o.max_level != hi)
		abort();
}

static void
check_gap(struct cursor *c)
{
	int achieved_level = (int)(take(c) % (RATE_MAX_LEVEL + 2)) - 1;
	int target = (int)(take(c) % (RATE_MAX_LEVEL + 3)) - 2; /* -2 to 5 */
	bool in_scope = take(c) & 1;
	struct rate_gap g = rate_gap(achieved_level, target, in_scope);
	bool appraised = in_scope && achieved_level != RATE_NOT_APPLICABLE;

	if (g.gap < 0 || (target < 0) != (g.kind == GAP_NO_TARGET))
		abort();
	if (g.kind == GAP_SHORT && (!appraised || g.gap != target - achieved_level || g.gap <= 0))
		abort();
	if (g.kind == GAP_MEETS && (g.gap != 0 || (appraised && achieved_level < target)))
		abort();
	if (g.kind == GAP_NOT_APPRAISED && appraised)
		abort();
	if (appraised && target >= 0 && g.kind != (achieved_level >= target ? GAP_MEETS : GAP_SHORT))
		abort();
}

static void
check_parse(struct cursor *c)
{
	char s[8];
	size_t i, n = take(c) % sizeof s;
	enum rating r = RATING_UNRATED;

	for (i = 0; i < n; i++)
		s[i] = (char)take(c);
	s[n] = '\0';
	if (rate_parse_rating(s, &r) &&
	    (r < RATING_N || r > RATING_NA || strcmp(rate_rating_name(r), s) != 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cursor c = {data, size};
	size_t i, k, back = size;
	char ids[MAX_ITEMS][8];

	/* Item ids, what labels and reasons show: short strings read from the
	 * end of the input, so the structure at its start stays put when they
	 * change.  Never NUL inside: ids are C strings. */
	for (i = 0; i < MAX_ITEMS; i++) {
		size_t n = back > 0 ? data[--back] % sizeof ids[i] : 0;

		for (k = 0; k < n && back > 0; k++)
			ids[i][k] = (char)(data[--back] | 1);
		ids[i][k] = '\0';
	}
	check_area(&c, ids);
	check_area(&c, ids);
	check_org(&c);
	check_gap(&c);
	check_parse(&c);
	return 0;
}
