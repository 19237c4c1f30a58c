/* A checked sheet's ratings put into the template's tree in place of its own. */
#include "load/sheet_merge.h"

#include <libxml/tree.h>

#include "load/xmlnode.h"

/* A line break and the indentation of depth, before the next child. */
static void
indent(xmlNode *parent, int depth)
{
	static const char spaces[] = "\n            ";

	xmlAddChild(parent, xmlNewDocTextLen(parent->doc, (const xmlChar *)spaces, 1 + 2 * depth));
}

static xmlNode *
element(xmlNode *parent, int depth, const char *name)
{
	xmlNode *e = xmlNewDocNode(parent->doc, parent->ns, (const xmlChar *)name, NULL);

	indent(parent, depth);
	xmlAddChild(parent, e);
	return e;
}

static void
attribute(xmlNode *e, const char *name, const char *value)
{
	xmlNewProp(e, (const xmlChar *)name, (const xmlChar *)value);
}

static int
by_rank(const void *a, const void *b)
{
	const struct sheet_rating *x = *(const struct sheet_rating *const *)a;
	const struct sheet_rating *y = *(const struct sheet_rating *const *)b;

	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The <ratings> block of project p, detached, or NULL when it has no rows. */
static xmlNode *
ratings_block(struct sheet_frame *f, struct sheet_check *ck, size_t p)
{
	const struct model *m = ck->m;
	const char *pid = g_ptr_array_index(f->project_ids, p);
	xmlNode *block = NULL;
	size_t i, k;

	for (i = 0; i < m->n_pas; i++) {
		struct sheet_area *area = ck->areas[p * m->n_pas + i];
		const struct sheet_claim *cl;
		xmlNode *pa;
		char *key;

		if (area == NULL)
			continue;
		if (block == NULL) {
			block = xmlNewDocNode(f->doc, f->root->ns, (const xmlChar *)"ratings", NULL);
			attribute(block, "project", pid);
		}
		pa = element(block, 2, "process-area");
		attribute(pa, "ref", m->pas[i].id);
		key = g_strdup_printf("%s\n%s", pid, m->pas[i].id);
		cl = g_hash_table_lookup(f->claims, key);
		g_free(key);
		if (cl != NULL) {
			attribute(pa, "claimed-level", cl->level);
			/* A bad claimed level is the template's to fix: point at it. */
			pa->line = (unsigned short)MIN(cl->line, 65535);
		}
		g_ptr_array_sort(area->ratings, by_rank);
		for (k = 0; k < area->ratings->len; k++) {
			const struct sheet_rating *r = g_ptr_array_index(area->ratings, k);
			xmlNode *pr = element(pa, 3, "practice");

			attribute(pr, "ref", r->practice);
			attribute(pr, "rating", r->rating);
			if (r->evidence != NULL)
				attribute(pr, "evidence", r->evidence);
			if (r->note != NULL) {
				indent(pr, 4);
				xmlNewTextChild(pr, pr->ns, (const xmlChar *)"note", (const xmlChar *)r->note);
				indent(pr, 3);
			}
		}
		indent(pa, 2);
	}
	if (block != NULL)
		indent(block, 1);
	return block;
}

/* The sheet's ratings go where the schema has them: before <findings>. */
void
sheet_merge(struct sheet_frame *f, struct sheet_check *ck)
{
	xmlNode *root = f->root, *n, *next, *findings;
	size_t p;

	for (n = root->children; n != NULL; n = next) {
		next = n->next;
		if (!xn_is(n, "ratings"))
			continue;
		if (n->prev != NULL && xmlIsBlankNode(n->prev)) {
			xmlNode *space = n->prev;

			xmlUnlinkNode(space);
			xmlFreeNode(space);
		}
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
	findings = xn_child(root, "findings");
	for (p = 0; p < f->project_ids->len; p++) {
		xmlNode *block = ratings_block(f, ck, p);

		if (block == NULL)
			continue;
		if (findings != NULL) {
			xmlAddPrevSibling(findings, block);
			xmlAddPrevSibling(findings, xmlNewDocText(f->doc, (const xmlChar *)"\n  "));
		} else {
			indent(root, 1);
			xmlAddChild(root, block);
		}
	}
}
