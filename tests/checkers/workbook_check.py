#!/usr/bin/env python3
"""Checks of a rating workbook written by `ssecmm workbook`.

  workbook_check.py structure BOOK.xlsx
      reads the package's parts: on every project sheet the rating drop-down
      (a list of N, P, L, F, NA with its messages), the colours by rating, the
      protection that still allows filtering, sorting and resizing, locked ids
      and unlocked rating cells, the frozen header, the filter; the document
      properties.
  workbook_check.py rows BOOK.xlsx CSVDIR EXPECTED.csv|-
      compares what a spreadsheet shows (each sheet exported by LibreOffice to
      CSVDIR/STEM-SHEET.csv) with `ssecmm rate --format sheet` (EXPECTED):
      the rated rows of every project sheet, as project (B2), area, practice,
      rating, evidence, note.  "-" stands for a template: rows, none rated.

Exit status 0 when every check holds; each failure is printed.
"""
import csv
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
HEADER = ["Area", "Practice", "Title", "Statement", "Rating", "Evidence", "Note"]
OTHER_SHEETS = ("read me", "evidence")
problems = []


def problem(text):
    problems.append(text)


def sheets(book):
    """(name, part) of every sheet, in the workbook's order."""
    wb = ET.fromstring(book.read("xl/workbook.xml"))
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    out = []
    for s in wb.findall("m:sheets/m:sheet", NS):
        rid = s.get("{%s}id" % NS["r"])
        out.append((s.get("name"), "xl/" + target[rid].lstrip("/").removeprefix("xl/")))
    return out


def locked_styles(book):
    """For each cell style index, whether it leaves a cell locked."""
    styles = ET.fromstring(book.read("xl/styles.xml"))
    out = []
    for xf in styles.findall("m:cellXfs/m:xf", NS):
        p = xf.find("m:protection", NS)
        out.append(p is None or p.get("locked") not in ("0", "false"))
    return out


def cell_style(sheet, ref):
    c = sheet.find(".//m:c[@r='%s']" % ref, NS)
    return int(c.get("s", "0")) if c is not None else None


def structure(path):
    book = zipfile.ZipFile(path)
    locked = locked_styles(book)
    projects = [(n, p) for n, p in sheets(book) if n.lower() not in OTHER_SHEETS]
    names = [n for n, _ in sheets(book)]
    if names[0] != "Read me" or names[-1] != "Evidence" or not projects:
        problem("sheets are %s: expected Read me, the projects, Evidence" % names)
    for name, part in projects:
        s = ET.fromstring(book.read(part))
        where = "%s: sheet %s" % (path, name)
        dv = s.find("m:dataValidations/m:dataValidation", NS)
        if dv is None or dv.get("type") != "list":
            problem(where + ": no list validation")
        else:
            formula = dv.findtext("m:formula1", default="", namespaces=NS)
            if formula != '"N,P,L,F,NA"':
                problem(where + ": the drop-down offers %s" % formula)
            if not dv.get("sqref", "").startswith("E5"):
                problem(where + ": the drop-down is on %s, not column E" % dv.get("sqref"))
            for attr in ("promptTitle", "prompt", "errorTitle", "error"):
                if not dv.get(attr):
                    problem(where + ": the drop-down has no %s" % attr)
        colours = s.findall("m:conditionalFormatting", NS)
        values = sorted(r.findtext("m:formula", default="", namespaces=NS)
                        for cf in colours for r in cf.findall("m:cfRule", NS))
        if values != sorted(['"F"', '"L"', '"P"', '"N"', '"NA"']):
            problem(where + ": colours for %s" % values)
        prot = s.find("m:sheetProtection", NS)
        if prot is None or prot.get("sheet") != "1":
            problem(where + ": not protected")
        else:
            # In OOXML "0" means the action is not prevented.
            for attr in ("autoFilter", "sort", "formatColumns", "formatRows"):
                if prot.get(attr) != "0":
                    problem(where + ": protection forbids %s" % attr)
        pane = s.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is None or pane.get("state") != "frozen" or pane.get("ySplit") != "4":
            problem(where + ": the header is not frozen")
        af = s.find("m:autoFilter", NS)
        if af is None or not af.get("ref", "").startswith("A4:G"):
            problem(where + ": no filter on the header")
        for ref, want in (("B2", True), ("A5", True), ("B5", True), ("D5", True),
                          ("E5", False), ("F5", False), ("G5", False)):
            st = cell_style(s, ref)
            if st is None or locked[st] != want:
                problem(where + ": %s is %s" % (ref, "unlocked" if want else "locked"))
    core = ET.fromstring(book.read("docProps/core.xml"))
    app = ET.fromstring(book.read("docProps/app.xml"))
    for tag, label in (("dc:title", "title"), ("dc:subject", "subject"),
                       ("dc:creator", "author"), ("dcterms:created", "date")):
        if not core.findtext(tag, default="", namespaces=NS):
            problem("%s: no %s in the properties" % (path, label))
    if not app.findtext("ep:Company", default="", namespaces=NS):
        problem("%s: no company in the properties" % path)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def unformula(field):
    """rate --format sheet writes a leading apostrophe before = + - @."""
    if len(field) > 1 and field[0] == "'" and field[1] in "=+-@\t\r":
        return field[1:]
    return field


def rows(path, csvdir, expected):
    book = zipfile.ZipFile(path)
    stem = os.path.splitext(os.path.basename(path))[0]
    got, n_rows = [], 0
    for name, _ in sheets(book):
        if name.lower() in OTHER_SHEETS:
            continue
        where = "%s: sheet %s" % (path, name)
        try:
            table = read_csv(os.path.join(csvdir, "%s-%s.csv" % (stem, name)))
        except OSError as e:
            problem(where + ": not exported: %s" % e)
            continue
        table = [r + [""] * (7 - len(r)) for r in table]
        if len(table) < 4 or [c.strip() for c in table[3][:7]] != HEADER:
            problem(where + ": row 4 is not the header")
            continue
        project = table[1][1]
        if table[1][0] != "Project" or not project:
            problem(where + ": B2 does not name the project")
        for i, r in enumerate(table[4:], start=5):
            n_rows += 1
            if not (r[0] and r[1] and r[2]):
                problem(where + ": row %d lacks its area, practice or title" % i)
            if r[4]:
                got.append([project, r[0], r[1], r[4], r[5], r[6]])
    if expected == "-":
        if got or n_rows == 0:
            problem("%s: a template shows %d rows, %d rated" % (path, n_rows, len(got)))
        return
    want = [[unformula(f) for f in r] for r in read_csv(expected)[1:]]
    if got != want:
        for k, (g, w) in enumerate(zip(got, want)):
            if g != w:
                problem("%s: rated row %d reads %s, rate --format sheet %s" % (path, k + 1, g, w))
                break
        problem("%s: %d rated rows, rate --format sheet has %d" % (path, len(got), len(want)))


def main(argv):
    if len(argv) == 3 and argv[1] == "structure":
        structure(argv[2])
    elif len(argv) == 5 and argv[1] == "rows":
        rows(argv[2], argv[3], argv[4])
    else:
        sys.exit(__doc__)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
