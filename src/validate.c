/* The validate command: check model files (and, by their root element, other inputs). */
#include <string.h>

#include <glib.h>

#include "commands.h"
#include "datadir.h"
#include "model.h"
#include "schema.h"
#include "xmlload.h"

static bool
has_root(xmlDoc *doc, const char *name, const char *ns)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	return root != NULL && strcmp((const char *)root->name, name) == 0 && root->ns != NULL &&
	       strcmp((const char *)root->ns->href, ns) == 0;
}

static void
print_model_summary(struct cli *c, const char *display, const struct model *m)
{
	size_t i, security = 0, project = 0, organization = 0;

	for (i = 0; i < m->n_pas; i++) {
		if (strcmp(m->pas[i].category, "security") == 0)
			security++;
		else if (strcmp(m->pas[i].category, "project") == 0)
			project++;
		else
			organization++;
	}
	fprintf(c->out,
	        "%s: valid model: %s, %s\n"
	        "  %zu process areas (%zu security, %zu project, %zu organization), "
	        "%zu goals, %zu base practices\n"
	        "  %d capability levels, %zu common features, %zu generic practices, "
	        "%zu glossary terms\n",
	        display, m->short_title, m->model_version, m->n_pas, security, project,
	        organization, m->n_goals, m->n_bps, MODEL_LEVELS, m->n_cfs, m->n_gps, m->n_terms);
}

static bool
validate_one(struct cli *c, const char *path, struct schema **model_xsd)
{
	const char *display = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char sha256[65];
	xmlDoc *doc;
	xmlNode *root;

	doc = xmlload_file(path, NULL, &c->diag, sha256);
	if (doc == NULL)
		return false;
	if (has_root(doc, "model", MODEL_NS)) {
		struct model *m;

		if (*model_xsd == NULL) {
			char *xsd = datadir_path("model-xml/model.xsd");

			*model_xsd = schema_load(xsd, &c->diag);
			g_free(xsd);
			if (*model_xsd == NULL) {
				xmlFreeDoc(doc);
				return false;
			}
		}
		m = model_from_doc(doc, path, sha256, *model_xsd, &c->diag);
		if (m == NULL)
			return false;
		if (!c->quiet)
			print_model_summary(c, display, m);
		model_free(m);
		return true;
	}
	root = xmlDocGetRootElement(doc);
	diag_error(&c->diag, display, xmlload_line(root),
	           "not a file ssecmm reads: root element <%s> in namespace '%s'; expected "
	           "<model xmlns=\"%s\">",
	           root->name, root->ns ? (const char *)root->ns->href : "", MODEL_NS);
	xmlFreeDoc(doc);
	return false;
}

int
cmd_validate(struct cli *c)
{
	struct schema *model_xsd = NULL;
	int i;

	for (i = 0; i < c->n_operands; i++)
		validate_one(c, c->operands[i], &model_xsd);
	schema_free(model_xsd);
	return c->diag.status;
}
