/* Where the program's data lives: model, schemas, templates, stylesheets. */
#ifndef SSECMM_DATADIR_H
#define SSECMM_DATADIR_H

/* The data directory: $SSECMM_DATADIR when set; else the source tree when
 * the program runs from it (the executable's directory holds
 * model-xml/model.xsd); else the installed $(PREFIX)/share/ssecmm.  The
 * string is owned by the module and lives until exit. */
const char *datadir(void);

/* datadir()/rel, newly allocated (g_free). */
char *datadir_path(const char *rel);

#endif
