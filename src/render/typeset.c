/* The PDF typesetter: a product document laid out with pango, paginated by the flow module and drawn with cairo. */
#include "render/typeset_parts.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "load/lang.h"
#include "load/xmlnode.h"
#include "render/page_marks.h"
#include "render/pdf.h"

static const struct {
	double width, height;
} papers[] = {{595.28, 841.89}, {612.0, 792.0}};

static const char *
head_meta(const xmlNode *head, const char *name)
{
	xn_each(m, head, "meta") {
		const char *n = xn_attr(m, "name");

		if (n != NULL && strcmp(n, name) == 0)
			return xn_attr(m, "content");
	}
	return NULL;
}

static void
outline(struct ts *ts, cairo_surface_t *surface)
{
	int parent = CAIRO_PDF_OUTLINE_ROOT;
	size_t i;

	for (i = 0; i < ts->blocks->len; i++) {
		struct block *b = g_ptr_array_index(ts->blocks, i);
		char *link;
		int id;

		if (b->outline_level == 0 || b->dests->len == 0)
			continue;
		link = g_strdup_printf("dest='%s'", (char *)g_ptr_array_index(b->dests, 0));
		id = cairo_pdf_surface_add_outline(surface,
		                                   b->outline_level == 2 ? CAIRO_PDF_OUTLINE_ROOT
		                                                         : parent,
		                                   b->outline_text, link, 0);
		if (b->outline_level == 2)
			parent = id;
		g_free(link);
	}
}

/* The page of every destination (the first page its block is on), for the
 * contents and the index: id (borrowed) -> page number. */
static GHashTable *
page_table(struct ts *ts, const struct flow_layout *layout)
{
	GHashTable *pages = g_hash_table_new(g_str_hash, g_str_equal);
	size_t piece, k;

	for (piece = layout->n_pieces; piece-- > 0;) {
		const struct flow_piece *p = &layout->pieces[piece];
		struct block *b = g_ptr_array_index(ts->blocks, p->item);

		for (k = 0; k < b->dests->len; k++)
			g_hash_table_insert(pages, g_ptr_array_index(b->dests, k),
			                    GINT_TO_POINTER((int)p->page + 1));
	}
	return pages;
}

struct typesetter *
typeset_new(void)
{
	return g_new0(struct typesetter, 1);
}

void
typeset_free(struct typesetter *t)
{
	if (t == NULL)
		return;
	ts_fonts_release(t);
	g_free(t);
}

bool
typeset_render(struct typesetter *t, xmlDoc *doc, enum typeset_paper paper, chart_maker charts,
               void *ctx, struct output *o, struct diag *d)
{
	struct ts ts = {0};
	xmlNode *root = xmlDocGetRootElement(doc);
	xmlNode *head = xn_child(root, "head"), *body = xn_child(root, "body");
	struct flow_layout *layout = NULL;
	cairo_surface_t *surface = NULL;
	cairo_t *cr = NULL;
	GHashTable *pages = NULL;
	char *title = NULL, *marking = NULL, *version = NULL, *raw;
	struct furniture furniture;
	const char *chapter = NULL; /* borrowed from its block */
	const char *group;          /* the open "Table" or "L" element, or NULL */
	int group_id = -1;
	size_t i, k, piece;
	bool ok = false, committed = false;

	if (body == NULL) {
		diag_report(d, NULL, 0, 0, M_NO_BODY);
		output_abort(o);
		return false;
	}
	ts.diag = d;
	ts.charts = charts;
	ts.chart_ctx = ctx;
	ts.page_w = papers[paper].width;
	ts.page_h = papers[paper].height;
	ts.body_w = ts.page_w - 2 * MARGIN_X;
	ts.body_h = ts.page_h - MARGIN_TOP - MARGIN_BOTTOM;
	ts.pango = ts_fonts_context(t);
	/* The document's language, never the locale's: the same bytes anywhere
	 * (the same as the context's own for every template). */
	pango_context_set_language(ts.pango, pango_language_from_string(xn_attr(root, "lang")));
	ts_fonts_describe(ts.fonts);
	ts.items = g_array_new(FALSE, FALSE, sizeof(struct flow_item));
	ts.blocks = g_ptr_array_new_with_free_func(ts_destroy_block);
	ts.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ts.widths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, ts_free_measured);
	ts.small = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
	ts.pending = g_ptr_array_new_with_free_func(g_free);
	ts.owned = g_ptr_array_new_with_free_func(g_free);
	ts_build(&ts, body);
	if (ts.failed)
		goto done;
	layout = flow_paginate((struct flow_item *)(void *)ts.items->data, ts.items->len, ts.body_h);

	/* Index entries give their references' pages: laid out once pages
	 * are known (they had no lines until then), which moves only what
	 * follows them (the index comes after what it refers to). */
	pages = page_table(&ts, layout);
	if (ts_add_page_refs(&ts, pages)) {
		g_hash_table_destroy(pages);
		flow_layout_free(layout);
		layout = flow_paginate((struct flow_item *)(void *)ts.items->data, ts.items->len,
		                       ts.body_h);
		pages = page_table(&ts, layout);
	}
	/* The last piece of each block, to free its layouts once drawn. */
	for (piece = layout->n_pieces; piece-- > 0;) {
		struct block *b = g_ptr_array_index(ts.blocks, layout->pieces[piece].item);

		if (b->last_piece == 0)
			b->last_piece = piece + 1;
	}

	/* cairo writes into memory; pdf_access completes its tags after it. */
	ts.access = pdf_access_new(xn_attr(root, "lang"));
	surface = pdf_access_surface(ts.access, ts.page_w, ts.page_h);
	/* Text from the document goes through pdf_text: cairo refuses some. */
	raw = xn_text(xn_child(head, "title"));
	title = pdf_text(raw);
	g_free(raw);
	if (head_meta(head, "confidentiality") != NULL)
		marking = pdf_text(head_meta(head, "confidentiality"));
	pdf_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	if (head_meta(head, "author") != NULL)
		pdf_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, head_meta(head, "author"));
	if (head_meta(head, "description") != NULL)
		pdf_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, head_meta(head, "description"));
	/* A draft says so on every page and in its keywords (its title says so
	 * already); the version goes into the footer.  Both come from the
	 * document's <meta name="document-status|document-version">. */
	if (head_meta(head, "document-version") != NULL)
		version = pdf_text(head_meta(head, "document-version"));
	/* The running head quotes the appraisal: in the language of what it quotes. */
	furniture = (struct furniture){
		.title = title, .title_lang = lang_quoted(body, title),
		.marking = marking, .marking_lang = lang_quoted(body, marking),
		.version = version,
		.draft = page_marks_is_draft(head_meta(head, "document-status")),
	};
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS,
	                               furniture.draft ? "SSE-CMM, ISO/IEC 21827, security engineering, "
	                                       "capability, draft"
	                                     : "SSE-CMM, ISO/IEC 21827, security engineering, "
	                                       "capability");
	if (head_meta(head, "generator") != NULL)
		pdf_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, head_meta(head, "generator"));
	cr = cairo_create(surface);
	/* cairo 1.16 leaves a reserved object unwritten, and the file damaged,
	 * when links exist outside any structure element: one Document element
	 * around everything (which also makes the file a tagged PDF). */
	cairo_tag_begin(cr, "Document", NULL);

	piece = 0;
	for (i = 0; i < layout->n_pages; i++) {
		bool cover_page = ts.has_cover && i == 0;
		char footer[64];

		/* The running head names the first section (h2 or h3: a process
		 * area in the handbook; an index's letters are no section of their
		 * own) that starts on the page, or else the one
		 * running on from the pages before. */
		for (k = piece; k < layout->n_pieces && layout->pieces[k].page == i; k++) {
			struct block *b = g_ptr_array_index(ts.blocks, layout->pieces[k].item);

			if (b->names_pages && !layout->pieces[k].repeated &&
			    (k == 0 || layout->pieces[k - 1].item != layout->pieces[k].item)) {
				chapter = b->outline_text;
				break;
			}
		}
		if (furniture.draft)
			page_marks_draft(cr, ts.pango, ts.page_w, ts.page_h);
		if (!cover_page)
			ts_draw_furniture(&ts, cr, &furniture, chapter, i + 1, layout->n_pages);
		/* A section that starts lower on this page is in force at the next. */
		for (; k < layout->n_pieces && layout->pieces[k].page == i; k++) {
			struct block *b = g_ptr_array_index(ts.blocks, layout->pieces[k].item);

			if (b->names_pages && !layout->pieces[k].repeated)
				chapter = b->outline_text;
		}
		group = NULL;
		for (; piece < layout->n_pieces && layout->pieces[piece].page == i; piece++) {
			const struct flow_piece *p = &layout->pieces[piece];
			struct block *b = g_ptr_array_index(ts.blocks, p->item);
			bool first = piece == 0 || layout->pieces[piece - 1].item != p->item;
			int id = -1;
			const char *g = ts_group_of(b, &id);

			/* Tables and lists group their rows and items, a group on each
			 * page they run over: no element spans a page break. */
			if (group != NULL && (g != group || id != group_id)) {
				cairo_tag_end(cr, group);
				group = NULL;
			}
			if (g != NULL && group == NULL) {
				cairo_tag_begin(cr, g, NULL);
				group = g;
				group_id = id;
			}
			ts_draw_piece(&ts, cr, b, p, pages, first && !p->repeated);
			/* Streamed: a block's layouts go once its last piece is drawn. */
			if (piece + 1 == b->last_piece)
				ts_free_block(b);
		}
		if (group != NULL)
			cairo_tag_end(cr, group);
		/* Page labels as the footer numbers them: a reader's "go to page 12"
		 * lands on the page that says "Page 12". */
		snprintf(footer, sizeof footer, "%zu", i + 1);
		cairo_pdf_surface_set_page_label(surface, cover_page ? "Cover" : footer);
		cairo_show_page(cr);
	}
	cairo_tag_end(cr, "Document");
	outline(&ts, surface);
	/* cairo stops drawing at its first error and says so only here: a
	 * document it could not draw whole is never written.  (A failed write
	 * shows here too; pdf_access_close reports that one as a file error.) */
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS &&
	    cairo_status(cr) != CAIRO_STATUS_WRITE_ERROR) {
		diag_report(d, output_path(o), 0, 0, M_CANNOT_DRAW,
		            cairo_status_to_string(cairo_status(cr)));
		goto done;
	}
	cairo_destroy(cr);
	cr = NULL;
	ok = pdf_access_close(ts.access, surface, o, d);
	surface = NULL;
	committed = true;
done:
	if (cr != NULL)
		cairo_destroy(cr);
	if (surface != NULL)
		cairo_surface_destroy(surface);
	pdf_access_free(ts.access);
	g_free(title);
	g_free(marking);
	g_free(version);
	if (pages != NULL)
		g_hash_table_destroy(pages);
	flow_layout_free(layout);
	ts_draw_furniture_done(&ts);
	g_ptr_array_free(ts.owned, TRUE);
	g_ptr_array_free(ts.blocks, TRUE);
	g_array_free(ts.items, TRUE);
	g_hash_table_destroy(ts.ids);
	g_hash_table_destroy(ts.widths);
	g_hash_table_destroy(ts.small);
	g_ptr_array_free(ts.pending, TRUE);
	for (i = 0; i < S_STYLES; i++)
		pango_font_description_free(ts.fonts[i]);
	g_object_unref(ts.pango);
	if (!committed)
		output_abort(o);
	return ok;
}
