"""A structural PDF/X-4 checker: reads a PDF back (pypdf, poppler's pdfinfo/pdffonts) and lists
every way it falls short of what a prepress operator's preflight asks of a PDF/X-4 file.

Not a conformance validator (none is installable here — see the closing notes); it checks the
rules the bulletin's print file must keep: PDF 1.6, no encryption, one GTS_PDFX output intent
with an embedded CMYK output profile, Info and XMP agreeing (PDF/X version, Trapped, title,
Producer, dates), TrimBox and BleedBox inside the MediaBox, no annotations, no RGB anywhere
(operators, colour spaces; pictures in DeviceRGB only under an ICC-based /DefaultRGB), crop
marks in the registration colour, fonts embedded.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

_RGB_OPERATOR = re.compile(rb"(?<![A-Za-z/])(?:rg|RG)(?![A-Za-z])")


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _colour_space_names(space: Any) -> list[str]:
    space = _resolve(space)
    if isinstance(space, NameObject):
        return [str(space)]
    if isinstance(space, ArrayObject):
        return [str(_resolve(x)) for x in space if isinstance(_resolve(x), NameObject)]
    return []


def _streams(resources: Any, seen: set[int]) -> list[tuple[str, StreamObject, DictionaryObject]]:
    """Form XObjects and images reachable from a resource dictionary (recursively)."""
    out: list[tuple[str, StreamObject, DictionaryObject]] = []
    resources = _resolve(resources) or {}
    for name, ref in (_resolve(resources.get("/XObject")) or {}).items():
        obj = _resolve(ref)
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        out.append((str(name), obj, resources))
        if obj.get("/Subtype") == "/Form":
            out += _streams(obj.get("/Resources"), seen)
    return out


def pdf_date(value: str) -> dt.datetime:
    m = re.match(r"D:(\d{14})([+-Z])(\d{2})?'?(\d{2})?", value)
    assert m, value
    when = dt.datetime.strptime(m.group(1), "%Y%m%d%H%M%S")
    if m.group(2) == "Z":
        return when.replace(tzinfo=dt.UTC)
    offset = dt.timedelta(hours=int(m.group(3) or 0), minutes=int(m.group(4) or 0))
    return when.replace(tzinfo=dt.timezone(offset if m.group(2) == "+" else -offset))


def problems(path: Path, crop_marks: bool = True) -> list[str]:
    """Every PDF/X-4 rule ``path`` breaks (empty: it keeps them all); ``crop_marks``: the file
    was made with them (then they must be in the registration colour)."""
    found: list[str] = []
    data = path.read_bytes()
    if not data.startswith(b"%PDF-1.6"):
        found.append(f"header {data[:8]!r}, not %PDF-1.6")
    reader = PdfReader(path)
    if reader.is_encrypted:
        found.append("encrypted")
    root = reader.trailer["/Root"]
    intents = _resolve(root.get("/OutputIntents"))
    if not intents or len(intents) != 1:
        found.append("not exactly one output intent")
    else:
        intent = _resolve(intents[0])
        if intent.get("/S") != "/GTS_PDFX":
            found.append(f"output intent /S {intent.get('/S')}")
        for key in ("/OutputConditionIdentifier", "/RegistryName"):
            if not intent.get(key):
                found.append(f"output intent without {key}")
        profile = _resolve(intent.get("/DestOutputProfile"))
        if profile is None or profile.get("/N") != 4:
            found.append("no CMYK DestOutputProfile (/N 4)")
        else:
            icc = profile.get_data()
            if icc[12:16] != b"prtr" or icc[16:20] != b"CMYK" or icc[8] not in (2, 4):
                found.append(f"output profile class {icc[12:16]!r} space {icc[16:20]!r} version {icc[8]}")
    info = reader.metadata or {}
    if info.get("/GTS_PDFXVersion") != "PDF/X-4":
        found.append(f"Info GTS_PDFXVersion {info.get('/GTS_PDFXVersion')!r}")
    if info.get("/Trapped") != "/False":
        found.append(f"Info Trapped {info.get('/Trapped')!r}")
    metadata = root.get("/Metadata")
    xmp = _resolve(metadata).get_data().decode("utf-8") if metadata else ""

    def xmp_value(tag: str) -> str | None:
        m = re.search(rf"<{tag}>(?:<rdf:Alt><rdf:li[^>]*>)?([^<]*)<", xmp)
        return m.group(1) if m else None

    for tag, expected in (
        ("pdfxid:GTS_PDFXVersion", "PDF/X-4"),
        ("pdf:Trapped", "False"),
        ("pdf:Producer", info.get("/Producer")),
        ("dc:title", info.get("/Title")),
    ):
        if xmp_value(tag) != expected:
            found.append(f"XMP {tag} {xmp_value(tag)!r} ≠ {expected!r}")
    if "<dc:language>" not in xmp:
        found.append("XMP without dc:language")
    for tag, key in (("xmp:CreateDate", "/CreationDate"), ("xmp:ModifyDate", "/ModDate")):
        value = xmp_value(tag)
        if value is None or info.get(key) is None or dt.datetime.fromisoformat(value) != pdf_date(info[key]):
            found.append(f"XMP {tag} {value!r} ≠ Info {key} {info.get(key)!r}")
    registration = False
    seen: set[int] = set()
    for number, page in enumerate(reader.pages, start=1):
        media = [float(x) for x in page.mediabox]
        for box in ("/TrimBox", "/BleedBox"):
            if box not in page:
                found.append(f"page {number}: no {box}")
                continue
            b = [float(x) for x in page[box]]
            if not (
                b[0] >= media[0] - 0.01
                and b[1] >= media[1] - 0.01
                and b[2] <= media[2] + 0.01
                and b[3] <= media[3] + 0.01
            ):
                found.append(f"page {number}: {box} {b} outside the MediaBox {media}")
        if page.get("/Annots"):
            found.append(f"page {number}: {len(page['/Annots'])} annotations")
        if _RGB_OPERATOR.search(page.get_contents().get_data() if page.get_contents() else b""):
            found.append(f"page {number}: RGB colour operators (rg/RG) in the content")
        resources = _resolve(page.get("/Resources")) or {}
        default_rgb = False  # DeviceRGB remapped to an ICC space (allowed in PDF/X-4)
        for name, space in (_resolve(resources.get("/ColorSpace")) or {}).items():
            names = _colour_space_names(space)
            if name == "/DefaultRGB":
                profile = _resolve(_resolve(space)[1]) if names == ["/ICCBased"] else None
                default_rgb = profile is not None and profile.get("/N") == 3
                if not default_rgb:
                    found.append(f"page {number}: /DefaultRGB is not an ICC-based RGB space")
            elif "/DeviceRGB" in names or "/CalRGB" in names:
                found.append(f"page {number}: RGB colour space {name}")
            if names[:2] == ["/Separation", "/All"]:
                registration = True
        for name, stream, _res in _streams(resources, seen):
            if stream.get("/Subtype") == "/Image":
                spaces = _colour_space_names(stream.get("/ColorSpace"))
                if "/DeviceRGB" in spaces and not default_rgb:
                    found.append(f"page {number}: DeviceRGB picture {name} without a /DefaultRGB ICC space")
            elif _RGB_OPERATOR.search(stream.get_data()):
                found.append(f"page {number}: RGB colour operators in form {name}")
    if crop_marks and not registration:
        found.append("no registration colour (/Separation /All) on any page")
    info_out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False).stdout
    if "PDF/X-4" not in info_out:
        found.append("pdfinfo does not see a PDF/X-4 subtype")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=False).stdout
    for line in fonts.splitlines()[2:]:
        columns = line.split()
        if len(columns) >= 5 and "yes" not in columns[-5:-3]:
            found.append(f"font not embedded: {columns[0]}")
    return found


def image_colour_spaces(path: Path) -> dict[str, int]:
    """How many pictures use each colour space (for the note)."""
    counts: dict[str, int] = {}
    seen: set[int] = set()
    for page in PdfReader(path).pages:
        for _name, stream, _res in _streams(page.get("/Resources"), seen):
            if stream.get("/Subtype") == "/Image":
                key = "/".join(_colour_space_names(stream.get("/ColorSpace"))) or "?"
                counts[key] = counts.get(key, 0) + 1
    return counts
