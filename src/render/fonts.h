/* Text in any script: the font of each script and language, and the warning for characters no installed font has. */
#ifndef SSECMM_FONTS_H
#define SSECMM_FONTS_H

#include <libxml/tree.h>
#include <pango/pango.h>

#include "diag.h"

/* The family that draws Han, kana, Hangul and CJK punctuation in text of
 * language lang (a BCP 47 tag, or NULL when unknown), for a run that holds
 * kana (kana) or Hangul (hangul).  A static string. */
const char *fonts_cjk_family(const char *lang, bool kana, bool hangul);

/* Mark bytes [start, end) of a layout's text as written in language lang
 * (a BCP 47 tag; ignored when NULL or empty). */
void fonts_mark_language(PangoAttrList *attrs, const char *lang, int start, int end);

/* Set the text of l (len bytes, or -1 up to the NUL) with attrs (may be
 * NULL; not modified), adding the face and language of every run of CJK
 * characters: the language marked there by fonts_mark_language, or else the
 * one its characters suggest.  Other scripts keep the layout's font, DejaVu,
 * and its fallback (DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and
 * Hebrew), so no CJK font is ever loaded for text without CJK characters. */
void fonts_layout_set_text(PangoLayout *l, const char *text, int len, PangoAttrList *attrs);

/* Set the text of l, all of it in language lang (may be NULL). */
void fonts_layout_set_text_in(PangoLayout *l, const char *text, const char *lang);

/* Warn, once per character and process, about every character of l that
 * pango draws as an unknown-glyph box, with no location (the input check
 * below has already located those of the inputs).  The number of such
 * glyphs. */
unsigned fonts_check_layout(PangoLayout *l, struct diag *d);

/* Warn, once per character and process, about every visible character of
 * the text and attribute values of doc that no installed font has, at the
 * line of its first occurrence in file. */
void fonts_check_document(const xmlDoc *doc, const char *file, struct diag *d);

#endif
