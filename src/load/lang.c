/* Languages of text: xml:lang in the inputs, checked, and carried to the product documents as lang. */
#include "load/lang.h"

#include <string.h>

#include <glib.h>

#include "load/xmlnode.h"

#define APPRAISAL_NS "urn:ssecmm:appraisal:1"
#define MODEL_NS "urn:ssecmm:model:1"
#define RESULT_NS "urn:ssecmm:result:1"

/* The attributes that hold text in the input formats (names, affiliations,
 * roles); the others hold identifiers, codes and dates. */
static const char *const text_attributes[] = {"name", "affiliation", "role", "title",
                                               "organization"};

bool
lang_tag_valid(const char *tag)
{
	size_t len = strlen(tag), i = 0, sub;

	if (len == 0 || len > 63)
		return false;
	for (sub = 0; i < len && g_ascii_isalpha(tag[i]); i++, sub++)
		;
	if (sub < 2 || sub > 3)
		return false;
	while (i < len) {
		if (tag[i++] != '-')
			return false;
		for (sub = 0; i < len && g_ascii_isalnum(tag[i]); i++, sub++)
			;
		if (sub < 1 || sub > 8)
			return false;
	}
	return true;
}

/* text with runs of XML white space made one space and the ends trimmed,
 * as normalize-space() gives it to the templates; g_free. */
static char *
collapse_spaces(const char *text)
{
	GString *s = g_string_sized_new(strlen(text));
	bool space = false;

	for (const char *p = text; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = s->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(s, ' ');
		space = false;
		g_string_append_c(s, *p);
	}
	return g_string_free(s, FALSE);
}

/* Whether text has a letter: text without one (numbers, dates, marks)
 * reads the same in any language, and is left unmarked. */
static bool
has_letter(const char *text)
{
	for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
		if (g_unichar_isalpha(g_utf8_get_char(p)))
			return true;
	return false;
}

static bool
in_ns(const xmlNode *n, const char *ns)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, (const xmlChar *)ns);
}

/* Whether the --lang of the command line stands for n's xml:lang: n is the
 * top element of an appraisal, a result's summary of one (<appraisal> in
 * the result namespace), or the model when it is the input itself. */
static bool
overridden(const xmlNode *n, const xmlNode *input_root)
{
	return (in_ns(n, APPRAISAL_NS) && !in_ns(n->parent, APPRAISAL_NS)) ||
	       (in_ns(n, RESULT_NS) && xmlStrEqual(n->name, (const xmlChar *)"appraisal")) ||
	       (n == input_root && in_ns(n, MODEL_NS));
}

static bool
is_text_attribute(const xmlAttr *a)
{
	for (size_t i = 0; i < G_N_ELEMENTS(text_attributes); i++)
		if (a->ns == NULL && xmlStrEqual(a->name, (const xmlChar *)text_attributes[i]))
			return true;
	return false;
}

/* Record in langs (text -> language) every text and text attribute under
 * n, which is in language lang (NULL when unknown). */
static void
collect(GHashTable *langs, const xmlNode *n, const char *lang, const xmlNode *input_root,
        const char *override)
{
	for (; n != NULL; n = n->next) {
		const char *own = lang;
		xmlChar *declared;

		if (n->type == XML_TEXT_NODE && lang != NULL) {
			char *key = collapse_spaces((const char *)n->content);

			if (*key != '\0' && has_letter(key) && !g_hash_table_contains(langs, key))
				g_hash_table_insert(langs, key, g_strdup(lang));
			else
				g_free(key);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		declared = xmlGetNsProp(n, (const xmlChar *)"lang", XML_XML_NAMESPACE);
		if (declared != NULL && lang_tag_valid((const char *)declared))
			own = (const char *)declared;
		if (override != NULL && overridden(n, input_root))
			own = override;
		for (const xmlAttr *a = n->properties; own != NULL && a != NULL; a = a->next) {
			char *key;

			if (a->children == NULL || a->children->content == NULL ||
			    !is_text_attribute(a))
				continue;
			key = collapse_spaces((const char *)a->children->content);
			if (*key != '\0' && has_letter(key) && !g_hash_table_contains(langs, key))
				g_hash_table_insert(langs, key, g_strdup(own));
			else
				g_free(key);
		}
		collect(langs, n->children, own, input_root, override);
		xmlFree(declared);
	}
}

/* Give the text child of n language lang: on n itself when it is an inline
 * element, else on a <span> around the text, so that the typesetter, which
 * reads languages from inline elements, sees it too. */
static void
set_lang(xmlNode *n, const char *lang)
{
	static const char *const inline_names[] = {"bdi", "span", "abbr", "em", "strong",
	                                           "code", "small", "a"};
	xmlNode *text = n->children, *span;

	for (size_t i = 0; i < G_N_ELEMENTS(inline_names); i++) {
		if (xmlStrEqual(n->name, (const xmlChar *)inline_names[i])) {
			xmlSetProp(n, (const xmlChar *)"lang", (const xmlChar *)lang);
			return;
		}
	}
	span = xmlNewDocNode(n->doc, n->ns, (const xmlChar *)"span", NULL);
	xmlSetProp(span, (const xmlChar *)"lang", (const xmlChar *)lang);
	xmlUnlinkNode(text);
	xmlAddChild(span, text);
	xmlAddChild(n, span);
}

/* Set lang on the elements under n that hold text of langs in another
 * language than page_lang. */
static void
mark(GHashTable *langs, xmlNode *n, const char *page_lang)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->children != NULL && n->children->next == NULL &&
		    n->children->type == XML_TEXT_NODE && xn_attr(n, "lang") == NULL) {
			char *key = collapse_spaces((const char *)n->children->content);
			const char *lang = g_hash_table_lookup(langs, key);

			if (lang != NULL && g_ascii_strcasecmp(lang, page_lang) != 0)
				set_lang(n, lang);
			g_free(key);
			continue;
		}
		mark(langs, n->children, xn_attr(n, "lang") != NULL ? xn_attr(n, "lang") : page_lang);
	}
}

const char *
lang_quoted(const xmlNode *n, const char *text)
{
	for (; n != NULL && text != NULL; n = n->next) {
		const char *lang;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		lang = xn_attr(n, "lang");
		if (lang != NULL && n->children != NULL && n->children->type == XML_TEXT_NODE &&
		    n->children->next == NULL) {
			char *quoted = collapse_spaces((const char *)n->children->content);
			bool found = *quoted != '\0' && strstr(text, quoted) != NULL;

			g_free(quoted);
			if (found)
				return lang;
			continue;
		}
		if ((lang = lang_quoted(n->children, text)) != NULL)
			return lang;
	}
	return NULL;
}

void
lang_copy(xmlNode *to, const xmlDoc *from)
{
	xmlChar *lang = xmlGetNsProp(xmlDocGetRootElement(from), (const xmlChar *)"lang",
	                             XML_XML_NAMESPACE);
	xmlNs *xml = xmlSearchNsByHref(to->doc, to, XML_XML_NAMESPACE);

	if (lang != NULL && xml != NULL)
		xmlSetNsProp(to, xml, (const xmlChar *)"lang", lang);
	xmlFree(lang);
}

void
lang_mark(xmlDoc *page, const xmlDoc *input, const char *override)
{
	xmlNode *html = xmlDocGetRootElement(page);
	const xmlNode *input_root = xmlDocGetRootElement(input);
	GHashTable *langs;

	if (html == NULL || input_root == NULL)
		return;
	langs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	collect(langs, input_root, NULL, input_root, override);
	if (g_hash_table_size(langs) > 0)
		mark(langs, xn_child(html, "body"),
		     xn_attr(html, "lang") != NULL ? xn_attr(html, "lang") : "");
	g_hash_table_destroy(langs);
}
