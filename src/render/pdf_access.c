/* What cairo 1.16 cannot write into a tagged PDF, added after it has written the file: /Lang, DisplayDocTitle, alternate text, header scope, artifacts. */
#include "render/pdf_access.h"

#include <string.h>

#include <libdeflate.h>

#include "render/pdf.h"
#include "render/pdf_artifact.h"
#include "render/pdf_file.h"

/* A decoded page's content is some tens of KiB; this bounds what a
 * damaged stream could make us allocate. */
#define MAX_CONTENT (256u << 20)

struct note {
	char *alt, *scope, *lang;
};

struct pdf_access {
	char *lang;
	GHashTable *types;  /* element type -> GArray of struct note, one per element begun */
	GByteArray *bytes;  /* what cairo wrote */
};

static void
free_notes(gpointer p)
{
	GArray *notes = p;
	size_t i;

	for (i = 0; i < notes->len; i++) {
		struct note *n = &g_array_index(notes, struct note, i);

		g_free(n->alt);
		g_free(n->scope);
		g_free(n->lang);
	}
	g_array_free(notes, TRUE);
}

struct pdf_access *
pdf_access_new(const char *lang)
{
	struct pdf_access *a = g_new0(struct pdf_access, 1);

	a->lang = lang != NULL && *lang != '\0' ? g_strdup(lang) : NULL;
	a->types = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_notes);
	a->bytes = g_byte_array_new();
	return a;
}

void
pdf_access_free(struct pdf_access *a)
{
	if (a == NULL)
		return;
	g_free(a->lang);
	g_hash_table_destroy(a->types);
	g_byte_array_free(a->bytes, TRUE);
	g_free(a);
}

static cairo_status_t
keep(void *closure, const unsigned char *data, unsigned int length)
{
	g_byte_array_append(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
pdf_access_surface(struct pdf_access *a, double width, double height)
{
	return pdf_surface_for(keep, a->bytes, width, height);
}

void
pdf_access_element(struct pdf_access *a, const char *type, const char *alt, const char *scope,
                   const char *lang)
{
	GArray *notes = g_hash_table_lookup(a->types, type);
	struct note n = {g_strdup(alt), g_strdup(scope), g_strdup(lang)};

	if (notes == NULL) {
		notes = g_array_new(FALSE, FALSE, sizeof(struct note));
		g_hash_table_insert(a->types, g_strdup(type), notes);
	}
	g_array_append_val(notes, n);
}

/* ---- the rewrite ---- */

struct rewrite {
	const struct pdf_access *a;
	struct pdf_file f;
	GHashTable *seen;    /* object numbers visited: no object twice, no cycle */
	GHashTable *counts;  /* element type -> elements of it met so far */
	struct libdeflate_decompressor *inflater;
	struct libdeflate_compressor *deflater;
	const char *error;
};

/* body: the text of the dictionary at [start, end) of f with extra
 * inserted before its ">>". */
static GString *
extend_dict(const struct pdf_file *f, size_t start, size_t end, const GString *extra)
{
	GString *body = g_string_sized_new(end - start + extra->len);

	g_string_append_len(body, (const char *)f->data + start, (gssize)(end - 2 - start));
	g_string_append_len(body, extra->str, (gssize)extra->len);
	g_string_append(body, ">>");
	return body;
}

/* A language tag as a PDF string: the letters, digits and hyphens of
 * BCP 47 are all it needs, so anything else is dropped rather than escaped. */
static void
append_lang(GString *s, const char *lang)
{
	g_string_append(s, "(");
	for (; *lang != '\0'; lang++)
		if (g_ascii_isalnum(*lang) || *lang == '-')
			g_string_append_c(s, *lang);
	g_string_append(s, ")");
}

static bool
first_visit(struct rewrite *r, unsigned num)
{
	if (g_hash_table_contains(r->seen, GUINT_TO_POINTER(num)))
		return false;
	g_hash_table_add(r->seen, GUINT_TO_POINTER(num));
	return true;
}

static bool
catalog(struct rewrite *r, struct pdf_value **cat)
{
	GString *extra = g_string_new("");

	*cat = pdf_file_object(&r->f, r->f.root, NULL);
	if (*cat == NULL || (*cat)->kind != PDF_DICT ||
	    pdf_dict_get(r->f.data, *cat, "Lang") != NULL ||
	    pdf_dict_get(r->f.data, *cat, "ViewerPreferences") != NULL) {
		r->error = "the catalog is not a dictionary without /Lang and /ViewerPreferences";
		g_string_free(extra, TRUE);
		return false;
	}
	if (r->a->lang != NULL) {
		g_string_append(extra, "   /Lang ");
		append_lang(extra, r->a->lang);
		g_string_append_c(extra, '\n');
	}
	g_string_append(extra, "   /ViewerPreferences << /DisplayDocTitle true >>\n");
	pdf_file_replace(&r->f, r->f.root, extend_dict(&r->f, (*cat)->start, (*cat)->end, extra));
	g_string_free(extra, TRUE);
	return true;
}

/* Add what the typesetter noted for element num, whose dictionary lies at
 * [start, end). */
static void
note_element(struct rewrite *r, unsigned num, size_t start, size_t end, const struct note *n)
{
	GString *extra;

	if (n->alt == NULL && n->scope == NULL && n->lang == NULL)
		return;
	extra = g_string_new("");
	if (n->alt != NULL) {
		g_string_append(extra, "   /Alt ");
		pdf_append_text_string(extra, n->alt);
		g_string_append_c(extra, '\n');
	}
	/* Written as a name: only the three the standard defines. */
	if (n->scope != NULL && (strcmp(n->scope, "Column") == 0 || strcmp(n->scope, "Row") == 0 ||
	                         strcmp(n->scope, "Both") == 0))
		g_string_append_printf(extra, "   /A << /O /Table /Scope /%s >>\n", n->scope);
	if (n->lang != NULL) {
		g_string_append(extra, "   /Lang ");
		append_lang(extra, n->lang);
		g_string_append_c(extra, '\n');
	}
	pdf_file_replace(&r->f, num, extend_dict(&r->f, start, end, extra));
	g_string_free(extra, TRUE);
}

/* Push the structure elements among the kids (/K) of an element, last
 * first, so that they pop in reading order. */
static void
push_kids(GArray *stack, const struct pdf_value *k)
{
	size_t i;

	if (k == NULL)
		return;
	if (k->kind == PDF_REF) {
		g_array_append_val(stack, k->ref);
		return;
	}
	if (k->kind != PDF_ARRAY)
		return;
	for (i = k->items->len; i-- > 0;) {
		const struct pdf_value *kid = g_ptr_array_index(k->items, i);

		if (kid->kind == PDF_REF)
			g_array_append_val(stack, kid->ref);
	}
}

/* The structure tree in reading order (the order cairo's elements were
 * begun): the n-th element of each noted type gets its n-th note. */
static bool
structure(struct rewrite *r, const struct pdf_value *cat)
{
	const struct pdf_value *tree_ref = pdf_dict_get(r->f.data, cat, "StructTreeRoot");
	struct pdf_value *tree;
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(unsigned));
	GHashTableIter it;
	gpointer key, value;
	bool ok = true;

	if (tree_ref == NULL || tree_ref->kind != PDF_REF ||
	    (tree = pdf_file_object(&r->f, tree_ref->ref, NULL)) == NULL) {
		r->error = "the catalog has no structure tree";
		g_array_free(stack, TRUE);
		return false;
	}
	push_kids(stack, pdf_dict_get(r->f.data, tree, "K"));
	pdf_value_free(tree);
	while (stack->len > 0) {
		static const char *const keys[] = {"S", "K"};
		unsigned num = g_array_index(stack, unsigned, stack->len - 1);
		struct pdf_value *v[2], *s;
		size_t start, end;
		GArray *notes;

		g_array_set_size(stack, stack->len - 1);
		/* Elements are many: only /S and /K of each are built. */
		if (!first_visit(r, num) || !pdf_file_dict(&r->f, num, keys, v, 2, &start, &end))
			continue;
		s = v[0];
		if (s == NULL || s->kind != PDF_NAME) {
			/* A marked-content reference or an annotation, not an element. */
			pdf_value_free(v[0]);
			pdf_value_free(v[1]);
			continue;
		}
		key = g_strndup((const char *)r->f.data + s->start + 1, s->end - s->start - 1);
		notes = g_hash_table_lookup(r->a->types, key);
		if (notes != NULL) {
			size_t n = GPOINTER_TO_SIZE(g_hash_table_lookup(r->counts, key));

			if (n < notes->len)
				note_element(r, num, start, end, &g_array_index(notes, struct note, n));
			g_hash_table_replace(r->counts, key, GSIZE_TO_POINTER(n + 1));
		} else {
			g_free(key);
		}
		push_kids(stack, v[1]);
		pdf_value_free(v[0]);
		pdf_value_free(v[1]);
	}
	g_array_free(stack, TRUE);
	/* The tree holds exactly the elements noted, type by type: else the
	 * notes would land on the wrong elements. */
	g_hash_table_iter_init(&it, r->a->types);
	while (g_hash_table_iter_next(&it, &key, &value))
		if (GPOINTER_TO_SIZE(g_hash_table_lookup(r->counts, key)) != ((GArray *)value)->len)
			ok = false;
	if (!ok)
		r->error = "the structure tree does not hold the elements typeset";
	return ok;
}

/* in (zlib format) decoded into out: the size is not stored, so the room
 * grows until it fits, up to MAX_CONTENT. */
static bool
inflate_all(struct libdeflate_decompressor *inflater, const unsigned char *in, size_t len,
            GByteArray *out)
{
	size_t room = len * 8 + 4096, actual;

	for (;;) {
		enum libdeflate_result result;

		g_byte_array_set_size(out, (guint)room);
		result = libdeflate_zlib_decompress(inflater, in, len, out->data, room, &actual);
		if (result == LIBDEFLATE_SUCCESS) {
			g_byte_array_set_size(out, (guint)actual);
			return true;
		}
		if (result != LIBDEFLATE_INSUFFICIENT_SPACE || room >= MAX_CONTENT)
			return false;
		room = MIN(room * 2, MAX_CONTENT);
	}
}

/* Content stream num with its untagged drawing marked as artifacts. */
static bool
content(struct rewrite *r, unsigned num)
{
	struct pdf_value *dict, *length;
	const unsigned char *data;
	size_t len;
	GByteArray *plain = g_byte_array_new(), *marked = g_byte_array_new();
	size_t packed_len;
	unsigned char *packed = NULL;
	GString *body;
	bool ok = false;

	if (!pdf_file_stream(&r->f, num, &dict, &data, &len)) {
		r->error = "a page's content is not a stream";
		goto done;
	}
	if (!pdf_is_name(r->f.data, pdf_dict_get(r->f.data, dict, "Filter"), "FlateDecode") ||
	    pdf_dict_get(r->f.data, dict, "DecodeParms") != NULL ||
	    !inflate_all(r->inflater, data, len, plain)) {
		r->error = "a page's content is not a stream that inflates";
		goto done;
	}
	if (!pdf_artifact_wrap(plain->data, plain->len, marked)) {
		r->error = "a page's content is malformed";
		goto done;
	}
	packed_len = libdeflate_zlib_compress_bound(r->deflater, marked->len);
	packed = g_malloc(packed_len);
	packed_len = libdeflate_zlib_compress(r->deflater, marked->data, marked->len, packed,
	                                      packed_len);
	if (packed_len == 0) {
		r->error = "a page's content does not deflate";
		goto done;
	}
	/* The dictionary as cairo wrote it; its /Length told anew, directly or
	 * in the object it names. */
	length = pdf_dict_get(r->f.data, dict, "Length");
	body = g_string_sized_new(packed_len + 128);
	if (length->kind == PDF_REF) {
		GString *number = g_string_new(NULL);

		g_string_printf(number, "%lu", (unsigned long)packed_len);
		pdf_file_replace(&r->f, length->ref, number);
		g_string_append_len(body, (const char *)r->f.data + dict->start,
		                    (gssize)(dict->end - dict->start));
	} else {
		g_string_append_len(body, (const char *)r->f.data + dict->start,
		                    (gssize)(length->start - dict->start));
		g_string_append_printf(body, "%lu", (unsigned long)packed_len);
		g_string_append_len(body, (const char *)r->f.data + length->end,
		                    (gssize)(dict->end - length->end));
	}
	g_string_append(body, "\nstream\n");
	g_string_append_len(body, (const char *)packed, (gssize)packed_len);
	g_string_append(body, "\nendstream");
	pdf_file_replace(&r->f, num, body);
	ok = true;
done:
	pdf_value_free(dict);
	g_free(packed);
	g_byte_array_free(plain, TRUE);
	g_byte_array_free(marked, TRUE);
	return ok;
}

/* Every page of the page tree: its content marked, and /Tabs /S where it
 * has annotations (the tab order follows the structure). */
static bool
pages(struct rewrite *r, const struct pdf_value *cat)
{
	const struct pdf_value *root = pdf_dict_get(r->f.data, cat, "Pages");
	GArray *stack = g_array_new(FALSE, FALSE, sizeof(unsigned));
	bool ok = true;

	if (root == NULL || root->kind != PDF_REF) {
		r->error = "the catalog has no page tree";
		ok = false;
	} else {
		g_array_append_val(stack, root->ref);
	}
	while (ok && stack->len > 0) {
		static const char *const keys[] = {"Type", "Kids", "Contents", "Annots", "Tabs"};
		unsigned num = g_array_index(stack, unsigned, stack->len - 1);
		struct pdf_value *v[5] = {NULL}, *contents = NULL;
		size_t start = 0, end = 0, i;

		g_array_set_size(stack, stack->len - 1);
		if (!first_visit(r, num))
			continue;
		pdf_file_dict(&r->f, num, keys, v, 5, &start, &end);
		contents = v[2];
		if (pdf_is_name(r->f.data, v[0], "Pages")) {
			push_kids(stack, v[1]);
		} else if (pdf_is_name(r->f.data, v[0], "Page")) {
			if (contents == NULL || contents->kind != PDF_REF ||
			    !first_visit(r, contents->ref) || !content(r, contents->ref)) {
				r->error = r->error != NULL ? r->error : "a page has no content of its own";
				ok = false;
			} else if (v[3] != NULL && v[4] == NULL) {
				GString *tab_order = g_string_new("   /Tabs /S\n");

				pdf_file_replace(&r->f, num, extend_dict(&r->f, start, end, tab_order));
				g_string_free(tab_order, TRUE);
			}
		} else {
			r->error = "the page tree holds something other than pages";
			ok = false;
		}
		for (i = 0; i < G_N_ELEMENTS(v); i++)
			pdf_value_free(v[i]);
	}
	g_array_free(stack, TRUE);
	return ok;
}

bool
pdf_access_apply(const struct pdf_access *a, const unsigned char *in, size_t len,
                 pdf_sink sink, void *closure, const char **error)
{
	struct rewrite r = {.a = a};
	struct pdf_value *cat = NULL;
	bool ok;

	if (!pdf_file_read(&r.f, in, len, error))
		return false;
	r.seen = g_hash_table_new(g_direct_hash, g_direct_equal);
	r.counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	r.inflater = libdeflate_alloc_decompressor();
	/* Compressing again is half of this rewrite's work: libdeflate's fastest
	 * level costs a handbook about 1.3 % more bytes than cairo's zlib level 6
	 * and saves 1.4 % of the whole run's instructions against its own level 6
	 * (3.7 % of the run against 5.1 %). */
	r.deflater = libdeflate_alloc_compressor(1);
	if (r.inflater == NULL || r.deflater == NULL)
		r.error = "out of memory";
	ok = r.error == NULL && catalog(&r, &cat) && structure(&r, cat) && pages(&r, cat);
	if (ok)
		pdf_file_write(&r.f, sink, closure);
	*error = r.error;
	pdf_value_free(cat);
	g_hash_table_destroy(r.seen);
	g_hash_table_destroy(r.counts);
	libdeflate_free_decompressor(r.inflater);
	libdeflate_free_compressor(r.deflater);
	pdf_file_clear(&r.f);
	return ok;
}

/* pdf_sink into an output file. */
static void
to_output(void *closure, const void *data, size_t len)
{
	output_write(closure, data, len);
}

bool
pdf_access_close(struct pdf_access *a, cairo_surface_t *surface, struct output *o,
                 struct diag *d)
{
	cairo_status_t status;
	const char *error = NULL;

	cairo_surface_finish(surface);
	status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status != CAIRO_STATUS_SUCCESS)
		return pdf_commit_status(status, o, d);
	/* Streamed into the file: no second copy of the whole in memory. */
	if (!pdf_access_apply(a, a->bytes->data, a->bytes->len, to_output, o, &error)) {
		diag_report(d, output_path(o), 0, 0, M_CANNOT_TAG_PDF, error);
		output_abort(o);
		return false;
	}
	return output_commit(o, d);
}
