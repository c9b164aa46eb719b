"""The issue composer: the section tree (qtmodeltester, drops from the library, reorder by
drag, remove), issue details, the live PDF preview with its page estimate, and preflight
findings that lead to the article or field at fault — offscreen, on a real library."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")

from PySide6.QtCore import QModelIndex, Qt

from bulletin_app.domain.article import ArticleDraft, ArticleStatus
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.findings import Finding
from bulletin_app.services.sample import create_sample, sample_photo

TIMEOUT = 30000


def _layout(services, issue_id: int) -> list[tuple[str, list[int]]]:  # type: ignore[no-untyped-def]
    return [(s.name, [e.article_id for e in s.entries]) for s in services.issues.get(issue_id).sections]


def _tree(model) -> list[tuple[str, list[int]]]:  # type: ignore[no-untyped-def]
    out = []
    for row in range(model.rowCount()):
        section = model.index(row, 0)
        ids = [model.article_id(model.index(r, 0, section)) for r in range(model.rowCount(section))]
        out.append((model.section_name(section), ids))
    return out


def _make_composer(qtbot, services, wait_preview: bool = True, in_process: bool = False):  # type: ignore[no-untyped-def]
    """A composer whose preview layouts run in a thread, or — as in the app — in a worker process."""
    from bulletin_app.gui.background.process_runner import ThreadRunner
    from bulletin_app.gui.issue.issue_composer import IssueComposer

    composer = IssueComposer(services, preview_runner=None if in_process else ThreadRunner(services))
    composer.preview_job.set_delay(50)
    qtbot.addWidget(composer)
    composer.resize(1320, 840)
    composer.show()
    if wait_preview:
        with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
            pass
    else:
        qtbot.waitUntil(lambda: composer.current_issue() is not None, timeout=TIMEOUT)
    return composer


@pytest.fixture
def sample(services):  # type: ignore[no-untyped-def]
    issue_id, _ = create_sample(services)
    return issue_id


@pytest.fixture
def composer(qapp, qtbot, services, sample):  # type: ignore[no-untyped-def]
    c = _make_composer(qtbot, services)
    yield c
    c.shutdown()


@pytest.fixture
def composer_in_process(qapp, qtbot, services, sample):  # type: ignore[no-untyped-def]
    c = _make_composer(qtbot, services, in_process=True)
    yield c
    c.shutdown()


def _wait_layout(qtbot, composer, services, issue_id, expected) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _layout(services, issue_id) == expected, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: _tree(composer.model) == expected, timeout=TIMEOUT)


# ---------------------------------------------------------------- the model
def test_tree_model_passes_qtmodeltester(qapp, qtmodeltester, services, sample) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.issue.issue_tree_model import IssueTreeModel

    model = IssueTreeModel()
    qtmodeltester.check(model)  # no issue
    services.issues.add_section(sample, "Thông tin – Tư liệu")  # an empty section too
    model.set_issue(services.issues.get(sample))
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    first = model.index(0, 0)
    assert model.data(first) == "Thư ngỏ"
    assert not model.parent(first).isValid()
    child = model.index(0, 0, first)
    assert model.parent(child) == first
    assert model.article_id(child) == services.issues.get(sample).sections[0].entries[0].article_id
    assert model.flags(child) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(child) & Qt.ItemFlag.ItemIsDropEnabled  # drops go between articles
    assert model.flags(first) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.rowCount(child) == 0


def test_drop_from_library_into_a_section_at_a_position(composer, qtbot, services, sample) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.widgets.mime import encode_article_ids

    new_id, _ = services.articles.add(ArticleDraft(title="Tin mới từ thư viện", body="Nội dung."))
    model = composer.model
    before = _layout(services, sample)
    section = model.index_of_section("Ngoại giao kinh tế")
    data = encode_article_ids([new_id])
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, 1, 0, section)
    with qtbot.waitSignal(composer.changed, timeout=TIMEOUT) as changed:
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, section)
    assert isinstance(changed.args[0], Changes) and changed.args[0].issues_changed == {sample}
    expected = [(n, ids if n != "Ngoại giao kinh tế" else [ids[0], new_id, ids[1]]) for n, ids in before]
    _wait_layout(qtbot, composer, services, sample, expected)
    assert composer.selected_article_ids() == [new_id]  # the dropped article is selected
    # foreign payloads are refused
    from PySide6.QtCore import QMimeData

    other = QMimeData()
    other.setText("[1, 2]")
    assert not model.canDropMimeData(other, Qt.DropAction.CopyAction, 0, 0, section)


def test_drop_on_no_section_puts_each_article_in_its_column(qapp, qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.widgets.mime import encode_article_ids

    issue_id, _ = services.issues.create(1, dt.date(2026, 3, 1))
    a, _ = services.articles.add(ArticleDraft(title="Giao lưu", column="Đối ngoại nhân dân"))
    b, _ = services.articles.add(ArticleDraft(title="Hội nghị", column="Sự kiện – Hoạt động"))
    composer = _make_composer(qtbot, services, wait_preview=False)
    assert composer.model.rowCount() == 0
    assert "chưa có tin bài" in composer.tree_hint.text()
    assert composer.model.dropMimeData(encode_article_ids([a, b]), Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    _wait_layout(qtbot, composer, services, issue_id, [("Sự kiện – Hoạt động", [b]), ("Đối ngoại nhân dân", [a])])
    composer.shutdown()


def test_reorder_and_move_by_drag(composer, qtbot, services, sample) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.issue.issue_tree_model import ISSUE_ENTRIES_MIME

    model = composer.model
    before = dict(_layout(services, sample))
    first, second = before["Sự kiện – Hoạt động"]
    # drag the first article below the second (row 2 of the same section)
    data = model.mimeData([model.index_of_article(first)])
    assert data.hasFormat(ISSUE_ENTRIES_MIME)
    assert json.loads(bytes(data.data(ISSUE_ENTRIES_MIME).data()))["articles"] == [first]
    section = model.index_of_section("Sự kiện – Hoạt động")
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, section)
    expected = {**before, "Sự kiện – Hoạt động": [second, first]}
    _wait_layout(qtbot, composer, services, sample, list(expected.items()))
    # drag it into another section, before that section's first article (dropped onto it)
    target = before["Ngoại giao kinh tế"][0]
    data = model.mimeData([model.index_of_article(first)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_article(target))
    expected = {
        **before,
        "Sự kiện – Hoạt động": [second],
        "Ngoại giao kinh tế": [first, *before["Ngoại giao kinh tế"]],
    }
    _wait_layout(qtbot, composer, services, sample, list(expected.items()))
    # an article dragged onto no section stays where it is
    data = model.mimeData([model.index_of_article(first)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    # keyboard: Alt+Down moves the selected article one place down
    composer._restore_selection([first], None)
    composer.tree.setFocus()
    qtbot.keyClick(composer.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    expected["Ngoại giao kinh tế"] = [target, first, *before["Ngoại giao kinh tế"][1:]]
    _wait_layout(qtbot, composer, services, sample, list(expected.items()))


def test_remove_with_delete_and_context_actions(composer, qtbot, services, sample, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    before = dict(_layout(services, sample))
    victim = before["Ngoại giao kinh tế"][1]
    composer._restore_selection([victim], None)
    composer.tree.setFocus()
    assert composer.remove_action.isEnabled()
    qtbot.keyClick(composer.tree, Qt.Key.Key_Delete)
    expected = {**before, "Ngoại giao kinh tế": before["Ngoại giao kinh tế"][:1]}
    _wait_layout(qtbot, composer, services, sample, list(expected.items()))
    assert victim in [a.id for a in services.articles.list()]  # still in the library
    # a whole section: asks first (the recorder answers yes)
    composer._restore_selection([], "Ngoại giao kinh tế")
    composer.remove_selected()
    assert no_dialogs and no_dialogs[-1][0] == "question" and "Ngoại giao kinh tế" in no_dialogs[-1][1]
    expected.pop("Ngoại giao kinh tế")
    _wait_layout(qtbot, composer, services, sample, list(expected.items()))
    # and a section from a column, in its bulletin place
    composer.add_section("Ngoại giao kinh tế")
    names = list(expected)
    names.insert(2, "Ngoại giao kinh tế")
    qtbot.waitUntil(lambda: [n for n, _ in _tree(composer.model)] == names, timeout=TIMEOUT)


def test_editorial_action_writes_the_letter_in_thu_ngo(qapp, qtbot, services) -> None:  # type: ignore[no-untyped-def]
    issue_id, _ = services.issues.create(2, dt.date(2026, 5, 1), period_label="Tháng 5")
    composer = _make_composer(qtbot, services, wait_preview=False)
    with qtbot.waitSignal(composer.article_activated, timeout=TIMEOUT) as opened:
        composer.editorial_action.trigger()
    letter = opened.args[0]
    assert _layout(services, issue_id) == [("Thư ngỏ", [letter])]
    assert services.articles.get(letter).title == "Thư ngỏ"
    qtbot.waitUntil(lambda: _tree(composer.model) == [("Thư ngỏ", [letter])], timeout=TIMEOUT)
    with qtbot.waitSignal(composer.article_activated, timeout=TIMEOUT) as again:
        composer.editorial_action.trigger()  # the second time opens the same letter
    assert again.args == [letter]
    composer.shutdown()


# ---------------------------------------------------------------- issue details
def test_issue_dialog_creates_and_edits_details(qapp, qtbot, services, tmp_path, artifacts, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.gui.background.tasks import TaskRunner
    from bulletin_app.gui.issue.issue_dialog import AssetRole, IssueDialog, ThumbnailRole
    from tests.conftest import type_text

    photo = tmp_path / "anh-bia.jpg"
    photo.write_bytes(sample_photo(2, 1600, 1200))
    tasks = TaskRunner()
    dialog = IssueDialog(services, tasks, None, suggested_number=5)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.number.value() == 5
    dialog.date.setDate(dialog.date.date().fromString("15/12/2026", "dd/MM/yyyy"))
    type_text(dialog.period, "Tháng 11–12/2026")
    type_text(dialog.title, "Số cuối năm")
    type_text(dialog.notice, "Phát hành miễn phí")
    dialog.add_cover_file(photo)
    qtbot.waitUntil(lambda: dialog.cover_ref() != "", timeout=TIMEOUT)
    ref = dialog.cover_ref()
    qtbot.waitUntil(lambda: dialog.covers.currentItem().data(ThumbnailRole) is True, timeout=TIMEOUT)
    assert dialog.write_editorial.isChecked()
    dialog.grab().save(str(artifacts / "composer-issue-dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.save()
    issue = services.issues.get(dialog.issue_id)
    assert (issue.number, issue.date, issue.period_label, issue.title) == (
        5,
        dt.date(2026, 12, 15),
        "Tháng 11–12/2026",
        "Số cuối năm",
    )
    assert (issue.cover_asset, issue.circulation_notice) == (ref, "Phát hành miễn phí")
    assert dialog.editorial_id is not None and issue.sections[0].entries[0].article_id == dialog.editorial_id
    assert dialog.changes.issues_changed == {issue.id}

    edit = IssueDialog(services, tasks, issue, focus="issue.circulation_notice")
    qtbot.addWidget(edit)
    edit.show()
    assert (edit.number.value(), edit.period.text(), edit.notice.text()) == (
        5,
        "Tháng 11–12/2026",
        "Phát hành miễn phí",
    )
    qtbot.waitUntil(lambda: edit.cover_ref() == ref, timeout=TIMEOUT)
    assert not edit.write_editorial.isVisible() and "Thư ngỏ" in edit.editorial_label.text()
    edit.number.setValue(0)  # below the range: stays 1
    edit.covers.setCurrentRow(0)  # back to "the first photo"
    assert edit.covers.currentItem().data(AssetRole) == ""
    with qtbot.waitSignal(edit.accepted, timeout=TIMEOUT):
        edit.save()
    again = services.issues.get(issue.id)
    assert (again.number, again.cover_asset) == (1, "")

    # a clash is refused with the service's Vietnamese message and the dialog stays open
    services.issues.create(9, dt.date(2026, 1, 1))
    clash = IssueDialog(services, tasks, services.issues.get(issue.id))
    qtbot.addWidget(clash)
    clash.show()
    clash.number.setValue(9)
    clash.save()
    qtbot.waitUntil(lambda: bool(no_dialogs), timeout=TIMEOUT)
    assert no_dialogs[-1] == ("warning", "Số: đã có số 9 năm 2026 (mã 2)")
    assert clash.isVisible() and clash.buttons.isEnabled()
    clash.reject()
    tasks.wait()


# ---------------------------------------------------------------- preview, page estimate, preflight
def test_preview_shows_the_issue_pdf_with_thumbnails_and_counter(
    composer_in_process, qtbot, services, sample, artifacts
) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.paths import data_dir

    composer = composer_in_process  # laid out in the worker process, as in the app
    pages = composer.preview.page_count()
    assert pages == 7  # cover, editorial, contents, four pages of articles with the colophon under the last
    assert composer.preview.thumbnails.count() == pages
    qtbot.waitUntil(lambda: composer.preview.thumbnails_pending() == 0, timeout=TIMEOUT)  # drawn off-thread
    icon = composer.preview.thumbnails.item(0).icon().pixmap(composer.preview.thumbnails.iconSize()).toImage()
    assert icon.pixelColor(icon.width() // 2, icon.height() // 2).name() != "#ffffff"  # the cover photo
    assert composer.preview.counter.text() == f"Trang 1 / {pages}"
    assert composer.page_label.text() == f"{pages} / 32 trang"
    composer.preview.thumbnails.setCurrentRow(3)
    qtbot.waitUntil(lambda: composer.preview.counter.text() == f"Trang 4 / {pages}", timeout=TIMEOUT)
    composer.preview.go_to_page(0)
    qtbot.wait(200)
    composer.grab().save(str(artifacts / "composer-preview.png"))
    assert not list((data_dir() / "tmp").glob("*.pdf"))  # no temporary PDF is left behind

    # more pages than the licence allows: the estimate says so and preflight lists the error
    pub = services.publication.get()
    pub.page_limit = 4
    services.publication.save(pub)
    with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
        composer.apply_changes(Changes(publication_changed=True))
    assert composer.page_label.text() == f"⚠ {pages} / 4 trang — vượt giới hạn"
    codes = [
        composer.findings_list.item(i).data(Qt.ItemDataRole.UserRole + 1).kind
        for i in range(composer.findings_list.count())
    ]
    assert codes[0] == "page-limit"
    assert composer.findings_title.text().startswith("Kiểm tra trước khi in: 1 lỗi")


def test_preview_renders_are_debounced_and_stale_results_dropped(composer, qtbot) -> None:  # type: ignore[no-untyped-def]
    job = composer.preview_job
    runs = job.runs
    for _ in range(5):
        composer.preview.request()
    with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
        pass
    assert job.runs == runs + 1  # five requests, one layout
    # a change while a layout runs: that layout is discarded and one more runs
    composer.refresh_preview()
    assert job.busy
    composer.preview.request()
    with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
        pass
    qtbot.waitUntil(lambda: not job.busy, timeout=TIMEOUT)
    assert job.runs == runs + 3 and job.discarded == 1


def test_preflight_findings_lead_to_article_and_field(composer, qtbot, services, sample) -> None:  # type: ignore[no-untyped-def]
    issue = services.issues.get(sample)
    article_id = issue.sections[2].entries[0].article_id
    services.articles.update(article_id, None, status=ArticleStatus.EDITING.value)
    pub = services.publication.get()
    pub.printing_place = ""
    services.publication.save(pub)
    with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
        composer.apply_changes(Changes(articles_changed=frozenset({article_id}), publication_changed=True))
    items = {
        composer.findings_list.item(i).data(Qt.ItemDataRole.UserRole + 1).kind: composer.findings_list.item(i)
        for i in range(composer.findings_list.count())
    }
    assert isinstance(items["not-approved"].data(Qt.ItemDataRole.UserRole + 1), Finding)
    rect = composer.findings_list.visualItemRect(items["not-approved"])
    with qtbot.waitSignal(composer.article_activated, timeout=TIMEOUT) as opened:
        qtbot.mouseClick(composer.findings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [article_id]
    assert composer.selected_article_ids() == [article_id]
    rect = composer.findings_list.visualItemRect(items["colophon-field"])
    with qtbot.waitSignal(composer.field_activated, timeout=TIMEOUT) as field:
        qtbot.mouseClick(composer.findings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert field.args == ["publication.printing_place"]


def test_preview_error_is_shown_in_place_not_as_a_box(
    composer, qtbot, services, sample, monkeypatch, no_dialogs
) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.domain.errors import ValidationError

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ValidationError("Giao diện", "không có giao diện “x”")

    monkeypatch.setattr(services.exports, "export", broken)
    composer.refresh_preview()
    qtbot.waitUntil(lambda: "Không dàn trang được" in composer.preview.placeholder.text(), timeout=TIMEOUT)
    assert composer.preview.page_count() == 0 and not no_dialogs
    assert composer.preview.counter.text() == "Trang – / –"


def test_stale_preview_files_are_swept(tmp_path: Path) -> None:
    import os
    import time

    from bulletin_app.services.jobs import sweep_stale_previews

    old = tmp_path / "preview-1-abc.pdf"
    fresh = tmp_path / "preview-2-def.pdf"
    other = tmp_path / "keep.pdf"
    for path in (old, fresh, other):
        path.write_bytes(b"%PDF")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    assert sweep_stale_previews(tmp_path) == 1
    assert not old.exists() and fresh.exists() and other.exists()


def test_captions_without_pictures_go_in_one_click(qapp, qtbot, services) -> None:  # type: ignore[no-untyped-def]
    from bulletin_app.domain.article import ArticleDraft, ArticleStatus

    body = "Đoạn mở đầu.\n\n![Lãnh đạo tỉnh tiếp đoàn](asset:)\n\nĐoạn giữa.\n\n![Ảnh lưu niệm](asset:)\n\nĐoạn cuối."
    article_id, _ = services.articles.add(ArticleDraft(title="Tiếp đoàn Gumi", body=body), ArticleStatus.APPROVED)
    issue_id, _ = services.issues.create(3, dt.date(2026, 12, 1), "Thử")
    services.issues.add_articles(issue_id, [article_id], "Sự kiện – Hoạt động")
    composer = _make_composer(qtbot, services)
    try:
        button = composer.fix_captions_button
        assert button.isVisible() and button.text() == "Bỏ 2 chú thích không có ảnh"
        kinds = [composer.findings_list.findings[i].kind for i in range(len(composer.findings_list.findings))]
        assert "caption-without-image" in kinds
        with qtbot.waitSignal(composer.preview_ready, timeout=TIMEOUT):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not button.isVisible(), timeout=TIMEOUT)
        assert services.articles.get(article_id).body == "Đoạn mở đầu.\n\nĐoạn giữa.\n\nĐoạn cuối."
        assert all(f.kind != "caption-without-image" for f in composer.findings_list.findings)
    finally:
        composer.shutdown()
