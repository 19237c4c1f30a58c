/* Fuzzes model files: bytes through the hardened loader, the model schema and every check of model_from_doc. */
#include <string.h>

#include "fuzz.h"
#include "load/model.h"
#include "load/schema.h"

static struct schema *model_xsd;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diag d;

	(void)argc;
	(void)argv;
	fuzz_init();
	diag_init(&d, stderr, false, false);
	model_xsd = fuzz_schema("model-xml/model.xsd", &d);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char sha256[65] =
		"0000000000000000000000000000000000000000000000000000000000000000";
	struct diag d;
	struct model *m;
	xmlDoc *doc;

	fuzz_diag(&d);
	doc = xmlload_memory((const char *)data, size, "fuzz.xml", NULL, &d);
	if (doc == NULL)
		return 0;
	m = model_from_doc(doc, "fuzz.xml", sha256, model_xsd, &d);
	if (m != NULL) {
		/* What every command reads from a loaded model: look-ups by id. */
		size_t i, first;

		for (i = 0; i < m->n_pas; i++) {
			if (model_pa(m, m->pas[i].id) != &m->pas[i])
				abort();
			for (size_t j = 0; j < m->pas[i].n_bps; j++)
				if (model_bp_area(m, m->pas[i].bps[j].id) != &m->pas[i])
					abort();
		}
		for (i = 0; i < m->n_gps; i++)
			if (model_gp(m, m->gps[i].label) == NULL)
				abort();
		for (i = 0; i < MODEL_LEVELS; i++)
			if (model_level_gps(m, (int)i, &first) > 0 && first >= m->n_gps)
				abort();
		if (d.errors != 0)
			abort(); /* a model is returned only when nothing was wrong */
		model_free(m);
	} else if (d.errors == 0) {
		abort(); /* a refusal always says why */
	}
	return 0;
}
