/* Charts drawn with cairo and pango: into PDF pages, PNG images and PDF files. */
#include "render/chart_cairo.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "render/fonts.h"
#include "render/pdf.h"

#define CHART_FONT "DejaVu Sans"

static void
set_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
	                     (rgb & 0xFF) / 255.0);
}

static void
stroke(cairo_t *cr, const struct chart_style *st)
{
	static const double dash[] = {2, 1.5};

	if (st->stroke == CHART_NONE)
		return;
	set_rgb(cr, st->stroke);
	cairo_set_line_width(cr, st->stroke_width);
	cairo_set_dash(cr, dash, st->dashed ? 2 : 0, 0);
	cairo_stroke(cr);
}

static void
draw_text(cairo_t *cr, PangoLayout *layout, const struct chart_shape *s,
          const struct chart_style *st)
{
	PangoFontDescription *font = pango_font_description_new();
	PangoRectangle logical;
	double x = s->x;

	pango_font_description_set_family(font, CHART_FONT);
	pango_font_description_set_absolute_size(font, st->font_size * PANGO_SCALE);
	pango_layout_set_font_description(layout, font);
	pango_font_description_free(font);
	/* Labels are our own or ids checked by the schema; set_text, never markup. */
	fonts_layout_set_text(layout, s->text, -1, NULL);
	pango_layout_get_extents(layout, NULL, &logical);
	if (s->anchor == CHART_MIDDLE)
		x -= logical.width / (2.0 * PANGO_SCALE);
	else if (s->anchor == CHART_END)
		x -= (double)logical.width / PANGO_SCALE;
	set_rgb(cr, st->fill);
	cairo_move_to(cr, x, s->y - (double)pango_layout_get_baseline(layout) / PANGO_SCALE);
	pango_cairo_show_layout(cr, layout);
}

void
chart_cairo_draw(const struct chart *c, cairo_t *cr)
{
	PangoLayout *layout;
	size_t i;

	cairo_save(cr);
	layout = pango_cairo_create_layout(cr);
	pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
	pango_context_set_round_glyph_positions(pango_layout_get_context(layout), FALSE);
	pango_layout_context_changed(layout);
	for (i = 0; i < c->n_shapes; i++) {
		const struct chart_shape *s = &c->shapes[i];
		const struct chart_style *st = chart_style(s->role);

		switch (s->kind) {
		case CHART_RECT:
			cairo_rectangle(cr, s->x, s->y, s->w, s->h);
			if (st->fill != CHART_NONE) {
				set_rgb(cr, st->fill);
				if (st->stroke != CHART_NONE)
					cairo_fill_preserve(cr);
				else
					cairo_fill(cr);
			}
			stroke(cr, st);
			cairo_new_path(cr);
			break;
		case CHART_LINE:
			cairo_move_to(cr, s->x, s->y);
			cairo_line_to(cr, s->x + s->w, s->y + s->h);
			stroke(cr, st);
			break;
		default:
			draw_text(cr, layout, s, st);
			break;
		}
	}
	g_object_unref(layout);
	cairo_restore(cr);
}

cairo_status_t
chart_cairo_png(const struct chart *c, double scale, cairo_write_func_t write, void *closure)
{
	cairo_surface_t *surface;
	cairo_status_t status;
	cairo_t *cr;

	surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(c->width * scale + 0.5),
	                                     (int)(c->height * scale + 0.5));
	cr = cairo_create(surface);
	cairo_scale(cr, scale, scale);
	chart_cairo_draw(c, cr);
	cairo_destroy(cr);
	status = cairo_surface_write_to_png_stream(surface, write, closure);
	cairo_surface_destroy(surface);
	return status;
}

bool
chart_write_png(const struct chart *c, double scale, struct output *o, struct diag *d)
{
	return pdf_commit_status(chart_cairo_png(c, scale, pdf_write_output, o), o, d);
}

bool
chart_write_pdf(const struct chart *c, const char *title, struct output *o, struct diag *d)
{
	cairo_surface_t *surface = pdf_surface_new(o, c->width, c->height);
	cairo_t *cr;

	pdf_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
	cr = cairo_create(surface);
	chart_cairo_draw(c, cr);
	cairo_show_page(cr);
	cairo_destroy(cr);
	return pdf_surface_close(surface, o, d);
}
