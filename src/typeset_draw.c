/* The typesetter's drawing: the pieces of blocks the pagination placed, onto cairo pages. */
#include "typeset_parts.h"

#include <stdio.h>
#include <stdlib.h>

#include "chart_cairo.h"

void
ts_set_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
	                     (rgb & 0xFF) / 255.0);
}

void
ts_show_small(struct ts *ts, cairo_t *cr, const char *text, double x, double y, PangoAlignment align,
           double width)
{
	PangoLayout *l = pango_layout_new(ts->pango);

	pango_layout_set_font_description(l, ts->fonts[S_SMALL]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(l, align);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_text(l, text, -1);
	ts_set_rgb(cr, styles[S_SMALL].color);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

void
ts_draw_lines(cairo_t *cr, const struct text *t, unsigned color, double x, double y, size_t first,
           size_t count, GHashTable *pages)
{
	size_t i;
	double origin = first < t->n_lines ? t->tops[first] : 0;

	ts_set_rgb(cr, color);
	for (i = first; i < first + count && i < t->n_lines; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t->layout, (int)i);

		/* show_layout_line draws at the line's own origin, ignoring the
		 * layout's alignment: the line's offset puts it where it belongs. */
		cairo_move_to(cr, x + t->lefts[i], y + t->baselines[i] - origin);
		pango_cairo_show_layout_line(cr, line);
	}
	/* Links: a rectangle per line the link's text is on. */
	for (i = first; t->links != NULL && i < first + count && i < t->n_lines; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t->layout, (int)i);
		size_t k;

		for (k = 0; k < t->links->len; k++) {
			const struct link *l = &g_array_index(t->links, struct link, k);
			int s = MAX(l->start, line->start_index);
			int e = MIN(l->end, line->start_index + line->length);
			int xs, xe;
			char *attrs;
			double lx, ly, lw;

			/* Only to destinations that were placed: cairo 1.16 writes a
			 * damaged file for a link to a name it never saw. */
			if (s >= e || !g_hash_table_contains(pages, l->dest) )
				continue;
			pango_layout_line_index_to_x(line, s, FALSE, &xs);
			pango_layout_line_index_to_x(line, e, FALSE, &xe);
			lx = x + t->lefts[i] + (double)MIN(xs, xe) / PANGO_SCALE;
			lw = (double)abs(xe - xs) / PANGO_SCALE;
			ly = y + t->tops[i] - origin;
			attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] dest='%s'", lx, ly, lw,
			                        t->heights[i], l->dest);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			g_free(attrs);
		}
	}
}

static void
draw_row(cairo_t *cr, const struct block *b, const struct flow_piece *p, double x, double y,
         GHashTable *pages)
{
	size_t k;

	for (k = 0; k < b->n_cells; k++) {
		const struct cell *cl = &b->cells[k];

		if (b->head_row) {
			ts_set_rgb(cr, 0xF6F8FA);
			cairo_rectangle(cr, x + cl->x, y, cl->width, p->height);
			cairo_fill(cr);
		}
		ts_set_rgb(cr, 0xD0D7DE);
		cairo_set_line_width(cr, 0.5);
		cairo_rectangle(cr, x + cl->x, y, cl->width, p->height);
		cairo_stroke(cr);
		ts_draw_lines(cr, &cl->t, styles[S_CELL].color, x + cl->x + b->pad_x, y + CELL_PAD_Y,
		           p->first[k], p->count[k], pages);
	}
}

void
ts_draw_piece(struct ts *ts, cairo_t *cr, struct block *b, const struct flow_piece *p,
           GHashTable *pages, bool first_piece)
{
	double x = MARGIN_X + b->x, y = MARGIN_TOP + p->y;
	size_t i;

	if (first_piece) {
		for (i = 0; i < b->dests->len; i++) {
			char *attrs = g_strdup_printf("name='%s' x=%.2f y=%.2f",
			                              (char *)g_ptr_array_index(b->dests, i), MARGIN_X, y);

			cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
			cairo_tag_end(cr, CAIRO_TAG_DEST);
			g_free(attrs);
		}
	}
	switch (b->kind) {
	case B_TEXT: {
		if (b->marker != NULL && p->first[0] == 0)
			ts_show_small(ts, cr, b->marker, x - LIST_INDENT, y + 1, PANGO_ALIGN_RIGHT,
			           LIST_INDENT - 4);
		ts_draw_lines(cr, &b->t, styles[b->style].color, x, y, p->first[0], p->count[0], pages);
		if (b->rule != NONE && p->first[0] + p->count[0] == b->t.n_lines) {
			ts_set_rgb(cr, b->rule);
			cairo_set_line_width(cr, 1.2);
			cairo_move_to(cr, MARGIN_X, y + p->height + 2);
			cairo_line_to(cr, MARGIN_X + ts->body_w, y + p->height + 2);
			cairo_stroke(cr);
		}
		if (b->toc_target != NULL) {
			gpointer page = g_hash_table_lookup(pages, b->toc_target);
			char num[16];

			if (page != NULL) {
				snprintf(num, sizeof num, "%d", GPOINTER_TO_INT(page));
				ts_show_small(ts, cr, num, MARGIN_X + ts->body_w - TOC_NUMBER_WIDTH, y + 1,
				           PANGO_ALIGN_RIGHT, TOC_NUMBER_WIDTH);
			}
		}
		break;
	}
	case B_ROW:
		draw_row(cr, b, p, x, y, pages);
		break;
	case B_CHART:
		cairo_save(cr);
		cairo_translate(cr, x, y);
		cairo_scale(cr, b->scale, b->scale);
		chart_cairo_draw(b->chart, cr);
		cairo_restore(cr);
		break;
	}
}

void
ts_draw_furniture(struct ts *ts, cairo_t *cr, const char *title, const char *marking,
                  size_t page, size_t n_pages)
{
	char footer[64];

	/* The marking matters more than the title: it gets the wider half. */
	ts_show_small(ts, cr, title, MARGIN_X, 28, PANGO_ALIGN_LEFT,
	              marking != NULL ? ts->body_w * 0.42 : ts->body_w);
	if (marking != NULL)
		ts_show_small(ts, cr, marking, MARGIN_X + ts->body_w * 0.44, 28, PANGO_ALIGN_RIGHT,
		              ts->body_w * 0.56);
	ts_set_rgb(cr, 0xD0D7DE);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_X, 42);
	cairo_line_to(cr, MARGIN_X + ts->body_w, 42);
	cairo_stroke(cr);
	snprintf(footer, sizeof footer, "Page %zu of %zu", page, n_pages);
	ts_show_small(ts, cr, footer, MARGIN_X, ts->page_h - 36, PANGO_ALIGN_RIGHT, ts->body_w);
}
