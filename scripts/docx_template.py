"""Build the DOCX exporter's own template, ``resources/docx/bulletin-template.docx``.

Written from scratch, part by part, instead of python-docx's default template (a 2013 Word for
Mac file): no theme part and no theme fonts (Cambria, Calibri, MS Mincho), no blue rules under
Title or headings, no thumbnail, no stylesWithEffects or customXml parts, no 164 styles nobody
uses. It holds only what a bulletin needs: the styles the exporter maps the theme onto (Word's
built-in names where Word knows them, so its navigation pane, outline and TOC field work),
document defaults in Vietnamese (``vi-VN``), settings in Word 2013+ compatibility mode with the
Vietnamese decimal and list separators, and an empty font table (the exporter adds and embeds
the theme's faces). Every size, colour and spacing is left to the exporter (``docx_styles``),
which writes the theme's values over these.

The output is byte-for-byte reproducible (fixed timestamps, fixed order); a test rebuilds it and
compares. Run after changing this script:

    python scripts/docx_template.py
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "docx" / "bulletin-template.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
PLACEHOLDER_FONT = "Times New Roman"  # replaced by the theme's body face at export

CONTENT_TYPES = f"""{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="jpeg" ContentType="image/jpeg"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""  # noqa: E501

PACKAGE_RELS = f"""{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""  # noqa: E501

DOCUMENT_RELS = f"""{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{R}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{R}/fontTable" Target="fontTable.xml"/>
</Relationships>"""

CORE = f"""{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title/><dc:creator/><dc:language>vi-VN</dc:language><cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>
</cp:coreProperties>"""  # noqa: E501

APP = f"""{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Bản tin đối ngoại</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>
</Properties>"""

DOCUMENT = f"""{DECL}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>
<w:sectPr><w:pgSz w:w="10772" w:h="15307"/>
<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1134" w:header="340" w:footer="340" w:gutter="0"/>
<w:cols w:space="340"/></w:sectPr>
</w:body></w:document>"""

SETTINGS = f"""{DECL}<w:settings xmlns:w="{W}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="720"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat>
<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>
</w:compat>
<w:themeFontLang w:val="vi-VN"/>
<w:decimalSymbol w:val=","/>
<w:listSeparator w:val=";"/>
</w:settings>"""  # noqa: E501

FONT_TABLE = f"""{DECL}<w:fonts xmlns:w="{W}" xmlns:r="{R}"/>"""

# (style id, name, type, based on, extra properties) — Word's built-in names in lower case, as
# Word writes them; python-docx shows them as "Heading 1", "Title".
_PARAGRAPH = "paragraph"
STYLES = (
    ("Normal", "Normal", _PARAGRAPH, None, '<w:qFormat/><w:pPr><w:widowControl/></w:pPr>'),
    ("Title", "Title", _PARAGRAPH, "Normal", "<w:qFormat/>"),
    ("Subtitle", "Subtitle", _PARAGRAPH, "Normal", "<w:qFormat/>"),
    ("Heading1", "heading 1", _PARAGRAPH, "Normal", '<w:qFormat/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>'),
    ("Heading2", "heading 2", _PARAGRAPH, "Normal", '<w:qFormat/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'),
    ("Heading3", "heading 3", _PARAGRAPH, "Normal", '<w:qFormat/><w:pPr><w:outlineLvl w:val="2"/></w:pPr>'),
    ("Heading4", "heading 4", _PARAGRAPH, "Normal", '<w:qFormat/><w:pPr><w:outlineLvl w:val="3"/></w:pPr>'),
    ("Quote", "Quote", _PARAGRAPH, "Normal", "<w:qFormat/>"),
    ("Caption", "caption", _PARAGRAPH, "Normal", "<w:qFormat/>"),
    ("TOCHeading", "TOC Heading", _PARAGRAPH, "Normal", ""),
    ("TOC1", "toc 1", _PARAGRAPH, "Normal", ""),
    ("TOC2", "toc 2", _PARAGRAPH, "Normal", ""),
    ("ListBullet", "List Bullet", _PARAGRAPH, "Normal", ""),
    ("ListNumber", "List Number", _PARAGRAPH, "Normal", ""),
    ("Header", "header", _PARAGRAPH, "Normal", ""),
    ("Footer", "footer", _PARAGRAPH, "Normal", ""),
    ("DefaultParagraphFont", "Default Paragraph Font", "character", None, "<w:uiPriority w:val=\"1\"/><w:semiHidden/>"),
    ("Hyperlink", "Hyperlink", "character", "DefaultParagraphFont", '<w:rPr><w:u w:val="single"/></w:rPr>'),
    (
        "TableNormal", "Normal Table", "table", None,
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>",
    ),
    (
        "TableGrid", "Table Grid", "table", "TableNormal",
        "<w:tblPr><w:tblBorders>"
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="5C5C5C"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr>",
    ),
    ("NoList", "No List", "numbering", None, "<w:semiHidden/>"),
)  # fmt: skip


def styles_xml() -> str:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{PLACEHOLDER_FONT}" w:hAnsi="{PLACEHOLDER_FONT}" w:cs="{PLACEHOLDER_FONT}" '
        f'w:eastAsia="{PLACEHOLDER_FONT}"/>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    body = []
    for style_id, name, kind, based_on, extra in STYLES:
        default = ' w:default="1"' if style_id in ("Normal", "DefaultParagraphFont", "TableNormal", "NoList") else ""
        based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
        body.append(
            f'<w:style w:type="{kind}"{default} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}{extra}</w:style>'
        )
    return f'{DECL}<w:styles xmlns:w="{W}">{defaults}{"".join(body)}</w:styles>'


PARTS = (
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", PACKAGE_RELS),
    ("docProps/core.xml", CORE),
    ("docProps/app.xml", APP),
    ("word/document.xml", DOCUMENT),
    ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ("word/styles.xml", None),
    ("word/settings.xml", SETTINGS),
    ("word/fontTable.xml", FONT_TABLE),
)


def build(dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in PARTS:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, (text if text is not None else styles_xml()).encode("utf-8"))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(OUT if len(sys.argv) <= 1 else sys.argv[1])
