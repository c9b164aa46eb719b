"""Web pages saved from a browser (.html, .htm) → ArticleDraft.

trafilatura finds the article among the page's navigation, related-news lists, sidebars
and footer, and gives its structure (headings, paragraphs, lists, quotes, tables, pictures,
bold/italic, links) as a small XML tree, rendered here into the body format. Around it:

* before extraction, scripts, styles and form controls are removed; links are made
  absolute against the page's address (``<base href>``, canonical, og:url, or the
  browser's "saved from url" note); pictures saved next to the page ("Trang_files/…")
  are found on disk and tagged, with the caption of their ``<figure>``/caption cell;
* metadata: title (og:title, the h1, ``<title>``), published date and time (article
  meta, JSON-LD, a date line), byline, source (site name, else host) and the page URL;
* the sapo: the page's lead element (class "sapo", "lead", "summary"…), an all-bold
  first paragraph, or a first paragraph the page's description repeats;
* the same rules as for web-page text copies after it: the headline repeated, an
  end-of-article marker ("Tin bài liên quan"…), a closing byline or "Nguồn: …" line;
  text is cleaned and proofed like every import.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, quote, unquote, urljoin, urlsplit
from urllib.request import url2pathname

import lxml.html
from lxml import etree

from bulletin_app.domain.article import ArticleDraft, Language, proof_findings
from bulletin_app.domain.body import Block, Figure, Heading, ListBlock, ListItem, Paragraph, Quote, Run, Table
from bulletin_app.domain.body_writer import blocks_to_body, clean_runs
from bulletin_app.domain.findings import Finding
from bulletin_app.importers.page_lines import (
    MAX_TITLE,
    is_byline,
    is_end_marker,
    parse_date_line,
    source_line,
    title_needed,
    title_too_long,
)
from bulletin_app.importers.plain_text import ImportProblem, decode_bytes, read_capped
from bulletin_app.importers.web_text import ParsedText
from bulletin_app.text import clean_line

if TYPE_CHECKING:
    from trafilatura.settings import Document

MAX_BYTES = 20 * 1024 * 1024  # pages saved with pictures inlined as data: URIs run to a few MB
MAX_IMAGE_BYTES = 50 * 1024 * 1024
MIN_WORDS = 12  # fewer words than a one-sentence news item: what was found is not an article
VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7))
_PLACEHOLDER = re.compile(r"__html_image_(\d+)__")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_DATA_URI = re.compile(r"^data:image/(png|jpeg|jpg|gif|webp|bmp);base64,(.*)$", re.IGNORECASE | re.DOTALL)
_WHITESPACE = re.compile(r"[ \t\r\n\f\v]+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Never part of an article: code, styling, embedded objects and form controls.
_STRIP = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "math",
    "button", "select", "textarea", "input", "audio", "video",
)  # fmt: skip
_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.issued",
        "dcterms.created",
        "parsely-pub-date",
    }
)
# Class/id words that mark the lead paragraph on Vietnamese (and other) news sites.
_SAPO_WORDS = frozenset({"sapo", "lead", "summary", "chapeau", "excerpt", "intro", "abstract", "tomtat", "mota"})
_CLASS_WORD = re.compile(r"[a-z]+")


@dataclass
class _Block:
    kind: str  # "p", "h", "list", "quote", "table", "figure"
    block: Block  # what the body format writes
    plain: str  # the text an editor reads (for the rules below and proofing)
    bold: bool = False  # a paragraph entirely in bold


def _text_paragraph(text: str) -> _Block:
    return _Block("p", Paragraph((Run(text),)), text)


@dataclass
class _Images:
    """Pictures of the page found on disk (or inlined), by placeholder number."""

    folder: Path
    files: list[tuple[str, bytes | Path]] = field(default_factory=list)  # (file name, bytes or path)
    by_source: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, name: str, data: bytes | Path) -> int:
        if key not in self.by_source:
            self.by_source[key] = len(self.files)
            self.files.append((name, data))
        return self.by_source[key]


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>``)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _classes(el: etree._Element) -> set[str]:
    words = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return set(_CLASS_WORD.findall(words))


_BLOCKISH = frozenset((
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
))  # fmt: skip


def _text(el: etree._Element) -> str:
    """An element's text as one clean line: words split by inline markup stay whole,
    blocks (paragraphs, cells, line breaks) are kept apart by a space."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCKISH
        parts.append(" " if block else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append(" " if block else "")

    walk(el)
    return clean_line("".join(parts))


def _parse_iso(value: str) -> tuple[dt.datetime, bool] | None:
    """An ISO 8601 date or date-time as Vietnamese wall-clock time; (when, has_time)."""
    value = value.strip()
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(VIETNAM_TIME).replace(tzinfo=None)
    if not 1990 <= when.year <= dt.date.today().year + 1:
        return None
    return when, len(value) > 10


class _Page:
    """One saved page: its tree prepared for extraction, and what was read off it."""

    def __init__(self, path: Path, html: str) -> None:
        self.path = path
        html = _NOT_XML.sub("", html)  # control characters: lxml refuses them in text it is given back
        try:
            parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
            self.tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        except (etree.ParserError, ValueError) as exc:
            raise ImportProblem("tệp HTML rỗng hoặc hỏng, không có nội dung") from exc
        saved_from = _SAVED_FROM.search(html[:4096])
        self.url = self._page_url(saved_from.group(1) if saved_from else None)
        self.base = self._base_url()
        self.images = _Images(path.parent)
        self.json_ld = list(self._json_ld())
        self.published = self._published()
        self.lang = (self.tree.get("lang") or "").lower()
        self.description = self._meta("og:description", "description")
        self.site_name = clean_line(self._meta("og:site_name") or "")
        self.sapo = ""

    # -- metadata -----------------------------------------------------------------------
    def _meta(self, *keys: str) -> str:
        for key in keys:
            for el in self.tree.iter("meta"):
                name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
                if name == key and el.get("content"):
                    return str(el.get("content"))
        return ""

    def _page_url(self, saved_from: str | None) -> str:
        for el in self.tree.iter("link"):
            if "canonical" in (el.get("rel") or "").lower().split() and _is_web(el.get("href")):
                return str(el.get("href")).strip()
        og = self._meta("og:url")
        if _is_web(og):
            return og.strip()
        return (saved_from or "") if _is_web(saved_from) else ""

    def _base_url(self) -> str:
        base = next((el.get("href") for el in self.tree.iter("base") if el.get("href")), None)
        if base:
            resolved = _join(self.url, base)
            if _is_web(resolved):
                return resolved
        return self.url

    def _json_ld(self) -> Iterator[dict[str, Any]]:
        for el in self.tree.iter("script"):
            if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
                continue
            try:
                data = json.loads(el.text)
            except ValueError:
                continue
            stack = [data]
            while stack:
                item = stack.pop()
                if isinstance(item, list):
                    stack.extend(item)
                elif isinstance(item, dict):
                    yield item
                    stack.extend(v for k, v in item.items() if k == "@graph")

    def _published(self) -> tuple[dt.datetime, bool] | None:
        for el in self.tree.iter("meta"):
            name = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if name in _PUBLISHED_META and (found := _parse_iso(el.get("content") or "")):
                return found
        for item in self.json_ld:
            value = item.get("datePublished")
            if isinstance(value, str) and (found := _parse_iso(value)):
                return found
        for el in self.tree.iter("time"):
            marked = (el.get("itemprop") or "").lower() == "datepublished" or el.get("pubdate") is not None
            if marked and (found := _parse_iso(el.get("datetime") or "")):
                return found
        for el in self.tree.iter():  # a visible date line ("15:30 | 14/03/2024") in a date element
            dated = isinstance(el.tag, str) and _classes(el) & {"date", "time", "datetime", "publish", "published"}
            if dated and (found := parse_date_line(_text(el))):
                return found
        return None

    def json_ld_author(self) -> str:
        for item in self.json_ld:
            author = item.get("author")
            authors = author if isinstance(author, list) else [author]
            names = [a.get("name") if isinstance(a, dict) else a for a in authors]
            names = [clean_line(n) for n in names if isinstance(n, str) and n.strip()]
            if names:
                return ", ".join(names)
        return ""

    # -- preparing the tree -------------------------------------------------------------
    def prepare(self, title_hint: str) -> None:
        for el in list(self.tree.iter(*_STRIP)):
            if el.tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
                continue  # metadata for the extractor; never extracted as text
            el.drop_tree()
        self._links()
        self._captions()
        self._pictures()
        self.sapo = self._find_sapo(title_hint)

    def _links(self) -> None:
        for a in self.tree.iter("a"):
            href = (a.get("href") or "").strip()
            target = _join(self.base, href)
            if href and not href.startswith("#") and _scheme(target) in ("http", "https", "mailto"):
                a.set("href", target)
            elif "href" in a.attrib:
                del a.attrib["href"]

    def _captions(self) -> None:
        """Captions onto their picture (as its alt text), so that each stays with it; a
        picture's box (figure, layout table) becomes a plain paragraph holding the picture,
        the form the extractor keeps in every mode."""
        for img in self.tree.iter("img"):
            for attr in ("alt", "title"):  # alt text describes, it is not a printed caption
                img.attrib.pop(attr, None)
        for box in list(self.tree.iter("figure", "table")):
            imgs = list(box.iter("img"))
            if box.getparent() is None or not imgs:
                continue
            if box.tag == "figure":
                captions = list(box.iter("figcaption"))
                caption = " ".join(_text(c) for c in captions)
            else:  # a picture and its caption laid out as a table
                caption = _text(box)
                nested = any(e is not box for e in box.iter("table", "ul", "ol"))
                if len(imgs) > 1 or len(caption) > 400 or nested:
                    continue
            if caption:
                imgs[0].set("alt", caption)
            holder = lxml.html.Element("p")
            holder.extend(imgs)
            holder.tail = box.tail
            box.getparent().replace(box, holder)  # type: ignore[union-attr]
        for el in list(self.tree.iter()):  # <p class="image-caption"> right after the picture
            if not isinstance(el.tag, str) or el.getparent() is None:
                continue
            words = _classes(el)
            if not (any("caption" in w for w in words) or words & {"imgdesc", "photodesc", "imagedesc"}):
                continue
            previous = el.getprevious()
            imgs = [previous] if previous is not None and previous.tag == "img" else []
            if previous is not None and not imgs:
                imgs = list(previous.iter("img"))
            if len(imgs) == 1 and not imgs[0].get("alt") and (text := _text(el)):
                imgs[0].set("alt", text)
                el.drop_tree()

    def _pictures(self) -> None:
        """Pictures saved with the page get a placeholder the body keeps; others an absolute URL."""
        for img in self.tree.iter("img"):
            sources = [img.get(a) for a in ("data-src", "data-original", "data-lazy-src", "src")]
            sources += [s.strip().split(" ")[0] for s in (img.get("srcset") or "").split(",")]
            sources = [s.strip() for s in sources if s and s.strip()]
            number = next((n for n in (self._local_picture(s) for s in sources) if n is not None), None)
            for attr in [a for a in img.attrib if a.startswith("data-") or a == "srcset"]:
                del img.attrib[attr]
            if number is not None:
                img.set("src", f"__html_image_{number}__.jpg")  # an image extension, or the extractor drops it
            elif sources:
                remote = next((s for s in sources if not s.startswith("data:")), "")
                img.set("src", _join(self.base, remote))

    def _local_picture(self, src: str) -> int | None:
        data_uri = _DATA_URI.match(src)
        if data_uri:
            try:
                data = base64.b64decode(data_uri.group(2), validate=False)
            except (binascii.Error, ValueError):
                return None
            if not data or len(data) > MAX_IMAGE_BYTES:
                return None
            ext = data_uri.group(1).lower().replace("jpeg", "jpg")
            return self.images.add(src, f"anh-{len(self.images.files) + 1}.{ext}", data)
        parts = _split(src)
        if parts is None:
            return None
        if parts.scheme == "file":
            candidate = Path(url2pathname(parts.path))
        elif parts.scheme or src.startswith("//"):
            return None  # on the web, not saved with the page
        else:
            candidate = self.images.folder / unquote(parts.path)
        try:
            folder = self.images.folder.resolve()
            resolved = candidate.resolve()
            # Only the page's own folder: a page never makes us read files elsewhere.
            if not resolved.is_relative_to(folder) or not resolved.is_file():
                return None
            if resolved.stat().st_size > MAX_IMAGE_BYTES:
                return None
        except (OSError, ValueError):
            return None
        return self.images.add(str(resolved), resolved.name, resolved)

    def _find_sapo(self, title_hint: str) -> str:
        """The lead the page marks as such, after the headline when there is one."""
        order = {el: i for i, el in enumerate(self.tree.iter())}
        start = 0
        for h1 in self.tree.iter("h1"):
            if title_hint and _text(h1) == title_hint:
                start = order[h1]
                break
        for el in self.tree.iter():
            if not isinstance(el.tag, str) or order[el] < start or not (_classes(el) & _SAPO_WORDS):
                continue
            if any(a.tag in ("figure", "nav", "aside", "footer", "header", "li") for a in el.iterancestors()):
                continue
            if el.find(".//img") is not None or el.find(".//table") is not None:
                continue
            text = _text(el)
            links = sum(len(_text(a)) for a in el.iter("a"))
            if 8 <= len(text.split()) <= 150 and links < len(text) / 2:
                return text
        return ""

    def picture(self, number: int) -> tuple[str, bytes] | None:
        if number >= len(self.images.files):
            return None
        name, data = self.images.files[number]
        if isinstance(data, Path):
            try:
                data = data.read_bytes()
            except OSError:
                return None
        return name, data


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # "http://[bad" and the like
        return None


def _scheme(url: str) -> str:
    parts = _split(url)
    return parts.scheme.lower() if parts else ""


def _join(base: str, url: str) -> str:
    """``url`` made absolute against ``base`` (if any); "" when it cannot be read."""
    url = url.strip()
    if not base:
        return url
    try:
        return urljoin(base, url)
    except ValueError:
        return ""


def _is_web(url: str | None) -> bool:
    return bool(url) and _scheme(str(url).strip()) in ("http", "https")


def _link_target(url: str) -> str | None:
    if _scheme(url) not in ("http", "https", "mailto"):
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._")  # spaces and brackets would end the link


_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "code", "div"})


def _runs(
    el: etree._Element, skip_lists: bool = False, bold: bool = False, italic: bool = False, href: str | None = None
) -> list[Run]:
    """An element's text as runs with its emphasis and links; "\\n" marks a line break.
    Pictures and tables inside are left to the block level."""
    out = [Run(_spaces(el.text), bold, italic, href)] if el.text else []
    for child in el:
        tag = child.tag
        if tag in ("graphic", "table") or (skip_lists and tag == "list"):
            pass
        elif tag == "lb":
            out.append(Run("\n"))
        elif tag == "hi":
            rend = child.get("rend", "")
            out += _runs(child, False, bold or "#b" in rend, italic or "#i" in rend, href)
        elif tag == "ref":
            target = _link_target(child.get("target") or "")
            out += _runs(child, False, bold, italic, target or href)
        elif tag in _BLOCK_TAGS:
            out += [Run(" "), *_runs(child, False, bold, italic, href), Run(" ")]
        else:
            out += _runs(child, False, bold, italic, href)
        if child.tail:
            out.append(Run(_spaces(child.tail), bold, italic, href))
    return out


def _spaces(text: str | None) -> str:
    return _WHITESPACE.sub(" ", text or "")


def _plain(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


def _all_bold(el: etree._Element) -> bool:
    """A paragraph whose text is all inside bold markup (a sapo on many sites)."""
    if (el.text or "").strip() or not len(el):
        return False
    return all(child.tag == "hi" and "#b" in child.get("rend", "") and not (child.tail or "").strip() for child in el)


class _Renderer:
    """trafilatura's XML → blocks of the body format."""

    def __init__(self, page: _Page) -> None:
        self.page = page
        self.images: list[tuple[str, bytes, str]] = []
        self.missing: list[str] = []

    def render(self, body: etree._Element) -> list[_Block]:
        blocks: list[_Block] = []
        for el in body:
            blocks.extend(self._block(el))
        return blocks

    def _block(self, el: etree._Element) -> list[_Block]:
        tag = el.tag
        if tag == "graphic":
            return self._figure(el)
        figures = [b for g in el.iter("graphic") for b in self._figure(g)]
        block: _Block | None = None
        if tag == "head":
            level = el.get("rend", "h2")[1:]
            runs = clean_runs(_runs(el), breaks=False)
            if runs:
                block = _Block("h", Heading(3 if level.isdigit() and int(level) >= 3 else 2, runs), _plain(runs))
        elif tag == "list":
            items = self._items(el, 0)
            if items:
                plain = "\n".join(_plain(i.runs) for i in items)
                block = _Block("list", ListBlock(el.get("rend", "") == "ol", tuple(items)), plain)
        elif tag == "quote":
            parts = [c for c in el if c.tag in ("p", "item", "head")] or [el]
            paragraphs = [r for r in (clean_runs(_runs(p), breaks=False) for p in parts) if r]
            if paragraphs:
                block = _Block("quote", Quote(tuple(paragraphs)), "\n".join(_plain(p) for p in paragraphs))
        elif tag == "table":
            block = self._table(el)
        else:  # p, code and anything else: a paragraph
            runs = clean_runs(_runs(el), breaks=tag != "code")
            if runs:
                block = _Block("p", Paragraph(runs), _plain(runs), bold=_all_bold(el))
        return ([block] if block else []) + figures

    def _items(self, el: etree._Element, level: int) -> list[ListItem]:
        items: list[ListItem] = []
        for item in (i for i in el if i.tag == "item"):
            runs = clean_runs(_runs(item, skip_lists=True), breaks=False)
            if runs:
                items.append(ListItem(runs, level))
            for sub in (c for c in item if c.tag == "list"):  # nested under the item's text
                items += self._items(sub, level + 1 if runs else level)
        return items

    def _table(self, el: etree._Element) -> _Block | None:
        rows: list[tuple[tuple[Run, ...], ...]] = []
        for row in el.iter("row"):
            cells = tuple(clean_runs(_runs(cell), breaks=False) for cell in row if cell.tag == "cell")
            if any(cells):
                rows.append(cells)
        if not rows:
            return None
        width = max(len(r) for r in rows)
        rows = [r + ((),) * (width - len(r)) for r in rows]
        plain = "\n".join(" ".join(_plain(c) for c in r if c) for r in rows)
        return _Block("table", Table(rows[0], tuple(rows[1:])), plain)

    def _figure(self, graphic: etree._Element) -> list[_Block]:
        src = graphic.get("src") or ""
        caption = clean_line(graphic.get("alt") or "")
        m = _PLACEHOLDER.search(src)
        found = self.page.picture(int(m.group(1))) if m else None
        if found is None:
            parts = _split(src)
            self.missing.append((Path(parts.path).name if parts else "") or src[:60])
            return [_Block("figure", Figure("", caption), caption)] if caption else []
        name, data = found
        placeholder = f"__html_image_{len(self.images)}__"
        self.images.append((placeholder, data, name))
        return [_Block("figure", Figure(placeholder, caption), caption)]


def _host(url: str) -> str:
    parts = _split(url)
    try:
        host = parts.hostname if parts else None
    except ValueError:
        host = None
    return (host or "").removeprefix("www.")


def _strip_site_name(title: str, site: str) -> str:
    for sep in (" - ", " | ", " – ", " — ", " :: "):
        if site and title.endswith(sep + site):
            return title[: -len(sep + site)].strip()
    return title


def _extract(tree: lxml.html.HtmlElement) -> Document | None:
    import trafilatura  # on first need: it takes a third of a second to import, every CLI command would pay

    found = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        include_images=True,
        include_formatting=True,
        include_links=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return found if isinstance(found, trafilatura.settings.Document) else None


def _without_head(blocks: list[_Block], title: str) -> tuple[list[_Block], tuple[dt.datetime, bool] | None]:
    """Blocks without the headline repeated and the date line near the top (returned)."""
    published = None
    kept: list[_Block] = []
    for i, block in enumerate(blocks):
        date = parse_date_line(block.plain) if i < 4 and block.kind == "p" else None
        published = published or date
        if not date and not (block.kind in ("p", "h") and block.plain == title):
            kept.append(block)
    if title and kept and kept[0].kind == "p" and kept[0].plain.startswith(title + " "):
        rest = kept[0].plain[len(title) :].strip()  # the headline run into the first paragraph
        kept[0] = _text_paragraph(rest)
    for i, block in enumerate(kept):  # an end-of-article marker the extractor kept
        if i > len(kept) // 4 and block.kind in ("p", "h") and is_end_marker(block.plain):
            return kept[:i], published
    return kept, published


def _take_sapo(blocks: list[_Block], marked: str, description: str) -> tuple[list[_Block], str]:
    """The sapo: the page's marked lead, else a first paragraph in bold or repeated by the
    page's description; body paragraphs that repeat it lose it."""
    sapo = marked
    first = blocks[0] if blocks and blocks[0].kind == "p" and len(blocks[0].plain.split()) <= 120 else None
    if not sapo and first and (first.bold or (len(description) > 40 and first.plain.startswith(description))):
        sapo = first.plain
    if not sapo:
        return blocks, ""
    kept = []
    for block in blocks:
        if block.kind == "p" and block.plain == sapo:
            continue
        if block.kind == "p" and block.plain.startswith(sapo) and len(block.plain) > len(sapo):
            rest = block.plain[len(sapo) :].strip()
            block = _text_paragraph(rest)
        kept.append(block)
    return kept, sapo


def _take_tail(blocks: list[_Block], author: str) -> tuple[str, str]:
    """Closing byline and "Nguồn: …" paragraphs taken off the blocks: (byline, source)."""
    byline, source = author, ""
    while blocks and blocks[-1].kind == "p":
        last = blocks[-1].plain
        if (found := source_line(last)) is not None:
            source = source or found
        elif last == byline or (not byline and is_byline(last)):
            byline = byline or last
        else:
            break
        blocks.pop()
    return byline, source


def read_html(path: Path) -> ParsedText:
    data = read_capped(path, MAX_BYTES)
    text, findings = decode_bytes(data, sniff_charset(data))
    page = _Page(path, text)
    page.prepare(next((t for t in (_text(h) for h in page.tree.iter("h1")) if t), ""))
    try:
        doc = _extract(page.tree)
    except (ValueError, TypeError, AttributeError, etree.LxmlError) as exc:
        raise ImportProblem(f"không đọc được trang HTML ({type(exc).__name__}: {exc})") from exc
    if doc is None or doc.body is None:
        raise ImportProblem("trang HTML không có nội dung bài viết nhận ra được")
    renderer = _Renderer(page)
    site = page.site_name or clean_line(doc.sitename or "")
    title = _strip_site_name(clean_line(doc.title or ""), site)
    blocks, date_line = _without_head(renderer.render(doc.body), title)
    description = clean_line(page.description or doc.description or "").rstrip(".… ")
    blocks, sapo = _take_sapo(blocks, page.sapo, description)
    byline, source = _take_tail(blocks, page.json_ld_author() or clean_line(doc.author or ""))
    if len(sapo.split()) + sum(len(b.plain.split()) for b in blocks) < MIN_WORDS:
        raise ImportProblem("trang HTML không có nội dung bài viết nhận ra được")  # navigation, an error page

    if not title:
        findings.append(title_needed())
    elif len(title) > MAX_TITLE:
        findings.append(title_too_long(title))
    if renderer.missing:
        names = ", ".join(dict.fromkeys(renderer.missing))
        message = (
            f"{len(renderer.missing)} ảnh của bài không có trong thư mục lưu kèm trang nên chưa được nhập: {names}."
        )
        findings.append(Finding("image-missing", message, found=names, count=len(renderer.missing)))
    published = page.published or date_line or (_parse_iso(doc.date) if doc.date else None)
    body = blocks_to_body(b.block for b in blocks)
    draft = ArticleDraft(
        title=title,
        sapo=sapo,
        body=body,
        byline=byline[:120],
        source_name=source or site or _host(page.url),
        source_url=page.url,
        published=published[0] if published else None,
        published_has_time=bool(published and published[1]),
        language=Language.EN if page.lang.startswith("en") else Language.VI,
        images=[image for image in renderer.images if f"(asset:{image[0]})" in body],
    )
    article_text = "\n".join([title, sapo, *(b.plain for b in blocks), byline])
    findings += proof_findings(article_text)
    draft.findings = findings
    return ParsedText(draft, findings)
