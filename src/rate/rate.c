/* The rating engine: practice ratings to capability levels, profiles and gaps (pure). */
#include "rate/rate.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const rating_names[] = {
	[RATING_UNRATED] = "unrated",
	[RATING_N] = "N",
	[RATING_P] = "P",
	[RATING_L] = "L",
	[RATING_F] = "F",
	[RATING_NA] = "NA",
};

const char *const rate_attribute_ids[RATE_ATTRIBUTES] = {
	"PA1.1", "PA2.1", "PA2.2", "PA3.1", "PA3.2", "PA4.1", "PA4.2", "PA5.1", "PA5.2",
};

int
rate_attribute_index(const char *id)
{
	for (int i = 0; i < RATE_ATTRIBUTES; i++)
		if (strcmp(rate_attribute_ids[i], id) == 0)
			return i;
	return -1;
}

bool
rate_is_attribute_form(const char *id)
{
	return id[0] == 'P' && id[1] == 'A' && id[2] >= '0' && id[2] <= '9' && id[3] == '.';
}

const char *
rate_rating_name(enum rating r)
{
	return r <= RATING_NA ? rating_names[r] : "?";
}

bool
rate_parse_rating(const char *s, enum rating *out)
{
	enum rating r;

	for (r = RATING_N; r <= RATING_NA; r++) {
		if (strcmp(s, rating_names[r]) == 0) {
			*out = r;
			return true;
		}
	}
	return false;
}

static bool
achieved(enum rating r)
{
	return r == RATING_L || r == RATING_F;
}

static void
add_blocker(struct rate_area_result *out, const struct rate_item *item)
{
	if (out->n_blockers < RATE_MAX_BLOCKERS)
		out->blockers[out->n_blockers] = item;
	out->n_blockers++;
}

/* Count rated items above level (the "rated while a lower level fails" lint). */
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

/* Does every applicable item of `level` pass?  Items that fail are added as
 * blockers; sets none_applicable when the level has no applicable item. */
static bool
level_holds(const struct rate_item *items, size_t n, int level,
            bool (*pass)(enum rating), struct rate_area_result *out)
{
	size_t i, applicable = 0;
	bool ok = true;

	for (i = 0; i < n; i++) {
		if (items[i].level != level || items[i].rating == RATING_NA)
			continue;
		applicable++;
		if (!pass(items[i].rating)) {
			add_blocker(out, &items[i]);
			ok = false;
		}
	}
	out->n_next_items = applicable;
	if (applicable == 0) {
		out->none_applicable = true;
		return false;
	}
	return ok;
}

static bool
fully(enum rating r)
{
	return r == RATING_F;
}

static void
rate_ssam(const struct rate_area_input *in, struct rate_area_result *out)
{
	size_t i;
	int n;

	for (i = 0; i < in->n_bps; i++) {
		if (in->bps[i].rating == RATING_NA)
			continue;
		out->n_applicable_bps++;
		if (!achieved(in->bps[i].rating))
			add_blocker(out, &in->bps[i]);
	}
	if (out->n_applicable_bps == 0) {
		out->level = RATE_NOT_APPLICABLE;
		return;
	}
	if (out->n_blockers > 0) {
		out->level = 0;
		out->next_level = 1;
		out->n_next_items = out->n_applicable_bps;
		out->n_rated_above = rated_above(in->gps, in->n_gps, 1);
		return;
	}
	for (n = 2; n <= RATE_MAX_LEVEL; n++) {
		if (!level_holds(in->gps, in->n_gps, n, achieved, out)) {
			out->level = n - 1;
			out->next_level = n;
			out->n_rated_above = rated_above(in->gps, in->n_gps, n);
			return;
		}
	}
	out->level = RATE_MAX_LEVEL;
}

/* Level n: attributes of level n L or F, every attribute below it F.
 * Blockers are collected in one pass over the attributes, so they come in
 * input order. */
static void
rate_iso15504(const struct rate_area_input *in, struct rate_area_result *out)
{
	size_t i, applicable;
	int n;

	for (i = 0, applicable = 0; i < in->n_attrs; i++)
		if (in->attrs[i].level == 1 && in->attrs[i].rating != RATING_NA)
			applicable++;
	if (applicable == 0) {
		out->level = RATE_NOT_APPLICABLE;
		return;
	}
	for (n = 1; n <= RATE_MAX_LEVEL; n++) {
		for (i = 0, applicable = 0; i < in->n_attrs; i++) {
			const struct rate_item *it = &in->attrs[i];

			if (it->rating == RATING_NA || it->level > n)
				continue;
			if (it->level == n) {
				applicable++;
				if (!achieved(it->rating))
					add_blocker(out, it);
			} else if (!fully(it->rating)) {
				add_blocker(out, it);
				out->lower_not_fully = true;
			}
		}
		out->n_next_items = applicable;
		if (applicable == 0 && out->n_blockers == 0)
			out->none_applicable = true;
		if (out->n_blockers > 0 || applicable == 0) {
			out->level = n - 1;
			out->next_level = n;
			out->n_rated_above = rated_above(in->attrs, in->n_attrs, n);
			return;
		}
	}
	out->level = RATE_MAX_LEVEL;
}

void
rate_area(const struct rate_area_input *in, struct rate_area_result *out)
{
	memset(out, 0, sizeof *out);
	out->method = in->method;
	if (in->method == RATE_ISO15504)
		rate_iso15504(in, out);
	else
		rate_ssam(in, out);
}

/* snprintf that appends at *used and never overruns size. */
static void
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *used, size - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n < size - *used ? (size_t)n : size - *used - 1;
}

/* Are all blockers unrated (within what is stored)? */
static bool
all_unrated(const struct rate_area_result *r)
{
	size_t i, shown = r->n_blockers < RATE_MAX_BLOCKERS ? r->n_blockers : RATE_MAX_BLOCKERS;

	for (i = 0; i < shown; i++)
		if (r->blockers[i]->rating != RATING_UNRATED)
			return false;
	return r->n_blockers > 0;
}

enum rate_stop
rate_stop_cause(const struct rate_area_result *r)
{
	if (r->n_blockers == 0 && r->none_applicable)
		return RATE_STOP_NOTHING_SHOWS;
	if (all_unrated(r) && r->n_blockers == r->n_next_items && r->next_level > 1)
		return RATE_STOP_NOT_EXAMINED;
	return RATE_STOP_RATINGS;
}

/* The ISO/IEC 15504 reason after "level n: ": each attribute that stops
 * the next level with what it needs there, F below that level, L or F at
 * it.  "process attribute" is written out: "PA 2.2" alone reads like a
 * process area. */
static char *
iso_reason(const struct rate_area_result *r, const char *(*label)(const char *id), char *buf,
           size_t size, size_t used, size_t shown)
{
	size_t i;

	append(buf, size, &used, "process attribute%s ", r->n_blockers > 1 ? "s" : "");
	for (i = 0; i < shown; i++) {
		const struct rate_item *b = r->blockers[i];
		const char *needs = b->level < r->next_level ? "F" : "L or F";

		if (i > 0)
			append(buf, size, &used, "; ");
		append(buf, size, &used, "%s ", label != NULL ? label(b->id) : b->id);
		if (b->rating == RATING_UNRATED)
			append(buf, size, &used, "not rated, needs %s", needs);
		else
			append(buf, size, &used, "rated %s, needs %s", rate_rating_name(b->rating), needs);
	}
	if (r->n_blockers > shown)
		append(buf, size, &used, "; and %zu more", r->n_blockers - shown);
	append(buf, size, &used, " for level %d", r->next_level);
	return buf;
}

char *
rate_reason(const struct rate_area_result *r, const char *(*label)(const char *id),
            char *buf, size_t size)
{
	size_t used = 0, i, shown;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (r->level == RATE_NOT_APPLICABLE) {
		/* What makes an area not applicable, and only that: generic
		 * practices may still be rated (and are then not used). */
		append(buf, size, &used, r->method == RATE_ISO15504
		       ? "not applicable: process attribute PA 1.1 is rated NA"
		       : "not applicable: every base practice is rated NA");
		return buf;
	}
	if (r->next_level == 0) {
		append(buf, size, &used, "level %d: every level is achieved", r->level);
		return buf;
	}
	append(buf, size, &used, "level %d: ", r->level);
	if (rate_stop_cause(r) == RATE_STOP_NOTHING_SHOWS) {
		append(buf, size, &used, "no applicable practice shows level %d", r->next_level);
		return buf;
	}
	if (rate_stop_cause(r) == RATE_STOP_NOT_EXAMINED) {
		append(buf, size, &used, "level %d was not examined (none of its %zu %s is rated)",
		       r->next_level, r->n_next_items,
		       r->method == RATE_ISO15504 ? "process attributes" : "generic practices");
		return buf;
	}
	shown = r->n_blockers < RATE_MAX_BLOCKERS ? r->n_blockers : RATE_MAX_BLOCKERS;
	if (r->method == RATE_ISO15504)
		return iso_reason(r, label, buf, size, used, shown);
	for (i = 0; i < shown; i++) {
		const struct rate_item *b = r->blockers[i];
		const char *name = label != NULL ? label(b->id) : b->id;

		if (i > 0)
			append(buf, size, &used, ", ");
		if (b->rating == RATING_UNRATED)
			append(buf, size, &used, "%s not rated", name);
		else
			append(buf, size, &used, "%s rated %s", name, rate_rating_name(b->rating));
	}
	if (r->n_blockers > shown)
		append(buf, size, &used, " and %zu more", r->n_blockers - shown);
	append(buf, size, &used, ", needs L or F for level %d", r->next_level);
	return buf;
}

void
rate_org(const int *levels, size_t n, struct rate_org_result *out)
{
	size_t i;

	out->level = RATE_NOT_APPLICABLE;
	out->max_level = RATE_NOT_APPLICABLE;
	out->n_projects = 0;
	for (i = 0; i < n; i++) {
		if (levels[i] == RATE_NOT_APPLICABLE)
			continue;
		if (out->n_projects == 0 || levels[i] < out->level)
			out->level = levels[i];
		if (out->n_projects == 0 || levels[i] > out->max_level)
			out->max_level = levels[i];
		out->n_projects++;
	}
}

struct rate_gap
rate_gap(int achieved_level, int target, bool in_scope)
{
	struct rate_gap g = {GAP_NO_TARGET, 0};

	if (target < 0)
		return g;
	/* Even a target of level 0: an area nobody looked at does not "meet"
	 * anything. */
	if (!in_scope || achieved_level == RATE_NOT_APPLICABLE) {
		g.kind = GAP_NOT_APPRAISED;
		g.gap = target;
		return g;
	}
	if (achieved_level >= target) {
		g.kind = GAP_MEETS;
		return g;
	}
	g.kind = GAP_SHORT;
	g.gap = target - achieved_level;
	return g;
}
