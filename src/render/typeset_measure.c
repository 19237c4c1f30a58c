/* The typesetter's measuring: texts laid out into lines with pango, and table cells' natural and smallest widths. */
#include "render/typeset_parts.h"

#include "render/fonts.h"

/* Lay the text out at width and measure its lines. */
void
ts_make_text(struct ts *ts, struct text *t, struct inline_text *it, enum style st, double width,
          PangoAlignment align)
{
	t->layout = pango_layout_new(ts->pango);
	pango_layout_set_font_description(t->layout, ts->fonts[st]);
	pango_layout_set_width(t->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_line_spacing(t->layout, (float)styles[st].line_spacing);
	pango_layout_set_alignment(t->layout, align);
	/* Text from data goes in with set_text, never as markup. */
	ts_keep_names_whole(it);
	fonts_layout_set_text(t->layout, it->s->str, (int)it->s->len, it->attrs);
	t->links = it->links;
	it->links = NULL;
	ts_measure_lines(t);
	fonts_check_layout(t->layout, ts->diag);
}

/* The positions and heights of t's lines, from its layout. */
void
ts_measure_lines(struct text *t)
{
	PangoLayoutIter *iter;
	PangoRectangle logical;
	size_t i = 0;

	t->n_lines = (size_t)pango_layout_get_line_count(t->layout);
	t->heights = g_new(double, t->n_lines ? t->n_lines : 1);
	t->tops = g_new(double, t->n_lines ? t->n_lines : 1);
	t->baselines = g_new(double, t->n_lines ? t->n_lines : 1);
	t->lefts = g_new(double, t->n_lines ? t->n_lines : 1);
	iter = pango_layout_get_iter(t->layout);
	do {
		PangoRectangle line;
		int y0, y1;

		pango_layout_iter_get_line_yrange(iter, &y0, &y1);
		pango_layout_iter_get_line_extents(iter, NULL, &line);
		t->lefts[i] = (double)line.x / PANGO_SCALE;
		t->tops[i] = (double)y0 / PANGO_SCALE;
		t->baselines[i] = (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
		i++;
	} while (i < t->n_lines && pango_layout_iter_next_line(iter));
	pango_layout_iter_free(iter);
	/* A line reaches down to where the next one starts: with line spacing
	 * set, that is more than the line's own extent. */
	pango_layout_get_extents(t->layout, NULL, &logical);
	for (i = 0; i < t->n_lines; i++)
		t->heights[i] = (i + 1 < t->n_lines ? t->tops[i + 1]
		                                     : (double)(logical.y + logical.height) / PANGO_SCALE) -
		                t->tops[i];
}

void
ts_remeasure_lines(struct text *t)
{
	g_free(t->heights);
	g_free(t->tops);
	g_free(t->baselines);
	g_free(t->lefts);
	ts_measure_lines(t);
}

void
ts_free_text(struct text *t)
{
	if (t->layout != NULL)
		g_object_unref(t->layout);
	t->layout = NULL;
	ts_free_links(t->links);
	t->links = NULL;
	g_free(t->heights);
	g_free(t->tops);
	g_free(t->baselines);
	g_free(t->lefts);
	t->heights = t->tops = t->baselines = t->lefts = NULL;
}

void
ts_free_measured(gpointer p)
{
	struct measured *m = p;

	g_object_unref(m->layout);
	g_free(m);
}

/* Natural and smallest widths of a cell's text, from one unwrapped layout:
 * the smallest is its longest word (see flow_min_width).  Table cells
 * repeat ("F", "not rated", header labels), so results are kept by style,
 * attributes and text, with the layout (*layout, borrowed). */
void
ts_measure_widths(struct ts *ts, struct inline_text *it, enum style st, double *pref, double *min,
               PangoLayout **layout)
{
	char *attr_text = pango_attr_list_to_string(it->attrs);
	char *key = g_strdup_printf("%d|%s|%s", (int)st, attr_text, it->s->str);
	struct measured *known = g_hash_table_lookup(ts->widths, key);
	PangoLayout *l;
	PangoRectangle r;
	const PangoLogAttr *attrs;
	GArray *stops;
	GSList *ln;
	gint n_attrs, i;
	size_t line;
	const char *p;

	g_free(attr_text);
	if (known != NULL) {
		*pref = known->pref;
		*min = known->min;
		*layout = known->layout;
		g_free(key);
		return;
	}
	l = pango_layout_new(ts->pango);
	pango_layout_set_font_description(l, ts->fonts[st]);
	pango_layout_set_line_spacing(l, (float)styles[st].line_spacing);
	ts_keep_names_whole(it);
	fonts_layout_set_text(l, it->s->str, (int)it->s->len, it->attrs);
	pango_layout_get_extents(l, NULL, &r);
	*pref = (double)r.width / PANGO_SCALE + 1;
	/* Stops: the ends of every line and every break opportunity. */
	stops = g_array_new(FALSE, FALSE, sizeof(struct flow_stop));
	for (ln = pango_layout_get_lines_readonly(l), line = 0; ln != NULL; ln = ln->next, line++) {
		struct flow_stop start = {line, 0}, end = {line, 0};
		PangoRectangle lr;

		pango_layout_line_get_extents(ln->data, NULL, &lr);
		end.x = (double)lr.width / PANGO_SCALE;
		g_array_append_val(stops, start);
		g_array_append_val(stops, end);
	}
	attrs = pango_layout_get_log_attrs_readonly(l, &n_attrs);
	for (i = 0, p = it->s->str; i < n_attrs && *p != '\0'; i++, p = g_utf8_next_char(p)) {
		struct flow_stop stop;
		int at_line, x;

		if (i == 0 || !attrs[i].is_line_break)
			continue;
		pango_layout_index_to_line_x(l, (int)(p - it->s->str), FALSE, &at_line, &x);
		stop.line = (size_t)at_line;
		stop.x = (double)x / PANGO_SCALE;
		g_array_append_val(stops, stop);
	}
	*min = flow_min_width((struct flow_stop *)(void *)stops->data, stops->len, 0.5);
	g_array_free(stops, TRUE);
	known = g_new(struct measured, 1);
	known->pref = *pref;
	known->min = *min;
	known->layout = l;
	*layout = l;
	g_hash_table_insert(ts->widths, key, known);
}
