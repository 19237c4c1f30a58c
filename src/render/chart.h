/* Capability profile charts: geometry computed once, as plain data, for every renderer. */
#ifndef SSECMM_CHART_H
#define SSECMM_CHART_H

#include <stdbool.h>
#include <stddef.h>

#define CHART_NA (-1)   /* level of an area that is not applicable */
#define CHART_OUT (-2)  /* level of an area out of scope */

/* One process area's bar. */
struct chart_bar {
	const char *label;  /* "PA01", drawn under the bar */
	int level;          /* 0-5, CHART_NA or CHART_OUT */
	int max_level;      /* top of a range over projects, or -1 for none */
	int target;         /* required level, or -1 for none */
	bool has_previous;  /* an earlier appraisal's level is drawn as an outline */
	int previous;       /* that level: 0-5, CHART_NA or CHART_OUT */
};

/* What each shape is; the renderers map it to colours, strokes and fonts
 * through chart_style(), so SVG, PNG and PDF look alike. */
enum chart_role {
	CHART_BACKGROUND,
	CHART_GRID,
	CHART_AXIS,
	CHART_BAR_0, CHART_BAR_1, CHART_BAR_2, CHART_BAR_3, CHART_BAR_4, CHART_BAR_5,
	CHART_BAR_NA,       /* a stub showing "not applicable": a dashed outline */
	CHART_BAR_OUT,      /* a stub showing "out of scope": a solid grey block */
	CHART_RANGE,        /* the range over projects */
	CHART_TARGET,       /* the target mark */
	CHART_PREVIOUS,     /* outline of an earlier appraisal's level: solid, unlike n/a */
	CHART_TEXT,         /* axis labels and legend text */
	CHART_TEXT_SMALL,   /* marks inside the plot (n/a, out) */
	CHART_TITLE,        /* a standalone chart's title */
	CHART_ROLES
};

enum chart_shape_kind { CHART_RECT, CHART_LINE, CHART_TEXT_SHAPE };
enum chart_anchor { CHART_START, CHART_MIDDLE, CHART_END };

/* Coordinates are points (1/72 inch), origin top left, y downwards. */
struct chart_shape {
	enum chart_shape_kind kind;
	enum chart_role role;
	double x, y;        /* rect: top left; line: start; text: baseline anchor */
	double w, h;        /* rect: size; line: end minus start */
	const char *text;   /* text shapes: static or owned by the chart's input */
	enum chart_anchor anchor;
};

struct chart_style {
	unsigned fill;      /* 0xRRGGBB, or CHART_NONE */
	unsigned stroke;    /* 0xRRGGBB, or CHART_NONE */
	double stroke_width;
	double font_size;   /* text roles */
	bool dashed;
};
#define CHART_NONE 0xFFFFFFFFu

const struct chart_style *chart_style(enum chart_role role);

struct chart {
	double width, height;
	struct chart_shape *shapes;
	size_t n_shapes;
	bool has_target;
	bool has_range;
	bool has_previous;
	const char *previous_label;  /* legend text for the outline; borrowed */
	const char *current_label;   /* legend text for the bars; borrowed */
};

/* Makes the chart a document asks for: scope is "organization" or a project
 * id; *title receives the chart's accessible name (g_free).  NULL when the
 * scope is unknown.  Used by the HTML writer and the PDF typesetter. */
typedef struct chart *(*chart_maker)(void *ctx, const char *scope, char **title);

/* Lay out a profile chart of n bars.  Pure: the same bars give the same
 * shapes.  The labels must outlive the chart.  Free with chart_free. */
struct chart *chart_profile(const struct chart_bar *bars, size_t n);

/* The same, for two appraisals of one organization: the bars are the later
 * one's levels, the outlines (bars' previous) the earlier one's; the legend
 * names them with the two labels, which must outlive the chart. */
struct chart *chart_comparison(const struct chart_bar *bars, size_t n,
                               const char *previous_label, const char *current_label);
/* Give c a heading above the plot, for a chart that stands alone (a file
 * of its own, not a figure with a caption): title on the first line, what
 * it is of (organisation, appraisal, date) on the second.  Both must
 * outlive the chart.  Everything else moves down. */
void chart_add_heading(struct chart *c, const char *title, const char *subtitle);
void chart_free(struct chart *c);

#endif
