/* The typesetter's inline text: XHTML inline content into one pango text with attributes, links and ids. */
#include "render/typeset_parts.h"

#include <string.h>

#include "load/xmlnode.h"
#include "render/fonts.h"

/* Colours of rating, level and gap badges: the style sheet's.  A badge with
 * a background is a chip, padded on either side as the HTML pads it. */
static const struct {
	const char *cls;
	unsigned bg, fg;
	bool bold, italic;
} badges[] = {
	{"rating-F", 0xD1F0D9, 0x0B4A1D, true, false}, {"rating-L", 0xE3F2C8, 0x34520B, true, false},
	{"rating-P", 0xFFF1C2, 0x6B4E00, true, false}, {"rating-N", 0xFFD9D6, 0x8A1C12, true, false},
	{"rating-NA", 0xE8EAED, 0x3C4043, true, false},
	{"rating-unrated", NONE, 0x57606A, false, true},
	{"level-0", 0xDCE6F2, 0x1F2328, true, false}, {"level-1", 0xB3CDE8, 0x1F2328, true, false},
	{"level-2", 0x7FAAD6, 0x0B1F33, true, false}, {"level-3", 0x4A86C5, 0x04101C, true, false},
	{"level-4", 0x2462A6, 0xFFFFFF, true, false}, {"level-5", 0x0F3C73, 0xFFFFFF, true, false},
	{"level-na", NONE, 0x57606A, false, true}, {"level-out", NONE, 0x57606A, false, true},
	{"gap-meets", NONE, 0x0B4A1D, true, false}, {"gap-short", NONE, 0x8A1C12, true, false},
	{"gap-not-appraised", NONE, 0x6B4E00, true, false},
	{"confidential", NONE, 0x8A1C12, true, false},
};

#define CHIP_PAD "\xE2\x80\x82" /* an en space each side: the style sheet's padding and minimum width */

/* Whether n is a chip: a badge with a background. */
static bool
is_chip(const xmlNode *n)
{
	size_t b;

	for (b = 0; b < G_N_ELEMENTS(badges); b++)
		if (badges[b].bg != NONE && ts_has_class(n, badges[b].cls))
			return true;
	return false;
}


void
ts_add_attr(PangoAttrList *attrs, PangoAttribute *a, int start, int end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(attrs, a);
}

PangoAttribute *
ts_fg_attr(unsigned rgb)
{
	return pango_attr_foreground_new((guint16)(((rgb >> 16) & 0xFF) * 257),
	                                 (guint16)(((rgb >> 8) & 0xFF) * 257),
	                                 (guint16)((rgb & 0xFF) * 257));
}

static PangoAttribute *
bg_attr(unsigned rgb)
{
	return pango_attr_background_new((guint16)(((rgb >> 16) & 0xFF) * 257),
	                                 (guint16)(((rgb >> 8) & 0xFF) * 257),
	                                 (guint16)((rgb & 0xFF) * 257));
}

/* Whether a name goes on from p, after a separator, for long enough to
 * stand on a line of its own: a letter or digit, and four characters
 * before the next space (a file's extension never goes alone). */
static bool
name_goes_on(const char *p)
{
	int n = 0;

	if (!g_unichar_isalnum(g_utf8_get_char(p)))
		return false;
	for (; *p != '\0' && n < 4; p = g_utf8_next_char(p), n++)
		if (g_unichar_isspace(g_utf8_get_char(p)))
			break;
	return n >= 4;
}

/* A short id (BP.01.01, HL27-F06, PA1.1: fewer than NAME_RUN characters
 * between spaces, with a digit and a '.', '/', '-' or '_') in the text
 * appended from byte from is never broken: pango would break "BP." from
 * "01.01". */
static void
keep_short_ids_whole(struct inline_text *it, size_t from)
{
	const char *s = it->s->str, *end = s + it->s->len, *p = s + from;

	while (p < end) {
		const char *start;
		size_t chars = 0;
		bool digit = false, separator = false;

		while (p < end && (*p == ' ' || strncmp(p, "\xE2\x80\x8B", 3) == 0))
			p += *p == ' ' ? 1 : 3;
		start = p;
		while (p < end && *p != ' ' && strncmp(p, "\xE2\x80\x8B", 3) != 0) {
			digit = digit || g_ascii_isdigit(*p);
			separator = separator || strchr("./-_", *p) != NULL;
			chars++;
			p = g_utf8_next_char(p);
		}
		if (digit && separator && chars < NAME_RUN && chars > 2)
			ts_add_attr(it->attrs, pango_attr_allow_breaks_new(FALSE), (int)(start - s),
			            (int)(p - s));
	}
}

/* Append text with white space folded as HTML folds it, and a break
 * opportunity (U+200B) offered inside very long runs: pango's
 * word-and-character wrapping is quadratic in the length of a run.  In a
 * run of NAME_RUN characters or more (a file name, a path, a long id), one
 * is offered after each '/', '-', '_' or '.' that more of the name follows
 * (name_goes_on), where such a name reads well broken; a short id
 * (BP.01.01, ISO/IEC) is never broken. */
static void
put_text(struct inline_text *it, const char *text)
{
	size_t from = it->s->len;
	const char *p;

	for (p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (it->s->len > 0)
				it->space = true;
			it->run = 0;
			continue;
		}
		if (it->space) {
			g_string_append_c(it->s, ' ');
			it->space = false;
		}
		if (++it->run > LONG_RUN) {
			g_string_append(it->s, "\xE2\x80\x8B");
			it->run = 1;
		}
		/* Noncharacters are allowed in XML text, but cairo refuses them
		 * and then draws nothing more on the page. */
		if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
			c = 0xFFFD;
		g_string_append_unichar(it->s, c);
		if ((c == '/' || c == '-' || c == '_' || c == '.') && it->run >= NAME_RUN &&
		    name_goes_on(g_utf8_next_char(p))) {
			g_string_append(it->s, "\xE2\x80\x8B");
			it->run = 0;
		}
	}
	keep_short_ids_whole(it, from);
}

/* Close the embeddings, overrides and isolates that the text appended to s
 * since byte `from` opened and did not close, innermost first, so that
 * none reaches past the end of a <bdi> (the HTML writer's browsers do the
 * same for the element). */
static void
close_bidi(GString *s, size_t from)
{
	char open[64];
	size_t depth = 0, k;
	const char *p;

	for (p = s->str + from; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c >= 0x202A && c <= 0x202E && c != 0x202C) {
			if (depth < sizeof open)
				open[depth] = 'E';
			depth++;
		} else if (c >= 0x2066 && c <= 0x2068) {
			if (depth < sizeof open)
				open[depth] = 'I';
			depth++;
		} else if (c == 0x202C && depth > 0 && depth <= sizeof open &&
		           open[depth - 1] == 'E') {
			depth--;
		} else if (c == 0x2069) {
			/* A PDI closes its isolate and whatever was opened inside it. */
			for (k = depth; k > 0 && (k > sizeof open || open[k - 1] != 'I'); k--)
				;
			if (k > 0)
				depth = k - 1;
		}
	}
	for (; depth > 0; depth--)
		g_string_append(s, depth > sizeof open || open[depth - 1] == 'I' ? "\xE2\x81\xA9"
		                                                                : "\xE2\x80\xAC");
}

bool
ts_has_class(const xmlNode *n, const char *cls)
{
	const char *v = xn_attr(n, "class");
	size_t len = strlen(cls);

	while (v != NULL && *v != '\0') {
		if (strncmp(v, cls, len) == 0 && (v[len] == '\0' || v[len] == ' '))
			return true;
		v = strchr(v, ' ');
		if (v != NULL)
			v++;
	}
	return false;
}

/* Whether the text of a <bdi> needs isolating: only a right-to-left
 * character or a bidirectional control can reorder text around it, and the
 * paragraphs around are left-to-right.  (No installed font has the isolate
 * characters, and each one costs pango a fallback font load.)  The ranges
 * are those whose characters Unicode gives the classes R, AL or AN. */
static bool
needs_isolation(const xmlNode *n)
{
	char *text = xn_text(n);
	bool rtl = false;

	for (const char *p = text; !rtl && *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		rtl = (c >= 0x0590 && c <= 0x08FF) || c == 0x200E || c == 0x200F ||
		      (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
		      (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
		      (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF);
	}
	g_free(text);
	return rtl;
}

/* Code from start to the end: the monospaced face, except for zero-width
 * spaces (break opportunities, see put_text), which that face lacks: pango
 * would load a generic fallback font just to measure an invisible box. */
static void
code_attrs(struct inline_text *it, int start)
{
	static const char zwsp[] = "\xE2\x80\x8B";
	const char *p = it->s->str + start;

	ts_add_attr(it->attrs, pango_attr_family_new(MONO), start, (int)it->s->len);
	while ((p = strstr(p, zwsp)) != NULL) {
		int at = (int)(p - it->s->str);

		/* Inserted later and starting later: wins over the code's face. */
		ts_add_attr(it->attrs, pango_attr_family_new(FONT), at, at + 3);
		p += 3;
	}
}

/* A group of a digest's digits: a span in <code class="digest">. */
static bool
is_digest_group(const xmlNode *n)
{
	return xn_is(n, "span") && n->parent != NULL && n->parent->type == XML_ELEMENT_NODE &&
	       xn_is(n->parent, "code") && ts_has_class(n->parent, "digest");
}

void
ts_put_children(struct ts *ts, struct inline_text *it, const xmlNode *n)
{
	int start = (int)it->s->len;

	const char *lang = xn_attr(n, "lang");
	int end;

	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		ts_put_inline(ts, it, c);
	end = (int)it->s->len;
	fonts_mark_language(it->attrs, lang, start, end);
	if (lang == NULL || *lang == '\0' || start == end)
		return;
	/* Inner runs are marked first: a run around the one kept replaces it. */
	if (it->lang == NULL || (start <= it->lang_start && end >= it->lang_end)) {
		it->lang = lang;
		it->lang_start = start;
		it->lang_end = end;
	} else if (end <= it->lang_start || start >= it->lang_end) {
		it->other_lang = true;
	}
}

/* Are the bytes of s in [from, to) only spaces and bidirectional isolates
 * (U+2066-U+2069), which carry no language? */
static bool
only_neutral(const char *s, int from, int to)
{
	int i = from;

	while (i < to) {
		if (s[i] == ' ') {
			i++;
		} else if (i + 3 <= to && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x81 &&
		           (unsigned char)s[i + 2] >= 0xA6 && (unsigned char)s[i + 2] <= 0xA9) {
			i += 3;
		} else {
			return false;
		}
	}
	return true;
}

const char *
ts_whole_language(const struct inline_text *it)
{
	if (it->lang == NULL || it->other_lang || !only_neutral(it->s->str, 0, it->lang_start) ||
	    !only_neutral(it->s->str, it->lang_end, (int)it->s->len))
		return NULL;
	return it->lang;
}

/* Inline content of n into it, with pango attributes for the formatting. */
void
ts_put_inline(struct ts *ts, struct inline_text *it, const xmlNode *n)
{
	int start;
	size_t b;
	bool isolate, chip;
	size_t inside;

	if (n->type == XML_TEXT_NODE) {
		put_text(it, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	if (xn_attr(n, "id") != NULL)
		g_ptr_array_add(it->ids, g_strdup(xn_attr(n, "id")));
	if (xn_is(n, "br")) {
		g_string_append(it->s, "\xE2\x80\xA8"); /* line separator */
		it->space = false;
		it->run = 0;
		return;
	}
	if (it->space && (xn_is(n, "span") || xn_is(n, "abbr")) && xn_attr(n, "class") != NULL) {
		g_string_append_c(it->s, ' ');
		it->space = false;
	}
	if (is_digest_group(n) && xmlPreviousElementSibling((xmlNode *)n) != NULL) {
		/* Between two groups of a digest: the one place its line may
		 * break, and a gap (the HTML's margin). */
		int at = (int)it->s->len;

		g_string_append(it->s, "\xE2\x80\x8B");
		ts_add_attr(it->attrs, pango_attr_letter_spacing_new(DIGEST_GAP * PANGO_SCALE), at,
		            (int)it->s->len);
		it->space = false;
		it->run = 0;
	}
	start = (int)it->s->len;
	chip = is_chip(n);
	if (chip)
		g_string_append(it->s, CHIP_PAD);
	isolate = xn_is(n, "bdi") && needs_isolation(n);
	if (isolate)
		g_string_append(it->s, "\xE2\x81\xA8"); /* first strong isolate */
	inside = it->s->len;
	ts_put_children(ts, it, n);
	if (isolate) {
		close_bidi(it->s, inside);
		g_string_append(it->s, "\xE2\x81\xA9"); /* pop directional isolate */
	}
	if (chip)
		g_string_append(it->s, CHIP_PAD);
	if (xn_is(n, "em"))
		ts_add_attr(it->attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start,
		               (int)it->s->len);
	else if (xn_is(n, "strong"))
		ts_add_attr(it->attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
		               (int)it->s->len);
	else if (xn_is(n, "code"))
		code_attrs(it, start);
	else if (is_digest_group(n))
		ts_add_attr(it->attrs, pango_attr_allow_breaks_new(FALSE), start, (int)it->s->len);
	else if (xn_is(n, "small"))
		ts_add_attr(it->attrs, pango_attr_scale_new(0.85), start, (int)it->s->len);
	else if (xn_is(n, "a")) {
		const char *href = xn_attr(n, "href");

		if (href != NULL && href[0] == '#' && g_hash_table_contains(ts->ids, href + 1)) {
			struct link l = {start, (int)it->s->len, g_strdup(href + 1), false};
			gpointer page = ts->ref_pages != NULL
			                ? g_hash_table_lookup(ts->ref_pages, href + 1) : NULL;

			g_array_append_val(it->links, l);
			ts_add_attr(it->attrs, ts_fg_attr(0x0B5CAD), start, (int)it->s->len);
			/* An index entry's reference: its page after it, the id kept
			 * (the HTML's link). */
			if (page != NULL)
				g_string_append_printf(it->s, " (p.\xC2\xA0%d)", GPOINTER_TO_INT(page));
		} else if (href != NULL && (g_str_has_prefix(href, "./") ||
		                            g_str_has_prefix(href, "../"))) {
			/* The subset's href pattern (percent-encoded segments, no
			 * quote or backslash) makes it safe inside uri='...'. */
			struct link l = {start, (int)it->s->len, g_strdup(href), true};

			g_array_append_val(it->links, l);
			ts_add_attr(it->attrs, ts_fg_attr(0x0B5CAD), start, (int)it->s->len);
		}
	}
	for (b = 0; b < G_N_ELEMENTS(badges); b++) {
		if (!ts_has_class(n, badges[b].cls))
			continue;
		if (badges[b].bg != NONE)
			ts_add_attr(it->attrs, bg_attr(badges[b].bg), start, (int)it->s->len);
		ts_add_attr(it->attrs, ts_fg_attr(badges[b].fg), start, (int)it->s->len);
		if (badges[b].bold)
			ts_add_attr(it->attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start,
			               (int)it->s->len);
		if (badges[b].italic)
			ts_add_attr(it->attrs, pango_attr_style_new(PANGO_STYLE_ITALIC), start,
			            (int)it->s->len);
	}
}

void
ts_inline_init(struct inline_text *it)
{
	it->s = g_string_new(NULL);
	it->attrs = pango_attr_list_new();
	it->links = g_array_new(FALSE, FALSE, sizeof(struct link));
	it->ids = g_ptr_array_new_with_free_func(g_free);
	it->space = false;
	it->run = 0;
	it->lang = NULL;
	it->lang_start = it->lang_end = 0;
	it->other_lang = false;
}

void
ts_free_links(GArray *links)
{
	size_t i;

	if (links == NULL)
		return;
	for (i = 0; i < links->len; i++)
		g_free(g_array_index(links, struct link, i).dest);
	g_array_free(links, TRUE);
}

void
ts_inline_clear(struct inline_text *it)
{
	g_string_free(it->s, TRUE);
	pango_attr_list_unref(it->attrs);
	ts_free_links(it->links);
	g_ptr_array_free(it->ids, TRUE);
}

/* Move the ids of inline elements to the block they are drawn in. */
void
ts_take_ids(GPtrArray *dests, struct inline_text *it)
{
	size_t i;

	for (i = 0; i < it->ids->len; i++)
		g_ptr_array_add(dests, g_strdup(g_ptr_array_index(it->ids, i)));
	g_ptr_array_set_size(it->ids, 0);
}

void
ts_keep_names_whole(struct inline_text *it)
{
	static const char *const names[] = {"ISO/IEC"};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		const char *p = it->s->str;

		while ((p = strstr(p, names[i])) != NULL) {
			int at = (int)(p - it->s->str);

			ts_add_attr(it->attrs, pango_attr_allow_breaks_new(FALSE), at,
			            at + (int)strlen(names[i]));
			p += strlen(names[i]);
		}
	}
}
