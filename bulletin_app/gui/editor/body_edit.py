"""The rich-text body editor: paragraph styles, bold/italic, figures, tables, clean paste.

Every command edits the document through cursors inside one edit block, so each is one
step for Ctrl+Z. What the body format cannot hold (fonts, colours, images from the web)
never enters the document: pasted rich text is converted through the body format first.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from bulletin_app.domain.body import Figure, Paragraph, Run, parse_body
from bulletin_app.gui.editor.body_document import (
    BOLD_WEIGHT,
    HEADING_WEIGHT,
    KIND_CAPTION,
    KIND_CREDIT,
    KIND_FIGURE,
    KIND_QUOTE,
    QUOTE_GROUP,
    add_image_resource,
    block_kind,
    blocks_to_body,
    caption_format,
    document_to_blocks,
    figure_format,
    fill_document,
    heading_format,
    image_format,
    is_ordered,
    list_format,
    paragraph_format,
    placeholder_image,
    quote_format,
    run_format,
    style_header_row,
    table_format,
)

BODY_MIME = "application/x-bulletin-body"  # the selection in the body format (internal copy/paste)
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".gif", ".webp", ".bmp"}

# Paragraph styles of the style box: key → label (labels translated where shown).
STYLES = ("paragraph", "heading2", "heading3", "quote", "bullets", "numbers")

_quote_groups = itertools.count(1_000_000)  # new quote groups never collide with loaded ones


def _blocks_between(document: QTextDocument, start: int, end: int) -> list[QTextBlock]:
    blocks = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        blocks.append(block)
        block = block.next()
    return blocks


def _in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None


def _unbold_html_headings(document: QTextDocument) -> None:
    """Qt draws HTML headings with bold characters: that is the heading's look, not emphasis."""
    block = document.firstBlock()
    normal = QTextCharFormat()
    normal.setFontWeight(400)
    while block.isValid():
        if block.blockFormat().headingLevel():
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(normal)
        block = block.next()


class BodyEdit(QTextEdit):
    """QTextEdit over a body document; signals pasted/dropped pictures for the library."""

    image_data_pasted = Signal(bytes, str)  # raw bytes, file name
    image_files_dropped = Signal(list)  # list[Path]
    figure_edit_requested = Signal(int)  # position of the figure's image block

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.images: dict[str, QImage] = {}
        self.missing_image: Callable[[str], None] | None = None  # asks for a picture not yet loaded
        self.document().setDocumentMargin(12)

    # ---------------------------------------------------------------- images
    def image_for(self, ref: str) -> QImage | None:
        image = self.images.get(ref)
        if image is None and ref and self.missing_image is not None:
            self.missing_image(ref)
        return image

    def set_image(self, ref: str, image: QImage) -> None:
        """A picture arrived (loaded in the background): show it wherever it is used."""
        self.images[ref] = image
        add_image_resource(self.document(), ref, image)
        doc = self.document()
        cursor = QTextCursor(doc)
        block = doc.firstBlock()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat() and fmt.toImageFormat().name() == "asset:" + ref:
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    # Resize only: not an edit the user should undo.
                    doc.setUndoRedoEnabled(False)
                    cursor.setCharFormat(image_format(ref, image))
                    doc.setUndoRedoEnabled(True)
                it += 1
            block = block.next()

    # ---------------------------------------------------------------- styles
    def current_style(self) -> str:
        block = self.textCursor().block()
        text_list = block.textList()
        if text_list is not None:
            return "numbers" if is_ordered(text_list) else "bullets"
        level = block.blockFormat().headingLevel()
        if level:
            return "heading3" if level >= 3 else "heading2"
        return "quote" if block_kind(block) == KIND_QUOTE else "paragraph"

    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.textCursor()
        blocks = _blocks_between(self.document(), cursor.selectionStart(), cursor.selectionEnd())
        return [b for b in blocks if not _in_table(b) and block_kind(b) not in (KIND_FIGURE, KIND_CAPTION, KIND_CREDIT)]

    def apply_style(self, style: str) -> None:
        """Give the selected paragraphs a paragraph style (one undo step)."""
        blocks = self._selected_blocks()
        if not blocks:
            return
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        try:
            if style in ("bullets", "numbers"):
                self._make_list(blocks, style == "numbers")
            else:
                group = self._quote_group_before(blocks[0]) if style == "quote" else 0
                for block in blocks:
                    self._leave_list(block)
                    cursor = QTextCursor(block)
                    if style == "quote":
                        cursor.setBlockFormat(quote_format(group))
                    elif style in ("heading2", "heading3"):
                        cursor.setBlockFormat(heading_format(2 if style == "heading2" else 3))
                    else:
                        cursor.setBlockFormat(paragraph_format())
                    self._restyle_chars(block)
        finally:
            edit.endEditBlock()

    @staticmethod
    def _quote_group_before(block: QTextBlock) -> int:
        previous = block.previous()
        if previous.isValid() and block_kind(previous) == KIND_QUOTE:
            value = previous.blockFormat().property(QUOTE_GROUP)
            if isinstance(value, int):
                return value
        return next(_quote_groups)

    @staticmethod
    def _leave_list(block: QTextBlock) -> None:
        text_list = block.textList()
        if text_list is not None:
            text_list.remove(block)
            cursor = QTextCursor(block)
            fmt = block.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)

    def _make_list(self, blocks: list[QTextBlock], ordered: bool) -> None:
        previous = blocks[0].previous()
        target = previous.textList() if previous.isValid() else None
        if target is not None and (is_ordered(target) != ordered or target.format().indent() != 1):
            target = None
        for block in blocks:
            current = block.textList()
            if current is not None and current is target:
                continue
            self._leave_list(block)
            cursor = QTextCursor(block)
            cursor.setBlockFormat(paragraph_format())
            self._restyle_chars(block)
            if target is None:
                target = cursor.createList(list_format(ordered, 0))
            else:
                target.add(block)

    def change_list_level(self, block: QTextBlock, delta: int) -> None:
        """Tab / Shift+Tab in a list: nest the item one level deeper or shallower."""
        text_list = block.textList()
        if text_list is None:
            return
        indent = text_list.format().indent() + delta
        edit = QTextCursor(self.document())
        edit.beginEditBlock()
        try:
            if indent < 1:
                self._leave_list(block)
                return
            ordered = is_ordered(text_list)
            previous = block.previous()
            target = None
            while previous.isValid() and previous.textList() is not None:
                candidate = previous.textList()
                if candidate.format().indent() == indent:
                    target = candidate
                    break
                if candidate.format().indent() < indent:
                    break
                previous = previous.previous()
            text_list.remove(block)
            if target is not None:
                target.add(block)
            else:
                QTextCursor(block).createList(list_format(ordered, indent - 1))
        finally:
            edit.endEditBlock()

    def _restyle_chars(self, block: QTextBlock) -> None:
        """Draw a block's runs the way its style wants (headings larger and semi-bold)."""
        level = block.blockFormat().headingLevel()
        cursor = QTextCursor(block)
        it = block.begin()
        spans = []
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if not fmt.isImageFormat():
                bold = fmt.fontWeight() >= BOLD_WEIGHT
                href = fmt.anchorHref() if fmt.isAnchor() and fmt.anchorHref() else None
                run = Run("", bold, fmt.fontItalic(), href)
                spans.append((fragment.position(), fragment.length(), run_format(run, level)))
            it += 1
        for position, length, fmt in spans:
            cursor.setPosition(position)
            cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        cursor = QTextCursor(block)
        cursor.setBlockCharFormat(run_format(Run(""), level))

    # ---------------------------------------------------------------- bold / italic
    def set_bold(self, bold: bool) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            fmt = QTextCharFormat()
            heading = cursor.block().blockFormat().headingLevel()
            fmt.setFontWeight(BOLD_WEIGHT if bold else (HEADING_WEIGHT if heading else 400))
            self.mergeCurrentCharFormat(fmt)
            return
        cursor.beginEditBlock()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        for block in _blocks_between(self.document(), start, end):
            if block_kind(block) in (KIND_CAPTION, KIND_CREDIT):
                continue
            part = QTextCursor(self.document())
            part.setPosition(max(start, block.position()))
            part.setPosition(min(end, block.position() + block.length() - 1), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            heading = block.blockFormat().headingLevel()
            fmt.setFontWeight(BOLD_WEIGHT if bold else (HEADING_WEIGHT if heading else 400))
            part.mergeCharFormat(fmt)
        cursor.endEditBlock()

    def set_italic(self, italic: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(italic)
        self.mergeCurrentCharFormat(fmt)

    def is_bold(self) -> bool:
        return self.currentCharFormat().fontWeight() >= BOLD_WEIGHT

    # ---------------------------------------------------------------- figures and tables
    def _cursor_for_new_block(self) -> QTextCursor:
        """A cursor at the end of the current top-level block (after a table if inside one)."""
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is not None:
            cursor.setPosition(table.lastPosition() + 1)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        block = cursor.block()
        if block.textList() is not None or block_kind(block) in (KIND_FIGURE, KIND_CAPTION):
            while block.next().isValid() and (
                block.next().textList() is not None or block_kind(block.next()) in (KIND_CAPTION, KIND_CREDIT)
            ):
                block = block.next()
            cursor.setPosition(block.position() + block.length() - 1)
        return cursor

    def insert_figure(self, ref: str, image: QImage | None, caption: str, credit: str = "") -> None:
        """A figure (picture, caption, credit) after the current paragraph; one undo step."""
        if image is not None and not image.isNull():
            self.images[ref] = image
        image = self.images.get(ref) or placeholder_image(ref)
        add_image_resource(self.document(), ref, image)
        cursor = self._cursor_for_new_block()
        cursor.beginEditBlock()
        empty = not cursor.block().text() and not _in_table(cursor.block())
        if empty:
            cursor.setBlockFormat(figure_format(KIND_FIGURE))
        else:
            cursor.insertBlock(figure_format(KIND_FIGURE), QTextCharFormat())
        cursor.insertImage(image_format(ref, image))
        cursor.insertBlock(figure_format(KIND_CAPTION), caption_format(KIND_CAPTION))
        cursor.insertText(" ".join(caption.split()), caption_format(KIND_CAPTION))
        if credit.strip():
            cursor.insertBlock(figure_format(KIND_CREDIT), caption_format(KIND_CREDIT))
            cursor.insertText(" ".join(credit.split()), caption_format(KIND_CREDIT))
        # Typing goes on in a new paragraph under the picture (an empty one is not saved).
        cursor.insertBlock(paragraph_format(), run_format(Run("")))
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def figure_at(self, position: int) -> tuple[QTextBlock, str, str] | None:
        """(image block, caption, credit) of the figure at ``position``, if any."""
        block = self.document().findBlock(position)
        while block.isValid() and block_kind(block) in (KIND_CAPTION, KIND_CREDIT):
            block = block.previous()
        if not block.isValid() or block_kind(block) != KIND_FIGURE:
            return None
        caption = credit = ""
        nxt = block.next()
        if nxt.isValid() and block_kind(nxt) == KIND_CAPTION:
            caption = nxt.text()
            nxt = nxt.next()
            if nxt.isValid() and block_kind(nxt) == KIND_CREDIT:
                credit = nxt.text()
        return block, caption, credit

    def set_figure_text(self, position: int, caption: str, credit: str) -> None:
        found = self.figure_at(position)
        if found is None:
            return
        block = found[0]
        cursor = QTextCursor(block)
        cursor.beginEditBlock()
        for kind, text in ((KIND_CAPTION, caption), (KIND_CREDIT, credit)):
            nxt = block.next()
            text = " ".join(text.split())
            if nxt.isValid() and block_kind(nxt) == kind:
                cursor = QTextCursor(nxt)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(text, caption_format(kind))
                block = nxt
            elif text:
                cursor = QTextCursor(block)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock(figure_format(kind), caption_format(kind))
                cursor.insertText(text, caption_format(kind))
                block = cursor.block()
        cursor.endEditBlock()

    def insert_table(self, rows: int, columns: int, header: bool = True) -> None:
        cursor = self._cursor_for_new_block()
        cursor.beginEditBlock()
        if cursor.block().text() or cursor.block().textList() is not None:
            cursor.insertBlock(paragraph_format(), run_format(Run("")))
        table = cursor.insertTable(max(1, rows), max(1, columns), table_format(header))
        if header:
            style_header_row(table)
        cursor.endEditBlock()
        self.setTextCursor(table.cellAt(0, 0).firstCursorPosition())

    # ---------------------------------------------------------------- keys
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        cursor = self.textCursor()
        block = cursor.block()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            if not block.text() and (block.textList() is not None or block_kind(block) == KIND_QUOTE):
                # Enter on an empty item ends the list or quote, as in Word.
                if block.textList() is not None and block.textList().format().indent() > 1:
                    self.change_list_level(block, -1)
                else:
                    self.apply_style("paragraph")
                return
            kind, heading = block_kind(block), block.blockFormat().headingLevel()
            super().keyPressEvent(event)
            if kind in (KIND_FIGURE, KIND_CAPTION, KIND_CREDIT) or heading:
                self._plain_after_enter()
            return
        if key == Qt.Key.Key_Tab and block.textList() is not None and cursor.atBlockStart():
            if block.textList().itemNumber(block) > 0:
                self.change_list_level(block, +1)
            return
        if key == Qt.Key.Key_Backtab and block.textList() is not None:
            self.change_list_level(block, -1)
            return
        super().keyPressEvent(event)

    def _plain_after_enter(self) -> None:
        """After Enter at the end of a heading or caption the new paragraph is body text."""
        cursor = self.textCursor()
        cursor.joinPreviousEditBlock()
        for block in (cursor.block(), cursor.block().previous()):
            if block.isValid() and not block.text() and not _in_table(block):
                QTextCursor(block).setBlockFormat(paragraph_format())
                QTextCursor(block).setBlockCharFormat(run_format(Run("")))
        cursor.endEditBlock()
        self.setCurrentCharFormat(run_format(Run("")))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        position = self.cursorForPosition(event.pos()).position()
        if self.figure_at(position) is not None:
            menu.addSeparator()
            action = menu.addAction(self.tr("Sửa chú thích và nguồn ảnh…"))
            action.triggered.connect(lambda: self.figure_edit_requested.emit(position))
        menu.exec(event.globalPos())

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        position = self.cursorForPosition(event.position().toPoint()).position()
        found = self.figure_at(position)
        if found is not None and block_kind(self.document().findBlock(position)) == KIND_FIGURE:
            self.figure_edit_requested.emit(position)
            return
        super().mouseDoubleClickEvent(event)

    # ---------------------------------------------------------------- copy / paste
    def createMimeDataFromSelection(self) -> QMimeData:
        mime = super().createMimeDataFromSelection()
        fragment = QTextDocumentFragment(self.textCursor())
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(fragment)
        mime.setData(BODY_MIME, QByteArray(blocks_to_body(document_to_blocks(scratch)).encode("utf-8")))
        return mime

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or bool(self._image_paths(source)) or super().canInsertFromMimeData(source)

    @staticmethod
    def _image_paths(source: QMimeData) -> list[Path]:
        if not source.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in source.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES]

    def insertFromMimeData(self, source: QMimeData) -> None:
        paths = self._image_paths(source)
        if paths:
            self.image_files_dropped.emit(paths)
            return
        if source.hasImage() and not source.hasFormat(BODY_MIME):
            for mime, name in (("image/jpeg", "anh-dan.jpg"), ("image/png", "anh-dan.png")):
                if source.hasFormat(mime):
                    self.image_data_pasted.emit(bytes(source.data(mime).data()), name)
                    return
            image = QImage(source.imageData())
            if not image.isNull():
                buffer = QBuffer()
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                image.save(buffer, "PNG")
                self.image_data_pasted.emit(bytes(buffer.data().data()), "anh-dan.png")
            return
        if source.hasFormat(BODY_MIME):
            self.insert_body(bytes(source.data(BODY_MIME).data()).decode("utf-8"))
        elif source.hasHtml():
            scratch = QTextDocument()
            scratch.setHtml(source.html())
            _unbold_html_headings(scratch)
            self.insert_body(blocks_to_body(document_to_blocks(scratch)))
        else:
            self.textCursor().insertText(source.text())

    def insert_body(self, body: str) -> None:
        """Insert text in the body format at the cursor (a single paragraph goes inline)."""
        blocks = parse_body(body)
        cursor = self.textCursor()
        if not blocks:
            return
        cursor.beginEditBlock()
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            level = cursor.block().blockFormat().headingLevel()
            for run in blocks[0].runs:
                cursor.insertText(run.text.replace("\n", "\u2028"), run_format(run, level))
        else:
            scratch = QTextDocument()
            fill_document(scratch, blocks, lambda ref: self.images.get(ref))
            for block in blocks:
                if isinstance(block, Figure):
                    image = self.images.get(block.asset) or placeholder_image(block.asset)
                    add_image_resource(self.document(), block.asset, image)
            everything = QTextCursor(scratch)
            everything.select(QTextCursor.SelectionType.Document)
            cursor.insertFragment(QTextDocumentFragment(everything))
        cursor.endEditBlock()
        self.setTextCursor(cursor)
