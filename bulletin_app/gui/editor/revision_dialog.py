"""Revision history of an article: the saved versions, a side-by-side diff, restore.

The diff compares a readable rendering of two versions (fields, then the body block by
block) with difflib; changed words inside a changed line are marked. Restoring goes
through ``services.articles.restore``, which records the current version as a revision
first, so a restore can itself be undone from this dialog.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import Article, Revision
from bulletin_app.domain.body import Figure, Heading, ListBlock, Paragraph, Quote, Table, block_text, parse_body
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.editor import editor_dialogs
from bulletin_app.gui.editor.editor_jobs import article_fields
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.gui.widgets.labels import language_label, status_label
from bulletin_app.services import Services


def article_snapshot(article: Article) -> dict[str, Any]:
    """The current article in the shape of a revision's snapshot (dates as ISO text)."""
    fields = article_fields(article)
    fields["published"] = article.published.isoformat() if article.published else None
    return fields


def local_time(when: dt.datetime) -> str:
    """Library times are naive UTC; the editor reads them in the computer's time zone."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone().strftime("%d/%m/%Y %H:%M")


def _date(value: object, has_time: object) -> str:
    if not value:
        return ""
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return when.strftime("%d/%m/%Y %H:%M" if has_time else "%d/%m/%Y")


def snapshot_lines(snapshot: dict[str, Any]) -> list[str]:
    """A version as lines an editor reads: the fields, then one line per body block."""
    lines = [
        QCoreApplication.translate("RevisionDialog", "Tiêu đề: {value}").format(value=snapshot.get("title") or ""),
        QCoreApplication.translate("RevisionDialog", "Sa-pô: {value}").format(
            value=" ".join(str(snapshot.get("sapo") or "").split())
        ),
    ]
    for block in parse_body(str(snapshot.get("body") or "")):
        match block:
            case Heading():
                lines.append(
                    QCoreApplication.translate("RevisionDialog", "[Tiêu đề] {text}").format(text=block_text(block))
                )
            case Paragraph():
                lines.append(block_text(block))
            case Quote(paragraphs=paragraphs):
                lines.extend(
                    QCoreApplication.translate("RevisionDialog", "[Trích dẫn] {text}").format(
                        text=block_text(Paragraph(p))
                    )
                    for p in paragraphs
                )
            case ListBlock(ordered=ordered, items=items):
                for n, item in enumerate(items, 1):
                    marker = f"{n}." if ordered else "•"
                    lines.append("  " * item.level + f"{marker} {block_text(Paragraph(item.runs))}")
            case Table():
                lines.extend(
                    QCoreApplication.translate("RevisionDialog", "[Bảng] {row}").format(row=row)
                    for row in block_text(block).split("\n")
                )
            case Figure(caption=caption, credit=credit):
                lines.append(
                    QCoreApplication.translate("RevisionDialog", "[Ảnh] {caption} {credit}")
                    .format(caption=caption, credit=credit)
                    .strip()
                )
    tags = snapshot.get("tags") or []
    meta = [
        (QCoreApplication.translate("RevisionDialog", "Tác giả"), snapshot.get("byline") or ""),
        (QCoreApplication.translate("RevisionDialog", "Nguồn"), snapshot.get("source_name") or ""),
        (QCoreApplication.translate("RevisionDialog", "Địa chỉ web"), snapshot.get("source_url") or ""),
        (
            QCoreApplication.translate("RevisionDialog", "Ngày đăng"),
            _date(snapshot.get("published"), snapshot.get("published_has_time")),
        ),
        (QCoreApplication.translate("RevisionDialog", "Chuyên mục"), snapshot.get("column") or ""),
        (QCoreApplication.translate("RevisionDialog", "Thẻ"), ", ".join(str(t) for t in tags)),
        (
            QCoreApplication.translate("RevisionDialog", "Ngôn ngữ"),
            language_label(str(snapshot.get("language") or "vi")),
        ),
        (QCoreApplication.translate("RevisionDialog", "Bản dịch"), str(snapshot.get("translation_id") or "")),
        (
            QCoreApplication.translate("RevisionDialog", "Trạng thái"),
            status_label(str(snapshot.get("status") or "draft")),
        ),
    ]
    lines.extend(f"{label}: {value}" for label, value in meta)
    return lines


def _blend(base: QColor, tint: QColor, amount: float) -> str:
    """A tint over the palette's base colour: readable in light and dark mode alike."""
    r = base.red() + (tint.red() - base.red()) * amount
    g = base.green() + (tint.green() - base.green()) * amount
    b = base.blue() + (tint.blue() - base.blue()) * amount
    return QColor(int(r), int(g), int(b)).name()


def _marked(words: list[str], spans: list[tuple[int, int]], colour: str) -> str:
    out: list[str] = []
    marked = {i for start, end in spans for i in range(start, end)}
    for i, word in enumerate(words):
        html = escape(word)
        out.append(f"<span style='background-color:{colour}'>{html}</span>" if i in marked and word.strip() else html)
    return "".join(out)


def _split_words(line: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", line)


def diff_rows(old: list[str], new: list[str]) -> list[tuple[str, str, str]]:
    """Rows of a side-by-side diff: (kind, left html, right html); kind is equal/replace/delete/insert."""
    rows: list[tuple[str, str, str]] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(("equal", escape(line), escape(line)) for line in old[i1:i2])
            continue
        left, right = old[i1:i2], new[j1:j2]
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else None
            b = right[k] if k < len(right) else None
            if a is not None and b is not None:
                aw, bw = _split_words(a), _split_words(b)
                words = difflib.SequenceMatcher(a=aw, b=bw, autojunk=False)
                gone = [(x1, x2) for t, x1, x2, _y1, _y2 in words.get_opcodes() if t in ("replace", "delete")]
                came = [(y1, y2) for t, _x1, _x2, y1, y2 in words.get_opcodes() if t in ("replace", "insert")]
                rows.append(("replace", _marked(aw, gone, "{del_word}"), _marked(bw, came, "{ins_word}")))
            elif a is not None:
                rows.append(("delete", escape(a), ""))
            else:
                rows.append(("insert", "", escape(b or "")))
    return rows


def _collapse_equal(rows: list[tuple[str, str, str]], context: int = 2) -> list[tuple[str, str, str]]:
    """Long runs of unchanged lines shrink to a little context around the changes."""
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == "equal":
            j += 1
        run = rows[i:j]
        if len(run) > 2 * context + 1:
            head = run[:context] if i > 0 else []
            tail = run[-context:] if j < len(rows) else []
            hidden = len(run) - len(head) - len(tail)
            out.extend(head)
            out.append(
                ("gap", QCoreApplication.translate("RevisionDialog", "… {n} dòng không đổi …").format(n=hidden), "")
            )
            out.extend(tail)
        else:
            out.extend(run)
        if j < len(rows):
            out.append(rows[j])
        i = j + 1
    return out


def diff_html(old: list[str], new: list[str], palette: QPalette, old_label: str, new_label: str) -> str:
    base = palette.color(QPalette.ColorRole.Base)
    colours = {
        "del_line": _blend(base, QColor(220, 50, 47), 0.18),
        "ins_line": _blend(base, QColor(40, 160, 60), 0.18),
        "del_word": _blend(base, QColor(220, 50, 47), 0.45),
        "ins_word": _blend(base, QColor(40, 160, 60), 0.45),
    }
    rows = diff_rows(old, new)
    parts = [
        "<table width='100%' cellspacing='0' cellpadding='4' style='border-collapse:collapse'>",
        f"<tr><th width='50%' align='left'>{escape(old_label)}</th>"
        f"<th width='50%' align='left'>{escape(new_label)}</th></tr>",
    ]
    rows = _collapse_equal(rows)
    for kind, left, right in rows:
        if kind == "gap":
            parts.append(f"<tr><td colspan='2' align='center'><i>{escape(left)}</i></td></tr>")
            continue
        left = left.replace("{del_word}", colours["del_word"])
        right = right.replace("{ins_word}", colours["ins_word"])
        lbg = colours["del_line"] if kind in ("replace", "delete") else ""
        rbg = colours["ins_line"] if kind in ("replace", "insert") else ""
        lstyle = f" bgcolor='{lbg}'" if lbg else ""
        rstyle = f" bgcolor='{rbg}'" if rbg else ""
        parts.append(f"<tr><td valign='top'{lstyle}>{left}</td><td valign='top'{rstyle}>{right}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


class RevisionDialog(QDialog):
    """Saved versions of one article; emits ``restored((Article, Changes))`` after a restore."""

    restored = Signal(object)
    loaded = Signal()

    def __init__(self, services: Services, article_id: int, parent: QWidget | None = None, unsaved: bool = False):
        super().__init__(parent)
        self.services = services
        self.article_id = article_id
        self.unsaved = unsaved
        self.tasks = TaskRunner(self)
        self.revisions: list[Revision] = []
        self.current: Article | None = None
        self.setWindowTitle(self.tr("Lịch sử phiên bản"))
        self.resize(1100, 700)

        self.list = QListWidget()
        self.list.setMinimumWidth(250)
        self.list.currentRowChanged.connect(self.show_diff)
        self.view = QTextBrowser()
        self.view.setOpenLinks(False)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Khôi phục phiên bản này"))
        self.restore_button.setToolTip(
            self.tr("Đưa tin bài về phiên bản đã chọn; bản hiện tại được giữ lại trong lịch sử")
        )
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)

        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.view, 1)
        right_lay.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 840])
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.view.setHtml(f"<p>{escape(self.tr('Đang tải lịch sử…'))}</p>")
        self.tasks.run(self._read, self._show, lambda exc: show_error(self, exc))

    def _read(self) -> tuple[Article, list[Revision]]:
        return self.services.articles.get(self.article_id), self.services.articles.revisions(self.article_id)

    def _show(self, result: tuple[Article, list[Revision]]) -> None:
        self.current, self.revisions = result
        self.list.clear()
        for revision in self.revisions:
            when = local_time(revision.created)
            item = QListWidgetItem(
                self.tr("Phiên bản {version}\n{when} · {author}").format(
                    version=revision.version, when=when, author=revision.author
                )
            )
            item.setToolTip(str(revision.snapshot.get("title") or ""))
            self.list.addItem(item)
        if self.revisions:
            self.list.setCurrentRow(0)
        else:
            self.view.setHtml(
                f"<p>{escape(self.tr('Tin bài chưa có phiên bản cũ nào: mỗi lần lưu sẽ giữ lại bản trước đó.'))}</p>"
            )
        self.loaded.emit()

    def selected(self) -> Revision | None:
        row = self.list.currentRow()
        return self.revisions[row] if 0 <= row < len(self.revisions) else None

    def show_diff(self, _row: int = -1) -> None:
        revision = self.selected()
        self.restore_button.setEnabled(revision is not None)
        if revision is None or self.current is None:
            return
        old, new = snapshot_lines(revision.snapshot), snapshot_lines(article_snapshot(self.current))
        old_label = self.tr("Phiên bản {version} ({when})").format(
            version=revision.version, when=local_time(revision.created)
        )
        new_label = self.tr("Bản hiện tại (phiên bản {version})").format(version=self.current.version)
        self.view.setHtml(diff_html(old, new, self.palette(), old_label, new_label))
        if old == new:
            same_body = str(revision.snapshot.get("body") or "") == self.current.body
            self.note.setText(
                self.tr("Hai phiên bản giống nhau.")
                if same_body
                else self.tr("Chữ giống nhau; chỉ khác định dạng (đậm, nghiêng, liên kết…).")
            )
        else:
            changed = sum(1 for kind, _l, _r in diff_rows(old, new) if kind != "equal")
            self.note.setText(
                self.tr("{n} dòng khác nhau (bên trái: phiên bản cũ, bên phải: bản hiện tại).").format(n=changed)
            )

    def restore_selected(self) -> None:
        revision = self.selected()
        if revision is None:
            return
        if self.unsaved:
            answer = editor_dialogs.ask(
                self,
                self.tr("Khôi phục phiên bản"),
                self.tr(
                    "Những thay đổi chưa lưu trong cửa sổ biên tập sẽ bị thay bằng phiên bản {version}. Tiếp tục?"
                ).format(version=revision.version),
                [
                    ("restore", self.tr("Khôi phục"), QMessageBox.ButtonRole.AcceptRole),
                    ("cancel", self.tr("Hủy"), QMessageBox.ButtonRole.RejectRole),
                ],
                "cancel",
            )
            if answer != "restore":
                return
        self.restore_button.setEnabled(False)
        self.tasks.run(
            lambda: self.services.articles.restore(self.article_id, revision.id),
            self._restored,
            self._failed,
        )

    def _restored(self, result: Any) -> None:
        self.restored.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.restore_button.setEnabled(True)
        show_error(self, exc)

    def done(self, result: int) -> None:
        self.tasks.wait()
        super().done(result)
