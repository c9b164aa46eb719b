"""A translator's package read back: the DOCX table or the XLIFF file → translated units.

Read by unit id (the bookmark in each row's Vietnamese cell; the XLIFF trans-unit id), so
rows moved around still land in their place. What cannot be placed is reported, never
dropped silently: a row without an id, an id of no article, a Vietnamese cell changed, a
translation typed into the Vietnamese column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from bulletin_app.domain.body import Paragraph, Run, parse_body
from bulletin_app.domain.translation_units import MARKUP_RESTYPE, parse_unit_id, unit_id_of_bookmark
from bulletin_app.importers.docx_reader import check_package, run_text
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.text import clean_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XLIFF_BYTES = 50 * 1024 * 1024
_SPACES = re.compile(r"\s+")


@dataclass
class PackageRow:
    unit_id: str
    source: str  # the Vietnamese text as it stands in the file
    target: tuple[Run, ...]  # the translation with its emphasis (empty: not translated)


@dataclass
class PackageContent:
    rows: dict[str, PackageRow] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # about the file, not about one article

    def by_article(self) -> dict[int, dict[str, PackageRow]]:
        out: dict[int, dict[str, PackageRow]] = {}
        for unit_id, row in self.rows.items():
            parsed = parse_unit_id(unit_id)
            if parsed is not None:
                out.setdefault(parsed[0], {})[unit_id] = row
        return out


def _clean_runs(runs: list[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        # Each run cleaned on its own would lose the spaces at its edges: NFC, invisible
        # characters out, whitespace runs as one space; the ends are trimmed below.
        core = _SPACES.sub(" ", clean_text(run.text))
        lead = " " if run.text[:1].isspace() else ""
        trail = " " if run.text[-1:].isspace() and core else ""
        text = lead + core + trail
        if not text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + text, run.bold, run.italic)
        else:
            merged.append(Run(text, run.bold, run.italic))
    if merged:
        merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
        merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    return tuple(r for r in merged if r.text)


def _cell_runs(cell: etree._Element) -> tuple[Run, ...]:
    """A table cell's text with bold/italic; its paragraphs joined by a space."""
    runs: list[Run] = []
    for n, p in enumerate(cell.iter(f"{W}p")):
        if n:
            runs.append(Run(" "))
        for r in p.iter(f"{W}r"):
            text = run_text(r)
            rpr = r.find(f"{W}rPr")
            bold = rpr is not None and _on(rpr.find(f"{W}b"))
            italic = rpr is not None and _on(rpr.find(f"{W}i"))
            runs.append(Run(text, bold, italic))
    return _clean_runs(runs)


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(f"{W}val", "true") not in ("0", "false", "off")


def read_docx_package(path: Path) -> PackageContent:
    check_package(path)
    import zipfile

    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise ImportProblem(f"tệp DOCX hỏng ({exc})") from exc
    content = PackageContent()
    tables = list(root.iter(f"{W}tbl"))
    if not tables:
        raise ImportProblem("không phải gói dịch: tệp không có bảng nào")
    for t, table in enumerate(tables, start=1):
        for r, row in enumerate(table.findall(f"{W}tr"), start=1):
            cells = row.findall(f"{W}tc")
            marks = [b.get(f"{W}name", "") for b in row.iter(f"{W}bookmarkStart")]
            ids = [i for i in (unit_id_of_bookmark(m) for m in marks) if i]
            texts = [_cell_runs(c) for c in cells]
            if not ids:
                header = r == 1 and "".join(x.text for x in texts[0]) == "Tiếng Việt" if texts else False
                if not header and any(texts):
                    content.problems.append(
                        f"Bảng {t}, hàng {r}: hàng không có mã (hàng thêm vào?) — bỏ qua: "
                        f"“{' | '.join(''.join(x.text for x in c) for c in texts)[:80]}”"
                    )
                continue
            if len(cells) != 2:
                content.problems.append(f"Bảng {t}, hàng {r} ({ids[0]}): cần đúng 2 ô, có {len(cells)} — bỏ qua")
                continue
            source, target = ("".join(x.text for x in texts[0]), texts[1])
            content.rows[ids[0]] = PackageRow(ids[0], source, target)
    if not content.rows:
        raise ImportProblem("không phải gói dịch của ứng dụng: không có hàng nào mang mã đoạn")
    return content


def read_xliff_package(path: Path) -> PackageContent:
    from translate.storage.xliff import xlifffile

    if path.stat().st_size > MAX_XLIFF_BYTES:
        raise ImportProblem(f"tệp XLIFF quá lớn (> {MAX_XLIFF_BYTES // 1024 // 1024} MB)")
    try:
        store = xlifffile.parsestring(path.read_bytes())
    except Exception as exc:  # lxml and translate-toolkit raise several kinds on a bad file
        raise ImportProblem(f"tệp XLIFF hỏng ({type(exc).__name__}: {exc})") from exc
    content = PackageContent()
    for unit in store.unit_iter():
        unit_id = unit.xmlelement.get("id", "")
        if parse_unit_id(unit_id) is None:
            content.problems.append(f"Đoạn mã “{unit_id}” không phải của gói dịch này — bỏ qua")
            continue
        target = clean_text(str(unit.target or "")).replace("\n", " ").strip()
        if unit.xmlelement.get("restype") == MARKUP_RESTYPE and target:
            blocks = parse_body(target)
            runs = blocks[0].runs if len(blocks) == 1 and isinstance(blocks[0], Paragraph) else (Run(target),)
        else:
            runs = (Run(target),) if target else ()
        content.rows[unit_id] = PackageRow(unit_id, clean_text(str(unit.source or "")), tuple(runs))
    if not content.rows:
        raise ImportProblem("tệp XLIFF không có đoạn nào của gói dịch")
    return content


def read_package(path: Path) -> PackageContent:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx_package(path)
    if suffix in (".xlf", ".xliff"):
        return read_xliff_package(path)
    raise ImportProblem("gói dịch là tệp .docx hoặc .xlf/.xliff")
