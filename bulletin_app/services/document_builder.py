"""Issue + publication record + articles + images → the one document model of an issue."""

from __future__ import annotations

from typing import Any

from bulletin_app.domain.article import Article
from bulletin_app.domain.body import Figure, parse_body
from bulletin_app.domain.document import Colophon, Cover, DocArticle, DocSection, ImageData, IssueDocument
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Issue
from bulletin_app.domain.publication import Publication
from bulletin_app.storage import articles_repo, assets_repo, issues_repo, publication_repo
from bulletin_app.storage.database import Database
from bulletin_app.text import fold, format_date_vi

EDITORIAL_SECTION = fold(EDITORIAL_SECTION_NAME)  # the section "Thư ngỏ" holds the editorial letter
DEFAULT_NOTICE = "Lưu hành nội bộ"


def _doc_article(article: Article) -> DocArticle:
    source = f"Nguồn: {article.source_name}" if article.source_name else ""
    return DocArticle(
        article.id,
        article.title,
        article.sapo,
        tuple(parse_body(article.body)),
        article.byline,
        source,
        article.language.value,
        article.status.value,
        tuple(f.message for f in article.findings),
    )


def issue_label(issue: Issue) -> str:
    parts = [f"Số {issue.number}"]
    if issue.period_label:
        parts.append(issue.period_label)
    parts.append(f"Năm {issue.date.year}")
    return " · ".join(parts)


def circulation_notice(issue: Issue, pub: Publication) -> str:
    """The issue's own notice, else the publication's default ("" when it circulates freely)."""
    return issue.circulation_notice or (DEFAULT_NOTICE if pub.internal_circulation else "")


def colophon_lines(pub: Publication, notice: str | None = None) -> tuple[tuple[str, str], ...]:
    """The colophon's (label, value) lines; ``notice`` None = the publication's default."""
    licence = ""
    if pub.licence_number:
        licence = f"Số {pub.licence_number}"
        if pub.licence_date:
            licence += f" {format_date_vi(pub.licence_date)}"
        if pub.licence_issuer:
            licence += f" của {pub.licence_issuer}"
    responsible = " – ".join(p for p in (pub.responsible_person, pub.responsible_title) if p and pub.responsible_person)
    run = f"{pub.print_run:,} bản".replace(",", ".") if pub.print_run else ""
    lines = [
        ("Cơ quan xuất bản", pub.publishing_body),
        ("Chịu trách nhiệm xuất bản", responsible),
        ("Ban biên tập", ", ".join(pub.editorial_board)),
        ("Địa chỉ", pub.address),
        ("Điện thoại", pub.phone),
        ("Email", pub.email),
        ("Website", pub.website),
        ("Giấy phép xuất bản", licence),
        ("In tại", pub.printing_place),
        ("Số lượng", run),
        ("Kỳ hạn xuất bản", pub.frequency),
    ]
    out = tuple((label, value) for label, value in lines if value)
    if notice is None:
        notice = DEFAULT_NOTICE if pub.internal_circulation else ""
    if notice:
        out += (("", notice),)
    return out


def _cover_image(s: Any, ref: str) -> ImageData | None:
    try:
        asset = assets_repo.find_asset(s, ref)
    except NotFoundError:
        return None  # the editor is shown the fallback in the preview
    return ImageData(asset.ref, assets_repo.asset_data(s, asset.id), asset.width, asset.height, asset.mime)


def build_document(db: Database, issue_id: int) -> tuple[IssueDocument, Issue, Publication, list[Article]]:
    """Read everything an export needs in one unit of work; the result is pure data."""
    with db.unit() as s:
        issue = issues_repo.get_issue(s, issue_id)
        pub = publication_repo.get_publication(s)
        articles = {a: articles_repo.get_article(s, a) for a in issue.article_ids}
        editorial: DocArticle | None = None
        sections: list[DocSection] = []
        for section in issue.sections:
            docs = tuple(_doc_article(articles[e.article_id]) for e in section.entries)
            if fold(section.name) == EDITORIAL_SECTION and docs and editorial is None:
                editorial, docs = docs[0], docs[1:]
            if docs:
                sections.append(DocSection(section.name, len(sections), docs))
        refs = [
            b.asset
            for a in ([editorial] if editorial else []) + [x for sec in sections for x in sec.articles]
            for b in a.blocks
            if isinstance(b, Figure)
        ]
        images: dict[str, ImageData] = {}
        for ref in dict.fromkeys(refs):
            try:
                asset = assets_repo.find_asset(s, ref)
            except NotFoundError:
                continue  # preflight reports the missing image by article
            images[ref] = ImageData(ref, assets_repo.asset_data(s, asset.id), asset.width, asset.height, asset.mime)
        cover_image = _cover_image(s, issue.cover_asset) if issue.cover_asset else None
    if cover_image is None:  # no photo chosen (or it is gone): the issue's first photo
        cover_image = next(iter(images.values()), None)
    notice = circulation_notice(issue, pub)
    cover = Cover(
        word="BẢN TIN",
        bulletin_name=pub.bulletin_name,
        publishing_body=pub.publishing_body,
        governing_body=pub.governing_body,
        date_text=format_date_vi(issue.date).capitalize(),
        issue_label=issue_label(issue),
        internal_circulation=bool(notice),
        image=cover_image,
        circulation_notice=notice,
    )
    title = f"{pub.bulletin_name} – {issue_label(issue)}"
    document = IssueDocument(
        title=title,
        author=pub.publishing_body,
        language="vi",
        cover=cover,
        editorial=editorial,
        sections=tuple(sections),
        colophon=Colophon(colophon_lines(pub, notice)),
        images=images,
        bulletin_name=pub.bulletin_name,
    )
    return document, issue, pub, list(articles.values())
