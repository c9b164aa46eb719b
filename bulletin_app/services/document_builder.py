"""Issue + publication record + articles + images → the one document model of an issue."""

from __future__ import annotations

from bulletin_app.domain.article import Article
from bulletin_app.domain.body import Figure, parse_body
from bulletin_app.domain.document import Colophon, Cover, DocArticle, DocSection, ImageData, IssueDocument
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.issue import Issue
from bulletin_app.domain.publication import Publication
from bulletin_app.storage import articles_repo, assets_repo, issues_repo, publication_repo
from bulletin_app.storage.database import Database
from bulletin_app.text import fold, format_date_vi

EDITORIAL_SECTION = "thu ngo"  # a section named "Thư ngỏ" holds the editorial letter


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


def colophon_lines(pub: Publication) -> tuple[tuple[str, str], ...]:
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
    if pub.internal_circulation:
        out += (("", "Lưu hành nội bộ"),)
    return out


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
    cover_image = next(iter(images.values()), None)
    cover = Cover(
        word="BẢN TIN",
        bulletin_name=pub.bulletin_name,
        publishing_body=pub.publishing_body,
        governing_body=pub.governing_body,
        date_text=format_date_vi(issue.date).capitalize(),
        issue_label=issue_label(issue),
        internal_circulation=pub.internal_circulation,
        image=cover_image,
    )
    title = f"{pub.bulletin_name} – {issue_label(issue)}"
    document = IssueDocument(
        title=title,
        author=pub.publishing_body,
        language="vi",
        cover=cover,
        editorial=editorial,
        sections=tuple(sections),
        colophon=Colophon(colophon_lines(pub)),
        images=images,
        bulletin_name=pub.bulletin_name,
    )
    return document, issue, pub, list(articles.values())
