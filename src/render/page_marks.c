/* Marks a page carries because of the document's status: DRAFT across every page of a draft. */
#include "render/page_marks.h"

#include <string.h>

#include <pango/pangocairo.h>

bool
page_marks_is_draft(const char *status)
{
	return status != NULL && strcmp(status, "draft") == 0;
}

void
page_marks_draft(cairo_t *cr, PangoContext *pango, double page_w, double page_h)
{
	PangoLayout *l = pango_layout_new(pango);
	PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans Bold 110");
	PangoRectangle ink;
	/* Rising at 45 degrees, the corner-to-corner slope of a page near enough. */
	cairo_matrix_t rise;

	cairo_matrix_init(&rise, 0.70710678, -0.70710678, 0.70710678, 0.70710678, page_w / 2,
	                  page_h / 2);

	pango_layout_set_font_description(l, font);
	pango_layout_set_text(l, "DRAFT", -1);
	pango_layout_get_pixel_extents(l, &ink, NULL);
	cairo_save(cr);
	cairo_transform(cr, &rise);
	/* Faint enough to read the page through, in the marking's red. */
	cairo_set_source_rgba(cr, 0x8A / 255.0, 0x1C / 255.0, 0x12 / 255.0, 0.10);
	cairo_move_to(cr, -ink.x - ink.width / 2.0, -ink.y - ink.height / 2.0);
	pango_cairo_show_layout(cr, l);
	cairo_restore(cr);
	pango_font_description_free(font);
	g_object_unref(l);
}
