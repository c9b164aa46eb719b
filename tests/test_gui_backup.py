"""Backup and restore from the File menu, offscreen, on a real library."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog

from bulletin_app.domain.article import ArticleDraft
from bulletin_app.gui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, seeded, no_dialogs):  # type: ignore[no-untyped-def]
    win = MainWindow(seeded)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.library.model.rowCount() == 5, timeout=15000)
    return win


def test_backup_then_restore_from_the_file_menu(window, qtbot, monkeypatch, tmp_path, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    dest = tmp_path / "sao-luu-thu-vien"  # no suffix typed: the chosen filter's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), "Bản sao lưu thư viện (*.zip)"))
    window.backup_action.trigger()
    archive = tmp_path / "sao-luu-thu-vien.zip"
    qtbot.waitUntil(archive.exists, timeout=15000)
    qtbot.waitUntil(lambda: "Đã sao lưu" in window.statusBar().currentMessage(), timeout=15000)

    window.services.articles.add(ArticleDraft("Tin thêm sau khi sao lưu", "Sẽ nằm trong bản sao lưu an toàn."))
    window.library.reload()
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 6, timeout=15000)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(archive), ""))
    window.restore_action.trigger()
    assert no_dialogs[-1][0] == "question" and "sao lưu trước" in no_dialogs[-1][1]
    qtbot.waitUntil(lambda: "Đã khôi phục 5 tin bài" in window.statusBar().currentMessage(), timeout=20000)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 5, timeout=15000)
    assert "Nội dung cũ:" in window.statusBar().currentMessage()


def test_restore_waits_for_open_editors(window, qtbot, monkeypatch, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    window.open_article(window.library.model.article_id(0))
    called = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: called.append(1) or ("", ""))
    window.restore_action.trigger()
    assert called == [] and "đóng các cửa sổ soạn" in no_dialogs[-1][1]


def test_the_team_dialog_records_an_editor_in_chief(window, qtbot, monkeypatch, no_dialogs, artifacts) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    from bulletin_app.gui.records.team_dialog import MemberDialog, TeamDialog

    dialog = TeamDialog(window.services, window)
    qtbot.addWidget(dialog)
    assert "Chưa có tổng biên tập" in dialog.note.text()

    def filled(name: str, full: str, role: str):  # type: ignore[no-untyped-def]
        def exec_(self) -> int:  # type: ignore[no-untyped-def]
            self.name.setText(name)
            self.display_name.setText(full)
            self.role.setCurrentIndex(self.role.findData(role))
            return QDialog.DialogCode.Accepted

        return exec_

    monkeypatch.setattr(MemberDialog, "exec", filled("tester", "Người thử", "editor"))
    dialog.edit_member(None)
    monkeypatch.setattr(MemberDialog, "exec", filled("thuha", "Trần Thu Hà", "chief"))
    dialog.edit_member(None)
    assert [(m.name, m.role) for m in window.services.library.members()] == [("thuha", "chief"), ("tester", "editor")]
    assert "Chỉ tổng biên tập" in dialog.note.text()
    assert dialog.table.item(0, 2).text() == "Tổng biên tập"
    dialog.show()
    dialog.grab().save(str(artifacts / "team-dialog.png"))
    dialog.table.selectRow(0)
    dialog.remove_current()  # "tester" is not the chief: refused, said, nothing changed
    assert no_dialogs[-1][0] == "warning" and "chỉ tổng biên tập" in no_dialogs[-1][1]
    assert len(window.services.library.members()) == 2
