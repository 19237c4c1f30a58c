/* Names in any script: when two are the same name, whatever the locale. */
#include "rate/names.h"

#include <string.h>

#include <glib.h>

/* a's comparison form; g_free. */
static char *
folded(const char *a)
{
	char *nfkc = g_utf8_normalize(a, -1, G_NORMALIZE_ALL_COMPOSE);
	char *fold = g_utf8_casefold(nfkc != NULL ? nfkc : a, -1);

	g_free(nfkc);
	return fold;
}

bool
names_equal(const char *a, const char *b)
{
	char *fa, *fb;
	bool same;

	if (a == NULL || b == NULL)
		return a == b;
	if (strcmp(a, b) == 0)
		return true;
	fa = folded(a);
	fb = folded(b);
	same = strcmp(fa, fb) == 0;
	g_free(fa);
	g_free(fb);
	return same;
}
