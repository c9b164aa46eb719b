"""The UI speaks Vietnamese through Qt's translation mechanism, and English completely."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "bulletin_app" / "gui"
VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)
# Calls whose text argument ends up on screen.
DISPLAY = {
    "setText", "setToolTip", "setStatusTip", "setPlaceholderText", "setWindowTitle", "showMessage",
    "addItem", "addAction", "addMenu", "setHeaderLabels", "setHorizontalHeaderLabels", "setTitle",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "setSpecialValueText",
    "warning", "critical", "information", "question", "about", "setSuffix", "setPrefix",
}  # fmt: skip


def _untranslated(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in DISPLAY:
            continue
        for arg in node.args:
            literal = (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or isinstance(arg, ast.JoinedStr)
            if literal and VIETNAMESE.search(ast.unparse(arg)):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(arg)[:60]}")
    return found


def test_visible_strings_go_through_qt_translation() -> None:
    problems = [p for path in sorted(GUI.rglob("*.py")) for p in _untranslated(path)]
    assert problems == [], "Vietnamese text shown without tr():\n" + "\n".join(problems)


def test_every_string_has_an_english_translation() -> None:
    """lupdate over the code finds no string that bulletin_en.ts leaves untranslated."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "check"], capture_output=True, text=True
    )
    assert run.returncode == 0, "strings without English:\n" + run.stdout[-3000:]


def test_compiled_translations_are_up_to_date(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for name in ("bulletin_en", "qtbase_vi"):
        out = tmp_path / f"{name}.qm"
        subprocess.run(
            [str(lrelease), str(ROOT / "resources" / "i18n" / f"{name}.ts"), "-qm", str(out)],
            check=True,
            capture_output=True,
        )
        committed = ROOT / "resources" / "i18n" / f"{name}.qm"
        assert out.read_bytes() == committed.read_bytes(), f"run: python scripts/translations.py release ({name})"


def test_the_check_catches_a_bare_string(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('label = QLabel("Xin chào")\nok = QLabel(self.tr("Xin chào"))\nbox.setToolTip(f"Đã lưu {n}")\n')
    assert _untranslated(sample) == ["sample.py:1: 'Xin chào'", "sample.py:3: f'Đã lưu {n}'"]


def test_english_interface(qapp, services) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bulletin_app.gui.window.i18n import install_translators
    from bulletin_app.gui.window.main_window import MainWindow

    app = QApplication.instance()
    assert "bulletin_en" in install_translators(app, "en")
    try:
        window = MainWindow(services)
        assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Issue", "&View", "&Help"]
        assert window.nav.item(0).text() == "Article library"
        assert window.library.model.headerData(1, Qt.Orientation.Horizontal) == "Title"
        window.close()
    finally:
        install_translators(app, "vi")


def test_qt_file_dialog_speaks_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's own (non-native) file dialog: every label, button, view and column in Vietnamese."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView, QWidget

    from bulletin_app.gui.window.i18n import install_translators

    install_translators(QApplication.instance(), "vi")
    dialog = QFileDialog(None, "Chọn ảnh", str(ROOT), "Ảnh (*.jpg)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    QApplication.processEvents()
    texts = set()
    for widget in dialog.findChildren(QWidget):
        for attr in ("text", "toolTip"):
            value = getattr(widget, attr, None)
            if callable(value):
                texts.add(str(value()))
    for view in dialog.findChildren(QTreeView):
        model = view.model()
        texts |= {str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())}
    dialog.close()
    english = {"Look in", "Files of type", "File name", "Open", "Cancel", "Name", "Size", "Type", "Date Modified",
               "Back", "Forward", "Parent Directory", "Create New Folder", "List View", "Detail View"}  # fmt: skip
    shown = {t.replace("&", "").rstrip(":") for t in texts if t}
    assert not english & shown, english & shown
    assert "Tìm trong" in shown and "Loại tệp" in shown
