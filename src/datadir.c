/* Where the program's data lives: model, schemas, templates, stylesheets. */
#include "datadir.h"

#include <stdlib.h>
#include <unistd.h>

#include <glib.h>

#ifndef SSECMM_DATADIR
#define SSECMM_DATADIR "/usr/local/share/ssecmm"
#endif

static char *found;

static char *
tree_datadir(void)
{
	char *exe, *dir, *probe;

	exe = g_file_read_link("/proc/self/exe", NULL);
	if (exe == NULL)
		return NULL;
	dir = g_path_get_dirname(exe);
	g_free(exe);
	probe = g_build_filename(dir, "model-xml", "model.xsd", NULL);
	if (access(probe, R_OK) != 0) {
		g_free(dir);
		dir = NULL;
	}
	g_free(probe);
	return dir;
}

const char *
datadir(void)
{
	const char *env;

	if (found != NULL)
		return found;
	env = getenv("SSECMM_DATADIR");
	if (env != NULL && *env != '\0')
		found = g_strdup(env);
	else if ((found = tree_datadir()) == NULL)
		found = g_strdup(SSECMM_DATADIR);
	return found;
}

char *
datadir_path(const char *rel)
{
	return g_build_filename(datadir(), rel, NULL);
}
