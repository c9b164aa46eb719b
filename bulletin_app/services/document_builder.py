"""Issue + publication record + articles + images → the one document model of an issue.

This module alone decides what the bulletin prints and in which order: the parts of each
edition, their wording in the part's language, the cover's name line and highlights, the
contents entries, caption and source lines, heading levels and where sections break pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bulletin_app.domain.article import Article, Language
from bulletin_app.domain.body import Block, Figure, Heading, Paragraph, block_text, parse_body
from bulletin_app.domain.document import (
    ColophonBlock,
    ColophonPart,
    ContentsEntry,
    ContentsPart,
    Cover,
    CoverPart,
    DocArticle,
    EditorialPart,
    ImageData,
    IssueDocument,
    Part,
    SectionPart,
)
from bulletin_app.domain.errors import NotFoundError
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Arrangement, Edition, Issue
from bulletin_app.domain.publication import Publication
from bulletin_app.domain.wording import EN, VI, WORDING, Wording, credit_in
from bulletin_app.storage import records_read
from bulletin_app.storage.records_read import Reads
from bulletin_app.text import fold, format_date_en, format_date_vi, period_en

EDITORIAL_SECTION = fold(EDITORIAL_SECTION_NAME)  # the section "Thư ngỏ" holds the editorial letter
DEFAULT_NOTICE = VI.notice
HIGHLIGHTS = 6  # article titles listed on a cover without a photo
# Language tags written into the files (PDF /Lang, DOCX w:lang) and used for hyphenation.
# British English: the spelling of the ASEAN and UN documents the bulletin's partners read.
LANGUAGE_TAGS = {"vi": "vi-VN", "en": "en-GB"}


@dataclass(frozen=True)
class _Section:
    """A section of the issue in one language: its title and its articles, in print order."""

    title: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class _LanguagePart:
    language: str
    editorial: Article | None
    sections: tuple[_Section, ...]


def issue_label(issue: Issue, wording: Wording = VI) -> str:
    parts = [wording.issue.format(number=issue.number)]
    period = issue.period_label if wording is VI else period_en(issue.period_label)
    if period:
        parts.append(period)
    if not period or str(issue.date.year) not in period:
        parts.append(wording.year.format(year=issue.date.year))
    return " · ".join(parts)


def circulation_notice(issue: Issue, pub: Publication) -> str:
    """The issue's own notice, else the publication's default ("" when it circulates freely)."""
    return issue.circulation_notice or (DEFAULT_NOTICE if pub.internal_circulation else "")


def _english(pub: Publication, name: str) -> str:
    """An English field of the record, the Vietnamese one while it is empty (preflight says so)."""
    return getattr(pub, f"{name}_en") or getattr(pub, name)


def colophon_lines(pub: Publication, notice: str | None = None, wording: Wording = VI) -> tuple[tuple[str, str], ...]:
    """The colophon's (label, value) lines; ``notice`` None = the publication's default."""
    en = wording is EN

    def value(name: str) -> str:
        return _english(pub, name) if en else getattr(pub, name)

    licence = ""
    if pub.licence_number:
        licence = wording.licence_number.format(number=pub.licence_number)
        if pub.licence_date:
            licence += f" {format_date_en(pub.licence_date) if en else format_date_vi(pub.licence_date)}"
        if pub.licence_issuer:
            licence += wording.licence_by.format(issuer=value("licence_issuer"))
    responsible = " – ".join(p for p in (pub.responsible_person, value("responsible_title")) if p)
    responsible = responsible if pub.responsible_person else ""
    run = ""
    if pub.print_run:
        count = f"{pub.print_run:,}" if en else f"{pub.print_run:,}".replace(",", ".")
        run = wording.copies.format(n=count)
    lines = [
        (wording.publishing_body, value("publishing_body")),
        (wording.responsible, responsible),
        (wording.editorial_board, ", ".join(pub.editorial_board)),
        (wording.address, value("address")),
        (wording.phone, pub.phone),
        (wording.email, pub.email),
        (wording.website, pub.website),
        (wording.licence, licence),
        (wording.printed_at, value("printing_place")),
        (wording.print_run, run),
        (wording.frequency, value("frequency")),
    ]
    out = tuple((label, v) for label, v in lines if v)
    if notice is None:
        notice = DEFAULT_NOTICE if pub.internal_circulation else ""
    if notice:
        out += (("", wording.notice if en else notice),)
    return out


def _contacts(pub: Publication, wording: Wording) -> tuple[str, ...]:
    """The back cover's lines: who publishes, and how to reach them."""
    en = wording is EN
    lines = [
        _english(pub, "publishing_body") if en else pub.publishing_body,
        _english(pub, "address") if en else pub.address,
        f"{wording.phone}: {pub.phone}" if pub.phone else "",
        f"{wording.email}: {pub.email}" if pub.email else "",
        pub.website,
    ]
    return tuple(line for line in lines if line)


def _blocks(blocks: list[Block], wording: Wording) -> tuple[Block, ...]:
    """Body headings as levels 2–3 (1 is the title); a figure's credit, its label in the
    article's language, joined to its caption."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            block = Heading(min(max(block.level, 2), 3), block.runs)
        elif isinstance(block, Figure) and block.credit:
            credit = credit_in(wording, block.credit)
            block = Figure(block.asset, " — ".join(p for p in (block.caption, credit) if p))
        out.append(block)
    return tuple(out)


def _doc_article(article: Article) -> DocArticle:
    wording = WORDING[article.language.value]
    blocks = _blocks(parse_body(article.body), wording)
    return DocArticle(
        article.id,
        article.title or wording.untitled,
        _printed_sapo(article.sapo, article.title, blocks),
        blocks,
        article.byline,
        wording.source.format(name=article.source_name) if article.source_name else "",
        LANGUAGE_TAGS[article.language.value],
        article.status.value,
        tuple(f.message for f in article.findings),
    )


def _printed_sapo(sapo: str, title: str, blocks: tuple[Block, ...]) -> str:
    """The sapo as printed: not at all when it only repeats the title or the first paragraph
    (a copied page often has both) — the reader would meet the same words twice."""
    said = " ".join(sapo.split()).casefold()
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    repeats = {" ".join(title.split()).casefold()}
    if first is not None:
        repeats.add(" ".join(block_text(first).split()).casefold())
    return "" if said in repeats else sapo


def _name_after_word(name: str, word: str) -> str:
    """ "Bản tin Đối ngoại Thái Nguyên" under the word "BẢN TIN" prints "Đối ngoại Thái Nguyên"."""
    if name.lower().startswith(word.lower()):
        return name[len(word) :].strip(" :–-") or name
    if name.lower().endswith(word.lower()):  # "Thai Nguyen External Relations Bulletin"
        return name[: -len(word)].strip(" :–-") or name
    return name


def _cover_image(s: Any, ref: str) -> ImageData | None:
    try:
        asset = records_read.find_asset(s, ref)
    except NotFoundError:
        return None  # the editor is shown the fallback in the preview
    return ImageData(asset.ref, records_read.asset_data(s, asset.id), asset.width, asset.height, asset.mime)


@dataclass(frozen=True)
class _Material:
    issue: Issue
    pub: Publication
    articles: dict[int, Article]  # the issue's own articles and their partners
    images: dict[str, ImageData]
    cover_image: ImageData | None


def _read(db: Reads, issue_id: int) -> _Material:
    """Everything an export needs, read in one unit of work; the result is pure data."""
    with db.read() as s:
        issue = records_read.issue(s, issue_id)
        pub = records_read.publication(s)
        found = records_read.articles(s, issue.article_ids)
        missing = [a for a in issue.article_ids if a not in found]
        if missing:  # an entry always names an article; say so as before if one is gone
            records_read.article(s, missing[0])
        articles = {a: found[a] for a in issue.article_ids}
        partners = [p for a in articles.values() if (p := a.translation_id) is not None and p not in articles]
        more = records_read.articles(s, partners)
        for partner_id in partners:
            if partner_id in more:  # a partner deleted meanwhile is left out
                articles[partner_id] = more[partner_id]
        refs = [b.asset for a in articles.values() for b in parse_body(a.body) if isinstance(b, Figure) and b.asset]
        images: dict[str, ImageData] = {}
        for ref in dict.fromkeys(refs):
            try:
                asset = records_read.find_asset(s, ref)
            except NotFoundError:
                continue  # preflight reports the missing image by article
            images[ref] = ImageData(ref, records_read.asset_data(s, asset.id), asset.width, asset.height, asset.mime)
        cover_image = _cover_image(s, issue.cover_asset) if issue.cover_asset else None
    return _Material(issue, pub, articles, images, cover_image)


def _language_part(m: _Material, language: str) -> _LanguagePart:
    """The issue's sections in one language. Vietnamese: the placed Vietnamese articles. English:
    English articles placed in a section in their order, then the partners of the section's
    Vietnamese articles in the same order."""
    editorial: Article | None = None
    sections: list[_Section] = []
    placed = {a.id for a in m.articles.values() if a.id in m.issue.article_ids}
    for section in m.issue.sections:
        own = [m.articles[e.article_id] for e in section.entries]
        if language == Language.VI:
            chosen = [a for a in own if a.language == Language.VI]
        else:
            chosen = [a for a in own if a.language == Language.EN]
            for article in own:
                partner = m.articles.get(article.translation_id or -1)
                if (
                    article.language == Language.VI
                    and partner is not None
                    and partner.language == Language.EN
                    and partner not in chosen
                    and (partner.id not in placed or partner in own)
                ):
                    chosen.append(partner)
        title = section.name if language == Language.VI else (section.name_en or section.name)
        if fold(section.name) == EDITORIAL_SECTION and chosen and editorial is None:
            editorial, chosen = chosen[0], chosen[1:]
        if chosen:
            sections.append(_Section(title, tuple(chosen)))
    return _LanguagePart(language, editorial, tuple(sections))


def _interleaved(vi: _LanguagePart, m: _Material) -> _LanguagePart:
    """Each Vietnamese article followed by its English partner, under bilingual section titles."""
    sections = []
    by_vi = {s.title: s for s in vi.sections}
    for section in m.issue.sections:
        vi_section = by_vi.get(section.name)
        if vi_section is None:
            continue
        articles: list[Article] = []
        for article in vi_section.articles:
            articles.append(article)
            partner = m.articles.get(article.translation_id or -1)
            if partner is not None and partner.language == Language.EN:
                articles.append(partner)
        title = f"{section.name} / {section.name_en}" if section.name_en else section.name
        sections.append(_Section(title, tuple(articles)))
    return _LanguagePart("vi", vi.editorial, tuple(sections))


def _cover(m: _Material, wording: Wording, part: _LanguagePart, image: ImageData | None) -> Cover:
    pub, issue = m.pub, m.issue
    en = wording is EN
    name = _english(pub, "bulletin_name") if en else pub.bulletin_name
    notice = circulation_notice(issue, pub)
    if en and notice:
        notice = wording.notice
    titles = [a.title for s in part.sections for a in s.articles if a.language.value == part.language]
    return Cover(
        word=wording.word,
        bulletin_name=name,
        name_line=_name_after_word(name, wording.word).upper(),
        publishing_body=_english(pub, "publishing_body") if en else pub.publishing_body,
        governing_body=_english(pub, "governing_body") if en else pub.governing_body,
        date_text=format_date_en(issue.date) if en else format_date_vi(issue.date).capitalize(),
        issue_label=issue_label(issue, wording),
        notice=notice.upper(),
        image=image,
        highlights_title=wording.in_this_issue,
        highlights=tuple(titles[:HIGHLIGHTS]),
    )


def _section_parts(part: _LanguagePart, tag: str, running: str, section_new_page: bool) -> list[SectionPart]:
    out = []
    for i, section in enumerate(part.sections):
        out.append(
            SectionPart(
                language=tag,
                running_name=running,
                key=f"section-{part.language}-{i}",
                title=section.title,
                heading=section.title.upper(),
                articles=tuple(_doc_article(a) for a in section.articles),
                new_page=i == 0 or section_new_page,  # a part's first section opens a page
            )
        )
    return out


def _teaser(text: str, limit: int = 180) -> str:
    """A sapo's first sentence, or its first words up to ``limit`` characters."""
    text = " ".join(text.split())
    for n, char in enumerate(text):
        if char in ".!?" and (n + 1 == len(text) or text[n + 1] == " ") and n >= 40:
            text = text[: n + 1]
            break
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit)].rstrip(",;:–- ") + " …"


def _article_entry(article: DocArticle, images: dict[str, ImageData]) -> ContentsEntry:
    picture = next((b.asset for b in article.blocks if isinstance(b, Figure) and b.asset in images), "")
    return ContentsEntry(1, article.title, article.key, _teaser(article.sapo), picture)


def _contents_entries(parts: list[Part], images: dict[str, ImageData]) -> list[ContentsEntry]:
    entries: list[ContentsEntry] = []
    for part in parts:
        if isinstance(part, CoverPart) and part.opening:
            entries.append(ContentsEntry(0, WORDING[part.language[:2]].part_title, f"part-{part.language[:2]}"))
        elif isinstance(part, EditorialPart):
            entries.append(ContentsEntry(0, part.article.title, part.article.key))
        elif isinstance(part, SectionPart):
            entries.append(ContentsEntry(0, part.heading, part.key))
            entries += [_article_entry(a, images) for a in part.articles]
    return entries


def build_document(
    db: Reads,
    issue_id: int,
    edition: str | None = None,
    arrangement: str | None = None,
    section_new_page: bool = False,
    part_on_right: bool = True,
) -> tuple[IssueDocument, Issue, Publication, list[Article]]:
    """The issue as one script of parts. ``edition``/``arrangement`` None = the issue's own;
    ``section_new_page`` (the theme's choice): every section opens a page; ``part_on_right``: a
    later language part opens on a right-hand page, as a book's part does. Also returns the
    issue, the publication record and the articles read: the issue's own and their partners."""
    m = _read(db, issue_id)
    issue, pub = m.issue, m.pub
    edition = edition or issue.edition
    arrangement = arrangement or issue.arrangement
    if edition not in Edition.ALL:
        edition = Edition.VI
    vi, en = _language_part(m, Language.VI), _language_part(m, Language.EN)
    if edition == Edition.BILINGUAL and arrangement == Arrangement.INTERLEAVED:
        vi = _interleaved(vi, m)
    images_used = _used_images(m, vi if edition != Edition.EN else en, en if edition == Edition.BILINGUAL else None)
    first_photo = next(iter(images_used.values()), None)
    cover_image = m.cover_image or first_photo  # no photo chosen (or it is gone): the first one

    languages = {
        Edition.VI: [vi],
        Edition.EN: [en],
        Edition.BILINGUAL: [vi] if arrangement == Arrangement.INTERLEAVED else [vi, en],
    }[edition]
    head_wording = WORDING[languages[0].language]
    head_tag = LANGUAGE_TAGS[languages[0].language]
    head_running = _english(pub, "bulletin_name") if head_wording is EN else pub.bulletin_name
    parts: list[Part] = [CoverPart(head_tag, head_running, _cover(m, head_wording, languages[0], cover_image))]
    if languages[0].editorial is not None:
        parts.append(EditorialPart(head_tag, head_running, _doc_article(languages[0].editorial)))
    if edition == Edition.BILINGUAL and arrangement == Arrangement.INTERLEAVED:
        partner = m.articles.get((vi.editorial.translation_id or -1) if vi.editorial else -1)
        if partner is not None and partner.language == Language.EN:
            parts.append(EditorialPart(LANGUAGE_TAGS["en"], head_running, _doc_article(partner)))
    contents_at = len(parts)
    parts += _section_parts(languages[0], head_tag, head_running, section_new_page)
    for later in languages[1:]:
        wording = WORDING[later.language]
        tag = LANGUAGE_TAGS[later.language]
        running = _english(pub, "bulletin_name") if wording is EN else pub.bulletin_name
        parts.append(CoverPart(tag, running, _cover(m, wording, later, None), opening=True, on_right=part_on_right))
        if later.editorial is not None:
            parts.append(EditorialPart(tag, running, _doc_article(later.editorial)))
        parts += _section_parts(later, tag, running, section_new_page)
    title = head_wording.contents
    if edition == Edition.BILINGUAL:
        title = f"{VI.contents} – {EN.contents}"
    contents = ContentsPart(head_tag, head_running, title, tuple(_contents_entries(parts, images_used)))
    parts.insert(contents_at, contents)
    notice = circulation_notice(issue, pub)
    blocks = [ColophonBlock(head_tag, colophon_lines(pub, notice, head_wording))]
    if edition == Edition.BILINGUAL:
        blocks.append(ColophonBlock(LANGUAGE_TAGS["en"], colophon_lines(pub, notice, EN)))
    titles = {"notes": head_wording.notes, "photos": head_wording.photos}
    if edition == Edition.BILINGUAL:
        titles = {key: f"{getattr(VI, key)} – {getattr(EN, key)}" for key in titles}
    parts.append(
        ColophonPart(
            head_tag,
            head_running,
            head_running.upper(),
            tuple(blocks),
            contacts=_contacts(pub, head_wording),
            notes_title=titles["notes"],
            photos_title=titles["photos"],
        )
    )
    document = IssueDocument(
        title=f"{head_running} – {issue_label(issue, head_wording)}",
        author=_english(pub, "publishing_body") if head_wording is EN else pub.publishing_body,
        language=head_tag,
        parts=tuple(parts),
        images=images_used,
        edition=edition,
        missing_image=head_wording.missing_image,
    )
    return document, issue, pub, list(m.articles.values())


def _used_images(m: _Material, first: _LanguagePart, second: _LanguagePart | None) -> dict[str, ImageData]:
    """The pictures of the articles printed, in print order (the first is the cover's fallback)."""
    refs: list[str] = []
    for part in (first, second):
        if part is None:
            continue
        articles = ([part.editorial] if part.editorial else []) + [a for s in part.sections for a in s.articles]
        refs += [b.asset for a in articles for b in parse_body(a.body) if isinstance(b, Figure) and b.asset]
    return {ref: m.images[ref] for ref in dict.fromkeys(refs) if ref in m.images}
