/* The typesetter's building: an XHTML document into blocks to draw and flow items to paginate. */
#include "render/typeset_parts.h"

#include <stdlib.h>
#include <string.h>

#include "load/xmlnode.h"
#include "render/pdf.h"

/* An element's id waits for the next block, where it becomes a destination. */
static void
note_id(struct ts *ts, const xmlNode *n)
{
	const char *id = xn_attr(n, "id");

	if (id != NULL)
		g_ptr_array_add(ts->pending, g_strdup(id));
}

static struct block *
add_block(struct ts *ts, enum block_kind kind, struct flow_item *item)
{
	struct block *b = g_new0(struct block, 1);

	b->kind = kind;
	b->rule = NONE;
	b->bar = NONE;
	b->table = -1;
	b->list = -1;
	b->dests = ts->pending;
	ts->pending = g_ptr_array_new_with_free_func(g_free);
	if (ts->break_pending) {
		item->break_before = true;
		ts->break_pending = false;
	}
	if (ts->after_cover) {
		item->break_before = true;
		ts->after_cover = false;
	}
	g_array_append_val(ts->items, *item);
	g_ptr_array_add(ts->blocks, b);
	if (ts->cover)
		ts->cover_items = ts->items->len;
	return b;
}

static void
add_paragraph(struct ts *ts, struct inline_text *it, enum style st, double indent,
              const char *marker, bool keep, const char *toc_target)
{
	struct flow_item item = {0};
	struct block *b;
	double measure = ts->in_columns ? (ts->body_w - COLUMN_GAP) / 2 : ts->body_w;
	double width = measure - indent - (toc_target != NULL ? TOC_NUMBER_WIDTH : 0);

	if (it->s->len == 0 && marker == NULL)
		return;
	item.kind = FLOW_LINES;
	item.space_before = styles[st].space_before;
	/* Contents entries close together; the contents' heading keeps its
	 * space, which keeps its rule off the first entry. */
	item.space_after = ts->in_toc && st == S_BODY ? 1 : styles[st].space_after;
	item.keep_with_next = keep;
	item.columns = ts->in_columns;
	/* Body text keeps with what follows only as a lead-in ending in ':'. */
	item.keep = st == S_BODY ? FLOW_KEEP_LEAD_IN : FLOW_KEEP_TITLE;
	b = add_block(ts, B_TEXT, &item);
	ts_take_ids(b->dests, it);
	b->style = st;
	b->x = indent;
	b->width = width;
	b->marker = g_strdup(marker);
	b->marker_x = indent - LIST_INDENT;
	b->toc_target = g_strdup(toc_target);
	b->lang = ts_whole_language(it);
	/* An index entry is laid out once, with its pages (ts_add_page_refs);
	 * until then it has no lines. */
	if (ts->defer_text)
		return;
	ts_make_text(ts, &b->t, it, st, width, PANGO_ALIGN_LEFT);
	g_array_index(ts->items, struct flow_item, ts->items->len - 1).lines = b->t.heights;
	g_array_index(ts->items, struct flow_item, ts->items->len - 1).n_lines = b->t.n_lines;
	if (st == S_H2 || st == S_COVER_H1)
		b->rule = 0x0F3C73;
	if (st == S_H2 || st == S_H3) {
		b->outline_level = st == S_H2 ? 2 : 3;
		b->names_pages = true;
		b->outline_text = pdf_text(it->s->str); /* for cairo_pdf_surface_add_outline */
	}
}

/* A paragraph from the inline content of n. */
static void
paragraph(struct ts *ts, const xmlNode *n, enum style st, double indent, const char *marker,
          bool keep)
{
	struct inline_text it;

	ts_inline_init(&it);
	ts_put_children(ts, &it, n);
	add_paragraph(ts, &it, st, indent, marker, keep, NULL);
	ts_inline_clear(&it);
}

static void blocks(struct ts *ts, const xmlNode *parent, double indent);
static void block(struct ts *ts, const xmlNode *n, double indent);

static bool
is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"h1", "h2", "h3", "h4", "p", "ul", "ol", "dl", "table", "figure", "section", "nav",
		"main", "header", "footer", "blockquote", "div",
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(names); i++)
		if (xn_is(n, names[i]))
			return true;
	return false;
}

static bool
has_block_child(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && is_block(c))
			return true;
	return false;
}

/* Whether paragraph n is a lead-in: its text ends in ':' and a list or a
 * table follows it, which it introduces and keeps with. */
static bool
lead_in(const xmlNode *n)
{
	const xmlNode *next = n->next;
	char *text;
	size_t len;
	bool colon;

	while (next != NULL && next->type != XML_ELEMENT_NODE)
		next = next->next;
	if (next == NULL || !(xn_is(next, "ul") || xn_is(next, "ol") || xn_is(next, "dl") ||
	                      xn_is(next, "table")))
		return false;
	text = g_strchomp(xn_text(n));
	len = strlen(text);
	colon = len > 0 && text[len - 1] == ':';
	g_free(text);
	return colon;
}

/* Mixed content (li, dd): inline runs become paragraphs, blocks stay blocks;
 * the marker goes on the first paragraph. */
static void
mixed(struct ts *ts, const xmlNode *n, double indent, const char *marker)
{
	struct inline_text it;
	bool used_marker = false;

	ts_inline_init(&it);
	for (const xmlNode *c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && is_block(c)) {
			if (it.s->len == 0 && marker != NULL && !used_marker && xn_is(c, "p")) {
				/* The marker on the first line of the item's first paragraph. */
				note_id(ts, c);
				paragraph(ts, c, S_BODY, indent, marker, lead_in(c));
				used_marker = true;
				continue;
			}
			if (it.s->len > 0 || (marker != NULL && !used_marker)) {
				add_paragraph(ts, &it, S_BODY, indent, used_marker ? NULL : marker, false,
				              NULL);
				used_marker = true;
				ts_inline_clear(&it);
				ts_inline_init(&it);
			}
			block(ts, c, indent);
			continue;
		}
		ts_put_inline(ts, &it, c);
	}
	if (it.s->len > 0)
		add_paragraph(ts, &it, S_BODY, indent, used_marker ? NULL : marker, false, NULL);
	ts_inline_clear(&it);
}

/* The colour of the bar beside a finding (the style sheet's border), or NONE. */
static unsigned
finding_bar(const xmlNode *n)
{
	if (ts_has_class(n, "finding-weakness"))
		return 0xCF222E;
	if (ts_has_class(n, "finding-opportunity"))
		return 0xBF8700;
	if (ts_has_class(n, "finding-strength"))
		return 0x2DA44E;
	return NONE;
}

/* The blocks built since block first are one finding: a bar of colour at
 * bar_x beside them all, and, when it is short, kept on one page. */
static void
mark_finding(struct ts *ts, size_t first, unsigned colour, double bar_x)
{
	size_t i, n = ts->blocks->len;

	for (i = first; i < n; i++) {
		struct block *b = g_ptr_array_index(ts->blocks, i);
		struct flow_item *it = &g_array_index(ts->items, struct flow_item, i);

		b->bar = colour;
		b->bar_x = bar_x;
		if (i + 1 < n)
			b->bar_below = it->space_after + g_array_index(ts->items, struct flow_item,
			                                               i + 1).space_before;
		if (i + 1 < n && n - first <= SHORT_FINDING && !it->keep_with_next) {
			it->keep_with_next = true;
			it->keep = FLOW_KEEP_BLOCK;
		}
	}
}

static void
list(struct ts *ts, const xmlNode *n, double indent)
{
	unsigned number = 0;
	char marker[16];
	int id = ts->lists++;
	size_t first_block = ts->blocks->len, k;

	xn_each(li, n, "li") {
		note_id(ts, li);
		if (ts->in_toc) {
			/* A contents entry: its link, the target's page on the right. */
			const xmlNode *a = xn_child(li, "a");
			struct inline_text it;
			const char *href = a != NULL ? xn_attr(a, "href") : NULL;

			ts_inline_init(&it);
			if (a != NULL)
				ts_put_inline(ts, &it, a);
			add_paragraph(ts, &it, indent == 0 ? S_BODY : S_BODY, indent, NULL, false,
			              href != NULL && g_hash_table_contains(ts->ids, href + 1)
			              ? href + 1 : NULL);
			ts_inline_clear(&it);
			xn_each(sub, li, NULL)
				if (xn_is(sub, "ol") || xn_is(sub, "ul"))
					list(ts, sub, indent + LIST_INDENT);
			continue;
		}
		if (xn_is(n, "ol"))
			snprintf(marker, sizeof marker, "%u.", ++number);
		else
			snprintf(marker, sizeof marker, "\xE2\x80\xA2");
		if (finding_bar(li) != NONE) {
			/* The bar between the marker and the text, as the HTML draws it. */
			size_t first = ts->blocks->len;

			mixed(ts, li, indent + LIST_INDENT + FINDING_INDENT, marker);
			if (first < ts->blocks->len)
				((struct block *)g_ptr_array_index(ts->blocks, first))->marker_x = indent;
			mark_finding(ts, first, finding_bar(li), indent + LIST_INDENT + 1);
			continue;
		}
		if (ts_has_class(n, "index") && !has_block_child(li)) {
			/* An index entry: one paragraph in one of two columns, set
			 * once its links' pages are known; a list item without a
			 * bullet, as an index is set (a bullet beside each entry
			 * also made text extraction cut the entry after its first
			 * line). */
			size_t first = ts->blocks->len;

			ts->defer_text = true;
			ts->in_columns = true;
			mixed(ts, li, indent, ""); /* flush under its letter */
			ts->in_columns = false;
			ts->defer_text = false;
			if (ts->blocks->len > first)
				((struct block *)g_ptr_array_index(ts->blocks, first))->page_refs = li;
			continue;
		}
		mixed(ts, li, indent + LIST_INDENT, marker);
	}
	/* Blocks of this list's items that no nested list claimed. */
	for (k = first_block; k < ts->blocks->len && !ts->in_toc; k++) {
		struct block *b = g_ptr_array_index(ts->blocks, k);

		if (b->list < 0)
			b->list = id;
	}
}

/* ---- tables ---- */

/* A list in a table cell: an item a line, nested items indented under
 * theirs with a marker of their own depth (the handbook's summary chart
 * nests levels, common features and practices). */
static void
cell_list(struct ts *ts, struct inline_text *it, const xmlNode *list, unsigned depth)
{
	static const char *const markers[] = {"\xE2\x80\xA2 ", "\xE2\x80\x93 ", "\xC2\xB7 "};
	unsigned d;

	xn_each(li, list, "li") {
		if (it->s->len > 0)
			g_string_append(it->s, "\xE2\x80\xA8"); /* line separator */
		it->space = false;
		for (d = 0; d < depth; d++)
			g_string_append(it->s, "\xE2\x80\x83"); /* em space */
		g_string_append(it->s, markers[MIN(depth, G_N_ELEMENTS(markers) - 1)]);
		for (const xmlNode *c = li->children; c != NULL; c = c->next) {
			if (xn_is(c, "ul") || xn_is(c, "ol"))
				cell_list(ts, it, c, depth + 1);
			else
				ts_put_inline(ts, it, c);
		}
	}
}

static void
cell_text(struct ts *ts, struct inline_text *it, const xmlNode *cell)
{
	for (const xmlNode *c = cell->children; c != NULL; c = c->next) {
		if (xn_is(c, "ul") || xn_is(c, "ol")) {
			cell_list(ts, it, c, 0);
			continue;
		}
		if (xn_is(c, "p")) {
			if (it->s->len > 0)
				g_string_append(it->s, "\xE2\x80\xA8");
			it->space = false;
			ts_put_children(ts, it, c);
			continue;
		}
		ts_put_inline(ts, it, c);
	}
}

struct raw_cell {
	struct inline_text it;
	int col, span;
	bool head;
	const char *scope;
	bool numeric;
	PangoLayout *natural;     /* laid out unwrapped when measured; borrowed */
	double natural_width;
};

/* Whether row r is a note on the row above it: one cell across every
 * column (the statement's reason why an area has no level), which keeps
 * with the row it annotates. */
static bool
note_row(GArray *rows, size_t r, int ncols)
{
	GArray *cells = g_array_index(rows, GArray *, r);

	return ncols > 1 && cells->len == 1 &&
	       g_array_index(cells, struct raw_cell, 0).span == ncols;
}

/* What a header cell heads, as the PDF names it: its scope attribute's
 * word, or else its columns in a head row and its row elsewhere. */
static const char *
header_scope(const xmlNode *cell, bool head_row)
{
	const char *scope = xn_attr(cell, "scope");

	if (scope != NULL && (strcmp(scope, "col") == 0 || strcmp(scope, "colgroup") == 0))
		return "Column";
	if (scope != NULL && (strcmp(scope, "row") == 0 || strcmp(scope, "rowgroup") == 0))
		return "Row";
	return head_row ? "Column" : "Row";
}

static void
table(struct ts *ts, const xmlNode *n, double indent)
{
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(GArray *));
	GArray *head_flags = g_array_new(FALSE, FALSE, sizeof(bool));
	GPtrArray *trs = g_ptr_array_new();
	const xmlNode *caption = xn_child(n, "caption");
	double avail = ts->body_w - indent, *pref, *min, *width;
	double pad = ts_has_class(n, "compact") ? COMPACT_PAD_X : CELL_PAD_X;
	double pad_y = ts_has_class(n, "dense") ? DENSE_PAD_Y : CELL_PAD_Y;
	int ncols = 0, c;
	size_t r, k, body_rows = 0;
	bool short_table;
	int number = ts->tables++;

	if (caption != NULL)
		paragraph(ts, caption, S_CAPTION, indent, NULL, true);
	for (const xmlNode *sect = n->children; sect != NULL; sect = sect->next) {
		bool head = xn_is(sect, "thead");

		if (!head && !xn_is(sect, "tbody"))
			continue;
		xn_each(tr, sect, "tr") {
			GArray *cells = g_array_new(FALSE, FALSE, sizeof(struct raw_cell));
			int col = 0;

			xn_each(td, tr, NULL) {
				struct raw_cell rc = {0};
				const char *span = xn_attr(td, "colspan");

				ts_inline_init(&rc.it);
				cell_text(ts, &rc.it, td);
				rc.col = col;
				rc.span = span != NULL ? atoi(span) : 1;
				if (rc.span < 1 || rc.span > 64)
					rc.span = 1;
				rc.head = head || xn_is(td, "th");
				rc.scope = header_scope(td, head);
				rc.numeric = ts_has_class(td, "numeric");
				col += rc.span;
				g_array_append_val(cells, rc);
			}
			if (col > ncols)
				ncols = col;
			g_array_append_val(rows, cells);
			g_array_append_val(head_flags, head);
			g_ptr_array_add(trs, (gpointer)tr);
		}
	}
	if (ncols == 0)
		goto done;
	for (r = 0; r < rows->len; r++)
		if (!g_array_index(head_flags, bool, r))
			body_rows++;
	short_table = body_rows <= SHORT_TABLE_ROWS;
	pref = g_new0(double, (size_t)ncols);
	min = g_new0(double, (size_t)ncols);
	width = g_new0(double, (size_t)ncols);
	for (r = 0; r < rows->len; r++) {
		GArray *cells = g_array_index(rows, GArray *, r);

		for (k = 0; k < cells->len; k++) {
			struct raw_cell *rc = &g_array_index(cells, struct raw_cell, k);
			double p, m;

			if (rc->span != 1)
				continue;
			ts_measure_widths(ts, &rc->it, rc->head ? S_CELL_HEAD : S_CELL, &p, &m,
			               &rc->natural);
			rc->natural_width = p;
			p += 2 * pad;
			m += 2 * pad;
			if (p > pref[rc->col])
				pref[rc->col] = p;
			if (m > min[rc->col])
				min[rc->col] = m;
		}
	}
	for (c = 0; c < ncols; c++) {
		if (min[c] < 10 + 2 * pad)
			min[c] = 10 + 2 * pad;
		if (pref[c] < min[c])
			pref[c] = min[c];
	}
	flow_column_widths(pref, min, (size_t)ncols, avail, width);
	for (r = 0; r < rows->len; r++) {
		GArray *cells = g_array_index(rows, GArray *, r);
		struct flow_item item = {0};
		struct block *b;
		const double **lines;
		size_t *n_lines;

		item.kind = FLOW_ROW;
		item.padding = pad_y;
		item.table = number;
		item.header = g_array_index(head_flags, bool, r);
		/* Header rows keep with the rows under them; a short table is
		 * never split. */
		item.keep_with_next = r + 1 < rows->len &&
		                      (item.header || short_table || note_row(rows, r + 1, ncols));
		item.keep = item.header ? FLOW_KEEP_TITLE : FLOW_KEEP_BLOCK;
		item.n_cells = cells->len;
		if (r + 1 == rows->len)
			item.space_after = 8;
		note_id(ts, g_ptr_array_index(trs, r));
		b = add_block(ts, B_ROW, &item);
		b->table = number;
		b->x = indent;
		b->width = avail;
		b->head_row = item.header;
		b->pad_x = pad;
		b->pad_y = pad_y;
		b->n_cells = cells->len;
		b->cells = g_new0(struct cell, cells->len ? cells->len : 1);
		lines = g_new0(const double *, cells->len ? cells->len : 1);
		n_lines = g_new0(size_t, cells->len ? cells->len : 1);
		for (k = 0; k < cells->len; k++) {
			struct raw_cell *rc = &g_array_index(cells, struct raw_cell, k);
			struct cell *cl = &b->cells[k];
			double x = 0, w = 0;

			for (c = 0; c < rc->col && c < ncols; c++)
				x += width[c];
			for (c = rc->col; c < rc->col + rc->span && c < ncols; c++)
				w += width[c];
			cl->x = x;
			cl->width = w;
			cl->head = rc->head;
			cl->scope = rc->scope;
			cl->lang = ts_whole_language(&rc->it);
			ts_take_ids(b->dests, &rc->it);
			/* A left-aligned cell that fits on its lines unwrapped is drawn
			 * from the layout that measured it, shaped once. */
			if (rc->natural != NULL && !rc->numeric && rc->natural_width <= w - 2 * pad &&
			    (rc->it.links == NULL || rc->it.links->len == 0)) {
				cl->t.layout = g_object_ref(rc->natural);
				ts_measure_lines(&cl->t);
			} else {
				ts_make_text(ts, &cl->t, &rc->it, rc->head ? S_CELL_HEAD : S_CELL,
				          w - 2 * pad, rc->numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
			}
			lines[k] = cl->t.heights;
			n_lines[k] = cl->t.n_lines;
		}
		g_ptr_array_add(ts->owned, lines);
		g_ptr_array_add(ts->owned, n_lines);
		g_array_index(ts->items, struct flow_item, ts->items->len - 1).cell_lines = lines;
		g_array_index(ts->items, struct flow_item, ts->items->len - 1).cell_n_lines = n_lines;
	}
	g_free(pref);
	g_free(min);
	g_free(width);
done:
	for (r = 0; r < rows->len; r++) {
		GArray *cells = g_array_index(rows, GArray *, r);

		for (k = 0; k < cells->len; k++)
			ts_inline_clear(&g_array_index(cells, struct raw_cell, k).it);
		g_array_free(cells, TRUE);
	}
	g_array_free(rows, TRUE);
	g_array_free(head_flags, TRUE);
	g_ptr_array_free(trs, TRUE);
}

static void
chart_block(struct ts *ts, const xmlNode *n)
{
	const char *scope = xn_attr(n, "data-scope");
	struct flow_item item = {0};
	struct chart *chart;
	struct block *b;
	char *title = NULL;

	chart = ts->charts != NULL && scope != NULL ? ts->charts(ts->chart_ctx, scope, &title) : NULL;
	if (chart == NULL) {
		g_free(title);
		diag_report(ts->diag, NULL, 0, 0, M_CHART_UNKNOWN_SCOPE, scope ? scope : "");
		ts->failed = true;
		return;
	}
	item.kind = FLOW_FIXED;
	item.space_before = 6;
	item.space_after = 4;
	b = add_block(ts, B_CHART, &item);
	b->chart = chart;
	b->alt = title;
	b->scale = chart->width > ts->body_w ? ts->body_w / chart->width : 1.0;
	b->width = chart->width * b->scale;
	b->x = (ts->body_w - b->width) / 2;
	g_array_index(ts->items, struct flow_item, ts->items->len - 1).height =
		chart->height * b->scale;
}

/* ---- the document walk ---- */

/* Whether heading n heads an index: the next element is a list of class
 * "index" (the handbook's letters over the work products). */
static bool
heads_index(const xmlNode *n)
{
	const xmlNode *next = n->next;

	while (next != NULL && next->type != XML_ELEMENT_NODE)
		next = next->next;
	return next != NULL && xn_is(next, "ul") && ts_has_class(next, "index");
}

/* A cover is one page.  One that would run over (a long title, many lines
 * of particulars) has its title set a step smaller and its spacing closed
 * up, never anything of it left out; one that still does not fit runs on,
 * and the layout check names it. */
static void
fit_cover(struct ts *ts)
{
	struct flow_item *items = (struct flow_item *)(void *)ts->items->data;
	size_t i, n = ts->cover_items;

	if (flow_stack_height(items, n) <= ts->body_h)
		return;
	for (i = 0; i < n; i++) {
		struct block *b = g_ptr_array_index(ts->blocks, i);

		if (b->kind != B_TEXT || b->style != S_COVER_H1 || b->t.layout == NULL)
			continue;
		b->style = S_COVER_H1_LONG;
		pango_layout_set_font_description(b->t.layout, ts->fonts[S_COVER_H1_LONG]);
		ts_remeasure_lines(&b->t);
		items[i].lines = b->t.heights;
		items[i].n_lines = b->t.n_lines;
		items[i].space_before = styles[S_COVER_H1_LONG].space_before;
		items[i].space_after = styles[S_COVER_H1_LONG].space_after;
	}
	flow_tighten(items, n, ts->body_h);
}

static void
block(struct ts *ts, const xmlNode *n, double indent)
{
	static const struct {
		const char *name;
		enum style style;
		bool keep;
	} heads[] = {{"h1", S_H1, true}, {"h2", S_H2, true}, {"h3", S_H3, true},
	             {"h4", S_H4, true}, {"p", S_BODY, false}};
	size_t i;

	note_id(ts, n);
	if (ts_has_class(n, "page-break") && ts->items->len > 0)
		ts->break_pending = true;
	for (i = 0; i < G_N_ELEMENTS(heads); i++) {
		if (xn_is(n, heads[i].name)) {
			enum style st = heads[i].style;

			if (st == S_H1 && ts->cover)
				st = S_COVER_H1;
			if (st == S_BODY && ts_has_class(n, "confidential")) {
				struct inline_text it;

				ts_inline_init(&it);
				ts_put_children(ts, &it, n);
				ts_add_attr(it.attrs, ts_fg_attr(0x8A1C12), 0, (int)it.s->len);
				ts_add_attr(it.attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0,
				               (int)it.s->len);
				add_paragraph(ts, &it, S_BODY, indent, NULL, false, NULL);
				ts_inline_clear(&it);
				return;
			}
			/* An index's letter heads its entries in its column; in the
			 * outline, but the pages it runs over stay the index's in the
			 * running head. */
			ts->in_columns = heads_index(n);
			paragraph(ts, n, st, indent, NULL, heads[i].keep || lead_in(n));
			ts->in_columns = false;
			if (heads_index(n) && ts->blocks->len > 0)
				((struct block *)g_ptr_array_index(ts->blocks, ts->blocks->len - 1))
					->names_pages = false;
			return;
		}
	}
	if (xn_is(n, "ul") || xn_is(n, "ol")) {
		list(ts, n, indent);
	} else if (xn_is(n, "dl")) {
		xn_each(c, n, NULL) {
			note_id(ts, c);
			if (xn_is(c, "dt"))
				paragraph(ts, c, S_H4, indent, NULL, true);
			else
				mixed(ts, c, indent + LIST_INDENT, NULL);
		}
	} else if (xn_is(n, "table")) {
		table(ts, n, indent);
	} else if (xn_is(n, "div") && xn_attr(n, "data-chart") != NULL) {
		chart_block(ts, n);
	} else if (xn_is(n, "figure")) {
		xn_each(c, n, NULL) {
			if (xn_is(c, "figcaption")) {
				/* A caption stays with its figure, above or below it. */
				if (ts->items->len > 0 && c != xn_child(n, NULL))
					g_array_index(ts->items, struct flow_item,
					              ts->items->len - 1).keep_with_next = true;
				paragraph(ts, c, S_SMALL, indent, NULL, c == xn_child(n, NULL));
			} else {
				block(ts, c, indent);
			}
		}
	} else if (xn_is(n, "header") && ts_has_class(n, "cover")) {
		ts->cover = ts->items->len == 0;
		ts->has_cover = ts->cover;
		blocks(ts, n, indent);
		if (ts->has_cover)
			fit_cover(ts);
		ts->cover = false;
		ts->after_cover = ts->has_cover;
	} else if (xn_is(n, "nav") && ts_has_class(n, "toc")) {
		ts->in_toc = true;
		blocks(ts, n, indent);
		ts->in_toc = false;
	} else if (xn_is(n, "blockquote")) {
		blocks(ts, n, indent + LIST_INDENT);
	} else if (xn_is(n, "div") && finding_bar(n) != NONE) {
		size_t first = ts->blocks->len;

		blocks(ts, n, indent + FINDING_INDENT);
		mark_finding(ts, first, finding_bar(n), indent);
	} else {
		blocks(ts, n, indent);
	}
}

static void
blocks(struct ts *ts, const xmlNode *parent, double indent)
{
	for (const xmlNode *c = parent->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && is_block(c)) {
			block(ts, c, indent);
		} else if (c->type == XML_ELEMENT_NODE || c->type == XML_TEXT_NODE) {
			/* Inline content directly in a block container: a paragraph. */
			struct inline_text it;

			ts_inline_init(&it);
			for (; c->next != NULL && !(c->next->type == XML_ELEMENT_NODE && is_block(c->next));
			     c = c->next)
				ts_put_inline(ts, &it, c);
			ts_put_inline(ts, &it, c);
			add_paragraph(ts, &it, S_BODY, indent, NULL, false, NULL);
			ts_inline_clear(&it);
		}
	}
}

static void
collect_ids(GHashTable *ids, const xmlNode *n)
{
	for (const xmlNode *c = n; c != NULL; c = c->next) {
		const char *id;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		id = xn_attr(c, "id");
		if (id != NULL)
			g_hash_table_add(ids, g_strdup(id));
		collect_ids(ids, c->children);
	}
}

bool
ts_add_page_refs(struct ts *ts, GHashTable *pages)
{
	bool any = false;
	size_t i;

	for (i = 0; i < ts->blocks->len; i++) {
		struct block *b = g_ptr_array_index(ts->blocks, i);
		struct flow_item *item = &g_array_index(ts->items, struct flow_item, i);
		struct inline_text it;

		if (b->page_refs == NULL)
			continue;
		ts_inline_init(&it);
		ts->ref_pages = pages;
		ts_put_children(ts, &it, b->page_refs);
		ts->ref_pages = NULL;
		ts_make_text(ts, &b->t, &it, b->style, b->width, PANGO_ALIGN_LEFT);
		ts_inline_clear(&it);
		/* An entry's turnover lines hang under its first, as an index sets
		 * them: where an entry starts shows without a bullet. */
		pango_layout_set_indent(b->t.layout, -(int)(INDEX_HANG * PANGO_SCALE));
		ts_remeasure_lines(&b->t);
		item->lines = b->t.heights;
		item->n_lines = b->t.n_lines;
		any = true;
	}
	return any;
}

void
ts_free_block(struct block *b)
{
	size_t k;

	ts_free_text(&b->t);
	for (k = 0; k < b->n_cells; k++)
		ts_free_text(&b->cells[k].t);
	g_free(b->cells);
	b->cells = NULL;
	b->n_cells = 0;
	chart_free(b->chart);
	b->chart = NULL;
	g_free(b->alt);
	b->alt = NULL;
}

void
ts_destroy_block(gpointer p)
{
	struct block *b = p;

	ts_free_block(b);
	g_free(b->marker);
	g_free(b->toc_target);
	g_free(b->outline_text);
	g_ptr_array_free(b->dests, TRUE);
	g_free(b);
}

void
ts_build(struct ts *ts, const xmlNode *body)
{
	struct block *last;
	size_t i;

	collect_ids(ts->ids, body);
	blocks(ts, body, 0);
	if (ts->failed || ts->pending->len == 0 || ts->blocks->len == 0)
		return;
	/* Ids after the last block anchor on it. */
	last = g_ptr_array_index(ts->blocks, ts->blocks->len - 1);
	for (i = 0; i < ts->pending->len; i++)
		g_ptr_array_add(last->dests, g_strdup(g_ptr_array_index(ts->pending, i)));
}
