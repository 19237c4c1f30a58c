/* A PDF as cairo 1.16 writes it (one classic cross-reference table), read object by object and written again with some objects replaced. */
#ifndef SSECMM_PDF_FILE_H
#define SSECMM_PDF_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

enum pdf_kind {
	PDF_NULL, PDF_BOOL, PDF_NUMBER, PDF_NAME, PDF_STRING, PDF_ARRAY, PDF_DICT, PDF_REF
};

/* A parsed value.  start and end delimit its text in the file (a name's
 * text includes its '/', a dictionary's its "<<" and ">>"). */
struct pdf_value {
	enum pdf_kind kind;
	size_t start, end;
	double number;         /* PDF_NUMBER, PDF_BOOL (1 or 0) */
	unsigned ref;          /* PDF_REF: the object number */
	GPtrArray *items;      /* PDF_ARRAY: the elements; PDF_DICT: key, value, key, ... */
};

/* The class of each byte in PDF syntax: white space or delimiter, else 0
 * (a regular character). */
enum { PDF_WHITE = 1, PDF_DELIMITER = 2 };
extern const unsigned char pdf_chars[256];

struct pdf_file {
	const unsigned char *data;  /* borrowed: the whole file */
	size_t len;
	size_t size;                /* the trailer's /Size */
	size_t *offsets;            /* of each object below size; 0 for a free one */
	size_t xref;                /* where the cross-reference table starts */
	struct pdf_value *trailer;
	unsigned root;              /* the catalog's object number */
	GHashTable *replaced;       /* object number -> GString (what lies between obj and endobj) */
};

/* Read the cross-reference table and trailer of data (len bytes, kept
 * borrowed until pdf_file_clear).  Every offset is checked: in the file,
 * before the table, and at "N 0 obj" for its own N.  Refused: another
 * table before it (/Prev), encryption, a cross-reference stream.  False
 * with *error (static text) set. */
bool pdf_file_read(struct pdf_file *f, const unsigned char *data, size_t len, const char **error);
void pdf_file_clear(struct pdf_file *f);

/* The value of object num (pdf_value_free it), NULL if num is free, out of
 * range or malformed.  *after (may be NULL) receives the offset just after
 * the value: where "stream" or "endobj" follows. */
struct pdf_value *pdf_file_object(const struct pdf_file *f, unsigned num, size_t *after);

/* Object num's dictionary read in one pass, building only the values of
 * keys[0..n) (without their '/') into values[] (NULL for a key it lacks;
 * pdf_value_free each), with where it lies: the offsets of its "<<" and
 * just after its ">>".  False, values all NULL, if num is not a
 * well-formed dictionary object. */
bool pdf_file_dict(const struct pdf_file *f, unsigned num, const char *const keys[],
                   struct pdf_value *values[], size_t n, size_t *start, size_t *end);

/* Stream object num: its dictionary (pdf_value_free it) and its data, as
 * its /Length (direct or an object of its own) delimits it inside the file.
 * False when it is not a well-formed stream. */
bool pdf_file_stream(const struct pdf_file *f, unsigned num, struct pdf_value **dict,
                     const unsigned char **data, size_t *len);

/* The number a value is, or that the object it refers to holds; -1 if none. */
double pdf_file_number(const struct pdf_file *f, const struct pdf_value *v);

/* The value of key (without its '/') in dict, parsed from data; NULL if
 * dict is not a dictionary or has no such key.  Borrowed from dict. */
struct pdf_value *pdf_dict_get(const unsigned char *data, const struct pdf_value *dict,
                               const char *key);
/* Is v, parsed from data, the name given (without its '/')? */
bool pdf_is_name(const unsigned char *data, const struct pdf_value *v, const char *name);
void pdf_value_free(struct pdf_value *v);

/* Parse one value of data[*pos, len) (for tests and the content of
 * objects); NULL when malformed or nested deeper than 32. */
struct pdf_value *pdf_parse_value(const unsigned char *data, size_t len, size_t *pos);

/* Write object num as body (the text between "N 0 obj" and "endobj") in
 * place of its old text; f takes body. */
void pdf_file_replace(struct pdf_file *f, unsigned num, GString *body);

/* Where a file is written, piece by piece: closure and the next bytes. */
typedef void (*pdf_sink)(void *closure, const void *data, size_t len);

/* The whole file again through sink(closure, ...): objects in their old
 * order, the replaced ones with their new text, and a new cross-reference
 * table and trailer. */
void pdf_file_write(const struct pdf_file *f, pdf_sink sink, void *closure);

/* value as a PDF text string: UTF-16BE with its byte order mark, in hex. */
void pdf_append_text_string(GString *s, const char *value);

#endif
