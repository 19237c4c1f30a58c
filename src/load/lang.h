/* Languages of text: xml:lang in the inputs, checked, and carried to the product documents as lang. */
#ifndef SSECMM_LANG_H
#define SSECMM_LANG_H

#include <stdbool.h>

#include <libxml/tree.h>

/* Whether tag is a well-formed language tag as xml:lang and HTML's lang
 * take them (BCP 47's syntax: a primary subtag of two or three letters,
 * then subtags of one to eight letters or digits, each after a '-', at most
 * 63 characters in all): "zh-Hans-CN", "ja", "he". */
bool lang_tag_valid(const char *tag);

/* Give the elements of page (a product document, XHTML) that hold text of
 * input in another language than the page's own (the lang of <html>) that
 * language as their lang attribute.  An element holds input text when its
 * only child is a text node equal, spaces collapsed, to a text node or
 * attribute value of input; that text's language is the xml:lang of its
 * nearest element that has one.  override (may be NULL) stands for the
 * xml:lang of every appraisal in input, and for the model when input is
 * the model itself, so that a file written without xml:lang, or with a
 * wrong one, gets the language the command line says. */
void lang_mark(xmlDoc *page, const xmlDoc *input, const char *override);

/* The language of text that quotes the appraisal, such as a document's
 * title: the lang of the first element under n that lang_mark marked and
 * whose text text holds; NULL when there is none.  Points into n's tree. */
const char *lang_quoted(const xmlNode *n, const char *text);

/* Give to (an element of a document made from from, such as a result's
 * summary of an appraisal) the xml:lang of from's root, if it has one. */
void lang_copy(xmlNode *to, const xmlDoc *from);

#endif
