#!/usr/bin/env python3
"""Reads product PDFs as a reader would, page by page, and names what no careful publisher
would let through.

Usage: layout_check.py FILE.pdf...  Prints one line per finding,
"FILE: page N: RULE: text", then "N findings in N files"; exits 1 when it
found anything, 2 when a file cannot be read.

The pages come from `pdftohtml -xml` (poppler), so the check sees what was
drawn, not what the typesetter meant.  It knows the typesetter's page style
by its colours: headings are bold in #0f3c73, captions bold in #57606a,
running heads and footers the small grey text above and below the body.
Rules:
  heading-stranded   a heading or caption with nothing after it on its page
                     but other headings, captions and at most two bold lines
                     (a table's header row)
  lead-in-at-foot    a lead-in ending in ':' is the page's last line
  short-page         a page of at most two lines that does not end a chapter
                     or section (the next page starts with an h2 or h3, or
                     it is the last)
  lone-marker        a list bullet or number on a line of its own
  short-break        a word broken leaving fewer than three letters on
                     either side
  cover-spill        a cover (a first page without footer) runs on: the
                     second page does not start with a chapter's title (the
                     contents or the first chapter)
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HEADING = "#0f3c73"
CHAPTER_SIZE = 17  # pdftohtml's size of an h3 (12 pt) or larger: a chapter's or section's title
GREY = "#57606a"
MARKER = re.compile(r"^(\u2022|\d+\.)$")
LETTERS = re.compile(r"[^\W\d_]+$")


def pages_of(path):
    """Each page as (number, height, body lines, footed); a line is a list of
    segments, a segment a dict of top, left, right, text, heading, caption,
    bold.  Running heads and footers are left out; footed says whether
    the page had a footer (a cover has none)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", path],
                         check=True, capture_output=True).stdout
    root = ET.fromstring(xml)
    fonts = {}
    result = []
    for page in root.iter("page"):
        for spec in page.iter("fontspec"):
            fonts[spec.get("id")] = (int(spec.get("size")), spec.get("color").lower())
        height = float(page.get("height"))
        frags = []
        footed = False
        for t in page.iter("text"):
            text = "".join(t.itertext())
            if not text.strip():
                continue
            top, left, width = float(t.get("top")), float(t.get("left")), float(t.get("width"))
            # Running head and footer: above the head rule, below the body.
            if top > height - 60:
                footed = True
            if top < 60 or top > height - 60:
                continue
            size, color = fonts.get(t.get("font"), (0, ""))
            bold = t.find("b") is not None or t.find(".//b") is not None
            frags.append({"top": top, "left": left, "right": left + width, "text": text,
                          "chapter": bold and color == HEADING and size >= CHAPTER_SIZE,
                          "grey": not bold and color == GREY,
                          "heading": bold and color == HEADING and size >= 14,
                          "caption": bold and color == GREY and size >= 13,
                          "bold": bold})
        result.append((int(page.get("number")), height, lines_of(frags), footed))
    return result


def lines_of(frags):
    """Fragments grouped into lines (tops within 3 units: a list marker sits
    a point lower than its text), each line into segments split at gaps
    wider than a word space (table cells)."""
    frags.sort(key=lambda f: (f["top"], f["left"]))
    lines = []
    for f in frags:
        if lines and abs(f["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(f)
        else:
            lines.append([f])
    out = []
    for line in lines:
        line.sort(key=lambda f: f["left"])
        segs = []
        for f in line:
            if segs and f["left"] - segs[-1]["right"] < 12:
                s = segs[-1]
                s["text"] += ("" if f["left"] - s["right"] < 1.5 else " ") + f["text"]
                s["right"] = f["right"]
                s["heading"] = s["heading"] and f["heading"]
                s["chapter"] = s["chapter"] and f["chapter"]
                s["caption"] = s["caption"] and f["caption"]
                s["bold"] = s["bold"] and f["bold"]
            else:
                segs.append(dict(f))
        out.append(segs)
    return out


def line_text(line):
    return " ".join(s["text"] for s in line).strip()


def kind(line):
    if all(s["heading"] for s in line):
        return "heading"
    if all(s["caption"] for s in line):
        return "caption"
    if all(s["bold"] for s in line):
        return "bold"
    return "text"


def check(path):
    findings = []
    pages = pages_of(path)
    vocabulary = set()
    for _, _, lines, _ in pages:
        for line in lines:
            for s in line:
                vocabulary.update(w.lower() for w in re.findall(r"[^\W\d_]+", s["text"]))

    def find(number, rule, text):
        findings.append("%s: page %d: %s: %s" % (path, number, rule, text[:70]))

    # A cover is one page: what follows it opens with a chapter's title.
    if len(pages) > 1 and pages[0][2] and not pages[0][3]:
        nxt = pages[1][2]
        if nxt and not all(s["chapter"] for s in nxt[0]):
            findings.append("%s: page 2: cover-spill: %s" % (path, line_text(nxt[0])[:70]))

    for i, (number, _, lines, _) in enumerate(pages):
        if not lines:
            continue
        kinds = [kind(l) for l in lines]
        # Headings and captions with nothing, or only a header row, under them.
        for j, k in enumerate(kinds):
            if k not in ("heading", "caption"):
                continue
            rest = kinds[j + 1:]
            if all(r in ("heading", "caption", "bold") for r in rest) and \
               rest.count("bold") <= 2:
                find(number, "heading-stranded", line_text(lines[j]))
                break
        last = line_text(lines[-1])
        if last.endswith(":") and kinds[-1] != "heading":
            find(number, "lead-in-at-foot", last)
        # A page of one or two lines that does not end a chapter.
        if len(lines) <= 2 and i + 1 < len(pages) and i > 0:
            nxt = pages[i + 1][2]
            if not nxt or not all(s["chapter"] for s in nxt[0]):
                find(number, "short-page", line_text(lines[0]))
        for line in lines:
            for s in line:
                # Markers are set small and grey, left of the item's text.
                if s["grey"] and MARKER.match(s["text"].strip()) and len(line) == 1:
                    find(number, "lone-marker", s["text"].strip())
        # Words broken inside: where pango broke a word it puts a hyphen
        # (U+2010, never in the documents' own text); between characters that
        # take none, the two parts joined are a word of the document and one
        # of them is not.  A break at a word's own hyphen or slash is at its
        # separators, and fine.
        for j, line in enumerate(lines[:-1]):
            for s in line:
                m = re.search(r"([^\W\d_]*)(\u2010?)$", s["text"])
                below = [t for t in lines[j + 1] if abs(t["left"] - s["left"]) < 6]
                n = re.match(r"[^\W\d_]*", below[0]["text"]) if below else None
                if n is None:
                    continue
                before, after = m.group(1), n.group(0)
                if m.group(2):
                    broken = True
                else:
                    broken = before and after and \
                        (before + after).lower() in vocabulary and \
                        (before.lower() not in vocabulary or after.lower() not in vocabulary)
                if broken and min(len(before), len(after)) < 3:
                    find(number, "short-break", before + "|" + after)
    return findings


def main(argv):
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    total = 0
    for path in argv[1:]:
        try:
            findings = check(path)
        except (subprocess.CalledProcessError, ET.ParseError, OSError) as e:
            print("%s: cannot read: %s" % (path, e), file=sys.stderr)
            return 2
        for f in findings:
            print(f)
        total += len(findings)
    print("%d findings in %d files" % (total, len(argv) - 1))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
