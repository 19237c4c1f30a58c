/* The typesetter's drawing: the pieces of blocks the pagination placed, onto cairo pages. */
#include "render/typeset_parts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/chart_cairo.h"
#include "render/fonts.h"

void
ts_set_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
	                     (rgb & 0xFF) / 255.0);
}

void
ts_show_small(struct ts *ts, cairo_t *cr, const char *text, const char *lang, double x, double y,
              PangoAlignment align, double width)
{
	/* List markers and running heads repeat on page after page: each
	 * distinct one is laid out (and checked for missing glyphs) once. */
	char *key = g_strdup_printf("%d|%a|%s|%s", (int)align, width, lang != NULL ? lang : "", text);
	PangoLayout *l = g_hash_table_lookup(ts->small, key);

	if (l == NULL) {
		l = pango_layout_new(ts->pango);
		pango_layout_set_font_description(l, ts->fonts[S_SMALL]);
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_alignment(l, align);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		fonts_layout_set_text_in(l, text, lang);
		fonts_check_layout(l, ts->diag);
		g_hash_table_insert(ts->small, key, l);
	} else {
		g_free(key);
	}
	ts_set_rgb(cr, styles[S_SMALL].color);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
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
			if (s >= e || (!l->uri && !g_hash_table_contains(pages, l->dest)))
				continue;
			pango_layout_line_index_to_x(line, s, FALSE, &xs);
			pango_layout_line_index_to_x(line, e, FALSE, &xe);
			lx = x + t->lefts[i] + (double)MIN(xs, xe) / PANGO_SCALE;
			lw = (double)abs(xe - xs) / PANGO_SCALE;
			ly = y + t->tops[i] - origin;
			attrs = g_strdup_printf("rect=[%.2f %.2f %.2f %.2f] %s='%s'", lx, ly, lw,
			                        t->heights[i], l->uri ? "uri" : "dest", l->dest);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			g_free(attrs);
		}
	}
}

/* A row: a repeated header row (p->repeated) is drawn outside the
 * structure, so that it is read once, where the table starts. */
static void
draw_row(struct ts *ts, cairo_t *cr, const struct block *b, const struct flow_piece *p, double x,
         double y, GHashTable *pages)
{
	size_t k;

	for (k = 0; k < b->n_cells; k++) {
		const struct cell *cl = &b->cells[k];
		const char *tag = cl->head ? "TH" : "TD";

		if (b->head_row) {
			ts_set_rgb(cr, 0xF6F8FA);
			cairo_rectangle(cr, x + cl->x, y, cl->width, p->height);
			cairo_fill(cr);
		}
		ts_set_rgb(cr, 0xD0D7DE);
		cairo_set_line_width(cr, 0.5);
		cairo_rectangle(cr, x + cl->x, y, cl->width, p->height);
		cairo_stroke(cr);
		if (!p->repeated) {
			pdf_access_element(ts->access, tag, NULL, cl->head ? cl->scope : NULL, cl->lang);
			cairo_tag_begin(cr, tag, NULL);
		}
		ts_draw_lines(cr, &cl->t, styles[S_CELL].color, x + cl->x + b->pad_x, y + b->pad_y,
		           p->first[k], p->count[k], pages);
		if (!p->repeated)
			cairo_tag_end(cr, tag);
	}
}

/* A contents entry's page number level with its last line (inside the
 * entry's element: it is read with it); its width goes to *width, 0 when
 * the target has no page. */
static void
draw_toc_number(struct ts *ts, cairo_t *cr, const struct block *b, const struct flow_piece *p,
                double y, GHashTable *pages, double *width)
{
	gpointer page = g_hash_table_lookup(pages, b->toc_target);
	size_t last = b->t.n_lines - 1;
	double top = y + b->t.tops[last] - b->t.tops[p->first[0]];
	PangoRectangle ink;
	PangoLayout *l;
	char num[16];

	*width = 0;
	if (page == NULL || b->t.n_lines == 0)
		return;
	snprintf(num, sizeof num, "%d", GPOINTER_TO_INT(page));
	l = pango_layout_new(ts->pango);
	pango_layout_set_font_description(l, ts->fonts[S_SMALL]);
	pango_layout_set_text(l, num, -1);
	pango_layout_get_extents(l, NULL, &ink);
	*width = (double)ink.width / PANGO_SCALE;
	g_object_unref(l);
	ts_show_small(ts, cr, num, NULL, MARGIN_X + ts->body_w - TOC_NUMBER_WIDTH, top + 1,
	              PANGO_ALIGN_RIGHT, TOC_NUMBER_WIDTH);
}

/* Dot leaders from the end of a contents entry's last line to its page
 * number (num_w wide), on a grid shared by every entry so that the dots
 * stand in columns; outside the structure, as decoration. */
static void
draw_toc_leaders(struct ts *ts, cairo_t *cr, const struct block *b, const struct flow_piece *p,
                 double x, double y, double num_w)
{
	size_t last = b->t.n_lines - 1;
	double from, to, first;
	double dash[2] = {0, TOC_DOT_STEP};
	PangoRectangle ink;

	if (num_w <= 0)
		return;
	pango_layout_line_get_extents(pango_layout_get_line_readonly(b->t.layout, (int)last), NULL,
	                              &ink);
	from = x + b->t.lefts[last] + (double)(ink.x + ink.width) / PANGO_SCALE + 4;
	to = MARGIN_X + ts->body_w - num_w - 4;
	first = MARGIN_X + TOC_DOT_STEP * (double)((int)((from - MARGIN_X) / TOC_DOT_STEP) + 1);
	if (first >= to)
		return;
	/* The dots as one dashed line: dashes of length 0 with round caps are
	 * dots of the line's width, one every TOC_DOT_STEP.  One path for the
	 * whole leader: a circle filled for each dot cost cairo's PDF output
	 * (its numbers and its page analysis) 8 % of the handbook's time.  The
	 * line stops half a step after the last dot, so that the next dash
	 * falls outside it. */
	cairo_save(cr);
	ts_set_rgb(cr, 0x8C959F);
	cairo_set_line_width(cr, 1.1);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_new_path(cr);
	cairo_move_to(cr, first, y + b->t.baselines[last] - b->t.tops[p->first[0]] - 0.6);
	cairo_rel_line_to(cr, TOC_DOT_STEP * (double)(int)((to - first) / TOC_DOT_STEP - 1e-9) +
	                          TOC_DOT_STEP / 2, 0);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* The structure element of a text block. */
static const char *
element_of(const struct block *b)
{
	switch (b->style) {
	case S_H1:
	case S_COVER_H1:
	case S_COVER_H1_LONG:
		return "H1";
	case S_H2:
		return "H2";
	case S_H3:
		return "H3";
	case S_H4:
		return "H4";
	case S_CAPTION:
		return "Caption";
	default:
		return b->marker != NULL ? "LI" : "P";
	}
}

const char *
ts_group_of(const struct block *b, int *id)
{
	if (b->table >= 0) {
		*id = b->table;
		return "Table";
	}
	if (b->list >= 0) {
		*id = b->list;
		return "L";
	}
	return NULL;
}

void
ts_draw_piece(struct ts *ts, cairo_t *cr, struct block *b, const struct flow_piece *p,
           GHashTable *pages, bool first_piece)
{
	/* The second of two columns starts half the body and half the gap right. */
	double left = MARGIN_X + p->column * (ts->body_w + COLUMN_GAP) / 2;
	double x = left + b->x, y = MARGIN_TOP + p->y;
	size_t i;

	if (first_piece) {
		for (i = 0; i < b->dests->len; i++) {
			char *attrs = g_strdup_printf("name='%s' x=%.2f y=%.2f",
			                              (char *)g_ptr_array_index(b->dests, i), left, y);

			cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
			cairo_tag_end(cr, CAIRO_TAG_DEST);
			g_free(attrs);
		}
	}
	if (b->bar != NONE) {
		bool last = b->kind != B_TEXT || p->first[0] + p->count[0] == b->t.n_lines;

		ts_set_rgb(cr, b->bar);
		cairo_rectangle(cr, MARGIN_X + b->bar_x, y, FINDING_BAR,
		                p->height + (last ? b->bar_below : 0));
		cairo_fill(cr);
	}
	switch (b->kind) {
	case B_TEXT: {
		/* Each piece is an element of its own, so that none spans a page;
		 * what is drawn outside elements (running heads, rules, leaders)
		 * pdf_access marks as artifacts. */
		const char *tag = element_of(b);
		bool toc_number = b->toc_target != NULL && p->first[0] + p->count[0] == b->t.n_lines;
		double num_w = 0;

		pdf_access_element(ts->access, tag, NULL, NULL, b->lang);
		cairo_tag_begin(cr, tag, NULL);
		if (b->marker != NULL && *b->marker != '\0' && p->first[0] == 0) {
			cairo_tag_begin(cr, "Lbl", NULL);
			ts_show_small(ts, cr, b->marker, NULL, left + b->marker_x, y + 1,
			              PANGO_ALIGN_RIGHT,
			              LIST_INDENT - 4);
			cairo_tag_end(cr, "Lbl");
		}
		if (strcmp(tag, "LI") == 0)
			cairo_tag_begin(cr, "LBody", NULL);
		ts_draw_lines(cr, &b->t, styles[b->style].color, x, y, p->first[0], p->count[0], pages);
		if (toc_number)
			draw_toc_number(ts, cr, b, p, y, pages, &num_w);
		if (strcmp(tag, "LI") == 0)
			cairo_tag_end(cr, "LBody");
		cairo_tag_end(cr, tag);
		if (b->rule != NONE && p->first[0] + p->count[0] == b->t.n_lines) {
			ts_set_rgb(cr, b->rule);
			cairo_set_line_width(cr, 1.2);
			cairo_move_to(cr, MARGIN_X, y + p->height + 2);
			cairo_line_to(cr, MARGIN_X + ts->body_w, y + p->height + 2);
			cairo_stroke(cr);
		}
		if (toc_number)
			draw_toc_leaders(ts, cr, b, p, x, y, num_w);
		break;
	}
	case B_ROW:
		if (!p->repeated)
			cairo_tag_begin(cr, "TR", NULL);
		draw_row(ts, cr, b, p, x, y, pages);
		if (!p->repeated)
			cairo_tag_end(cr, "TR");
		break;
	case B_CHART:
		pdf_access_element(ts->access, "Figure", b->alt, NULL, NULL);
		cairo_tag_begin(cr, "Figure", NULL);
		cairo_save(cr);
		cairo_translate(cr, x, y);
		cairo_scale(cr, b->scale, b->scale);
		chart_cairo_draw(b->chart, cr);
		cairo_restore(cr);
		cairo_tag_end(cr, "Figure");
		break;
	}
}

/* text as it fits width in the small style: whole, or cut after its last
 * word that leaves room for an ellipsis (never inside a word, as pango's
 * ellipsizing does).  Its width goes to *used.  g_free the result. */
static char *
fit_at_word(struct ts *ts, const char *text, const char *lang, double width, double *used)
{
	PangoLayout *l = pango_layout_new(ts->pango);
	char *s = g_strdup(text), *cut = NULL, *space;
	int w, h;

	pango_layout_set_font_description(l, ts->fonts[S_SMALL]);
	fonts_layout_set_text_in(l, s, lang);
	pango_layout_get_size(l, &w, &h);
	while (w > width * PANGO_SCALE && (space = strrchr(s, ' ')) != NULL) {
		*space = '\0';
		g_strchomp(s);
		/* No comma or dash before the ellipsis. */
		while (*s != '\0' && strchr(",;:-", s[strlen(s) - 1]) != NULL)
			s[strlen(s) - 1] = '\0';
		g_free(cut);
		cut = g_strconcat(s, "\xE2\x80\xA6", NULL);
		fonts_layout_set_text_in(l, cut, lang);
		pango_layout_get_size(l, &w, &h);
	}
	g_object_unref(l);
	*used = (double)w / PANGO_SCALE;
	if (cut != NULL && w <= width * PANGO_SCALE) {
		g_free(s);
		return cut;
	}
	g_free(cut);
	g_free(s);
	return g_strdup(text);
}

void
ts_draw_furniture(struct ts *ts, cairo_t *cr, const struct furniture *f, const char *chapter,
                  size_t page, size_t n_pages)
{
	const char *right = f->marking != NULL ? f->marking : chapter;
	const char *right_lang = f->marking != NULL ? f->marking_lang : NULL;
	char footer[64];
	double unused;

	/* Fitted again only when the right side's text changes (a new section
	 * in the handbook): title and marking are the same on every page.  The
	 * marking matters more than the title: it takes what it needs, leaving
	 * the title HEAD_MIN_TITLE at least; the title has the rest. */
	if (ts->head.title_fit == NULL || right != ts->head.right) {
		g_free(ts->head.right_fit);
		g_free(ts->head.title_fit);
		ts->head.right = right;
		ts->head.right_fit = NULL;
		ts->head.right_w = 0;
		if (right != NULL) {
			ts->head.right_fit = fit_at_word(ts, right, right_lang,
			                                 f->marking != NULL ? ts->body_w - HEAD_MIN_TITLE
			                                                    : ts->body_w * 0.5,
			                                 &ts->head.right_w);
			ts->head.right_w += HEAD_GAP;
		}
		ts->head.title_fit = fit_at_word(ts, f->title, f->title_lang,
		                                 ts->body_w - ts->head.right_w, &unused);
	}
	if (ts->head.right_fit != NULL)
		ts_show_small(ts, cr, ts->head.right_fit, right_lang, MARGIN_X, 28, PANGO_ALIGN_RIGHT,
		              ts->body_w);
	ts_show_small(ts, cr, ts->head.title_fit, f->title_lang, MARGIN_X, 28, PANGO_ALIGN_LEFT,
	              ts->body_w - ts->head.right_w);
	ts_set_rgb(cr, 0xD0D7DE);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_X, 42);
	cairo_line_to(cr, MARGIN_X + ts->body_w, 42);
	cairo_stroke(cr);
	snprintf(footer, sizeof footer, "Page %zu of %zu", page, n_pages);
	ts_show_small(ts, cr, footer, NULL, MARGIN_X, ts->page_h - 36, PANGO_ALIGN_RIGHT,
	              ts->body_w);
	if (f->version != NULL) {
		char *v = g_strdup_printf("Version %s%s", f->version, f->draft ? ", draft" : "");

		ts_show_small(ts, cr, v, NULL, MARGIN_X, ts->page_h - 36, PANGO_ALIGN_LEFT,
		              ts->body_w * 0.6);
		g_free(v);
	}
}

void
ts_draw_furniture_done(struct ts *ts)
{
	g_free(ts->head.right_fit);
	g_free(ts->head.title_fit);
	ts->head.right_fit = ts->head.title_fit = NULL;
}
