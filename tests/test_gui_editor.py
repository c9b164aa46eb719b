"""The article editor, offscreen: body format round trip, editing, fixes, saving, autosave, history."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.domain.body import Figure, parse_body
from bulletin_app.gui.editor import editor_dialogs
from bulletin_app.gui.editor.article_editor import ArticleEditor
from bulletin_app.gui.editor.autosave import AutosaveStore
from bulletin_app.gui.editor.body_document import body_to_document, document_to_body
from bulletin_app.gui.editor.revision_dialog import RevisionDialog, diff_rows
from bulletin_app.gui.widgets.settings import AppSettings
from tests.conftest import type_text

# Every construct of docs/body-format.md, written the canonical way (as the importers write it).
EVERY_CONSTRUCT = """Mở đầu **đậm** và *nghiêng*, R\\&D và ***cả hai*** cùng [liên kết](https://tnmc.vn/a?b=1) hết.\\
Dòng thứ hai sau ngắt dòng.

## 9 mục tiêu trọng tâm

### Tiêu đề cấp ba có **chữ đậm**

> “Gốc vững, thân chắc, cành uyển chuyển”
>
> Đoạn trích thứ hai của cùng lời trích

> Một lời trích khác

- Ngoại giao kinh tế
- Văn hóa đối ngoại
  - Giao lưu nhân dân
  - Hữu nghị
- Trở lại cấp một

* Danh sách chấm thứ hai liền kề

3. Thứ ba
4. Thứ tư
   1. Mục con

| Đối tác | Năm ký kết |
|---|---|
| Gyeongsangbuk-do **(Hàn Quốc)** | 2012 |
| Luông Pha Băng \\| Lào | |

![Lãnh đạo tỉnh tiếp đoàn KOICA](asset:3f2a9c0d1e2f "Ảnh: TNGOV")

![Ảnh chưa gắn vào thư viện](asset:)

**Đậm***nghiêng* liền nhau và **x**\\_y\\_z"""


def _round_trip(body: str) -> str:
    document = QTextDocument()
    body_to_document(body, document)
    return document_to_body(document)


class Answers(list):
    """Questions asked (title, text); ``queue`` holds the answers to give, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[str] = []


_opened: list[ArticleEditor] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch, no_dialogs: list[tuple[str, str]], qtbot) -> Iterator[Answers]:  # type: ignore[no-untyped-def]
    """The editor's questions answered from ``answers.queue`` (else the default choice).

    At the end, editors still open are closed without saving while the answers are still
    patched in (pytest-qt would otherwise close them after the patches are gone).
    """
    asked = Answers()
    queue = asked.queue

    def fake_ask(_parent, title, text, choices, default, icon=None):  # type: ignore[no-untyped-def]
        asked.append((title, text))
        keys = [c[0] for c in choices]
        answer = queue.pop(0) if queue else default
        assert answer in keys, (answer, keys)
        return answer

    monkeypatch.setattr(editor_dialogs, "ask", fake_ask)
    yield asked
    for editor in _opened:
        with contextlib.suppress(RuntimeError):  # already deleted
            editor.tasks.wait()
            qtbot.wait(10)  # deliver pending results
            queue[:] = ["discard"]
            editor.close()
            editor.deleteLater()
    _opened.clear()
    qtbot.wait(10)


def _open(qtbot, services, article_id: int | None) -> ArticleEditor:  # type: ignore[no-untyped-def]
    editor = ArticleEditor(services, article_id)
    _opened.append(editor)  # closed by the answers fixture (pytest-qt would close it with the patches gone)
    editor.resize(1180, 820)
    editor.show()
    qtbot.waitExposed(editor)
    if article_id is not None:
        qtbot.waitUntil(lambda: editor.article is not None, timeout=10000)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=5000)  # shortcuts need an active window
    return editor


def _save(qtbot, editor: ArticleEditor):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(editor.saved, timeout=10000) as blocker:
        editor.save()
    return blocker.args[0]


def _article_with_flips(services) -> int:  # type: ignore[no-untyped-def]
    for summary in services.articles.list():
        if "uBND" in services.articles.get(summary.id).body:
            return summary.id
    raise AssertionError("no seed with uBND")


# ---------------------------------------------------------------- body ↔ document


def test_seed_bodies_round_trip_exactly(qapp, seeded) -> None:  # type: ignore[no-untyped-def]
    ids = seeded.articles.list_ids(order="id")
    assert len(ids) == 5
    for article_id in ids:
        body = seeded.articles.get(article_id).body
        assert _round_trip(body) == body, article_id


def test_every_construct_round_trips(qapp, services) -> None:  # type: ignore[no-untyped-def]
    assert _round_trip(EVERY_CONSTRUCT) == EVERY_CONSTRUCT
    kinds = {type(b).__name__ for b in parse_body(EVERY_CONSTRUCT)}
    assert kinds == {"Paragraph", "Heading", "Quote", "ListBlock", "Table", "Figure"}
    # The library stores it unchanged (cleaning keeps the canonical form), and it comes back.
    article_id, _ = services.articles.add(ArticleDraft(title="Mọi cấu trúc", body=EVERY_CONSTRUCT))
    stored = services.articles.get(article_id).body
    assert stored == EVERY_CONSTRUCT
    assert _round_trip(stored) == stored


def test_document_shows_the_constructs(qapp) -> None:  # type: ignore[no-untyped-def]
    document = QTextDocument()
    body_to_document(EVERY_CONSTRUCT, document)
    texts = []
    block = document.firstBlock()
    while block.isValid():
        texts.append((block.text(), block.blockFormat().headingLevel(), block.textList() is not None))
        block = block.next()
    assert ("9 mục tiêu trọng tâm", 2, False) in texts
    assert ("Giao lưu nhân dân", 0, True) in texts
    assert ("Lãnh đạo tỉnh tiếp đoàn KOICA", 0, False) in texts  # the caption under the picture
    assert ("Ảnh: TNGOV", 0, False) in texts  # the credit
    assert document.toPlainText().count("\ufffc") == 2  # two pictures


# ---------------------------------------------------------------- the editor


def test_editor_loads_a_seed_article(qtbot, seeded, answers, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    article = seeded.articles.get(article_id)
    editor = _open(qtbot, seeded, article_id)
    assert editor.title_edit.text() == article.title
    assert editor.fields()["body"] == article.body
    assert not editor.is_dirty()
    assert editor.word_count() == article.word_count
    assert editor.words_label.text() == f"{article.word_count:,} từ".replace(",", ".")
    assert "Biên tập tin bài" in editor.windowTitle()
    messages = [label.text() for label, _button in editor.finding_rows]
    assert any("uBND" in m for m in messages)
    assert answers == []  # no autosave to offer
    editor.grab().save(str(artifacts / "editor.png"))
    editor.side_tabs.setCurrentIndex(1)
    editor.grab().save(str(artifacts / "editor_findings.png"))


def test_edit_title_fix_case_flip_and_save(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    before = seeded.articles.get(article_id)
    editor = _open(qtbot, seeded, article_id)

    editor.title_edit.setFocus()
    editor.title_edit.selectAll()
    type_text(editor.title_edit, "Dấu ấn mười năm Sở Ngoại vụ")
    assert editor.title_edit.text() == "Dấu ấn mười năm Sở Ngoại vụ"
    editor.refresh_status()
    button = next(button for label, button in editor.finding_rows if "“uBND”" in label.text())
    assert button.text() == "Sửa"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # one click, applied in the editor
    body = editor.fields()["body"]
    sapo = editor.fields()["sapo"]  # the lead under the headline holds the document code
    assert " uBND" not in body and "3468/QĐuBND" in sapo  # the document code is its own finding
    code = next(button for label, button in editor.finding_rows if "“QĐuBND”" in label.text())
    qtbot.mouseClick(code, Qt.MouseButton.LeftButton)
    body, sapo = editor.fields()["body"], editor.fields()["sapo"]
    assert "uBND" not in body + sapo and "3468/QĐ-UBND" in sapo
    assert editor.is_dirty()

    with qtbot.waitSignal(editor.saved, timeout=10000) as blocker:
        qtbot.keyClick(editor.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    changes = blocker.args[0]
    assert changes.articles_changed == {article_id}
    after = seeded.articles.get(article_id)
    assert after.title == "Dấu ấn mười năm Sở Ngoại vụ"
    assert "uBND" not in after.body and after.version == before.version + 1
    revisions = seeded.articles.revisions(article_id)
    assert revisions[0].snapshot["title"] == before.title and "uBND" in revisions[0].snapshot["body"]
    assert not editor.is_dirty()
    assert "Đã lưu" in editor.state_label.text()


def test_undo_redo_across_typing_and_fixes(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    editor = _open(qtbot, seeded, article_id)
    body = editor.body_edit
    original = editor.fields()["body"]

    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body, " Thêm câu mới.")
    assert editor.fields()["body"].endswith("Thêm câu mới.")
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.fields()["body"] == original
    qtbot.keyClick(body, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Y (Word's redo)
    assert editor.fields()["body"].endswith("Thêm câu mới.")
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert editor.apply_fix("case-flip", "uBND") == 4  # the fifth is the document code's, its own finding
    fixed = editor.fields()["body"]
    assert " uBND" not in fixed and "3468/QĐuBND" in editor.fields()["sapo"]
    editor.undo_action.trigger()  # one step undoes the whole fix
    assert editor.fields()["body"] == original
    editor.redo_action.trigger()
    assert editor.fields()["body"] == fixed
    # Formatting commands are undoable too.
    body.moveCursor(QTextCursor.MoveOperation.Start)
    editor.set_style("heading2")
    assert editor.fields()["body"].startswith("## ")
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.fields()["body"] == fixed


def test_vietnamese_input_methods(qtbot, services, answers) -> None:  # type: ignore[no-untyped-def]
    editor = _open(qtbot, services, None)
    # An input method (Unikey, IBus…) composes, then commits the finished syllables.
    for widget, text in ((editor.title_edit, "Đối ngoại"), (editor.body_edit, "Thái Nguyên hội nhập")):
        widget.setFocus()
        preedit = QInputMethodEvent("ngoaị", [])
        QApplication.sendEvent(widget, preedit)
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(widget, commit)
    assert editor.title_edit.text() == "Đối ngoại"
    assert editor.fields()["body"] == "Thái Nguyên hội nhập"
    type_text(editor.body_edit, " — Hữu nghị Việt – Lào, Ưu tiên ỹ")
    assert editor.fields()["body"] == "Thái Nguyên hội nhập — Hữu nghị Việt – Lào, Ưu tiên ỹ"
    type_text(editor.sapo_edit, "Sa-pô tiếng Việt: ạ ặ ậ ẹ ệ ị ọ ộ ợ ụ ự ỵ")
    assert editor.fields()["sapo"].endswith("ỵ")


def test_autosave_recovers_after_a_crash(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    AppSettings().autosave_seconds = 1
    article_id = _article_with_flips(seeded)
    editor = ArticleEditor(seeded, article_id)
    editor.show()
    qtbot.waitUntil(lambda: editor.article is not None, timeout=10000)
    assert editor.autosave_timer.interval() == 1000
    editor.body_edit.setFocus()
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.body_edit, " Câu viết trước khi máy tắt đột ngột.")
    store = AutosaveStore(seeded.db.location.display)
    qtbot.waitUntil(lambda: store.load(article_id) is not None, timeout=5000)  # the timer wrote it
    typed = editor.fields()["body"]

    # Crash: the window goes away without closeEvent, nothing saved.
    editor.tasks.wait()
    editor.deleteLater()
    qtbot.wait(50)
    assert "máy tắt" not in seeded.articles.get(article_id).body

    answers.queue.append("recover")
    reopened = _open(qtbot, seeded, article_id)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert "chưa lưu" in answers[-1][1]
    assert reopened.fields()["body"] == typed
    assert reopened.is_dirty()
    _save(qtbot, reopened)
    assert seeded.articles.get(article_id).body.endswith("Câu viết trước khi máy tắt đột ngột.")
    assert store.load(article_id) is None  # deleted on save
    AppSettings().autosave_seconds = 30


def test_autosave_is_off_at_zero_and_discarded_on_dont_save(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    AppSettings().autosave_seconds = 0
    article_id = _article_with_flips(seeded)
    editor = _open(qtbot, seeded, article_id)
    assert not editor.autosave_timer.isActive()
    type_text(editor.title_edit, " mới")
    store = AutosaveStore(seeded.db.location.display)
    assert editor.autosave_now() is not None and store.load(article_id) is not None
    answers.queue.append("discard")
    assert editor.close()
    assert store.load(article_id) is None
    AppSettings().autosave_seconds = 30


def test_close_guard(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    title = seeded.articles.get(article_id).title
    editor = _open(qtbot, seeded, article_id)
    assert editor.close()  # clean: closes without asking
    assert answers == []

    editor = _open(qtbot, seeded, article_id)
    editor.title_edit.setText("Tiêu đề đã sửa")
    answers.queue.append("cancel")
    assert not editor.close()
    assert editor.isVisible()
    assert "thay đổi chưa lưu" in answers[-1][1]

    answers.queue.append("save")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.close()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    assert seeded.articles.get(article_id).title == "Tiêu đề đã sửa"

    editor = _open(qtbot, seeded, article_id)
    editor.title_edit.setText("Không được lưu")
    answers.queue.append("discard")
    assert editor.close()
    assert seeded.articles.get(article_id).title == "Tiêu đề đã sửa" != title


def test_close_guard_box_speaks_vietnamese(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    editor = _open(qtbot, seeded, article_id)
    editor.title_edit.setText("Sửa mà chưa lưu")
    seen: list[list[str]] = []

    def press_cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == "Hủy").click()

    QTimer.singleShot(100, press_cancel)
    assert not editor.close()
    assert sorted(seen[0]) == ["Hủy", "Không lưu", "Lưu"]
    editor.title_edit.setText(seeded.articles.get(article_id).title)  # clean again: teardown asks nothing
    assert not editor.is_dirty()


def test_version_conflict_keeps_the_text(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    editor = _open(qtbot, seeded, article_id)
    editor.title_edit.setText("Bản của tôi")
    v = seeded.articles.get(article_id).version
    seeded.articles.update(article_id, v, title="Bản của người khác")  # saved elsewhere meanwhile

    answers.queue.append("cancel")
    editor.save()
    qtbot.waitUntil(lambda: bool(answers), timeout=10000)
    title, text = answers[-1]
    assert title == "Tin bài đã được lưu ở nơi khác"
    assert "Lưu đè" in text and "Tải lại" in text and "không mất" in text
    assert editor.title_edit.text() == "Bản của tôi" and editor.is_dirty()
    assert AutosaveStore(seeded.db.location.display).load(article_id) is not None  # text also on disk

    answers.queue.append("overwrite")
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.save()
    assert seeded.articles.get(article_id).title == "Bản của tôi"
    assert any(r.snapshot["title"] == "Bản của người khác" for r in seeded.articles.revisions(article_id))


def test_conflict_reload_keeps_a_copy(qtbot, seeded, answers) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    editor = _open(qtbot, seeded, article_id)
    editor.title_edit.setText("Bản của tôi")
    v = seeded.articles.get(article_id).version
    seeded.articles.update(article_id, v, title="Bản của người khác")
    answers.queue.append("reload")
    count = seeded.articles.count()
    with qtbot.waitSignal(editor.saved, timeout=10000) as blocker:
        editor.save()
    assert blocker.args[0].articles_added
    qtbot.waitUntil(lambda: editor.title_edit.text() == "Bản của người khác", timeout=10000)
    assert seeded.articles.count() == count + 1
    copy_id = next(iter(blocker.args[0].articles_added))
    assert seeded.articles.get(copy_id).title.startswith("Bản của tôi (bản của tester")
    assert not editor.is_dirty()


def _png(path: Path, size: tuple[int, int] = (1200, 800)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 110, 160)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_insert_image_from_file(qtbot, seeded, answers, tmp_path: Path, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    editor = _open(qtbot, seeded, article_id)
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.Start)
    editor.body_edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    editor.insert_image_file(_png(tmp_path / "doan-koica.png"), "Lãnh đạo tỉnh tiếp đoàn KOICA", "Ảnh: TNGOV")
    qtbot.waitUntil(lambda: "asset:" in editor.fields()["body"], timeout=10000)
    figures = [b for b in parse_body(editor.fields()["body"]) if isinstance(b, Figure)]
    assert len(figures) == 1
    figure = figures[0]
    assert (figure.caption, figure.credit) == ("Lãnh đạo tỉnh tiếp đoàn KOICA", "Ảnh: TNGOV")
    assert seeded.assets.get(figure.asset).width == 1200
    editor.grab().save(str(artifacts / "editor_figure.png"))
    # Typing after the figure is body text again.
    type_text(editor.body_edit, "Đoạn sau ảnh.")
    assert "Đoạn sau ảnh." in [
        b.runs[0].text for b in parse_body(editor.fields()["body"]) if hasattr(b, "runs") and b.runs
    ]
    _save(qtbot, editor)
    editor.close()

    again = _open(qtbot, seeded, article_id)
    image = again.body_edit.document().resource(
        QTextDocument.ResourceType.ImageResource, __import__("PySide6.QtCore").QtCore.QUrl("asset:" + figure.asset)
    )
    assert image is not None and image.width() == 1200


def test_styles_lists_and_table(qtbot, services, answers) -> None:  # type: ignore[no-untyped-def]
    editor = _open(qtbot, services, None)
    body = editor.body_edit
    body.setFocus()
    type_text(body, "Tiêu đề mục")
    editor.set_style("heading2")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    assert body.current_style() == "paragraph"  # Enter after a heading goes back to body text
    type_text(body, "Mục một")
    editor.set_style("bullets")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    type_text(body, "Mục hai")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Tab)
    type_text(body, "Mục con")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)  # empty nested item: back one level
    qtbot.keyClick(body, Qt.Key.Key_Return)  # empty item: list ends
    assert body.current_style() == "paragraph"
    type_text(body, "Lời trích")
    editor.set_style("quote")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_text(body, "đậm")
    qtbot.keyClick(body, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    type_text(body, " nghiêng")
    qtbot.keyClick(body, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    body.insert_table(2, 2)
    type_text(body, "Đối tác")
    assert editor.fields()["body"] == (
        "## Tiêu đề mục\n\n- Mục một\n- Mục hai\n  - Mục con\n\n> Lời trích\n\n**đậm** *nghiêng*"
        "\n\n| Đối tác | |\n|---|---|\n| | |"
    )


def test_new_article_is_created_on_first_save(qtbot, services, answers) -> None:  # type: ignore[no-untyped-def]
    editor = _open(qtbot, services, None)
    assert "Tin bài mới" in editor.windowTitle()
    type_text(editor.title_edit, "Đoàn công tác tỉnh thăm Lào")
    type_text(editor.body_edit, "Nội dung tin.")
    editor.column_box.setCurrentText("Sự kiện – Hoạt động")
    editor.tags_edit.setText("Lào, hữu nghị")
    changes = _save(qtbot, editor)
    (article_id,) = changes.articles_added
    article = services.articles.get(article_id)
    assert (article.title, article.body, article.column, article.tags) == (
        "Đoàn công tác tỉnh thăm Lào",
        "Nội dung tin.",
        "Sự kiện – Hoạt động",
        ("Lào", "hữu nghị"),
    )
    assert article.status is ArticleStatus.DRAFT
    assert editor.article_id == article_id and not editor.is_dirty()


def test_revision_dialog_diffs_and_restores(qtbot, seeded, answers, artifacts: Path) -> None:  # type: ignore[no-untyped-def]
    article_id = _article_with_flips(seeded)
    original = seeded.articles.get(article_id)
    editor = _open(qtbot, seeded, article_id)
    editor.title_edit.setText("Dấu ấn mười năm")
    editor.apply_fix("case-flip", "uBND")
    _save(qtbot, editor)

    dialog = RevisionDialog(seeded, article_id, editor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    html = dialog.view.toPlainText()
    assert "Dấu ấn một chặng đường" in html and "Dấu ấn mười năm" in html
    assert "dòng khác nhau" in dialog.note.text()
    assert "dòng không đổi" in html  # long unchanged stretches are folded
    dialog.grab().save(str(artifacts / "revision_dialog.png"))

    with qtbot.waitSignal(dialog.restored, timeout=10000):
        dialog.restore_button.click()
    restored = seeded.articles.get(article_id)
    assert restored.title == original.title and restored.body == original.body
    editor._restored(  # what show_history wires up
        (restored, __import__("bulletin_app.domain.changes", fromlist=["Changes"]).Changes())
    )
    qtbot.waitUntil(lambda: editor.title_edit.text() == original.title, timeout=10000)


def test_diff_rows_mark_changed_words() -> None:
    rows = diff_rows(["Tiêu đề: A", "một hai ba", "giữ"], ["Tiêu đề: A", "một HAI ba", "giữ", "mới"])
    kinds = [r[0] for r in rows]
    assert kinds == ["equal", "replace", "equal", "insert"]
    assert "HAI" in rows[1][2] and "{ins_word}" in rows[1][2]


def test_pasted_rich_text_keeps_only_the_format(qtbot, services, answers) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData

    editor = _open(qtbot, services, None)
    mime = QMimeData()
    mime.setHtml(
        "<p style='color:red;font-family:Arial'>Dán <b>đậm</b> từ web</p><h1>Tiêu đề</h1>"
        "<ul><li>một</li><li>hai</li></ul><img src='http://example.com/x.png'>"
    )
    editor.body_edit.insertFromMimeData(mime)
    assert editor.fields()["body"] == "Dán **đậm** từ web\n\n## Tiêu đề\n\n- một\n- hai"
