/* The PDF typesetter: a product document laid out with pango and drawn with cairo. */
#ifndef SSECMM_TYPESET_H
#define SSECMM_TYPESET_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "chart.h"
#include "diag.h"
#include "output.h"

enum typeset_paper { PAPER_A4, PAPER_LETTER };

/* Lay doc (a document in the subset of templates/xhtml-subset.xsd) out as
 * pages and write them to o as PDF: a cover page of its own when the body
 * starts with <header class="cover">, a running header (the title and the
 * confidentiality marking from <meta name="confidentiality">) and "page X of
 * Y" on every other page, tables split between rows with their header rows
 * repeated, charts drawn from charts(ctx, scope), page numbers in the table
 * of contents, internal links, an outline of the h2 and h3 headings, and the
 * metadata of the document's head.  The creation date comes from
 * SOURCE_DATE_EPOCH when set.  Commits or aborts o; false after reporting. */
bool typeset_pdf(xmlDoc *doc, enum typeset_paper paper, chart_maker charts, void *ctx,
                 struct output *o, struct diag *d);

/* Load the font configuration and the fonts typeset_pdf uses, so that
 * processes forked afterwards share that work instead of each repeating it,
 * and wait until pango's helper threads have ended.  (Where /proc/self/task
 * cannot be read, only the configuration.)  False if the process has, or
 * still has after five seconds, another thread: forking is then unsafe. */
bool typeset_prepare(void);

/* Start loading the fonts typeset_pdf will use on a thread of their own,
 * so that it overlaps the loading and transforming before typesetting
 * (a short document's typesetting is mostly loading fonts); typeset_pdf
 * waits for it.  Only where a PDF will be typeset, and never in a process
 * that forks afterwards. */
void typeset_warm_fonts(void);

/* Wait for that thread, if it runs: before the process exits, since
 * libraries free their state at exit. */
void typeset_fonts_join(void);

#endif
