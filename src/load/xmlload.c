/* Hardened XML loading: bytes read by us, parsed from memory, no DTDs, no network, limits. */
#include "load/xmlload.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>

#include "load/appraisal.h"
#include "load/lang.h"

const struct xml_limits xmlload_default_limits = {
	.max_bytes = 16u * 1024 * 1024,
	.max_depth = 64,
	.max_elements = 500000,
	.max_attributes = 64,
	/* Appraisals are the inputs whose size a report grows with: about 150
	 * MB of memory and 3 s of CPU per MB of appraisal, text or ratings.  At
	 * 4 MiB (a hundred projects rating every practice fit in it) a report
	 * and a statement stay well inside a batch worker's 1 GiB and 60 s. */
	.max_appraisal_bytes = 4u * 1024 * 1024,
};

/* State of the one parse in progress.  libxml2 2.9 routes errors and the
 * entity loader through process-wide hooks, so the hooks find their context
 * here; the program parses one document at a time. */
struct parse_state {
	struct diag *diag;
	const char *display;
	const struct xml_limits *limits;
	xmlParserCtxt *ctxt;
	unsigned depth;
	unsigned long elements;
	unsigned errors;
	bool doctype;
	bool limit_hit;
	bool data;               /* an input, not a template: xml:lang is checked */
	startElementNsSAX2Func start_element;
	endElementNsSAX2Func end_element;
};

static struct parse_state *current;

static void
swallow_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* libxml2's wording for a few common mistakes, in plainer words.  Returns
 * NULL to keep libxml2's message. */
static const char *
plain_message(const xmlError *e, char *buf, size_t size)
{
	switch (e->code) {
	case XML_ERR_INVALID_CHAR:
		if (e->message != NULL && strstr(e->message, "Bytes:") != NULL) {
			const char *bytes = strstr(e->message, "Bytes:") + 7;

			snprintf(buf, size, "invalid UTF-8: bytes %.*s; save the file as UTF-8 or "
			         "declare its real encoding", (int)strcspn(bytes, "\n"), bytes);
			return buf;
		}
		if (e->int1 > 0 && e->int1 < 0x20) {
			snprintf(buf, size, "control character U+%04X is not allowed in XML text",
			         (unsigned)e->int1);
			return buf;
		}
		return NULL;
	case XML_ERR_INVALID_CHARREF:
		return "character reference to a character XML does not allow (control "
		       "characters other than tab and line ends, U+0000, surrogates)";
	case XML_ERR_NAME_REQUIRED:
		if (e->message != NULL && strstr(e->message, "EntityRef") != NULL)
			return "a bare '&' in text: write it as &amp;";
		return NULL;
	default:
		return NULL;
	}
}

static void
route_structured(void *ctx, xmlError *e)
{
	struct parse_state *ps = current;
	char buf[256];
	const char *plain;

	(void)ctx;
	if (ps == NULL || e == NULL)
		return;
	/* Stops we asked for were reported already, in our own words. */
	if (e->code == XML_ERR_USER_STOP && (ps->doctype || ps->limit_hit))
		return;
	if (e->level == XML_ERR_WARNING) {
		diag_report(ps->diag, ps->display, e->line, e->int2,
		            M_RELAYED(DIAG_WARNING, EXIT_OK),
		            e->message ? e->message : "unknown warning");
		return;
	}
	/* After the first error libxml2 reports what follows from it; the
	 * first one is where the document went wrong. */
	if (ps->errors++ > 0)
		return;
	plain = plain_message(e, buf, sizeof buf);
	diag_report(ps->diag, ps->display, e->line, e->int2,
	            M_RELAYED(DIAG_ERROR, e->code == XML_ERR_NO_MEMORY ? EXIT_INTERNAL : EXIT_INVALID),
	            plain ? plain : e->message ? e->message : "unknown XML error");
}

/* Refuses every external resource: DTDs, entities, XInclude, document(). */
static xmlParserInput *
deny_entity_loader(const char *url, const char *id, xmlParserCtxt *ctxt)
{
	(void)id;
	(void)ctxt;
	if (current != NULL) {
		current->errors++;
		diag_report(current->diag, current->display, 0, 0, M_EXTERNAL_RESOURCE_REFUSED,
		            url ? url : (id ? id : "(unnamed)"));
	}
	return NULL;
}

void
xmlload_init(void)
{
	xmlInitParser();
	xmlCatalogSetDefaults(XML_CATA_ALLOW_NONE);
	xmlSetExternalEntityLoader(deny_entity_loader);
	xmlSetGenericErrorFunc(NULL, swallow_generic);
	xmlSetStructuredErrorFunc(NULL, route_structured);
}

void
xmlload_cleanup(void)
{
	xmlCleanupParser();
}

static void
internal_subset_hook(void *ctx, const xmlChar *name, const xmlChar *external_id,
                     const xmlChar *system_id)
{
	xmlParserCtxt *ctxt = ctx;
	struct parse_state *ps = current;

	(void)name;
	(void)external_id;
	(void)system_id;
	ps->doctype = true;
	ps->errors++;
	diag_report(ps->diag, ps->display, ctxt->input ? ctxt->input->line : 0, 0,
	            M_DOCTYPE_REFUSED);
	xmlStopParser(ctxt);
}

static void
limit_breach(struct parse_state *ps, const char *what, unsigned long limit)
{
	ps->limit_hit = true;
	ps->errors++;
	diag_report(ps->diag, ps->display, ps->ctxt->input ? ps->ctxt->input->line : 0, 0,
	            M_XML_LIMIT, what, limit);
	xmlStopParser(ps->ctxt);
}

/* The schemas let any element in the XML namespace's attributes through
 * (they cannot declare xml:lang without fetching the W3C's schema of that
 * namespace): of those only xml:lang is taken, and only with a language
 * tag, since products copy it into HTML's lang. */
static void
check_xml_attributes(struct parse_state *ps, int n, const xmlChar **attributes)
{
	long line = ps->ctxt->input != NULL ? ps->ctxt->input->line : 0;

	for (int i = 0; i < n; i++) {
		const xmlChar **a = attributes + 5 * i;
		char *value;

		if (a[2] == NULL || !xmlStrEqual(a[2], XML_XML_NAMESPACE))
			continue;
		if (!xmlStrEqual(a[0], (const xmlChar *)"lang")) {
			ps->errors++;
			diag_report(ps->diag, ps->display, line, 0, M_XML_ATTRIBUTE_REFUSED,
			            (const char *)a[0]);
			continue;
		}
		value = g_strndup((const char *)a[3], (gsize)(a[4] - a[3]));
		if (*value != '\0' && !lang_tag_valid(value)) {
			ps->errors++;
			diag_report(ps->diag, ps->display, line, 0, M_XML_LANG_INVALID, value);
		}
		g_free(value);
	}
}

static void
start_element_hook(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                   const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                   int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	struct parse_state *ps = current;

	if (ps->limit_hit)
		return;
	if (++ps->depth > ps->limits->max_depth) {
		limit_breach(ps, "element nesting depth", ps->limits->max_depth);
		return;
	}
	if (++ps->elements > ps->limits->max_elements) {
		limit_breach(ps, "number of elements", ps->limits->max_elements);
		return;
	}
	if (ps->data && !ps->limits->other_format)
		check_xml_attributes(ps, nb_attributes, attributes);
	ps->start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces,
	                  nb_attributes, nb_defaulted, attributes);
}

static void
end_element_hook(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                 const xmlChar *uri)
{
	struct parse_state *ps = current;

	if (ps->depth > 0)
		ps->depth--;
	if (!ps->limit_hit)
		ps->end_element(ctx, localname, prefix, uri);
}

static long
line_at(const char *buf, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* Skip from buf[i] past the terminator term; returns len when absent. */
static size_t
skip_past(const char *buf, size_t len, size_t i, const char *term)
{
	size_t tl = strlen(term);

	for (; i + tl <= len; i++)
		if (memcmp(buf + i, term, tl) == 0)
			return i + tl;
	return len;
}

/* libxml2 2.9's duplicate-attribute check is quadratic (100,000 attributes
 * cost 18 s), and it runs before any hook of ours, so count attributes in the
 * raw bytes first: '=' outside quotes inside a start tag.  Returns the offset
 * of the first tag over the limit, or len. */
static size_t
find_attribute_flood(const char *buf, size_t len, unsigned max_attributes)
{
	size_t i = 0, tag_start = 0;
	unsigned count = 0;
	char quote = 0;
	bool in_tag = false;

	while (i < len) {
		char c = buf[i];

		if (!in_tag) {
			if (c == '<' && i + 1 < len) {
				if (buf[i + 1] == '?') {
					i = skip_past(buf, len, i + 2, "?>");
					continue;
				}
				if (len - i >= 4 && memcmp(buf + i, "<!--", 4) == 0) {
					i = skip_past(buf, len, i + 4, "-->");
					continue;
				}
				if (len - i >= 9 && memcmp(buf + i, "<![CDATA[", 9) == 0) {
					i = skip_past(buf, len, i + 9, "]]>");
					continue;
				}
				in_tag = true;
				tag_start = i;
				count = 0;
				quote = 0;
			}
		} else if (quote != 0) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '=') {
			if (++count > max_attributes)
				return tag_start;
		} else if (c == '>') {
			in_tag = false;
		}
		i++;
	}
	return len;
}

/* UTF-32, with or without its byte-order mark ("<" is the first character
 * of any XML document without one).  Checked before UTF-16, whose
 * little-endian mark begins the UTF-32 one. */
static bool
is_utf32(const unsigned char *u, size_t len)
{
	return len >= 4 && (memcmp(u, "\xFF\xFE\0\0", 4) == 0 || memcmp(u, "\0\0\xFE\xFF", 4) == 0 ||
	                    memcmp(u, "<\0\0\0", 4) == 0 || memcmp(u, "\0\0\0<", 4) == 0);
}

static bool
precheck(const char *buf, size_t len, const char *display, const struct xml_limits *limits,
         struct diag *d)
{
	const unsigned char *u = (const unsigned char *)buf;
	const char *nul;
	size_t flood;

	if (len >= 2 && u[0] == 0x1F && u[1] == 0x8B) {
		diag_report(d, display, 1, 0, M_GZIP_REFUSED);
		return false;
	}
	if (len >= 6 && memcmp(u, "\xFD" "7zXZ", 5) == 0) {
		diag_report(d, display, 1, 0, M_XZ_REFUSED);
		return false;
	}
	if (is_utf32(u, len)) {
		diag_report(d, display, 1, 0, M_XML_UTF32);
		return false;
	}
	/* UTF-16 without its byte-order mark would be reported as a NUL byte;
	 * name the real problem ("<" then NUL, or NUL then "<"; not UTF-32). */
	if (len >= 4 && ((u[0] == '<' && u[1] == 0 && u[2] != 0 && u[3] == 0) ||
	                 (u[0] == 0 && u[1] == '<' && u[2] == 0 && u[3] != 0))) {
		diag_report(d, display, 1, 0, M_XML_UTF16_NO_BOM);
		return false;
	}
	nul = memchr(buf, '\0', len);
	if (nul != NULL) {
		diag_report(d, display, line_at(buf, (size_t)(nul - buf)), 0, M_XML_NUL_BYTE);
		return false;
	}
	flood = find_attribute_flood(buf, len, limits->max_attributes);
	if (flood < len) {
		diag_report(d, display, line_at(buf, flood), 0, M_TOO_MANY_ATTRIBUTES,
		            limits->max_attributes);
		return false;
	}
	return true;
}

static xmlDoc *parse_checked(const char *buf, size_t len, const char *encoding,
                             const char *display, const struct xml_limits *limits,
                             xmlDict *dict, struct diag *d);

/* UTF-16 text holds NUL bytes by nature, which would defeat the byte checks;
 * decode it to UTF-8 first (an odd length or a lone surrogate fails here). */
static xmlDoc *
parse_utf16(const char *buf, size_t len, const char *from, const char *display,
            const struct xml_limits *limits, struct diag *d)
{
	GError *err = NULL;
	gsize out_len = 0;
	gchar *utf8;
	xmlDoc *doc;

	utf8 = g_convert(buf + 2, (gssize)(len - 2), "UTF-8", from, NULL, &out_len, &err);
	if (utf8 == NULL) {
		diag_report(d, display, 1, 0, M_INVALID_ENCODING, from, err->message);
		g_error_free(err);
		return NULL;
	}
	doc = parse_checked(utf8, out_len, "UTF-8", display, limits, NULL, d);
	g_free(utf8);
	return doc;
}

xmlDoc *
xmlload_memory(const char *buf, size_t len, const char *display,
               const struct xml_limits *limits, struct diag *d)
{
	const unsigned char *u = (const unsigned char *)buf;

	if (limits == NULL)
		limits = &xmlload_default_limits;
	if (is_utf32(u, len))
		return parse_checked(buf, len, NULL, display, limits, NULL, d);
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return parse_utf16(buf, len, "UTF-16LE", display, limits, d);
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return parse_utf16(buf, len, "UTF-16BE", display, limits, d);
	return parse_checked(buf, len, NULL, display, limits, NULL, d);
}

static bool
is_appraisal(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	return root != NULL && root->ns != NULL &&
	       xmlStrEqual(root->name, (const xmlChar *)"appraisal") &&
	       xmlStrEqual(root->ns->href, (const xmlChar *)APPRAISAL_NS);
}

static xmlDoc *
parse_checked(const char *buf, size_t len, const char *encoding, const char *display,
              const struct xml_limits *limits, xmlDict *dict, struct diag *d)
{
	struct parse_state ps = {0};
	xmlParserCtxt *ctxt;
	xmlDoc *doc;
	bool ok;

	if (len == 0) {
		diag_report(d, display, 1, 0, M_EMPTY_XML_FILE);
		return NULL;
	}
	if (len > limits->max_bytes) {
		diag_report(d, display, 1, 0, M_INPUT_TOO_LARGE, len, limits->max_bytes);
		return NULL;
	}
	if (len > INT_MAX || !precheck(buf, len, display, limits, d))
		return NULL;

	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		diag_report(d, display, 0, 0, M_OUT_OF_MEMORY);
		return NULL;
	}
	if (dict != NULL) {
		/* libxslt wants a stylesheet's imports in the stylesheet's dictionary. */
		xmlDictFree(ctxt->dict);
		ctxt->dict = dict;
		xmlDictReference(dict);
	}
	ps.diag = d;
	ps.data = dict == NULL;
	ps.display = display;
	ps.limits = limits;
	ps.ctxt = ctxt;
	ps.start_element = ctxt->sax->startElementNs;
	ps.end_element = ctxt->sax->endElementNs;
	ctxt->sax->internalSubset = internal_subset_hook;
	ctxt->sax->startElementNs = start_element_hook;
	ctxt->sax->endElementNs = end_element_hook;
	ctxt->sax->serror = NULL;

	current = &ps;
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, display, encoding,
	                        XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
	                        XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ok = doc != NULL && ctxt->wellFormed && ctxt->nsWellFormed && ps.errors == 0 &&
	     !ps.doctype && !ps.limit_hit;
	if (!ok && ps.errors == 0)
		diag_report(d, display, 1, 0, M_NOT_WELL_FORMED);
	current = NULL;
	xmlFreeParserCtxt(ctxt);
	if (ok && limits->max_appraisal_bytes > 0 && len > limits->max_appraisal_bytes &&
	    is_appraisal(doc)) {
		diag_report(d, display, 1, 0, M_APPRAISAL_TOO_LARGE, len,
		            limits->max_appraisal_bytes);
		ok = false;
	}
	if (!ok) {
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

char *
xmlload_read_bytes(const char *path, size_t max_bytes, size_t *len_out, struct diag *d)
{
	struct stat st;
	size_t len = 0, cap;
	char *buf;
	int fd;
	bool is_stdin = strcmp(path, "-") == 0;
	const char *display = is_stdin ? "<stdin>" : path;

	if (is_stdin) {
		fd = STDIN_FILENO;
	} else {
		/* O_NONBLOCK: opening a FIFO must not hang before we can refuse it. */
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
		if (fd < 0) {
			diag_report(d, display, 0, 0, M_CANNOT_OPEN, strerror(errno));
			return NULL;
		}
		if (fstat(fd, &st) != 0) {
			diag_report(d, display, 0, 0, M_CANNOT_STAT, strerror(errno));
			close(fd);
			return NULL;
		}
		if (!S_ISREG(st.st_mode)) {
			if (S_ISDIR(st.st_mode))
				diag_report(d, display, 0, 0, M_INPUT_IS_DIRECTORY);
			else
				diag_report(d, display, 0, 0, M_INPUT_NOT_REGULAR);
			close(fd);
			return NULL;
		}
		if ((unsigned long long)st.st_size > max_bytes) {
			diag_report(d, display, 1, 0, M_FILE_TOO_LARGE, (long long)st.st_size,
			            max_bytes);
			close(fd);
			return NULL;
		}
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	}
	cap = 64 * 1024;
	buf = g_malloc(cap + 1);
	for (;;) {
		ssize_t n;

		if (len == cap) {
			if (cap > max_bytes) {
				diag_report(d, display, 1, 0, M_STREAM_TOO_LARGE, max_bytes);
				goto fail;
			}
			cap *= 2;
			buf = g_realloc(buf, cap + 1);
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_report(d, display, 0, 0, M_READ_ERROR, strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > max_bytes) {
		diag_report(d, display, 1, 0, M_INPUT_TOO_LARGE, len, max_bytes);
		goto fail;
	}
	if (!is_stdin)
		close(fd);
	buf[len] = '\0';
	*len_out = len;
	return buf;
fail:
	if (!is_stdin)
		close(fd);
	g_free(buf);
	return NULL;
}

xmlDoc *
xmlload_file(const char *path, const struct xml_limits *limits, struct diag *d,
             char sha256[65])
{
	const char *display = strcmp(path, "-") == 0 ? "<stdin>" : path;
	size_t len;
	char *buf;
	xmlDoc *doc;

	if (limits == NULL)
		limits = &xmlload_default_limits;
	buf = xmlload_read_bytes(path, limits->max_bytes, &len, d);
	if (buf == NULL)
		return NULL;
	if (sha256 != NULL) {
		gchar *hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)buf, len);

		memcpy(sha256, hex, 64);
		sha256[64] = '\0';
		g_free(hex);
	}
	doc = xmlload_memory(buf, len, display, limits, d);
	g_free(buf);
	return doc;
}

long
xmlload_line(const xmlNode *node)
{
	return node != NULL ? xmlGetLineNo(node) : 0;
}

xmlDoc *
xmlload_file_in_dict(const char *path, xmlDict *dict, struct diag *d)
{
	size_t len;
	char *buf;
	xmlDoc *doc;

	buf = xmlload_read_bytes(path, xmlload_default_limits.max_bytes, &len, d);
	if (buf == NULL)
		return NULL;
	doc = parse_checked(buf, len, NULL, path, &xmlload_default_limits, dict, d);
	g_free(buf);
	return doc;
}
