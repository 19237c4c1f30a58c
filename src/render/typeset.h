/* The PDF typesetter: a product document laid out with pango and drawn with cairo. */
#ifndef SSECMM_TYPESET_H
#define SSECMM_TYPESET_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"
#include "output.h"
#include "render/chart.h"

enum typeset_paper { PAPER_A4, PAPER_LETTER };

/* A typesetter: the fonts it typesets with (a font map of its own, made on
 * first use and made the process's default, which chart_cairo draws with)
 * and what loads them ahead of time.  One per process, since pango's font
 * state is.  Free with typeset_free, which waits for a warm-up still
 * loading: before the process exits, since libraries free their state at
 * exit.  typeset_free accepts NULL. */
struct typesetter;

struct typesetter *typeset_new(void);
void typeset_free(struct typesetter *t);

/* Lay doc (a document in the subset of templates/xhtml-subset.xsd) out as
 * pages and write them to o as PDF: a cover page of its own when the body
 * starts with <header class="cover">, a running header (the title and the
 * confidentiality marking from <meta name="confidentiality">) and "page X of
 * Y" on every other page, tables split between rows with their header rows
 * repeated, charts drawn from charts(ctx, scope), page numbers in the table
 * of contents, internal links, an outline of the h2 and h3 headings, and the
 * metadata of the document's head; tagged (headings, paragraphs, lists,
 * tables with header scope, figures with the charts' alternate text), in
 * the document's language, with everything else an artifact.  The creation
 * date comes from SOURCE_DATE_EPOCH when set.  Commits or aborts o; false
 * after reporting. */
bool typeset_render(struct typesetter *t, xmlDoc *doc, enum typeset_paper paper,
                    chart_maker charts, void *ctx, struct output *o, struct diag *d);

/* Load t's font configuration and fonts now, so that processes forked
 * afterwards share that work instead of each repeating it, and wait until
 * pango's helper threads have ended.  (Where /proc/self/task cannot be
 * read, only the configuration.)  False if the process has, or still has
 * after five seconds, another thread: forking is then unsafe. */
bool typeset_prepare(struct typesetter *t);

/* Start loading t's fonts on a thread of their own, so that it overlaps
 * the loading and transforming before typesetting (a short document's
 * typesetting is mostly loading fonts); typeset_render waits for it.  Only
 * where a PDF will be typeset, and never in a process that forks
 * afterwards.  Does nothing when t's fonts are loaded or loading. */
void typeset_warm_fonts(struct typesetter *t);

#endif
