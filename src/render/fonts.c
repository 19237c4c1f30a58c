/* Text in any script: the font of each script and language, and the warning for characters no installed font has. */
#include "render/fonts.h"

#include <string.h>

#include <fontconfig/fontconfig.h>
#include <glib.h>

/* ---- the face of each script and language ---- */

/* Han characters take different forms in Chinese as written in the
 * mainland (simplified), in Taiwan and Macao, in Hong Kong, in Japan and in
 * Korea: the Noto Sans CJK face of each region draws its own forms, and the
 * language of the run selects the matching OpenType forms too.  Latin,
 * Greek, Cyrillic, Arabic and Hebrew need no entry: DejaVu Sans, the
 * typesetter's face, covers them. */
static const struct {
	const char *prefix;   /* a BCP 47 tag, or its start up to a '-' */
	const char *family;
	const char *lang;     /* the language given to pango for the run */
} cjk_faces[] = {
	{"zh-hant", "Noto Sans CJK TC", "zh-tw"},
	{"zh-tw", "Noto Sans CJK TC", "zh-tw"},
	{"zh-mo", "Noto Sans CJK TC", "zh-tw"},
	{"zh-hk", "Noto Sans CJK HK", "zh-hk"},
	{"zh", "Noto Sans CJK SC", "zh-cn"},
	{"ja", "Noto Sans CJK JP", "ja"},
	{"ko", "Noto Sans CJK KR", "ko"},
};

/* Whether tag is prefix or starts with prefix and a '-', ignoring case. */
static bool
tag_has_prefix(const char *tag, const char *prefix)
{
	size_t n = strlen(prefix);

	return g_ascii_strncasecmp(tag, prefix, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

/* The entry of cjk_faces for a run in language lang holding kana or
 * Hangul.  Han text in no CJK language (or none at all) is taken as
 * simplified Chinese unless kana make it Japanese or Hangul Korean: a
 * document must say zh-Hant, ja or ko to get those forms for Han alone. */
static size_t
cjk_face(const char *lang, bool kana, bool hangul)
{
	size_t i;

	for (i = 0; lang != NULL && i < G_N_ELEMENTS(cjk_faces); i++)
		if (tag_has_prefix(lang, cjk_faces[i].prefix))
			return i;
	for (i = 0; i < G_N_ELEMENTS(cjk_faces); i++)
		if (strcmp(cjk_faces[i].prefix, kana ? "ja" : hangul ? "ko" : "zh") == 0)
			break;
	return i;
}

const char *
fonts_cjk_family(const char *lang, bool kana, bool hangul)
{
	return cjk_faces[cjk_face(lang, kana, hangul)].family;
}

void
fonts_mark_language(PangoAttrList *attrs, const char *lang, int start, int end)
{
	PangoAttribute *a;

	if (lang == NULL || *lang == '\0' || start >= end)
		return;
	a = pango_attr_language_new(pango_language_from_string(lang));
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
}

/* Whether c belongs to a CJK run: Han, kana, Hangul, Bopomofo, and the
 * punctuation, symbols and full-width forms made for them. */
static bool
is_cjk(gunichar c)
{
	if (c < 0x1100)
		return false;  /* below Hangul Jamo: the common case, without a look-up */
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_HAN:
	case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA:
	case G_UNICODE_SCRIPT_HANGUL:
	case G_UNICODE_SCRIPT_BOPOMOFO:
		return true;
	default:
		return (c >= 0x2E80 && c <= 0x33FF) || (c >= 0xFE30 && c <= 0xFE4F) ||
		       (c >= 0xFF00 && c <= 0xFFEF);
	}
}

/* The language marked at byte i of a layout's text: the innermost
 * (last inserted) language attribute covering it. */
static const char *
language_at(GSList *marks, int i)
{
	const char *lang = NULL;

	for (GSList *m = marks; m != NULL; m = m->next) {
		PangoAttribute *a = m->data;

		if (a->klass->type == PANGO_ATTR_LANGUAGE && a->start_index <= (guint)i &&
		    (guint)i < a->end_index)
			lang = pango_language_to_string(((PangoAttrLanguage *)a)->value);
	}
	return lang;
}

/* Add the face and language of the CJK run [start, end) of text. */
static void
mark_cjk_run(PangoAttrList *attrs, GSList *marks, const char *text, int start, int end,
             const char *doc_lang)
{
	const char *lang = language_at(marks, start);
	bool kana = false, hangul = false;
	PangoAttribute *a;
	size_t face;

	for (const char *p = text + start; p < text + end; p = g_utf8_next_char(p)) {
		GUnicodeScript s = g_unichar_get_script(g_utf8_get_char(p));

		kana = kana || s == G_UNICODE_SCRIPT_HIRAGANA || s == G_UNICODE_SCRIPT_KATAKANA;
		hangul = hangul || s == G_UNICODE_SCRIPT_HANGUL;
	}
	face = cjk_face(lang != NULL ? lang : doc_lang, kana, hangul);
	/* Inserted after every other attribute and starting no earlier: these
	 * win over a code span's monospaced face, which has no CJK glyphs. */
	a = pango_attr_family_new(cjk_faces[face].family);
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
	fonts_mark_language(attrs, cjk_faces[face].lang, start, end);
}

void
fonts_layout_set_text(PangoLayout *l, const char *text, int len, PangoAttrList *attrs)
{
	PangoAttrList *all = NULL;
	GSList *marks = NULL;
	int start = -1, i;

	if (len < 0)
		len = (int)strlen(text);
	pango_layout_set_text(l, text, len);
	for (i = 0; i <= len; i = (int)(g_utf8_next_char(text + i) - text)) {
		bool cjk = i < len && is_cjk(g_utf8_get_char(text + i));

		if (cjk && start < 0) {
			start = i;
			continue;
		}
		if (cjk || start < 0)
			continue;
		if (all == NULL) {
			all = attrs != NULL ? pango_attr_list_copy(attrs) : pango_attr_list_new();
			marks = attrs != NULL ? pango_attr_list_get_attributes(attrs) : NULL;
		}
		mark_cjk_run(all, marks, text, start, i,
		             pango_language_to_string(pango_context_get_language(
		                     pango_layout_get_context(l))));
		start = -1;
		if (i == len)
			break;
	}
	if (all == NULL) {
		pango_layout_set_attributes(l, attrs);
		return;
	}
	g_slist_free_full(marks, (GDestroyNotify)pango_attribute_destroy);
	pango_layout_set_attributes(l, all);
	pango_attr_list_unref(all);
}

void
fonts_layout_set_text_in(PangoLayout *l, const char *text, const char *lang)
{
	PangoAttrList *attrs = pango_attr_list_new();

	fonts_mark_language(attrs, lang, 0, (int)strlen(text));
	fonts_layout_set_text(l, text, -1, attrs);
	pango_attr_list_unref(attrs);
}

/* ---- characters no font has ---- */

/* Characters already warned about, so that each is reported once a
 * process, whether the input check or the typesetter found it first. */
static GHashTable *warned;

/* Whether c is drawn at all: controls, format characters (bidirectional
 * marks and isolates, zero-width spaces and joiners) and spaces have no
 * glyph to miss. */
static bool
is_visible(gunichar c)
{
	switch (g_unichar_type(c)) {
	case G_UNICODE_CONTROL:
	case G_UNICODE_FORMAT:
	case G_UNICODE_SURROGATE:
	case G_UNICODE_SPACE_SEPARATOR:
	case G_UNICODE_LINE_SEPARATOR:
	case G_UNICODE_PARAGRAPH_SEPARATOR:
		return false;
	default:
		return !g_unichar_iszerowidth(c);
	}
}

/* Warn about c at file:line (file may be NULL) unless already done. */
static void
warn_missing(struct diag *d, gunichar c, const char *file, long line)
{
	guint32 tag = g_unicode_script_to_iso15924(g_unichar_get_script(c));
	char utf8[8] = "";

	if (warned == NULL)
		warned = g_hash_table_new(NULL, NULL);
	if (!g_hash_table_add(warned, GUINT_TO_POINTER(c)))
		return;
	if (g_unichar_isprint(c))
		utf8[g_unichar_to_utf8(c, utf8)] = '\0';
	diag_report(d, file, line, 0, M_NO_FONT_FOR_CHARACTER, (unsigned)c, utf8,
	            *utf8 != '\0' ? ", " : "", (char)(tag >> 24), (char)(tag >> 16),
	            (char)(tag >> 8), (char)tag);
}

unsigned
fonts_check_layout(PangoLayout *l, struct diag *d)
{
	unsigned unknown = 0;

	for (GSList *ln = pango_layout_get_lines_readonly(l); ln != NULL; ln = ln->next) {
		for (GSList *r = ((PangoLayoutLine *)ln->data)->runs; r != NULL; r = r->next) {
			PangoGlyphString *g = ((PangoGlyphItem *)r->data)->glyphs;

			for (int i = 0; i < g->num_glyphs; i++) {
				PangoGlyph glyph = g->glyphs[i].glyph;

				/* pango's unknown glyph is the character ORed with the flag. */
				if (glyph == PANGO_GLYPH_EMPTY || !(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
					continue;
				if (!is_visible(glyph & ~PANGO_GLYPH_UNKNOWN_FLAG))
					continue;
				unknown++;
				warn_missing(d, glyph & ~PANGO_GLYPH_UNKNOWN_FLAG, NULL, 0);
			}
		}
	}
	return unknown;
}

/* What the installed fonts cover: the union of every font's characters,
 * and per character already looked up whether it is covered. */
struct coverage {
	FcCharSet *all;
	GHashTable *seen;   /* character -> covered (1) or not (2) */
};

static bool
covered(struct coverage *cov, gunichar c)
{
	gpointer known;

	if (c < 0x80)
		return true;  /* ASCII: DejaVu, the typesetter's own face */
	known = g_hash_table_lookup(cov->seen, GUINT_TO_POINTER(c));
	if (known != NULL)
		return GPOINTER_TO_UINT(known) == 1;
	if (cov->all == NULL) {
		FcFontSet *set = FcConfigGetFonts(FcConfigGetCurrent(), FcSetSystem);

		cov->all = FcCharSetCreate();
		for (int i = 0; set != NULL && i < set->nfont; i++) {
			FcCharSet *cs;

			if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
				FcCharSetMerge(cov->all, cs, NULL);
		}
	}
	known = GUINT_TO_POINTER(FcCharSetHasChar(cov->all, c) ? 1 : 2);
	g_hash_table_insert(cov->seen, GUINT_TO_POINTER(c), known);
	return GPOINTER_TO_UINT(known) == 1;
}

/* Check the characters of text, which starts at line of file. */
static void
check_text(struct coverage *cov, const char *text, const char *file, long line,
           struct diag *d)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c == '\n')
			line += line > 0;
		else if (!covered(cov, c) && is_visible(c))
			warn_missing(d, c, file, line);
	}
}

static void
check_node(struct coverage *cov, const xmlNode *n, const char *file, struct diag *d)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			/* libxml2 gives a text node the line where its first chunk
			 * of characters ended; an element's text starts on the line of
			 * the element's start tag (in these formats, one line). */
			long line = n->prev == NULL && n->parent != NULL &&
			            n->parent->type == XML_ELEMENT_NODE ? xmlGetLineNo(n->parent)
			                                                : xmlGetLineNo(n);

			check_text(cov, (const char *)n->content, file, line, d);
		} else if (n->type == XML_ELEMENT_NODE) {
			for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
				if (a->children != NULL && a->children->content != NULL)
					check_text(cov, (const char *)a->children->content, file,
					           xmlGetLineNo(n), d);
			check_node(cov, n->children, file, d);
		}
	}
}

void
fonts_check_document(const xmlDoc *doc, const char *file, struct diag *d)
{
	struct coverage cov = {NULL, g_hash_table_new(NULL, NULL)};

	check_node(&cov, doc->children, file, d);
	if (cov.all != NULL)
		FcCharSetDestroy(cov.all);
	g_hash_table_destroy(cov.seen);
}
