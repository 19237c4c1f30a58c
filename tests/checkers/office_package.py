#!/usr/bin/env python3
"""Reads DOCX and ODT packages as an office suite would, and says whether each holds
together.

Usage: office_package.py FILE.docx|FILE.odt...  Prints a TAP line per check,
"ok - FILE: what" or "not ok - FILE: what", and exits 1 when any failed.

For both: a readable zip whose every entry passes its CRC check, parts that
parse as XML, headings with the word processor's heading styles, tables
whose header rows repeat, a contents field or index, the chart as an image
the document points to, a header with text, a footer with "Page N of M"
fields, and the document properties (title, author, date).  DOCX: every
part has a content type and every relationship a target.  ODT: the
mimetype entry first and stored, and the manifest naming every entry.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC = "{http://purl.org/dc/elements/1.1/}"
DCT = "{http://purl.org/dc/terms/}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
MF = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
ODT_TYPE = "application/vnd.oasis.opendocument.text"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

failed = 0


def check(name, what, ok):
    global failed
    print(("ok - " if ok else "not ok - ") + name + ": " + what)
    if not ok:
        failed += 1


def docx(name, z):
    names = set(z.namelist())
    types = ET.fromstring(z.read("[Content_Types].xml"))
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(CT + "Default")}
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(CT + "Override")}
    check(name, "word/document.xml is the main document part",
          overrides.get("/word/document.xml") == DOCX_MAIN)
    untyped = [n for n in names if n != "[Content_Types].xml" and "/" + n not in overrides
               and n.rsplit(".", 1)[-1] not in defaults]
    check(name, "every part has a content type " + " ".join(untyped), not untyped)
    rels = ET.fromstring(z.read("_rels/.rels"))
    check(name, "the package points to word/document.xml",
          any(r.get("Target") == "word/document.xml" for r in rels.iter(PR + "Relationship")))
    doc_rels = {r.get("Id"): r for r in
                ET.fromstring(z.read("word/_rels/document.xml.rels")).iter(PR + "Relationship")}
    missing = [r.get("Target") for r in doc_rels.values()
               if r.get("TargetMode") != "External" and "word/" + r.get("Target") not in names]
    check(name, "every relationship has its part " + " ".join(missing), not missing)
    check(name, "no external relationship",
          all(r.get("TargetMode") != "External" for r in doc_rels.values()))
    doc = ET.fromstring(z.read("word/document.xml"))
    styles = {s.get(W + "val") for s in doc.iter(W + "pStyle")}
    check(name, "headings use Heading1 and Heading2", {"Heading1", "Heading2"} <= styles
          or name.find("statement") >= 0 and "Heading1" in styles)
    defined = {s.get(W + "styleId"): s.find(W + "name").get(W + "val")
               for s in ET.fromstring(z.read("word/styles.xml")).iter(W + "style")}
    check(name, "Heading1 is Word's 'heading 1'", defined.get("Heading1") == "heading 1")
    check(name, "every paragraph style used is defined", styles <= set(defined))
    check(name, "table header rows repeat (w:tblHeader)", doc.find(".//" + W + "tblHeader") is not None)
    instr = " ".join(t.text or "" for t in doc.iter(W + "instrText"))
    check(name, "a TOC field", "TOC" in instr or name.find("statement") >= 0)
    blips = [b.get(R + "embed") for b in doc.iter(A + "blip")]
    check(name, "the chart is an image in the package",
          bool(blips) and all(b in doc_rels and "word/" + doc_rels[b].get("Target") in names
                              and doc_rels[b].get("Target").endswith(".png") for b in blips))
    header = "".join(t.text or "" for t in ET.fromstring(z.read("word/header1.xml")).iter(W + "t"))
    check(name, "the header has the marking", header.strip() != "")
    footer = ET.fromstring(z.read("word/footer1.xml"))
    fields = " ".join(f.get(W + "instr") for f in footer.iter(W + "fldSimple"))
    check(name, "the footer has PAGE and NUMPAGES", "PAGE" in fields and "NUMPAGES" in fields)
    core = ET.fromstring(z.read("docProps/core.xml"))
    check(name, "title, creator and dates set",
          all((core.findtext(t) or "").strip() for t in
              (DC + "title", DC + "creator", DCT + "created", DCT + "modified")))
    settings = ET.fromstring(z.read("word/settings.xml"))
    check(name, "fields are updated on opening",
          settings.find(W + "updateFields") is not None)


def odt(name, z):
    first = z.infolist()[0]
    check(name, "mimetype first, stored, " + ODT_TYPE,
          first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
          and z.read("mimetype") == ODT_TYPE.encode() and not first.extra)
    manifest = ET.fromstring(z.read("META-INF/manifest.xml"))
    listed = {e.get(MF + "full-path") for e in manifest.iter(MF + "file-entry")}
    entries = set(z.namelist()) - {"mimetype", "META-INF/manifest.xml"}
    check(name, "the manifest names every entry and no other",
          listed - {"/"} == entries and "/" in listed)
    content = ET.fromstring(z.read("content.xml"))
    levels = {h.get(TEXT + "outline-level") for h in content.iter(TEXT + "h")}
    check(name, "headings with outline levels 1 and 2", {"1", "2"} <= levels
          or name.find("statement") >= 0 and "1" in levels)
    check(name, "table header rows repeat (table:table-header-rows)",
          content.find(".//" + TABLE + "table-header-rows") is not None)
    check(name, "a contents index", content.find(".//" + TEXT + "table-of-content") is not None
          or name.find("statement") >= 0)
    frames = list(content.iter(DRAW + "frame"))
    images = [[i.get(XLINK + "href") for i in f.iter(DRAW + "image")] for f in frames]
    check(name, "the chart as SVG with a PNG fallback, both in the package",
          bool(images) and all(len(i) == 2 and i[0].endswith(".svg") and i[1].endswith(".png")
                               and set(i) <= entries for i in images))
    styles = ET.fromstring(z.read("styles.xml"))
    master = styles.find(".//" + STYLE + "master-page[@" + STYLE + "name='Standard']")
    header = master.find(STYLE + "header") if master is not None else None
    footer = master.find(STYLE + "footer") if master is not None else None
    check(name, "the header has the marking",
          header is not None and "".join(header.itertext()).strip() != "")
    check(name, "the footer has page number and count",
          footer is not None and footer.find(".//" + TEXT + "page-number") is not None
          and footer.find(".//" + TEXT + "page-count") is not None)
    meta = ET.fromstring(z.read("meta.xml"))
    check(name, "title, creator and dates set",
          all((meta.findtext(".//" + t) or "").strip() for t in
              (DC + "title", META + "initial-creator", META + "creation-date", DC + "date")))


def main(paths):
    for path in paths:
        name = path.rsplit("/", 1)[-1]
        try:
            z = zipfile.ZipFile(path)
            bad = z.testzip()
            check(name, "a zip whose entries pass their CRC", bad is None)
            for n in z.namelist():
                if n.endswith(".xml") or n.endswith(".rels"):
                    ET.fromstring(z.read(n))
            check(name, "every part is XML", True)
            (docx if path.endswith(".docx") else odt)(name, z)
        except (zipfile.BadZipFile, ET.ParseError, KeyError, AttributeError) as e:
            check(name, "readable: " + str(e), False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
