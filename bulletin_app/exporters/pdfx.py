"""What makes the print PDF a PDF/X-4 file a prepress operator accepts, and the screen PDF a
plain one: the canvas, the document's metadata and the pictures.

Print: PDF 1.6; an output intent (``/S /GTS_PDFX``) carrying the CMYK output profile (FOGRA39
class, or the print shop's own); XMP with ``pdfxid:GTS_PDFXVersion`` "PDF/X-4",
``pdf:Trapped`` False, title, language, dates and Producer identical to the Info dictionary;
every colour drawn is DeviceCMYK (reportlab's ``sep_cmyk`` enforcement refuses any RGB drawn by
mistake); crop marks in the registration colour (``/Separation /All``); no annotations (links
belong to the screen PDF). Photographs stay RGB as the library holds them, under a page-level
``/DefaultRGB`` of sRGB (ICC-based): PDF/X-4 allows it, the print shop's RIP converts them with
the real press profile, and the export costs what the screen one does — converting every photo
to CMYK here made the export 4.4× slower and the file 3.3× larger (benchmarks/README.md).
Screen: RGB, links, the same XMP without the PDF/X claims.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfbase.pdfdoc import XMP, PDFArray, PDFDate, PDFDictionary, PDFInfo, PDFName, PDFStream, PDFString

from bulletin_app.domain.document import IssueDocument
from bulletin_app.domain.errors import ValidationError
from bulletin_app.exporters.colour import DEFAULT_PROFILE
from bulletin_app.exporters.pdf_flowables import BulletinCanvas, LayoutState
from bulletin_app.exporters.theme import PRINT
from bulletin_app.resources import resource_path

PRODUCER = "Bản tin đối ngoại (reportlab)"
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")
OUTPUT_CONDITION = ("FOGRA39", "Offset printing, ISO 12647-2:2004/Amd 1, coated paper (FOGRA39L)")


def output_profile(path: Path | None) -> bytes:
    """The output profile's bytes, checked: an ICC output (``prtr``) profile for CMYK, version
    2 or 4 — anything else is refused with a message naming the file."""
    path = path or resource_path(*DEFAULT_PROFILE.split("/"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("Hồ sơ màu in", f"không đọc được {path}: {exc.strerror or exc}") from exc
    if len(data) < 128 or data[36:40] != b"acsp":
        raise ValidationError("Hồ sơ màu in", f"{path.name} không phải tệp hồ sơ màu ICC")
    if data[12:16] != b"prtr" or data[16:20] != b"CMYK":
        kind, space = data[12:16].decode("latin-1"), data[16:20].decode("latin-1").strip()
        raise ValidationError(
            "Hồ sơ màu in", f"{path.name} là hồ sơ “{kind}” cho {space}: cần hồ sơ đầu ra (prtr) CMYK của nhà in"
        )
    if data[8] not in (2, 4):
        raise ValidationError("Hồ sơ màu in", f"{path.name} là ICC phiên bản {data[8]}: cần phiên bản 2 hoặc 4")
    return data


_DEFAULT_RGB = "BulletinDefaultRGB"


@lru_cache(maxsize=1)
def _srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


class _PdfxInfo(PDFInfo):
    """The Info dictionary with the PDF/X version (reportlab's own keys otherwise)."""

    def format(self, document):  # type: ignore[no-untyped-def]
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "CreationDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "ModDate": PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
            "GTS_PDFXVersion": PDFString("PDF/X-4"),
        }
        return PDFDictionary(entries).format(document)


class IssueCanvas(BulletinCanvas):
    """The canvas of either PDF: ``profile`` "print" or "screen" (see the module)."""

    def __init__(
        self, *args: object, state: LayoutState, profile: str, document: IssueDocument, icc: bytes | None, **kw: object
    ) -> None:
        self.print = profile == PRINT
        if self.print:
            kw.update(pdfVersion=(1, 6), enforceColorSpace="sep_cmyk")
        super().__init__(*args, state=state, **kw)
        self.document, self.icc = document, icc
        self.setProducer(PRODUCER)
        if self.print:  # pictures drawn in DeviceRGB are read as sRGB
            srgb = PDFStream(PDFDictionary({"N": 3}), _srgb_profile(), filters=None)
            self._doc.Reference(PDFArray([PDFName("ICCBased"), self._doc.Reference(srgb)]), _DEFAULT_RGB)

    def showPage(self) -> None:
        if self.print:
            self._colorsUsed[_DEFAULT_RGB] = "DefaultRGB"
        super().showPage()

    # Links are for screens: a print file carries no annotations.
    def linkURL(self, *args: object, **kw: object) -> None:  # type: ignore[override]
        if not self.print:
            super().linkURL(*args, **kw)  # type: ignore[arg-type]

    def linkRect(self, *args: object, **kw: object) -> None:  # type: ignore[override]
        if not self.print:
            super().linkRect(*args, **kw)  # type: ignore[arg-type]

    def linkAbsolute(self, *args: object, **kw: object) -> None:  # type: ignore[override]
        if not self.print:
            super().linkAbsolute(*args, **kw)  # type: ignore[arg-type]

    def save(self) -> None:
        doc = self._doc
        moment = dt.datetime.fromtimestamp(doc._timeStamp.t, dt.UTC).astimezone()
        doc.Catalog.Metadata = XMP(creator=_xmp(self.document, moment, self.print))
        if self.print:
            info = _PdfxInfo()
            info.__dict__.update(doc.info.__dict__)
            doc.info = info
            assert self.icc is not None
            profile = PDFStream(PDFDictionary({"N": 4}), self.icc, filters=None)
            identifier, condition = OUTPUT_CONDITION
            intent = PDFDictionary(
                {
                    "Type": PDFName("OutputIntent"),
                    "S": PDFName("GTS_PDFX"),
                    "OutputConditionIdentifier": PDFString(identifier),
                    "OutputCondition": PDFString(condition),
                    "RegistryName": PDFString("http://www.color.org"),
                    "Info": PDFString(_profile_description(self.icc)),
                    "DestOutputProfile": doc.Reference(profile),
                }
            )
            catalog = doc.Catalog
            catalog.OutputIntents = PDFArray([intent])
            # reportlab writes only the catalog keys it knows: name this one too
            catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "OutputIntents"]
            catalog.__Refs__ = [*type(catalog).__Refs__, "OutputIntents"]
        super().save()


def _profile_description(icc: bytes) -> str:
    from PIL import ImageCms

    try:
        return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip() or "CMYK"
    except (OSError, ImageCms.PyCMSError):
        return "CMYK"


def _xmp(document: IssueDocument, moment: dt.datetime, pdfx: bool) -> Callable[[object], bytes]:
    """The XMP packet: the same title, language, dates and Producer as the Info dictionary."""

    def make(_doc: object) -> bytes:
        title, author = escape(document.title), escape(document.author)
        stamp = moment.isoformat(timespec="seconds")
        x4 = (
            '<rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">'
            "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion></rdf:Description>"
            if pdfx
            else ""
        )
        return (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
            f"<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>"
            f"<dc:publisher><rdf:Bag><rdf:li>{author}</rdf:li></rdf:Bag></dc:publisher>"
            f"<dc:language><rdf:Bag><rdf:li>{escape(document.language)}</rdf:li></rdf:Bag></dc:language>"
            "<dc:format>application/pdf</dc:format></rdf:Description>"
            '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
            f"<pdf:Producer>{escape(PRODUCER)}</pdf:Producer><pdf:Trapped>False</pdf:Trapped>"
            "</rdf:Description>"
            '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
            f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>"
            f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate><xmp:CreatorTool>Bản tin đối ngoại</xmp:CreatorTool>"
            "</rdf:Description>"
            '<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">'
            f"<xmpMM:DocumentID>uuid:{uuid.uuid5(uuid.NAMESPACE_URL, document.title + stamp)}</xmpMM:DocumentID>"
            f"<xmpMM:InstanceID>uuid:{uuid.uuid5(uuid.NAMESPACE_OID, document.title + stamp)}</xmpMM:InstanceID>"
            "<xmpMM:VersionID>1</xmpMM:VersionID><xmpMM:RenditionClass>default</xmpMM:RenditionClass>"
            f"</rdf:Description>{x4}"
            '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
        ).encode()

    return make
