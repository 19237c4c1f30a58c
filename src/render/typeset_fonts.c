/* The typesetter's fonts: its font map, the font of each style, and loading them ahead of time. */
#include "render/typeset_parts.h"

#include <fontconfig/fontconfig.h>

/* A context with the typesetter's settings.  pango keeps loaded fonts per
 * context settings, so the warm-up uses the same. */
static PangoContext *
new_context(PangoFontMap *map)
{
	PangoContext *c = pango_font_map_create_context(map);
	cairo_font_options_t *fopts = cairo_font_options_create();

	/* Points, not pixels: at pango's default 96 dpi text comes out 4/3 too large. */
	pango_cairo_context_set_resolution(c, 72);
	/* Glyphs where the font puts them: rounded to whole points (pango's
	 * default, meant for screens) letters jitter by up to half a point and
	 * every glyph needs its own position in the PDF. */
	pango_context_set_round_glyph_positions(c, FALSE);
	/* The language of the templates' own words (<html lang="en">), so that
	 * typesetting finds the fonts the warm-up sorted for it: another
	 * language makes pango sort them again (10 ms of a statement's 70). */
	pango_context_set_language(c, pango_language_from_string("en"));
	cairo_font_options_set_hint_metrics(fopts, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fopts, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(c, fopts);
	cairo_font_options_destroy(fopts);
	return c;
}

void
ts_fonts_describe(PangoFontDescription *fonts[S_STYLES])
{
	for (size_t i = 0; i < S_STYLES; i++) {
		fonts[i] = pango_font_description_new();
		pango_font_description_set_family(fonts[i], FONT);
		pango_font_description_set_absolute_size(fonts[i], styles[i].size * PANGO_SCALE);
		pango_font_description_set_weight(fonts[i],
		                                  styles[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	}
}

/* Lay out a line in each style the products use, with the inline forms of
 * body text and table cells, so that pango has loaded those fonts, sorted
 * their fallbacks and measured them: a millisecond or two for each, most
 * of a short document's typesetting. */
static gpointer
warm(gpointer data)
{
	static const enum style used[] = {S_BODY, S_SMALL, S_H1, S_H2, S_H3, S_H4, S_CELL_HEAD,
	                                  S_CAPTION};
	/* Body text with "strong", "code" and "small" as ts_put_inline marks them
	 * (S_SMALL is also the table cells' font). */
	static const char sample[] = "Ab Cd Ef Gh";
	PangoContext *c = new_context(data);
	PangoLayout *l = pango_layout_new(c);
	PangoFontDescription *fonts[S_STYLES];
	size_t i;

	ts_fonts_describe(fonts);
	pango_layout_set_text(l, sample, -1);
	for (i = 0; i < G_N_ELEMENTS(used); i++) {
		PangoAttrList *attrs = pango_attr_list_new();
		int w, h;

		pango_layout_set_font_description(l, fonts[used[i]]);
		if (used[i] == S_BODY) {
			ts_add_attr(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 3, 5);
			ts_add_attr(attrs, pango_attr_family_new(MONO), 6, 8);
			ts_add_attr(attrs, pango_attr_scale_new(0.85), 6, 8);
			ts_add_attr(attrs, pango_attr_scale_new(0.85), 9, 11);
		}
		pango_layout_set_attributes(l, attrs);
		pango_attr_list_unref(attrs);
		pango_layout_get_size(l, &w, &h);
	}
	for (i = 0; i < S_STYLES; i++)
		pango_font_description_free(fonts[i]);
	g_object_unref(l);
	g_object_unref(c);
	return NULL;
}

/* Threads of this process, from /proc/self/task; 0 when that cannot be read. */
static unsigned
count_threads(void)
{
	GDir *dir = g_dir_open("/proc/self/task", 0, NULL);
	unsigned n = 0;

	if (dir == NULL)
		return 0;
	while (g_dir_read_name(dir) != NULL)
		n++;
	g_dir_close(dir);
	return n;
}

/* t's font map, made the default of the calling thread too (chart_cairo
 * draws with that); false if it existed already. */
static bool
make_font_map(struct typesetter *t)
{
	if (t->font_map != NULL)
		return false;
	t->font_map = pango_cairo_font_map_new();
	pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(t->font_map));
	return true;
}

static void
join_warming(struct typesetter *t)
{
	if (t->warming != NULL) {
		g_thread_join(t->warming);
		t->warming = NULL;
	}
}

PangoContext *
ts_fonts_context(struct typesetter *t)
{
	join_warming(t);
	make_font_map(t);
	return new_context(t->font_map);
}

void
ts_fonts_release(struct typesetter *t)
{
	join_warming(t);
	if (t->font_map == NULL)
		return;
	if (pango_cairo_font_map_get_default() == t->font_map)
		pango_cairo_font_map_set_default(NULL);
	g_object_unref(t->font_map);
	t->font_map = NULL;
}

bool
typeset_prepare(struct typesetter *t)
{
	unsigned threads;
	int waited;

	FcInit();
	/* pango sorts fonts on threads of its own, and a process that forks
	 * must have no other thread (one may hold a lock the child would wait
	 * on for ever): load fonts only where those threads can be seen end. */
	threads = count_threads();
	if (threads == 0)
		return true;
	if (threads > 1)
		return false;
	if (make_font_map(t))
		warm(t->font_map);
	for (waited = 0; waited < 5000 && count_threads() != 1; waited++)
		g_usleep(1000);
	return count_threads() == 1;
}

void
typeset_warm_fonts(struct typesetter *t)
{
	if (make_font_map(t))
		t->warming = g_thread_try_new("ssecmm-fonts", warm, t->font_map, NULL);
}
