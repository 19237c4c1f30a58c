#!/usr/bin/env python3
"""Rating workbooks for the tests, written with the standard library alone.

usage: mkworkbook.py corpus DIR
           the workbooks of the golden tests, good and hostile, into DIR
       mkworkbook.py fetch DIR CANARY PORT
           workbooks whose parts try to read the file CANARY or reach
           127.0.0.1:PORT, named NAME-EXIT.xlsx by the exit status expected
       mkworkbook.py fuzz-seeds DIR
           seeds of tests/fuzz/fuzz_xlsx.c: the text of a workbook's parts
       mkworkbook.py from-sheet SHEET.csv OUT.xlsx [--inline-strings]
           the layout `ssecmm workbook` writes, filled from the rating sheet
           of `rate --format sheet` (one sheet per project)

Every file is the same byte for byte from run to run: entries in a fixed
order, a fixed time stamp, deflate at level 9.
"""
import csv
import struct
import sys
import warnings
import zipfile
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
WORKSHEET = REL + "/worksheet"
SHARED = REL + "/sharedStrings"
STAMP = (2026, 1, 1, 0, 0, 0)
HEADER = ["Area", "Practice", "Title", "Statement", "Rating", "Evidence", "Note"]


def col_letters(col):
    s = ""
    while col > 0:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


class Cell:
    """A cell: kind s (text), n (number), b (boolean), f (formula with a
    cached text value), raw (the <c> element's inside as given)."""

    def __init__(self, value, kind="s", formula=None, shared=False):
        self.value, self.kind, self.formula, self.shared = value, kind, formula, shared


def text(v):
    return v if isinstance(v, Cell) else Cell(v)


def project_grid(project, rows, title=None):
    """The cells of a project sheet: A1 title, A2/B2 project, header, rows
    of (area, practice, rating, evidence, note)."""
    grid = {(1, 1): title or "Ratings of project %s" % project,
            (2, 1): "Project", (2, 2): project}
    for c, h in enumerate(HEADER, 1):
        grid[(4, c)] = h
    for i, (area, practice, rating, evidence, note) in enumerate(rows):
        r = 5 + i
        for c, v in ((1, area), (2, practice), (3, "Title of " + practice),
                     (4, "What " + practice + " asks."), (5, rating), (6, evidence), (7, note)):
            if v != "":
                grid[(r, c)] = v
    return grid


def sheet_xml(grid, sst, inline=False, omit_refs=False, reverse_rows=False, extra=""):
    """A worksheet part: rows in order (or reversed), each cell with its
    reference (or none, placed by order: then the row's cells must be
    contiguous from A)."""
    rows = {}
    for (r, c), v in grid.items():
        rows.setdefault(r, {})[c] = text(v)
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
           '<worksheet xmlns="%s" xmlns:r="%s"><sheetData>' % (MAIN, REL)]
    order = sorted(rows, reverse=reverse_rows)
    for r in order:
        out.append('<row r="%d">' % r if not omit_refs else "<row>")
        for c in sorted(rows[r]):
            cell = rows[r][c]
            ref = "" if omit_refs else ' r="%s%d"' % (col_letters(c), r)
            if cell.kind == "raw":
                out.append("<c%s%s</c>" % (ref, cell.value))
            elif cell.kind == "n":
                out.append("<c%s><v>%s</v></c>" % (ref, cell.value))
            elif cell.kind == "b":
                out.append('<c%s t="b"><v>%s</v></c>' % (ref, cell.value))
            elif cell.kind == "f":
                f = ('<f t="shared" si="0"/>' if cell.shared else "<f>%s</f>" % escape(cell.formula))
                out.append('<c%s t="str">%s<v>%s</v></c>' % (ref, f, escape(cell.value)))
            elif inline:
                out.append('<c%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                           % (ref, escape(cell.value)))
            else:
                out.append('<c%s t="s"><v>%d</v></c>' % (ref, sst.index(cell.value)))
        out.append("</row>")
    out.append("</sheetData>%s</worksheet>" % extra)
    return "".join(out)


class SharedStrings:
    def __init__(self):
        self.items, self.where = [], {}

    def index(self, s):
        if s not in self.where:
            self.where[s] = len(self.items)
            self.items.append(s)
        return self.where[s]

    def xml(self, rich=()):
        """rich: strings written as runs, split after their first word."""
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
               '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (MAIN, len(self.items), len(self.items))]
        for s in self.items:
            if s in rich and " " in s:
                a, b = s.split(" ", 1)
                out.append('<si><r><rPr><b/></rPr><t xml:space="preserve">%s </t></r>'
                           '<r><t>%s</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>'
                           % (escape(a), escape(b)))
            else:
                out.append('<si><t xml:space="preserve">%s</t></si>' % escape(s))
        out.append("</sst>")
        return "".join(out)


def package(sheets, inline=False, omit_refs=False, reverse_rows=False, rich=(),
            sst_xml=None, workbook_xml=None, rels_xml=None, sheet_parts=None, skip=(),
            extra_entries=()):
    """The entries of a workbook as (name, bytes): sheets is a list of
    (name, grid); any part may be replaced by the caller."""
    sst = SharedStrings()
    parts = []
    names = []
    for i, (name, grid) in enumerate(sheets, 1):
        part = "xl/worksheets/sheet%d.xml" % i
        xml = (sheet_parts or {}).get(i) or sheet_xml(grid, sst, inline, omit_refs, reverse_rows)
        parts.append((part, xml))
        names.append(name)
    wb = workbook_xml or (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="%s" xmlns:r="%s"><sheets>%s</sheets></workbook>'
        % (MAIN, REL, "".join('<sheet name=%s sheetId="%d" r:id="rId%d"/>'
                              % (quoteattr(n), i, i) for i, n in enumerate(names, 1))))
    has_sst = not inline or sst_xml is not None
    rels = rels_xml or (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="%s">%s%s</Relationships>'
        % (PKG_REL, "".join('<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>'
                            % (i, WORKSHEET, i) for i in range(1, len(names) + 1)),
           '<Relationship Id="rIdS" Type="%s" Target="sharedStrings.xml"/>' % SHARED
           if has_sst else ""))
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             + "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % i
                       for i in range(1, len(names) + 1))
             + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if has_sst else "")
             + "</Types>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
                 'Target="xl/workbook.xml"/></Relationships>' % (PKG_REL, REL))
    entries = [("[Content_Types].xml", types), ("_rels/.rels", root_rels),
               ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", rels)]
    entries += parts
    if has_sst:
        entries.append(("xl/sharedStrings.xml", sst_xml or sst.xml(rich)))
    entries += list(extra_entries)
    return [(n, b if isinstance(b, bytes) else b.encode("utf-8"))
            for n, b in entries if n not in skip]


def zip_bytes(entries):
    # A name twice is one of the hostile cases, written on purpose.
    warnings.filterwarnings("ignore", "Duplicate name")
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def patch_headers(data, name, flag_bits=0, method=None):
    """Set general-purpose flag bits and the method of entry name in both
    its local header and its central directory record."""
    data = bytearray(data)
    raw = name.encode()
    for sig, flags_at, method_at, name_len_at, name_at in ((b"PK\x03\x04", 6, 8, 26, 30),
                                                           (b"PK\x01\x02", 8, 10, 28, 46)):
        i = data.find(sig)
        while i >= 0:
            n = struct.unpack_from("<H", data, i + name_len_at)[0]
            if bytes(data[i + name_at:i + name_at + n]) == raw:
                f = struct.unpack_from("<H", data, i + flags_at)[0]
                struct.pack_into("<H", data, i + flags_at, f | flag_bits)
                if method is not None:
                    struct.pack_into("<H", data, i + method_at, method)
            i = data.find(sig, i + 4)
    return bytes(data)


def patch_size(data, name, size):
    """Declare size as the uncompressed size of entry name, in its local
    header and its central directory record (the data stays as it is)."""
    data = bytearray(data)
    raw = name.encode()
    for sig, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                               (b"PK\x01\x02", 24, 28, 46)):
        i = data.find(sig)
        while i >= 0:
            n = struct.unpack_from("<H", data, i + name_len_at)[0]
            if bytes(data[i + name_at:i + name_at + n]) == raw:
                struct.pack_into("<I", data, i + size_at, size)
            i = data.find(sig, i + 4)
    return bytes(data)


def mini_rows():
    return [("PA01", "BP.01.01", "F", "E1", ""), ("PA01", "BP.01.02", "L", "E2", ""),
            ("PA01", "GP-2.1.1", "L", "E1", ""), ("PA01", "GP-2.1.2", "P", "E2", ""),
            ("PA01", "GP-2.1.3", "", "", ""), ("PA02", "BP.02.01", "NA", "", "No capabilities.")]


def with_extras(project_sheets):
    readme = {(1, 1): "Read me", (2, 1): "Rate each practice in column E."}
    evidence = {(1, 1): "Id", (1, 2): "Kind", (2, 1): "E1", (2, 2): "document"}
    return [("Read me", readme)] + project_sheets + [("Evidence", evidence)]


def corpus():
    """name -> bytes of every workbook of the golden tests."""
    c = {}
    ok = with_extras([("P1", project_grid("P1", mini_rows()))])
    c["ok-shared"] = zip_bytes(package(ok, rich=("No capabilities.",)))
    c["ok-inline"] = zip_bytes(package(ok, inline=True, reverse_rows=True))
    # Cells without references, placed by order: a row of A..G for each practice.
    dense = {(2, 1): "Project", (2, 2): "P1"}
    for col, h in enumerate(HEADER, 1):
        dense[(4, col)] = h
    for i, (a, p, r, e, n) in enumerate(mini_rows(), 5):
        for col, v in enumerate((a, p, "t", "s", r, e, n), 1):
            dense[(i, col)] = v
    dense[(3, 1)] = ""
    dense[(1, 1)] = "Ratings"
    c["no-references"] = zip_bytes(package([("P1", dense)], omit_refs=True))
    # Numbers and booleans typed into text columns; formulas with cached values.
    rows = mini_rows()
    grid = project_grid("P1", rows)
    grid[(5, 7)] = Cell("42", "n")
    grid[(6, 7)] = Cell("1", "b")
    grid[(7, 7)] = Cell("0.10000000000000001", "n")
    grid[(8, 5)] = Cell("P", "f", formula='IF(1,"P","N")')
    grid[(7, 5)] = Cell("L", "f", shared=True)
    c["numbers-formulas"] = zip_bytes(package([("P1", grid)]))
    c["other-sheet"] = zip_bytes(package(ok + [("My notes", {(1, 1): "todo"})]))
    # The checks of the CSV sheet, said at cells.
    bad = list(mini_rows())
    bad[0] = ("PA01", "BP.01.01", "f", "E1", "")
    c["bad-rating"] = zip_bytes(package([("Project 1", project_grid("P1", bad))]))
    bad = list(mini_rows())
    bad[1] = ("PA01", "BP.01.02", "", "E2", "")
    c["rating-missing"] = zip_bytes(package([("P1", project_grid("P1", bad))]))
    c["rated-twice"] = zip_bytes(package([("P1", project_grid("P1", mini_rows() + [mini_rows()[0]]))]))
    c["unknown-project"] = zip_bytes(package([("P9", project_grid("P9", mini_rows()))]))
    c["project-twice"] = zip_bytes(package([("P1", project_grid("P1", mini_rows())),
                                            ("Copy of P1", project_grid("P1", mini_rows()))]))
    c["no-project-sheet"] = zip_bytes(package([("Read me", {(1, 1): "Read me"}),
                                               ("Sheet1", {(1, 1): "x"})]))
    bad = list(mini_rows())
    bad[2] = ("PA01", "GP-2.1.1", "L", "E1 E7", "")
    c["unknown-evidence"] = zip_bytes(package([("P1", project_grid("P1", bad))]))
    # The container.
    good = c["ok-shared"]
    c["truncated"] = good[:len(good) // 2]
    cd = good.rfind(b"PK\x01\x02")
    c["corrupt-directory"] = good[:cd] + b"PK\x01\x09" + good[cd + 4:]
    eocd = good.rfind(b"PK\x05\x06")
    c["multi-disk"] = good[:eocd + 4] + struct.pack("<HH", 1, 1) + good[eocd + 8:]
    c["encrypted"] = patch_headers(good, "xl/worksheets/sheet2.xml", flag_bits=1)
    c["method-bzip2"] = patch_headers(good, "xl/sharedStrings.xml", method=12)
    c["spanned"] = b"PK\x07\x08" + good
    base = package(ok)
    c["entry-dotdot"] = zip_bytes(base + [("xl/../../evil.xml", b"<x/>")])
    c["entry-absolute"] = zip_bytes(base + [("/tmp/evil.xml", b"<x/>")])
    c["entry-backslash"] = zip_bytes(base + [("xl\\..\\evil.xml", b"<x/>")])
    c["entry-twice"] = zip_bytes(base + [("xl/workbook.xml", b"<workbook/>")])
    c["too-many-entries"] = zip_bytes(base + [("x/%d" % i, b"") for i in range(1000)])
    c["not-zip"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    c["really-csv"] = b"project,process_area,practice,rating,evidence,note\nP1,PA01,BP.01.01,F,E1,\n"
    c["missing-workbook"] = zip_bytes(package(ok, skip=("xl/workbook.xml",)))
    c["missing-sheet-part"] = zip_bytes(package(ok, skip=("xl/worksheets/sheet2.xml",)))
    c["missing-relationship"] = zip_bytes(package(ok, rels_xml=(
        '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s" Target="worksheets/sheet1.xml"/>'
        '</Relationships>' % (PKG_REL, WORKSHEET))))
    for name, target in (("target-dotdot", "../../../etc/passwd"), ("target-absolute", "/etc/passwd"),
                         ("target-url", "http://example.com/x.xml")):
        rels = ('<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s" Target="%s"/>'
                '</Relationships>' % (PKG_REL, WORKSHEET, target))
        c[name] = zip_bytes(package([("P1", project_grid("P1", mini_rows()))], inline=True,
                                    rels_xml=rels))
    c["doctype"] = zip_bytes(package(ok, sst_xml='<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<sst xmlns="%s"><si><t>&b;</t></si></sst>' % MAIN))
    c["external-entity"] = zip_bytes(package(ok, workbook_xml='<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<workbook xmlns="%s">&x;</workbook>' % MAIN))
    c["not-well-formed"] = zip_bytes(package(ok, sheet_parts={2: '<worksheet xmlns="%s"><sheetData><row></sheetData></worksheet>' % MAIN}))
    grid = project_grid("P1", mini_rows())
    grid[(5, 9)] = Cell('><v>1</v>', "raw")
    c["ref-out-of-range"] = zip_bytes(package([("P1", grid)], sheet_parts={1: '<worksheet xmlns="%s"><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>' % MAIN}))
    c["row-out-of-range"] = zip_bytes(package([("P1", grid)], sheet_parts={1: '<worksheet xmlns="%s"><sheetData><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>' % MAIN}))
    c["string-index"] = zip_bytes(package([("P1", grid)], sheet_parts={1: '<worksheet xmlns="%s"><sheetData><row r="2"><c r="B2" t="s"><v>4000000000</v></c></row></sheetData></worksheet>' % MAIN}))
    unrated = [(a, p, "", "", "") for a, p, _, _, _ in mini_rows()]
    c["no-ratings"] = zip_bytes(package([("P1", project_grid("P1", unrated))]))
    grid = project_grid("P1", mini_rows())
    grid[(5, 5)] = Cell('><f>A1</f></c><c r="E5" t="str"><f>B1</f><v>F</v>', "raw")
    c["cell-twice"] = zip_bytes(package([("P1", grid)]))
    grid = project_grid("P1", mini_rows())
    grid[(6, 6)] = Cell('><v>E 2</v>', "raw")
    c["bad-number"] = zip_bytes(package([("P1", grid)]))
    grid = project_grid("P1", mini_rows())
    grid[(5, 5)] = Cell('><f>NOW()</f>', "raw")
    c["formula-no-value"] = zip_bytes(package([("P1", grid)]))
    grid = project_grid("P1", mini_rows())
    grid[(5, 5)] = Cell(' t="x"><v>F</v>', "raw")
    c["unknown-type"] = zip_bytes(package([("P1", grid)]))
    # Limits: every size below is the limit plus a little, inflated from a few kB.
    mib = 1024 * 1024
    spaces = '<worksheet xmlns="%s">%s</worksheet>'
    c["bomb-entry"] = zip_bytes(package(ok, sheet_parts={2: spaces % (MAIN, " " * (16 * mib + 1))}))
    # The same, declaring 100 bytes: the limit counts what inflates.
    c["bomb-understated"] = patch_size(c["bomb-entry"], "xl/worksheets/sheet2.xml", 100)
    five = [("S%d" % i, {}) for i in range(1, 6)]
    c["bomb-total"] = zip_bytes(package(five, inline=True,
                                        sheet_parts={i: spaces % (MAIN, " " * (15 * mib)) for i in range(1, 6)}))
    c["huge-strings-count"] = zip_bytes(package(ok, sst_xml='<sst xmlns="%s">%s</sst>' % (MAIN, "<si/>" * 200001)))
    c["huge-strings-bytes"] = zip_bytes(package(ok, sst_xml='<sst xmlns="%s"><si><t>%s</t></si></sst>' % (MAIN, "a" * (16 * mib))))
    c["too-many-rows"] = zip_bytes(package([("P1", {})], inline=True,
                                           sheet_parts={1: '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, "<row/>" * 200001)}))
    many = '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (MAIN, "<row>%s</row>" % ("<c/>" * 7) * 50000)
    c["too-many-cells"] = zip_bytes(package([("S%d" % i, {}) for i in range(1, 4)], inline=True,
                                            sheet_parts={i: many for i in range(1, 4)}))
    return c


def from_sheet(path, out, inline):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    projects = {}
    for r in rows:
        projects.setdefault(r["project"], []).append(
            (r["process_area"], r["practice"], r["rating"], r["evidence"], r["note"]))
    sheets = [(p if len(p) <= 31 else "Project %d" % i, project_grid(p, rs))
              for i, (p, rs) in enumerate(projects.items(), 1)]
    with open(out, "wb") as f:
        f.write(zip_bytes(package(with_extras(sheets), inline=inline)))


def fetch(canary, port):
    """name-exit -> a workbook that tries to read canary or reach the port."""
    ok = [("P1", project_grid("P1", mini_rows()))]
    url = "http://127.0.0.1:%s/x" % port
    base = package(ok, inline=True)
    sheet = dict(base)["xl/worksheets/sheet1.xml"].decode()
    entity = '<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM "%s">]>\n'
    c = {}
    c["xxe-file-1"] = package(ok, inline=True, sheet_parts={1: entity % ("file://" + canary) + sheet.split("\n", 1)[1].replace("<sheetData>", "<sheetData>&x;")})
    c["xxe-http-1"] = package(ok, sst_xml=entity.replace("worksheet", "sst") % url + '<sst xmlns="%s"><si><t>&x;</t></si></sst>' % MAIN)
    c["xinclude-0"] = package(ok, inline=True, sheet_parts={1: sheet.replace("<sheetData>", '<sheetData><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://%s" parse="text"/>' % canary)})
    rels = dict(base)["xl/_rels/workbook.xml.rels"].decode()
    c["target-file-1"] = package(ok, inline=True, rels_xml=rels.replace("worksheets/sheet1.xml", "file://" + canary))
    c["external-link-0"] = package(ok, inline=True, rels_xml=rels.replace("</Relationships>", '<Relationship Id="rIdX" Type="%s/hyperlink" Target="%s" TargetMode="External"/><Relationship Id="rIdY" Type="%s" Target="%s" TargetMode="External"/></Relationships>' % (REL, url, WORKSHEET, url)))
    return {name: zip_bytes(entries) for name, entries in c.items()}


def fuzz_seeds():
    """name -> the parts fuzz_xlsx.c puts into an archive, in its order."""
    order = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
             "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
    grid = project_grid("P1", mini_rows())
    grid[(5, 7)] = Cell("42", "n")
    grid[(6, 5)] = Cell("L", "f", shared=True)
    seeds = {"shared": package([("P1", grid), ("Evidence", {(1, 1): "Id"})], rich=("No capabilities.",)),
             "inline": package([("P1", project_grid("P1", mini_rows()))], inline=True, omit_refs=True)}
    out = {}
    for name, entries in seeds.items():
        parts = dict(entries)
        out[name] = b"\n--part--\n".join(parts.get(n, b"") for n in order)
    return out


def main(argv):
    if len(argv) == 5 and argv[1] == "fetch":
        for name, data in sorted(fetch(argv[3], argv[4]).items()):
            with open("%s/%s.xlsx" % (argv[2], name), "wb") as f:
                f.write(data)
        return 0
    if len(argv) == 3 and argv[1] == "fuzz-seeds":
        for name, data in sorted(fuzz_seeds().items()):
            with open("%s/%s.parts" % (argv[2], name), "wb") as f:
                f.write(data)
        return 0
    if len(argv) == 3 and argv[1] == "corpus":
        for name, data in sorted(corpus().items()):
            with open("%s/%s.xlsx" % (argv[2], name), "wb") as f:
                f.write(data)
        return 0
    if len(argv) in (4, 5) and argv[1] == "from-sheet":
        from_sheet(argv[2], argv[3], argv[4:] == ["--inline-strings"])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
