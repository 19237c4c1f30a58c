/* The rating engine: practice ratings to capability levels, profiles and gaps (pure). */
#ifndef SSECMM_RATE_H
#define SSECMM_RATE_H

#include <stdbool.h>
#include <stddef.h>

/* A practice or attribute rating on the ISO/IEC 15504-2 scale. */
enum rating {
	RATING_UNRATED = 0, /* no rating recorded */
	RATING_N,           /* not achieved, 0-15 % */
	RATING_P,           /* partially, >15-50 % */
	RATING_L,           /* largely, >50-85 % */
	RATING_F,           /* fully, >85-100 % */
	RATING_NA           /* not applicable; excluded from aggregation */
};

enum rate_method {
	RATE_SSAM,     /* base practices for level 1, generic practices above */
	RATE_ISO15504  /* the nine process attributes PA 1.1 ... PA 5.2 */
};

#define RATE_MAX_LEVEL 5
#define RATE_NOT_APPLICABLE (-1) /* every practice of the area is NA */

/* The nine process attributes of ISO/IEC 15504-2 in level order: "PA1.1",
 * "PA2.1", "PA2.2", ... "PA5.2". */
#define RATE_ATTRIBUTES 9
extern const char *const rate_attribute_ids[RATE_ATTRIBUTES];

/* The same, for messages. */
#define RATE_ATTRIBUTE_LIST "PA1.1, PA2.1, PA2.2, PA3.1, PA3.2, PA4.1, PA4.2, PA5.1 and PA5.2"

/* Index of id in rate_attribute_ids, or -1. */
int rate_attribute_index(const char *id);

/* Whether id has the form of a process attribute ("PA" digit "."), known
 * or not: it is then to be checked as one. */
bool rate_is_attribute_form(const char *id);

/* "F", "L", "P", "N", "NA", or "unrated". */
const char *rate_rating_name(enum rating r);

/* Parse exactly "F", "L", "P", "N" or "NA"; anything else (case, spaces,
 * other scripts) gives false. */
bool rate_parse_rating(const char *s, enum rating *out);

/* One rated item: a base practice (level 0 here), a generic practice or a
 * process attribute (the capability level it belongs to, 1-5). */
struct rate_item {
	const char *id;
	enum rating rating;
	int level;
};

/* What an area's rating rests on.  For RATE_SSAM: bps are the area's base
 * practices and gps the generic practices of levels 2-5 (generic practices
 * of level 1 are implied by the base practices and are not used).  For
 * RATE_ISO15504: attrs are the nine process attributes.  Items the team did
 * not rate are present with RATING_UNRATED. */
struct rate_area_input {
	enum rate_method method;
	const struct rate_item *bps;
	size_t n_bps;
	const struct rate_item *gps;
	size_t n_gps;
	const struct rate_item *attrs;
	size_t n_attrs;
};

#define RATE_MAX_BLOCKERS 16

/* The computed level and why it is not higher. */
struct rate_area_result {
	enum rate_method method;  /* as in the input */
	int level;                /* 0-5, or RATE_NOT_APPLICABLE */
	int next_level;           /* level + 1 when blocked, 0 at level 5 or N/A */
	/* Items that stop next_level, in input order (at most RATE_MAX_BLOCKERS;
	 * n_blockers counts them all).  For ISO 15504 a lower-level attribute
	 * that is L but not F blocks too. */
	const struct rate_item *blockers[RATE_MAX_BLOCKERS];
	size_t n_blockers;
	bool lower_not_fully;     /* ISO 15504: a blocker is a lower-level attribute */
	bool none_applicable;     /* every item of next_level is NA: nothing shows it */
	size_t n_applicable_bps;  /* base practices not NA */
	size_t n_next_items;      /* applicable items of next_level itself */
	size_t n_rated_above;     /* items of levels above next_level that are rated */
};

/* Compute an area's level.  Pure: reads in, writes out, nothing else. */
void rate_area(const struct rate_area_input *in, struct rate_area_result *out);

/* Why r stops below level 5, as its reason says it (meaningful when
 * next_level > 0): no applicable item of the next level shows it, the next
 * level was not examined (none of its items rated), or ratings fall short. */
enum rate_stop {
	RATE_STOP_NOTHING_SHOWS,
	RATE_STOP_NOT_EXAMINED,
	RATE_STOP_RATINGS,
};
enum rate_stop rate_stop_cause(const struct rate_area_result *r);

/* The reason in words, e.g. "level 2: GP 3.1.1 rated P, needs L or F for
 * level 3" or "level 0: BP.03.02 not rated, needs L or F for level 1".
 * label maps an item id to how people write it (may be NULL: ids as they
 * are); its result need only live until label is called again.  Writes at
 * most size bytes, always NUL-terminated; returns buf. */
char *rate_reason(const struct rate_area_result *r, const char *(*label)(const char *id),
                  char *buf, size_t size);

/* Organization view of one process area over several projects: the minimum
 * level of the projects where it is applicable, with the spread. */
struct rate_org_result {
	int level;        /* minimum, or RATE_NOT_APPLICABLE when no project applies */
	int max_level;    /* maximum, or RATE_NOT_APPLICABLE */
	size_t n_projects;/* projects where the area is applicable */
};
void rate_org(const int *levels, size_t n, struct rate_org_result *out);

/* Comparison with a target level. */
enum rate_gap_kind {
	GAP_NO_TARGET,     /* no target for this area */
	GAP_MEETS,         /* achieved >= target */
	GAP_SHORT,         /* achieved < target; gap = target - achieved */
	GAP_NOT_APPRAISED  /* target given but the area is N/A or out of scope */
};
struct rate_gap {
	enum rate_gap_kind kind;
	int gap;
};
/* target < 0 means no target; achieved may be RATE_NOT_APPLICABLE; in_scope
 * false means the area was not appraised. */
struct rate_gap rate_gap(int achieved, int target, bool in_scope);

#endif
