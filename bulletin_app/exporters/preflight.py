"""Preflight: what the law and the print shop require, checked before an export is accepted."""

from __future__ import annotations

import datetime as dt
import unicodedata

from bulletin_app.domain.article import Article, Language, text_language
from bulletin_app.domain.body import Figure, block_text, body_to_plain
from bulletin_app.domain.document import IssueDocument
from bulletin_app.domain.findings import ORPHAN_CAPTIONS, Finding
from bulletin_app.domain.findings import error as _error
from bulletin_app.domain.findings import warning as _warning
from bulletin_app.domain.issue import Edition
from bulletin_app.domain.publication import LEGAL_MAX_HEIGHT_MM, LEGAL_MAX_PAGES, LEGAL_MAX_WIDTH_MM, Publication
from bulletin_app.domain.wording import EN, VI
from bulletin_app.exporters.fonts import missing_characters, resolve_family
from bulletin_app.exporters.theme import Theme

MIN_DPI = 200.0  # print shops refuse below this
MAX_PRINTED_TITLE = 160  # characters: four lines of a two-column headline at the theme's size
GOOD_DPI = 300.0  # and want this


def check_document(
    document: IssueDocument, publication: Publication, theme: Theme, issue_date: dt.date, empty_sections: list[str]
) -> list[Finding]:
    """Checks that need no layout: legal fields, licence, sizes, fonts, statuses, text."""
    found: list[Finding] = []
    cover = document.cover
    for label, value in (
        ("từ “BẢN TIN”", cover.word),
        ("tên bản tin", cover.bulletin_name),
        ("cơ quan xuất bản", cover.publishing_body),
        ("ngày phát hành", cover.date_text),
    ):
        if not value.strip():
            found.append(_error("cover-field", f"Trang 1 thiếu {label} (Luật Báo chí 2016, Điều 34)."))
    for label, value in (
        ("số giấy phép xuất bản", publication.licence_number),
        ("ngày cấp giấy phép", publication.licence_date),
        ("nơi in", publication.printing_place),
        ("số lượng in", publication.print_run),
        ("kỳ hạn xuất bản", publication.frequency),
        ("người chịu trách nhiệm xuất bản", publication.responsible_person),
    ):
        if not value:
            found.append(_error("colophon-field", f"Trang cuối thiếu {label} (Luật Báo chí 2016, Điều 34)."))
    if publication.licence_expiry and publication.licence_expiry < issue_date:
        found.append(
            _error(
                "licence-expired",
                f"Giấy phép hết hạn ngày {publication.licence_expiry:%d/%m/%Y}, "
                f"trước ngày phát hành {issue_date:%d/%m/%Y}.",
            )
        )
    limit_w = min(publication.trim_width_mm or LEGAL_MAX_WIDTH_MM, LEGAL_MAX_WIDTH_MM)
    limit_h = min(publication.trim_height_mm or LEGAL_MAX_HEIGHT_MM, LEGAL_MAX_HEIGHT_MM)
    if theme.width_mm > limit_w + 0.01 or theme.height_mm > limit_h + 0.01:
        found.append(
            _error(
                "trim-size",
                f"Khổ {theme.width_mm / 10:g} × {theme.height_mm / 10:g} cm vượt khổ được "
                f"phép {limit_w / 10:g} × {limit_h / 10:g} cm.",
            )
        )
    for name in empty_sections:
        found.append(_error("empty-section", f"Chuyên mục “{name}” chưa có tin bài."))
    body_family = resolve_family(theme.body_font)
    heading_family = resolve_family(theme.heading_font)
    texts = [
        (
            "Trang bìa",
            " ".join(
                (
                    cover.word,
                    cover.bulletin_name,
                    cover.publishing_body,
                    cover.governing_body,
                    cover.date_text,
                    cover.issue_label,
                )
            ),
            heading_family,
        )
    ]
    for article in document.articles():
        if article.title in (VI.untitled, EN.untitled):
            message = f"Tin bài mã {article.article_id} chưa có tiêu đề."
            found.append(_error("title-missing", message, article_id=article.article_id))
        elif article.title.rstrip().endswith(("…", "...")) or len(article.title) > MAX_PRINTED_TITLE:
            message = (
                f"Tiêu đề tin bài mã {article.article_id} “{article.title[:80]}” là một câu bị cắt hoặc quá dài "
                f"({len(article.title)} ký tự, tối đa {MAX_PRINTED_TITLE}): hãy đặt tiêu đề thật của bài."
            )
            found.append(_error("title-cut", message, article_id=article.article_id))
        if article.status != "approved":
            found.append(
                _error("not-approved", f"Tin bài “{article.title}” (mã {article.article_id}) chưa được duyệt.")
            )
        body = "\n".join([article.sapo, article.byline, article.source] + [block_text(b) for b in article.blocks])
        texts.append((f"Tin bài “{article.title}”", body, body_family))
        texts.append((f"Tiêu đề “{article.title}”", article.title, heading_family))
        orphans = [b.caption for b in article.blocks if isinstance(b, Figure) and not b.asset]
        if orphans:
            # Captions kept from a copied page whose photos did not come along: they would print
            # as italic lines floating in the text. The fix drops them (or the editor attaches
            # the photos in the article's editor).
            more = f" và {len(orphans) - 1} chú thích khác" if len(orphans) > 1 else ""
            found.append(
                _error(
                    ORPHAN_CAPTIONS,
                    f"Tin bài “{article.title}”: chú thích “{_short(orphans[0])}”{more} không có ảnh "
                    "(gắn ảnh, hoặc bỏ chú thích không có ảnh).",
                    article_id=article.article_id,
                    count=len(orphans),
                )
            )
        for block in article.blocks:
            if isinstance(block, Figure) and block.asset and block.asset not in document.images:
                found.append(
                    _error("image-missing", f"Tin bài “{article.title}”: không có ảnh “{block.asset}” trong thư viện.")
                )
        if article.findings:
            found.append(
                _warning(
                    "import-findings",
                    f"Tin bài “{article.title}” còn {len(article.findings)} điểm "
                    f"cần xem từ khi nhập: {article.findings[0]}",
                )
            )
        if not all(unicodedata.is_normalized("NFC", t) for t in (article.title, body)):
            found.append(_warning("not-nfc", f"Tin bài “{article.title}” có chữ chưa chuẩn hóa NFC."))
    for where, text, family in texts:
        for style in ("regular", "bold"):
            missing = missing_characters(text, family, style)
            if missing:
                chars = ", ".join(f"“{c}” (U+{ord(c):04X})" for c in sorted(missing))
                found.append(_error("glyph-missing", f"{where}: phông {family.name} không có ký tự {chars}."))
                break
    return found


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def image_names(document: IssueDocument) -> dict[str, str]:
    """How to name each picture to an editor: its caption and article, not its hash."""
    names: dict[str, str] = {}
    if document.cover.image is not None:
        names[document.cover.image.ref] = "ảnh bìa"
    for article in document.articles():
        for block in article.blocks:
            if isinstance(block, Figure) and block.asset and block.asset not in names:
                caption = block.caption if len(block.caption) <= 60 else block.caption[:57].rstrip() + "…"
                label = f"ảnh “{caption}”" if caption else "ảnh"
                names[block.asset] = f"{label} trong tin bài “{article.title}”"
    return names


def check_layout(
    pages: int,
    image_dpi: dict[str, float],
    publication: Publication,
    booklet: bool,
    names: dict[str, str] | None = None,
) -> list[Finding]:
    """Checks on the laid-out PDF: page count and effective image resolution (``names``: how to
    call each picture, from ``image_names``)."""
    found: list[Finding] = []
    limit = min(publication.page_limit or LEGAL_MAX_PAGES, LEGAL_MAX_PAGES)
    if pages > limit:
        found.append(_error("page-limit", f"Số bản tin có {pages} trang, vượt {limit} trang được phép."))
    if not booklet and pages % 4:
        found.append(
            _warning(
                "page-multiple",
                f"{pages} trang không chia hết cho 4 (đóng ghim giữa cần bội số "
                "của 4); chọn “Đóng ghim giữa” (booklet) để thêm trang trống trước bìa sau.",
            )
        )
    for ref, dpi in sorted(image_dpi.items()):
        name = (names or {}).get(ref, f"ảnh {ref}")
        name = name[:1].upper() + name[1:]
        if dpi < MIN_DPI:
            found.append(_error("image-dpi", f"{name}: độ phân giải thực {dpi:.0f} dpi, dưới {MIN_DPI:.0f} dpi."))
        elif dpi < GOOD_DPI:
            found.append(
                _warning("image-dpi", f"{name}: độ phân giải thực {dpi:.0f} dpi, nhà in cần {GOOD_DPI:.0f} dpi.")
            )
    return found


def check_languages(
    edition: str,
    placed: list[Article],
    partners: dict[int, Article],
    outdated: set[int],
    publication: Publication,
    sections_without_english: list[str],
) -> list[Finding]:
    """The bilingual rules. ``placed``: the issue's own articles; ``partners``: every article's
    translation partner by the article's id; ``outdated``: originals changed since translated.
    In a bilingual or English edition these are errors (the English part would be wrong or
    missing); in a Vietnamese edition only a language that disagrees with its text is said."""
    found: list[Finding] = []
    english_part = edition in (Edition.EN, Edition.BILINGUAL)
    placed_ids = {a.id for a in placed}
    printed = list(placed)
    if english_part:
        printed += [p for a in placed if (p := partners.get(a.id)) is not None and p.id not in placed_ids]
    for article in printed:
        detected, mixed = text_language(article.title, article.sapo, body_to_plain(article.body))
        if detected is not None and detected != article.language:
            found.append(
                (_error if english_part else _warning)(
                    "language-mismatch",
                    f"Tin bài “{article.title}” (mã {article.id}) "
                    f"ghi là {_LANGUAGE_NAMES[article.language]} nhưng nội dung là {_LANGUAGE_NAMES[detected]}.",
                )
            )
        elif mixed:
            found.append(
                _warning(
                    "mixed-language", f"Tin bài “{article.title}” (mã {article.id}) có cả tiếng Việt và tiếng Anh."
                )
            )
    if not english_part:
        return found
    for article in placed:
        partner = partners.get(article.id)
        if article.language == Language.VI and partner is None:
            found.append(
                _error(
                    "translation-missing",
                    f"Tin bài “{article.title}” (mã {article.id}) chưa có bản dịch tiếng Anh.",
                )
            )
        elif article.language == Language.EN and (partner is None or partner.id not in placed_ids):
            found.append(
                _error(
                    "original-missing",
                    f"Bản tiếng Anh “{article.title}” (mã {article.id}) không có bản gốc tiếng Việt trong số này.",
                )
            )
        if article.language == Language.VI and partner is not None:
            if partner.status.value != "approved":
                found.append(
                    _error(
                        "translation-not-approved",
                        f"Bản dịch “{partner.title}” (mã {partner.id}) của tin bài “{article.title}” chưa được duyệt.",
                    )
                )
            if article.id in outdated:
                found.append(
                    _warning(
                        "translation-outdated",
                        f"Tin bài “{article.title}” (mã {article.id}) đã sửa sau khi dịch: "
                        f"xem lại bản dịch “{partner.title}” (mã {partner.id}).",
                    )
                )
    for name, label in (("bulletin_name_en", "tên bản tin"), ("publishing_body_en", "cơ quan xuất bản")):
        if not getattr(publication, name):
            found.append(_error("english-field", f"Phần tiếng Anh thiếu {label} bằng tiếng Anh (Thông tin xuất bản)."))
    borrowed = [
        label
        for name, label in _ENGLISH_OPTIONAL
        if getattr(publication, name) and not getattr(publication, f"{name}_en")
    ]
    if borrowed:
        found.append(
            _warning(
                "english-field",
                "Phần tiếng Anh in bản tiếng Việt của: "
                + ", ".join(borrowed)
                + " (Thông tin xuất bản → Phần tiếng Anh).",
            )
        )
    for name in sections_without_english:
        found.append(
            _warning(
                "section-english-name", f"Chuyên mục “{name}” chưa có tên tiếng Anh: phần tiếng Anh in tên tiếng Việt."
            )
        )
    return found


_LANGUAGE_NAMES = {Language.VI: "tiếng Việt", Language.EN: "tiếng Anh"}
_ENGLISH_OPTIONAL = (
    ("governing_body", "cơ quan chủ quản"),
    ("licence_issuer", "cơ quan cấp phép"),
    ("frequency", "kỳ hạn xuất bản"),
    ("printing_place", "nơi in"),
    ("responsible_title", "chức vụ người chịu trách nhiệm"),
    ("address", "địa chỉ"),
)
