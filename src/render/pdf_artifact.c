/* Page content outside the structure tree marked as artifacts: what cairo 1.16 draws untagged wrapped in /Artifact marked content. */
#include "render/pdf_artifact.h"

#include "render/pdf_file.h"

#include <stdint.h>
#include <string.h>

#define OPEN "/Artifact BMC\n"
#define CLOSE "EMC\n"

struct scan {
	const unsigned char *d;
	size_t len, p;
	size_t copied;       /* what of d is in out already */
	GByteArray *out;
};

static bool
is_white(unsigned char c)
{
	return pdf_chars[c] & PDF_WHITE;
}

/* Copy d up to at, then text: an insertion at a token boundary. */
static void
insert(struct scan *s, size_t at, const char *text)
{
	g_byte_array_append(s->out, s->d + s->copied, (guint)(at - s->copied));
	g_byte_array_append(s->out, (const guint8 *)text, (guint)strlen(text));
	s->copied = at;
}

enum token { TOK_OPERAND, TOK_OPERATOR, TOK_END, TOK_BAD };

/* The next token from s->p: its start in *start and, for an operator or a
 * name, its length in *n.  Dictionary and array brackets count in *nesting. */
static enum token
next_token(struct scan *s, size_t *start, size_t *n, int *nesting)
{
	const unsigned char *d = s->d;
	int parens = 0;

	while (s->p < s->len) {
		if (is_white(d[s->p])) {
			s->p++;
		} else if (d[s->p] == '%') {
			while (s->p < s->len && d[s->p] != '\n' && d[s->p] != '\r')
				s->p++;
		} else {
			break;
		}
	}
	*start = s->p;
	*n = 0;
	if (s->p >= s->len)
		return TOK_END;
	switch (d[s->p]) {
	case '(':
		for (; s->p < s->len; s->p++) {
			if (d[s->p] == '\\')
				s->p++;
			else if (d[s->p] == '(')
				parens++;
			else if (d[s->p] == ')' && --parens == 0)
				break;
		}
		if (s->p >= s->len)
			return TOK_BAD;
		s->p++;
		return TOK_OPERAND;
	case '<':
		if (s->p + 1 < s->len && d[s->p + 1] == '<') {
			s->p += 2;
			(*nesting)++;
			return TOK_OPERAND;
		}
		while (s->p < s->len && d[s->p] != '>')
			s->p++;
		if (s->p >= s->len)
			return TOK_BAD;
		s->p++;
		return TOK_OPERAND;
	case '>':
		if (s->p + 1 >= s->len || d[s->p + 1] != '>' || *nesting == 0)
			return TOK_BAD;
		s->p += 2;
		(*nesting)--;
		return TOK_OPERAND;
	case '[':
		s->p++;
		(*nesting)++;
		return TOK_OPERAND;
	case ']':
		if (*nesting == 0)
			return TOK_BAD;
		s->p++;
		(*nesting)--;
		return TOK_OPERAND;
	case '{':
	case '}':
	case ')':
		return TOK_BAD;
	case '/':
		s->p++;
		break;
	default:
		break;
	}
	while (s->p < s->len && pdf_chars[d[s->p]] == 0) /* a regular character */
		s->p++;
	*n = s->p - *start;
	if (d[*start] == '/' || (d[*start] >= '0' && d[*start] <= '9') || d[*start] == '-' ||
	    d[*start] == '+' || d[*start] == '.' || (*n == 4 && memcmp(d + *start, "true", 4) == 0) ||
	    (*n == 5 && memcmp(d + *start, "false", 5) == 0) ||
	    (*n == 4 && memcmp(d + *start, "null", 4) == 0))
		return TOK_OPERAND;
	return TOK_OPERATOR;
}

/* An inline image's data, from after ID to its EI (whitespace before and
 * after it): s->p at the EI. */
static bool
skip_image_data(struct scan *s)
{
	size_t p;

	for (p = s->p + 1; p + 2 <= s->len; p++)
		if (is_white(s->d[p - 1]) && s->d[p] == 'E' && s->d[p + 1] == 'I' &&
		    (p + 2 == s->len || is_white(s->d[p + 2]))) {
			s->p = p;
			return true;
		}
	return false;
}

/* The operators that matter here; every other is OP_OTHER. */
enum op { OP_OTHER, OP_BDC, OP_BMC, OP_EMC, OP_SAVE, OP_RESTORE, OP_BT, OP_ET, OP_OBJECT, OP_ID };

/* Looked up by length and letters: a page has tens of thousands of operators. */
static enum op
op_of(const unsigned char *s, size_t n)
{
	switch (n) {
	case 1:
		return s[0] == 'q' ? OP_SAVE : s[0] == 'Q' ? OP_RESTORE : s[0] == 'm' ? OP_OBJECT
		                                                                     : OP_OTHER;
	case 2:
		if (s[0] == 'B' && s[1] == 'T')
			return OP_BT;
		if (s[0] == 'E' && s[1] == 'T')
			return OP_ET;
		if ((s[0] == 'r' && s[1] == 'e') || (s[0] == 's' && s[1] == 'h') ||
		    (s[0] == 'D' && s[1] == 'o') || (s[0] == 'B' && s[1] == 'I'))
			return OP_OBJECT;
		return s[0] == 'I' && s[1] == 'D' ? OP_ID : OP_OTHER;
	case 3:
		if (memcmp(s, "BDC", 3) == 0)
			return OP_BDC;
		if (memcmp(s, "BMC", 3) == 0)
			return OP_BMC;
		return memcmp(s, "EMC", 3) == 0 ? OP_EMC : OP_OTHER;
	default:
		return OP_OTHER;
	}
}

bool
pdf_artifact_wrap(const unsigned char *in, size_t len, GByteArray *out)
{
	struct scan s = {in, len, 0, 0, out};
	/* The marked-content sequences open in the input: tagged or not. */
	GArray *open = g_array_new(FALSE, FALSE, sizeof(bool));
	size_t operands = SIZE_MAX, tagged = 0, untagged = 0;
	bool artifact = false, in_text = false, mcid = false, ok = false;
	int nesting = 0;

	for (;;) {
		size_t start, n, at;
		enum token t = next_token(&s, &start, &n, &nesting);

		if (t == TOK_BAD)
			goto done;
		if (t == TOK_END)
			break;
		if (t == TOK_OPERAND) {
			if (operands == SIZE_MAX)
				operands = start;
			if (n == 5 && memcmp(in + start, "/MCID", 5) == 0)
				mcid = true;
			continue;
		}
		if (nesting != 0)
			goto done;
		/* Marks go before an operator's operands. */
		at = operands != SIZE_MAX ? operands : start;
		switch (op_of(in + start, n)) {
		case OP_BDC:
		case OP_BMC: {
			bool is_tagged = mcid && op_of(in + start, n) == OP_BDC;

			if (is_tagged) {
				/* Structure content inside an untagged sequence, or
				 * starting inside a text object we marked: cairo
				 * writes neither. */
				if (untagged > 0 || (artifact && in_text))
					goto done;
				if (artifact)
					insert(&s, at, CLOSE);
				artifact = false;
				tagged++;
			} else {
				if (tagged == 0 && !artifact) {
					insert(&s, at, OPEN);
					artifact = true;
				}
				untagged++;
			}
			g_array_append_val(open, is_tagged);
			break;
		}
		case OP_EMC:
			if (open->len == 0)
				goto done;
			if (g_array_index(open, bool, open->len - 1))
				tagged--;
			else
				untagged--;
			g_array_set_size(open, open->len - 1);
			break;
		case OP_SAVE:
		case OP_RESTORE:
			/* An artifact never holds half of a q ... Q pair. */
			if (artifact && untagged == 0) {
				insert(&s, at, CLOSE);
				artifact = false;
			}
			break;
		case OP_BT:
		case OP_OBJECT:
			/* The first operator of a graphics object. */
			if (tagged == 0 && !artifact) {
				insert(&s, at, OPEN);
				artifact = true;
			}
			in_text = in_text || op_of(in + start, n) == OP_BT;
			break;
		case OP_ET:
			in_text = false;
			break;
		case OP_ID:
			if (!skip_image_data(&s))
				goto done;
			break;
		case OP_OTHER:
			break;
		}
		operands = SIZE_MAX;
		mcid = false;
	}
	if (open->len != 0 || nesting != 0 || operands != SIZE_MAX || in_text)
		goto done;
	insert(&s, len, artifact ? "\n" CLOSE : "");
	ok = true;
done:
	g_array_free(open, TRUE);
	return ok;
}
