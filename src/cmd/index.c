/* The index of many appraisals: every profile side by side and the spread of levels per process area. */
#include "cmd/index.h"

#include <string.h>

#include <glib.h>

#include "cmd/commands.h"
#include "datadir.h"
#include "doc/resultdoc.h"
#include "doc/xmlbuild.h"
#include "load/listing.h"
#include "load/schema.h"
#include "load/xmlload.h"
#include "load/xmlnode.h"

/* A result file is small: 22 areas a project, at most a thousand projects. */
static const struct xml_limits result_limits = {4u << 20, 16, 200000, 16, 0, false};

/* Levels 0-5, then not applicable and out of scope: the columns of the
 * spread table. */
enum { SPREAD_NA = 6, SPREAD_OUT = 7, SPREAD_COLUMNS = 8 };

/* A link from the index's directory to file, safe in an href whatever the
 * file is called: every path segment percent-encoded (so "javascript:"
 * becomes "javascript%3A") and the whole relative, starting "./" or "../". */
static char *
relative_href(const char *from_dir, const char *file)
{
	char *from = g_canonicalize_filename(from_dir, NULL);
	char *to = g_canonicalize_filename(file, NULL);
	char **a = g_strsplit(from, "/", -1), **b = g_strsplit(to, "/", -1);
	GString *href = g_string_new(NULL);
	size_t i = 0, j;

	while (a[i] != NULL && b[i] != NULL && b[i + 1] != NULL && strcmp(a[i], b[i]) == 0)
		i++;
	for (j = i; a[j] != NULL; j++)
		if (*a[j] != '\0')
			g_string_append(href, "../");
	if (href->len == 0)
		g_string_append(href, "./");
	for (j = i; b[j] != NULL; j++) {
		char *seg = g_uri_escape_string(b[j], NULL, FALSE);

		g_string_append(href, seg);
		if (b[j + 1] != NULL)
			g_string_append_c(href, '/');
		g_free(seg);
	}
	g_strfreev(a);
	g_strfreev(b);
	g_free(from);
	g_free(to);
	return g_string_free(href, FALSE);
}

/* Attributes report-html, report-pdf, statement-html ... for the products
 * beside the result file that exist. */
static void
add_links(xmlNode *entry, const char *result_path, const char *index_dir)
{
	static const enum product_id linked[] = {PRODUCT_REPORT, PRODUCT_STATEMENT};
	static const char *const exts[] = {"html", "pdf"};
	size_t stem_len = strlen(result_path) - strlen(INDEX_RESULT_SUFFIX);
	size_t i, k;

	for (i = 0; i < G_N_ELEMENTS(linked); i++)
		for (k = 0; k < G_N_ELEMENTS(exts); k++) {
			const struct product *p = pipeline_product(linked[i]);
			char *file = g_strdup_printf("%.*s%s.%s", (int)stem_len, result_path, p->suffix,
			                             exts[k]);
			char *attr = g_strdup_printf("%s-%s", p->name, exts[k]);

			if (g_file_test(file, G_FILE_TEST_IS_REGULAR)) {
				char *href = relative_href(index_dir, file);

				xb_set(entry, attr, href);
				g_free(href);
			}
			g_free(attr);
			g_free(file);
		}
}

/* The column of an organization-wide area element, or -1 if it is not one
 * the schema allows (which validation has already excluded). */
static int
spread_column(const xmlNode *area)
{
	const char *status = xn_attr(area, "status"), *level = xn_attr(area, "level");
	int col = -1;

	if (status != NULL && strcmp(status, "out-of-scope") == 0)
		col = SPREAD_OUT;
	else if (status != NULL && strcmp(status, "not-applicable") == 0)
		col = SPREAD_NA;
	else if (level != NULL)
		col = (int)g_ascii_strtoll(level, NULL, 10);
	return col >= 0 && col < SPREAD_COLUMNS ? col : -1;
}

/* Check what the schema cannot: every area the result names is one of the
 * model's, and the model is the one this index is made with. */
static bool
check_result(const struct model *m, xmlDoc *doc, const char *path, struct diag *d)
{
	xmlNode *root = xmlDocGetRootElement(doc), *n, *a;
	bool ok = true;

	for (n = xn_child(root, NULL); n != NULL; n = xn_next(n, NULL)) {
		const char *version;

		if (xn_is(n, "model")) {
			version = xn_attr(n, "data-version");
			if (version == NULL || m->data_version == NULL ||
			    strcmp(version, m->data_version) != 0)
				diag_report(d, path, xmlload_line(n), 0,
				            M_OTHER_MODEL_DATA_VERSION,
				            version != NULL ? version : "(none)",
				            m->data_version != NULL ? m->data_version : "(none)");
			continue;
		}
		if (!xn_is(n, "organization") && !xn_is(n, "project"))
			continue;
		for (a = xn_child(n, "area"); a != NULL; a = xn_next(a, "area")) {
			const char *ref = xn_attr(a, "ref");

			if (ref == NULL || g_hash_table_lookup(m->pa_index, ref) == NULL) {
				diag_report(d, path, xmlload_line(a), 0, M_AREA_NOT_IN_MODEL,
				            ref != NULL ? ref : "(none)");
				ok = false;
			}
		}
	}
	return ok;
}

/* The result documents, loaded and checked; NULL entries never survive:
 * false when any file failed. */
static bool
load_results(const struct model *m, char **paths, size_t n, xmlDoc **docs, struct diag *d)
{
	char *xsd_path = datadir_path("model-xml/result.xsd");
	struct schema *xsd = schema_load(xsd_path, d);
	bool ok = xsd != NULL;
	size_t i;

	g_free(xsd_path);
	for (i = 0; ok && i < n; i++) {
		docs[i] = xmlload_file(paths[i], &result_limits, d, NULL);
		if (docs[i] == NULL || !schema_validate(xsd, docs[i], paths[i], d) ||
		    !check_result(m, docs[i], paths[i], d))
			ok = false;
	}
	schema_free(xsd);
	return ok;
}

/* The document templates/index.xsl reads. */
static xmlDoc *
index_input(const struct model *m, char **paths, xmlDoc **docs, size_t n,
            const struct index_failure *failed, size_t n_failed, const char *index_dir)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = xmlNewDocNode(doc, NULL, (const xmlChar *)"index", NULL);
	xmlNs *ns = xmlNewNs(root, (const xmlChar *)RESULT_NS, NULL);
	xmlNode *areas, *spread, *entry;
	GHashTable *orgs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	unsigned (*counts)[SPREAD_COLUMNS] = g_malloc0_n(m->n_pas ? m->n_pas : 1, sizeof *counts);
	size_t i, k;
	char buf[32];

	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	areas = xmlNewChild(root, ns, (const xmlChar *)"areas", NULL);
	for (i = 0; i < m->n_pas; i++) {
		xmlNode *a = xmlNewChild(areas, ns, (const xmlChar *)"area", NULL);

		xb_set(a, "ref", m->pas[i].id);
		xb_set(a, "title", m->pas[i].title);
	}
	for (i = 0; i < n; i++) {
		xmlNode *r = xmlDocGetRootElement(docs[i]), *org, *a, *app;
		char *stem = g_path_get_basename(paths[i]);

		stem[strlen(stem) - strlen(INDEX_RESULT_SUFFIX)] = '\0';
		entry = xmlNewChild(root, ns, (const xmlChar *)"entry", NULL);
		xb_set_file_name(entry, "name", stem);
		add_links(entry, paths[i], index_dir);
		xmlAddChild(entry, xmlDocCopyNode(r, doc, 1));
		g_free(stem);
		app = xn_child(r, "appraisal");
		if (app != NULL) {
			const char *o = xn_attr(app, "organization");

			if (o != NULL && !g_hash_table_contains(orgs, o))
				g_hash_table_add(orgs, g_strdup(o));
		}
		org = xn_child(r, "organization");
		for (a = org != NULL ? xn_child(org, "area") : NULL; a != NULL; a = xn_next(a, "area")) {
			const struct model_pa *pa = g_hash_table_lookup(m->pa_index, xn_attr(a, "ref"));
			int col = spread_column(a);

			if (pa != NULL && col >= 0)
				counts[pa - m->pas][col]++;
		}
	}
	for (i = 0; i < n_failed; i++) {
		xmlNode *f = xmlNewChild(root, ns, (const xmlChar *)"failed", NULL);

		xb_set_file_name(f, "name", failed[i].name);
		xb_set(f, "reason", failed[i].reason);
	}
	spread = xmlNewChild(root, ns, (const xmlChar *)"spread", NULL);
	for (i = 0; i < m->n_pas; i++) {
		static const char *const cols[SPREAD_COLUMNS] = {"l0", "l1", "l2", "l3", "l4", "l5",
		                                                 "na", "out"};
		xmlNode *a = xmlNewChild(spread, ns, (const xmlChar *)"area", NULL);

		xb_set(a, "ref", m->pas[i].id);
		for (k = 0; k < SPREAD_COLUMNS; k++) {
			snprintf(buf, sizeof buf, "%u", counts[i][k]);
			xb_set(a, cols[k], buf);
		}
	}
	snprintf(buf, sizeof buf, "%zu", n);
	xb_set(root, "appraisals", buf);
	snprintf(buf, sizeof buf, "%u", g_hash_table_size(orgs));
	xb_set(root, "organizations", buf);
	if (g_hash_table_size(orgs) == 1) {
		GHashTableIter it;
		gpointer key;

		g_hash_table_iter_init(&it, orgs);
		g_hash_table_iter_next(&it, &key, NULL);
		xb_set(root, "organization", key);
	}
	g_hash_table_destroy(orgs);
	g_free(counts);
	return doc;
}

bool
index_write(struct pipeline *pl, char **paths, size_t n,
            const struct index_failure *failed, size_t n_failed,
            const struct product_dest *dest, struct diag *d)
{
	xmlDoc **docs = g_new0(xmlDoc *, n ? n : 1), *input;
	char *html = product_path(dest, "index", ".html");
	char *index_dir = g_path_get_dirname(html);
	bool ok = load_results(pipeline_model(pl), paths, n, docs, d);
	size_t i;

	if (ok) {
		input = index_input(pipeline_model(pl), paths, docs, n, failed, n_failed, index_dir);
		ok = pipeline_make(pl, PRODUCT_INDEX, input, NULL, NULL, dest, d);
		xmlFreeDoc(input);
	}
	for (i = 0; i < n; i++)
		xmlFreeDoc(docs[i]);
	g_free(docs);
	g_free(index_dir);
	g_free(html);
	return ok;
}

/* The result files an operand stands for: the file itself, or every
 * NAME-result.xml directly inside a directory, in name order. */
static bool
collect(const char *operand, GPtrArray *paths, struct diag *d)
{
	guint first = paths->len;

	if (!g_file_test(operand, G_FILE_TEST_IS_DIR)) {
		if (!g_str_has_suffix(operand, INDEX_RESULT_SUFFIX)) {
			diag_report(d, operand, 0, 0, M_NOT_BATCH_OUTPUT, INDEX_RESULT_SUFFIX);
			return false;
		}
		g_ptr_array_add(paths, g_strdup(operand));
		return true;
	}
	if (!listing_read(operand, INDEX_RESULT_SUFFIX, paths, d))
		return false;
	if (paths->len == first)
		diag_report(d, operand, 0, 0, M_NO_INDEX_FILES, INDEX_RESULT_SUFFIX);
	return true;
}

int
cmd_index(struct cli *c)
{
	struct product_dest dest = {0};
	struct pipeline *pl = NULL;
	GPtrArray *paths = g_ptr_array_new_with_free_func(g_free);
	char *outdir = NULL;
	int i, status;

	dest.allowed = pipeline_product(PRODUCT_INDEX)->formats;
	if ((status = product_dest_from_cli(c, &dest)) >= 0)
		goto done;
	for (i = 0; i < c->n_operands; i++) {
		if (!collect(c->operands[i], paths, &c->diag)) {
			status = c->diag.status;
			goto done;
		}
	}
	if (dest.output == NULL) {
		/* Beside the results: in the first directory named. */
		outdir = g_file_test(c->operands[0], G_FILE_TEST_IS_DIR)
		         ? g_strconcat(c->operands[0], "/", NULL) : NULL;
		dest.output = outdir;
		dest.input_path = c->operands[0];
	}
	dest.inputs = (const char *const *)paths->pdata;
	dest.n_inputs = paths->len;
	if ((pl = pipeline_new(c->model_path, &c->diag)) != NULL)
		index_write(pl, (char **)paths->pdata, paths->len, NULL, 0, &dest, &c->diag);
	status = c->diag.status;
done:
	pipeline_free(pl);
	g_free(outdir);
	g_ptr_array_free(paths, TRUE);
	return status;
}
