"""The article body (docs/body-format.md) as a QTextDocument, and back.

Reading goes through :func:`bulletin_app.domain.body.parse_body`, so the editor sees a body
exactly as search and the exporters do; writing produces the canonical form of the format
(the one the importers write: text escaped with :func:`escape_text`). A body written by
this module survives body → document → body unchanged.

What the format means is kept in the document as formats, never guessed from looks:

* headings: ``QTextBlockFormat.headingLevel`` (2 or 3; level 1 is the article title);
* quotes: a block property holding the quote's group (consecutive blocks of one group are
  one ``Quote``);
* lists: ``QTextList`` objects (level = list indent − 1; a new level-0 list is a new block);
* bold: font weight ≥ 700 (headings are drawn semi-bold, 600, so a bold run in a heading
  stays distinguishable); italic: ``fontItalic``; links: the anchor href;
* figures: an image named ``asset:<ref>`` in a block of kind "figure", followed by a
  "caption" block and, when there is one, a "credit" block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)

from bulletin_app.domain.body import (
    ASSET_SCHEME,
    Block,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Run,
    Table,
    parse_body,
)
from bulletin_app.domain.body_writer import blocks_to_body

# Block properties (QTextFormat.UserProperty and up are free for applications).
KIND = int(QTextFormat.Property.UserProperty) + 1  # "quote" | "figure" | "caption" | "credit"
QUOTE_GROUP = int(QTextFormat.Property.UserProperty) + 2  # int: blocks of one Quote share it

KIND_QUOTE = "quote"
KIND_FIGURE = "figure"
KIND_CAPTION = "caption"
KIND_CREDIT = "credit"

BOLD_WEIGHT = int(QFont.Weight.Bold.value)
HEADING_WEIGHT = int(QFont.Weight.DemiBold.value)
FIGURE_MAX_WIDTH = 520  # px on screen; the stored image keeps its full resolution
LINE_SEPARATOR = "\u2028"  # what Shift+Enter inserts inside a block
OBJECT_CHAR = "\ufffc"  # an inline object (our images)

_ORDERED_STYLES = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_HEADING_SIZE = {2: 2, 3: 1}  # QTextFormat.FontSizeAdjustment per heading level

ImageProvider = Callable[[str], QImage | None]


# ---------------------------------------------------------------- formats


def block_kind(block: QTextBlock) -> str:
    value = block.blockFormat().property(KIND)
    return value if isinstance(value, str) else ""


def paragraph_format() -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(6)
    fmt.setTopMargin(0)
    return fmt


def heading_format(level: int) -> QTextBlockFormat:
    fmt = paragraph_format()
    fmt.setHeadingLevel(level)
    fmt.setTopMargin(10)
    return fmt


def quote_format(group: int) -> QTextBlockFormat:
    fmt = paragraph_format()
    fmt.setProperty(KIND, KIND_QUOTE)
    fmt.setProperty(QUOTE_GROUP, group)
    fmt.setLeftMargin(28)
    fmt.setRightMargin(16)
    fmt.setBackground(_subtle(QPalette.ColorRole.AlternateBase))
    return fmt


def figure_format(kind: str) -> QTextBlockFormat:
    fmt = paragraph_format()
    fmt.setProperty(KIND, kind)
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    if kind == KIND_FIGURE:
        fmt.setTopMargin(6)
        fmt.setBottomMargin(2)
    return fmt


def list_format(ordered: bool, level: int, start: int = 1) -> QTextListFormat:
    fmt = QTextListFormat()
    if ordered:
        fmt.setStyle(QTextListFormat.Style.ListDecimal)
        fmt.setStart(start)
    else:
        fmt.setStyle(QTextListFormat.Style.ListDisc if level % 2 == 0 else QTextListFormat.Style.ListCircle)
    fmt.setIndent(level + 1)
    return fmt


def is_ordered(text_list: QTextList) -> bool:
    return text_list.format().style() in _ORDERED_STYLES


def run_format(run: Run, heading: int = 0) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(BOLD_WEIGHT if run.bold else (HEADING_WEIGHT if heading else int(QFont.Weight.Normal.value)))
    fmt.setFontItalic(run.italic)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, _HEADING_SIZE.get(heading, 0))
    if run.href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(run.href)
        fmt.setFontUnderline(True)
        fmt.setForeground(_subtle(QPalette.ColorRole.Link))
    return fmt


def caption_format(kind: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontItalic(kind == KIND_CAPTION)
    fmt.setFontWeight(int(QFont.Weight.Normal.value))
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1 if kind == KIND_CREDIT else 0)
    return fmt


def _subtle(role: QPalette.ColorRole) -> QColor:
    app = QGuiApplication.instance()
    palette = QGuiApplication.palette() if app is not None else QPalette()
    return palette.color(role)


# ---------------------------------------------------------------- images


def asset_name(ref: str) -> str:
    return ASSET_SCHEME + ref


def placeholder_image(ref: str) -> QImage:
    """What a figure shows when its picture is not (or not yet) in the library."""
    image = QImage(480, 270, QImage.Format.Format_ARGB32)
    image.fill(_subtle(QPalette.ColorRole.Mid))
    painter = QPainter(image)
    painter.setPen(_subtle(QPalette.ColorRole.Text))
    text = (
        QCoreApplication.translate("BodyDocument", "Ảnh chưa có trong thư viện")
        if ref
        else QCoreApplication.translate("BodyDocument", "Chưa gắn ảnh — nhấp đúp để chọn ảnh")
    )
    painter.drawText(QRectF(0, 0, 480, 270), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    return image


def image_format(ref: str, image: QImage) -> QTextImageFormat:
    fmt = QTextImageFormat()
    fmt.setName(asset_name(ref))
    width = min(image.width(), FIGURE_MAX_WIDTH) or FIGURE_MAX_WIDTH
    fmt.setWidth(width)
    if image.width():
        fmt.setHeight(image.height() * width / image.width())
    return fmt


def add_image_resource(document: QTextDocument, ref: str, image: QImage) -> None:
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(asset_name(ref)), image)


def figure_refs(body: str) -> list[str]:
    """Asset references of the body's figures, in order, without repeats."""
    seen: dict[str, None] = {}
    for block in parse_body(body):
        if isinstance(block, Figure) and block.asset:
            seen.setdefault(block.asset, None)
    return list(seen)


# ---------------------------------------------------------------- body → document


class _Writer:
    """Appends blocks to a document through one cursor."""

    def __init__(self, document: QTextDocument, images: ImageProvider) -> None:
        self.document = document
        self.images = images
        self.cursor = QTextCursor(document)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.fresh = document.isEmpty()  # the current block is empty and still unused
        self.quote_group = 0

    def block(self, fmt: QTextBlockFormat, char_fmt: QTextCharFormat | None = None) -> None:
        char_fmt = char_fmt or QTextCharFormat()
        if self.fresh:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char_fmt)
            self.fresh = False
        else:
            self.cursor.insertBlock(fmt, char_fmt)

    def runs(self, runs: Iterable[Run], heading: int = 0) -> None:
        for run in runs:
            self.cursor.insertText(run.text.replace("\n", LINE_SEPARATOR), run_format(run, heading))

    def add(self, block: Block) -> None:
        match block:
            case Heading(level=level, runs=runs):
                self.block(heading_format(level), run_format(Run(""), level))
                self.runs(runs, level)
            case Paragraph(runs=runs):
                self.block(paragraph_format())
                self.runs(runs)
            case Quote(paragraphs=paragraphs):
                self.quote_group += 1
                for runs in paragraphs:
                    self.block(quote_format(self.quote_group))
                    self.runs(runs)
            case ListBlock():
                self.list_block(block)
            case Table():
                self.table(block)
            case Figure():
                self.figure(block)

    def list_block(self, block: ListBlock) -> None:
        lists: dict[int, QTextList] = {}
        for item in block.items:
            level = item.level
            for deeper in [k for k in lists if k > level]:
                del lists[deeper]  # a shallower item ends the nested list
            self.block(paragraph_format())
            if level in lists:
                lists[level].add(self.cursor.block())
            else:
                lists[level] = self.cursor.createList(list_format(block.ordered, level, block.start))
            self.runs(item.runs)

    def table(self, block: Table) -> None:
        rows = ([block.header] if block.header is not None else []) + list(block.rows)
        if not rows:
            return
        columns = max(len(r) for r in rows) or 1
        table = self.cursor.insertTable(len(rows), columns, table_format(block.header is not None))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                cursor = table.cellAt(r, c).firstCursorPosition()
                for run in cell:
                    cursor.insertText(run.text.replace("\n", " "), run_format(run))
        if block.header is not None:
            style_header_row(table)
        self.cursor = QTextCursor(self.document)
        self.cursor.setPosition(table.lastPosition() + 1)
        self.fresh = True  # Qt keeps a block after every table

    def figure(self, block: Figure) -> None:
        image = self.images(block.asset) if block.asset else None
        if image is None or image.isNull():
            image = placeholder_image(block.asset)
        add_image_resource(self.document, block.asset, image)
        self.block(figure_format(KIND_FIGURE))
        self.cursor.insertImage(image_format(block.asset, image))
        self.block(figure_format(KIND_CAPTION), caption_format(KIND_CAPTION))
        self.cursor.insertText(block.caption, caption_format(KIND_CAPTION))
        if block.credit:
            self.block(figure_format(KIND_CREDIT), caption_format(KIND_CREDIT))
            self.cursor.insertText(block.credit, caption_format(KIND_CREDIT))


def table_format(header: bool) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    fmt.setHeaderRowCount(1 if header else 0)
    fmt.setBottomMargin(6)
    return fmt


def style_header_row(table: QTextTable) -> None:
    for c in range(table.columns()):
        cell = table.cellAt(0, c)
        fmt = cell.format().toTableCellFormat()
        fmt.setBackground(_subtle(QPalette.ColorRole.Button))
        cell.setFormat(fmt)


def fill_document(document: QTextDocument, blocks: Iterable[Block], images: ImageProvider) -> None:
    """Append ``blocks`` to ``document`` (meant for an empty document)."""
    writer = _Writer(document, images)
    for block in blocks:
        writer.add(block)


def body_to_document(body: str, document: QTextDocument, images: ImageProvider | None = None) -> None:
    """Replace the document's content with the body (undo history cleared, not modified)."""
    document.clear()
    fill_document(document, parse_body(body), images or (lambda _ref: None))
    document.clearUndoRedoStacks()
    document.setModified(False)


# ---------------------------------------------------------------- document → blocks


def _fragments(block: QTextBlock) -> Iterable[tuple[str, QTextCharFormat]]:
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            yield fragment.text(), fragment.charFormat()
        it += 1


def block_runs(block: QTextBlock, line_breaks: bool = True) -> tuple[Run, ...]:
    """The runs of a block's text (objects such as images left out), trimmed like parse_body."""
    runs: list[Run] = []
    for text, fmt in _fragments(block):
        if fmt.isImageFormat():
            continue
        text = text.replace(OBJECT_CHAR, "").replace("\u2029", LINE_SEPARATOR)
        text = text.replace(LINE_SEPARATOR, "\n" if line_breaks else " ")
        if not text:
            continue
        href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
        run = Run(text, fmt.fontWeight() >= BOLD_WEIGHT, fmt.fontItalic(), href)
        if runs and (runs[-1].bold, runs[-1].italic, runs[-1].href) == (run.bold, run.italic, run.href):
            runs[-1] = Run(runs[-1].text + text, run.bold, run.italic, run.href)
        else:
            runs.append(run)
    return _trim_runs(runs)


def _trim_runs(runs: list[Run]) -> tuple[Run, ...]:
    # Spaces at either end of a line break are not part of the format (CommonMark drops them).
    runs = [Run(re.sub(r" *\n *", "\n", r.text), r.bold, r.italic, r.href) for r in runs]
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs:
        first, last = runs[0], runs[-1]
        runs[0] = Run(first.text.lstrip(), first.bold, first.italic, first.href)
        last = runs[-1]
        runs[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.href)
    return tuple(r for r in runs if r.text)


def _image_ref(block: QTextBlock) -> str | None:
    for _text, fmt in _fragments(block):
        if fmt.isImageFormat():
            name = fmt.toImageFormat().name()
            if name.startswith(ASSET_SCHEME):
                return name[len(ASSET_SCHEME) :]
    return None


def _plain(block: QTextBlock) -> str:
    text = block.text().replace(OBJECT_CHAR, "").replace(LINE_SEPARATOR, " ")
    return " ".join(text.split())


def _table_block(table: QTextTable) -> Table:
    rows: list[tuple[tuple[Run, ...], ...]] = []
    for r in range(table.rows()):
        cells = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            runs: list[Run] = []
            block = cell.firstCursorPosition().block()
            end = cell.lastCursorPosition().position()
            while block.isValid() and block.position() <= end:
                if runs:
                    runs.append(Run(" "))
                runs.extend(block_runs(block, line_breaks=False))
                block = block.next()
            cells.append(_merge(runs))
        rows.append(tuple(cells))
    header = rows[0] if table.format().headerRowCount() > 0 and rows else None
    return Table(header, tuple(rows[1:] if header is not None else rows))


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].href) == (run.bold, run.italic, run.href):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            out.append(run)
    return _trim_runs(out)


def document_to_blocks(document: QTextDocument) -> list[Block]:
    blocks: list[Block] = []
    block = document.firstBlock()
    list_root: QTextList | None = None
    list_items: list[ListItem] = []
    list_ordered, list_start, last_level = False, 1, -1
    quote_group: object = None
    quote_paras: list[tuple[Run, ...]] = []

    def flush_list() -> None:
        nonlocal list_root, list_items, last_level
        if list_items:
            blocks.append(ListBlock(list_ordered, tuple(list_items), list_start))
        list_root, list_items, last_level = None, [], -1

    def flush_quote() -> None:
        nonlocal quote_group, quote_paras
        if quote_paras:
            blocks.append(Quote(tuple(quote_paras)))
        quote_group, quote_paras = None, []

    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None:
            flush_list()
            flush_quote()
            blocks.append(_table_block(table))
            block = document.findBlock(table.lastPosition() + 1)
            continue
        text_list = block.textList()
        kind = block_kind(block)
        if text_list is not None:
            flush_quote()
            indent = max(text_list.format().indent(), 1)
            if list_root is None or not list_items:
                flush_list()
                list_root, list_ordered = text_list, is_ordered(text_list)
                list_start = text_list.format().start() if list_ordered else 1
            elif indent == 1 and text_list != list_root:
                if list_root.format().indent() == 1:  # a second list right after the first
                    flush_list()
                    list_ordered = is_ordered(text_list)
                    list_start = text_list.format().start() if list_ordered else 1
                list_root = text_list
            level = min(indent - 1, last_level + 1)  # a list cannot start deeper than one level in
            last_level = level
            list_items.append(ListItem(block_runs(block), level))
            block = block.next()
            continue
        flush_list()
        if kind == KIND_QUOTE:
            group = block.blockFormat().property(QUOTE_GROUP)
            if group != quote_group:
                flush_quote()
                quote_group = group
            runs = block_runs(block)
            if runs:
                quote_paras.append(runs)
            block = block.next()
            continue
        flush_quote()
        ref = _image_ref(block)
        if ref is not None:
            runs = block_runs(block)
            if runs:
                blocks.append(Paragraph(runs))
            caption, credit = "", ""
            nxt = block.next()
            if nxt.isValid() and block_kind(nxt) == KIND_CAPTION and _image_ref(nxt) is None:
                caption = _plain(nxt)
                block = nxt
                nxt = block.next()
                if nxt.isValid() and block_kind(nxt) == KIND_CREDIT and _image_ref(nxt) is None:
                    credit = _plain(nxt)
                    block = nxt
            blocks.append(Figure(ref, caption, credit))
            block = block.next()
            continue
        runs = block_runs(block)
        level = block.blockFormat().headingLevel()
        if runs:
            blocks.append(Heading(min(max(level, 2), 3), runs) if level > 0 else Paragraph(runs))
        block = block.next()
    flush_list()
    flush_quote()
    return blocks


def document_to_body(document: QTextDocument) -> str:
    return blocks_to_body(document_to_blocks(document))


def document_plain_text(document: QTextDocument) -> str:
    """The text the word count sees (images left out)."""
    return document.toPlainText().replace(OBJECT_CHAR, " ").replace(LINE_SEPARATOR, "\n")
