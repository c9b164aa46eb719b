"""Embed the theme's fonts in the DOCX, so the print shop sees the document as we set it.

Word's embedded-font format (ECMA-376 Part 1, 17.8.1): each face is a part of type
``obfuscatedFont`` related from the font table; its first 32 bytes are XORed with the
font key, a GUID whose bytes are taken in reverse order. Word and LibreOffice both read
it. Spectral and Be Vietnam Pro are under the SIL Open Font License, which allows this.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from bulletin_app.exporters.fonts import FontFamily

OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_EMBED_TAGS = {
    "regular": "w:embedRegular",
    "bold": "w:embedBold",
    "italic": "w:embedItalic",
    "bold_italic": "w:embedBoldItalic",
}


def obfuscate(font: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the GUID ``key`` ("{…}") read backwards (its own inverse)."""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def embed_fonts(doc: DocxDocument, families: list[FontFamily]) -> None:
    font_table = doc.part.part_related_by(RT.FONT_TABLE)
    root = parse_xml(font_table.blob)
    settings = doc.settings.element
    if settings.find(qn("w:embedTrueTypeFonts")) is None:
        settings.insert(0, OxmlElement("w:embedTrueTypeFonts"))
    existing = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    count = sum(1 for p in doc.part.package.iter_parts() if str(p.partname).startswith("/word/fonts/"))
    for family in families:
        font_el = existing.get(family.name)
        if font_el is None:
            font_el = OxmlElement("w:font")
            font_el.set(qn("w:name"), family.name)
            root.append(font_el)
        for child in list(font_el):
            if child.tag in {qn(t) for t in _EMBED_TAGS.values()}:
                font_el.remove(child)
        for style, tag in _EMBED_TAGS.items():
            count += 1
            data = Path(family.path(style)).read_bytes()
            # from the font's own bytes, not random: the same issue makes the same file
            key = "{" + str(uuid.uuid5(uuid.NAMESPACE_OID, hashlib.sha256(data).hexdigest())).upper() + "}"
            part = Part(
                PackURI(f"/word/fonts/font{count}.odttf"), OBFUSCATED_FONT, obfuscate(data, key), doc.part.package
            )
            r_id = font_table.relate_to(part, RT.FONT)
            embed = OxmlElement(tag)
            embed.set(qn("r:id"), r_id)
            embed.set(qn("w:fontKey"), key)
            font_el.append(embed)
    font_table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
