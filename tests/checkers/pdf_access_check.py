#!/usr/bin/env python3
"""Checks what a tagged PDF owes a reader with assistive technology, as far as
the product PDFs claim it: the document language and the title shown in the
viewer's title bar, alternate text on every figure, a scope on every table
header, and every mark on every page either tagged content or an artifact.

usage: pdf_access_check.py FILE.pdf   (needs qpdf)
Prints each finding, then "N findings"; exits 1 when there is any.
"""
import re
import subprocess
import sys

PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"sh", b"Do",
         b"Tj", b"TJ", b"'", b'"', b"EI"}
# The tokens of a content stream, white space between them skipped: a
# comment (group 1, ignored), a string (cairo escapes the parentheses
# inside), a dictionary bracket, a hex string, an array bracket or a name
# (group 2), or a word: a number or an operator (group 3).  Inline images
# (BI ... ID ... EI) are not read: the typesetter draws none.
TOKEN = re.compile(rb"""(%[^\r\n]*)|(\((?:[^()\\]|\\.)*\)|<<|>>|<[^<>]*>|[\[\]{}]|/[^\s()<>\[\]{}/%]*)|([^\s()<>\[\]{}/%]+)""", re.S)
OPERAND_START = frozenset(b"0123456789+-.")


def tokens(data):
    """Operands and operators of a content stream: (is_operator, text)."""
    for m in TOKEN.finditer(data):
        if m.group(2) is not None:
            yield False, m.group(2)
        elif m.group(3) is not None:
            word = m.group(3)
            yield not (word[0] in OPERAND_START or word in (b"true", b"false", b"null")), word


def content_findings(page, data):
    """Marks drawn outside any marked content, and tags inside artifacts."""
    found = []
    stack = []  # "tag", "artifact" or "other" for each open sequence
    operands = []
    for is_op, word in tokens(data):
        if not is_op:
            operands.append(word)
            continue
        if word in (b"BDC", b"BMC"):
            if word == b"BDC" and b"/MCID" in operands:
                if "artifact" in stack:
                    found.append("page %d: tagged content inside an artifact" % page)
                stack.append("tag")
            elif operands[:1] == [b"/Artifact"]:
                stack.append("artifact")
            else:
                stack.append("other")
        elif word == b"EMC":
            if stack:
                stack.pop()
        elif word in PAINT and "tag" not in stack and "artifact" not in stack:
            found.append("page %d: '%s' drawn neither tagged nor as an artifact"
                         % (page, word.decode("latin-1")))
        operands = []
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", sys.argv[1], "-"],
                         check=True, capture_output=True).stdout
    found = []
    objects = re.findall(rb"\n(\d+) 0 obj\n(.*?)\nendobj", qdf, re.S)
    for num, body in objects:
        if re.search(rb"/Type /Catalog\b", body):
            if not re.search(rb"/Lang \((?:[A-Za-z]{2,3})(?:-[A-Za-z0-9]+)*\)", body):
                found.append("the catalog has no /Lang")
            if not re.search(rb"/ViewerPreferences <<\s*/DisplayDocTitle true", body):
                found.append("the catalog does not ask viewers to display the title")
        if re.search(rb"/Type /StructElem\b", body):
            kind = re.search(rb"\n  /S /(\w+)", body)
            kind = kind.group(1) if kind else b""
            if kind == b"Figure" and not re.search(rb"\n  /Alt [(<]", body):
                found.append("figure (object %s) without alternate text" % num.decode())
            if kind == b"TH" and not re.search(rb"\n  /A <<[^>]*/Scope /(Row|Column|Both)", body):
                found.append("table header (object %s) without a scope" % num.decode())
    pages = re.split(rb"%% Contents for page (\d+)\n", qdf)
    for k in range(1, len(pages), 2):
        m = re.search(rb"\nstream\n(.*?)\nendstream", pages[k + 1], re.S)
        if m is None:
            found.append("page %s: no content stream" % pages[k].decode())
            continue
        found += content_findings(int(pages[k]), m.group(1))
    for f in found[:20]:
        print(f)
    print("%d findings" % len(found))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
