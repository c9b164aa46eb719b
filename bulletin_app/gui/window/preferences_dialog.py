"""The preferences dialog: library location, export theme and fonts, UI language, autosave.

Values live in ``AppSettings`` (QSettings). Fonts are listed from the system with a mark
for full Vietnamese coverage, checked a few families at a time (``font_coverage``).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.errors import BulletinError
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.records.publication_form import error_color
from bulletin_app.gui.widgets.settings import LANGUAGES, AppSettings
from bulletin_app.gui.window.connection_check import ConnectionCheck, is_server
from bulletin_app.gui.window.font_coverage import (
    VIETNAMESE_LETTERS,
    Coverage,
    CoverageScanner,
    cached,
    register_bundled_fonts,
    system_families,
)
from bulletin_app.paths import default_db_path
from bulletin_app.services.export import available_themes, export_font_available
from bulletin_app.services.library import save_server_password

# SQLAlchemy's URL grammar starts "dialect[+driver]://" (sqlalchemy.engine.url._parse_url).
_URL = re.compile(r"^[\w+]+://", re.ASCII)
_LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, never translated
FONT_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_TEXT = "Bản tin Đối ngoại Thái Nguyên — Ưu tiên hợp tác, phát triển bền vững; Đặc sắc, Ửng hồng"


def location_problem(text: str) -> str | None:
    """Why ``text`` cannot be a library location (a file path or an SQLAlchemy URL), or None.

    Only the form is checked: nothing is opened or created here.
    """
    text = text.strip()
    if not text:
        return None
    if "://" in text:
        if not _URL.match(text):
            return QCoreApplication.translate(
                "PreferencesDialog",
                "Địa chỉ máy chủ phải có dạng loại://…, ví dụ postgresql://người-dùng@máy-chủ/thư-viện",
            )
        if text.lower().startswith("sqlite") and text.split("://", 1)[1].lstrip("/"):
            return location_problem(text.split("://", 1)[1][1:])  # sqlite:///path → the path
        return None
    path = Path(text).expanduser()
    if path.is_dir():
        return QCoreApplication.translate(
            "PreferencesDialog", "“{path}” là một thư mục; hãy chọn một tệp thư viện (.db)."
        ).format(path=path)
    if not path.parent.is_dir():
        return QCoreApplication.translate("PreferencesDialog", "Thư mục “{folder}” không tồn tại.").format(
            folder=path.parent
        )
    return None


class FontCombo(QComboBox):
    """A family list with a mark for Vietnamese coverage; item 0 = the theme's own font."""

    def __init__(self, families: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setView(QListView())
        self.addItem(self.tr("(theo giao diện)"), "")
        for family in families:
            self.addItem(family, family)
        self.setMaxVisibleItems(20)

    def select(self, family: str) -> None:
        index = self.findData(family)
        if index < 0:  # remembered, but not on this machine (e.g. a setting copied from Windows)
            self.addItem(self.tr("{family} (không có trên máy)").format(family=family), family)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def family(self) -> str:
        return str(self.currentData() or "")

    def mark(self, result: Coverage, ok: QIcon, missing: QIcon) -> None:
        index = self.findData(result.family)
        if index < 1:
            return
        self.setItemIcon(index, ok if result.complete else missing)
        tip = (
            self.tr("Đủ chữ tiếng Việt")
            if result.complete
            else self.tr("Thiếu {n} chữ tiếng Việt").format(n=len(result.missing))
        )
        if result.substituted and result.actual:
            tip += " · " + self.tr("thực tế dùng phông {actual}").format(actual=result.actual)
        self.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)

    def show_only_complete(self, only: bool) -> None:
        view = self.view()
        assert isinstance(view, QListView)
        for index in range(1, self.count()):
            result = cached(str(self.itemData(index)))
            view.setRowHidden(index, only and result is not None and not result.complete)


class PreferencesDialog(QDialog):
    """Edit ``AppSettings``. Signal ``saved(list[str])``: the names of the settings changed;
    ``restart_needed`` tells whether any of them applies only after a restart."""

    saved = Signal(list)
    RESTART_KEYS = frozenset({"library_location", "ui_language"})

    def __init__(self, parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.changed: list[str] = []
        self.tasks = TaskRunner(self)
        self._usable_request = 0
        self.setWindowTitle(self.tr("Tùy chọn"))
        self.setMinimumWidth(620)
        register_bundled_fonts()
        self.families = system_families()
        style = self.style()
        self.ok_icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        self.missing_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._build_ui()
        self._load()
        self.scanner = CoverageScanner(self)
        self.scanner.checked.connect(self._checked)
        self.scanner.finished.connect(self._scan_finished)
        self.scanner.start(self._scan_order())

    # ---------------------------------------------------------------- layout
    def _build_ui(self) -> None:
        style = self.style()
        library = QGroupBox(self.tr("Thư viện"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Mặc định: {path}").format(path=default_db_path()))
        self.location.setClearButtonEnabled(True)
        self.location.setToolTip(
            self.tr("Tệp thư viện (.db) hoặc địa chỉ máy chủ cơ sở dữ liệu, ví dụ postgresql://máy-chủ/thư-viện")
        )
        self.browse = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon), self.tr("Chọn tệp…"))
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(self.browse)
        self.location_error = QLabel()
        self.location_error.setWordWrap(True)
        self.location_error.setVisible(False)
        self.connection = ConnectionCheck(lambda: self.location.text(), self.tasks, self)
        library_form = QFormLayout(library)
        library_form.addRow(self.tr("Vị trí:"), row)
        library_form.addRow("", self.location_error)
        library_form.addRow(self.tr("Máy chủ:"), self.connection)
        library_form.addRow("", self._note(self.tr("Thư viện mới được mở khi khởi động lại ứng dụng.")))

        export = QGroupBox(self.tr("Xuất bản tin"))
        self.theme = QComboBox()
        for name in available_themes():
            self.theme.addItem(self.tr("Mặc định") if name == "default" else name, name)
        self.body_font = FontCombo(self.families)
        self.body_font.setToolTip(self.tr("Phông chữ nội dung tin bài trong PDF và DOCX"))
        self.heading_font = FontCombo(self.families)
        self.heading_font.setToolTip(self.tr("Phông chữ tiêu đề, bìa, đầu trang"))
        self.body_note = self._note("")
        self.heading_note = self._note("")
        self.only_complete = QCheckBox(self.tr("Chỉ hiện phông đủ chữ tiếng Việt"))
        self.scan_status = self._note(self.tr("Đang kiểm tra phông chữ…"))
        self.preview = QLabel(PREVIEW_TEXT)
        self.preview.setWordWrap(True)
        export_form = QFormLayout(export)
        export_form.addRow(self.tr("Giao diện:"), self.theme)
        export_form.addRow(self.tr("Phông nội dung:"), self.body_font)
        export_form.addRow("", self.body_note)
        export_form.addRow(self.tr("Phông tiêu đề:"), self.heading_font)
        export_form.addRow("", self.heading_note)
        export_form.addRow("", self.only_complete)
        export_form.addRow(self.tr("Xem thử:"), self.preview)
        export_form.addRow("", self.scan_status)

        app = QGroupBox(self.tr("Ứng dụng"))
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(_LANGUAGE_NAMES[code], code)
        self.autosave = QSpinBox()
        self.autosave.setRange(0, 3600)
        self.autosave.setSingleStep(10)
        self.autosave.setSuffix(self.tr(" giây"))
        self.autosave.setSpecialValueText(self.tr("Tắt"))
        self.autosave.setToolTip(self.tr("Bản nháp tin bài đang sửa được tự lưu sau mỗi khoảng này (0 = tắt)"))
        app_form = QFormLayout(app)
        app_form.addRow(self.tr("Ngôn ngữ giao diện:"), self.language)
        app_form.addRow("", self._note(self.tr("Áp dụng sau khi khởi động lại ứng dụng.")))
        app_form.addRow(self.tr("Tự lưu bản nháp:"), self.autosave)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        root = QVBoxLayout(self)
        root.addWidget(library)
        root.addWidget(export)
        root.addWidget(app)
        root.addWidget(self.buttons)

        self.browse.clicked.connect(self._choose_location)
        self.location.textChanged.connect(self._check_location)
        self.location.textChanged.connect(self.connection.location_changed)
        self.body_font.currentIndexChanged.connect(lambda _i: self._font_chosen(self.body_font, self.body_note))
        self.heading_font.currentIndexChanged.connect(
            lambda _i: self._font_chosen(self.heading_font, self.heading_note)
        )
        self.only_complete.toggled.connect(self._filter_fonts)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        palette = label.palette()  # the palette's muted text colour, light or dark
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        label.setPalette(palette)
        # Room for two lines from the start: a top-level dialog does not grow for a word-wrapped
        # label whose text gets longer later.
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 2)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        return label

    def _load(self) -> None:
        s = self.settings
        self.location.setText(s.library_location)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme)))
        self.body_font.select(s.body_font)
        self.heading_font.select(s.heading_font)
        self.language.setCurrentIndex(max(0, self.language.findData(s.ui_language)))
        self.autosave.setValue(s.autosave_seconds)
        self._font_chosen(self.body_font, self.body_note)
        self._font_chosen(self.heading_font, self.heading_note)

    # ---------------------------------------------------------------- library location
    def _choose_location(self) -> None:
        current = self.location.text().strip()
        start = current if current and "://" not in current else str(default_db_path())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Chọn tệp thư viện"),
            start,
            self.tr("Thư viện bản tin (*.db);;Mọi tệp (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # an existing library is what one picks
        )
        if chosen:
            self.location.setText(chosen)

    def _check_location(self) -> bool:
        problem = location_problem(self.location.text())
        self.location_error.setText(problem or "")
        self.location_error.setStyleSheet(f"color: {error_color(self)};")
        self.location_error.setVisible(problem is not None)
        return problem is None

    # ---------------------------------------------------------------- fonts
    def _scan_order(self) -> list[str]:
        """The chosen fonts first, so their marks appear at once."""
        chosen = [f for f in (self.body_font.family(), self.heading_font.family()) if f]
        return chosen + [f for f in self.families if f not in chosen]

    def _checked(self, result: Coverage) -> None:
        for combo in (self.body_font, self.heading_font):
            combo.mark(result, self.ok_icon, self.missing_icon)
            if combo.family() == result.family:
                self._font_chosen(combo, self.body_note if combo is self.body_font else self.heading_note)

    def _scan_finished(self) -> None:
        complete = sum(1 for f in self.families if (c := cached(f)) is not None and c.complete)
        self.scan_status.setText(
            self.tr("{complete} trong {total} phông có đủ {letters} chữ cái tiếng Việt.").format(
                complete=complete, total=len(self.families), letters=len(VIETNAMESE_LETTERS)
            )
        )
        self._filter_fonts(self.only_complete.isChecked())

    def _filter_fonts(self, only: bool) -> None:
        for combo in (self.body_font, self.heading_font):
            combo.show_only_complete(only)

    def _font_chosen(self, combo: FontCombo, note: QLabel) -> None:
        family = combo.family()
        self._update_preview()
        if not family:
            note.setText(self.tr("Dùng phông của giao diện đã chọn."))
            return
        result = cached(family)
        if result is None:
            note.setText(self.tr("Đang kiểm tra…"))
        elif result.complete:
            note.setText(self.tr("Đủ {n} chữ cái tiếng Việt.").format(n=len(VIETNAMESE_LETTERS)))
        else:
            sample = " ".join(result.missing[:8]) + (" …" if len(result.missing) > 8 else "")
            note.setText(
                self.tr("Thiếu {n} chữ tiếng Việt ({sample}) — sẽ in thành ô trống.").format(
                    n=len(result.missing), sample=sample
                )
            )
        # Whether the exporters can embed it: a file lookup, off the GUI thread.
        self._usable_request += 1
        request = self._usable_request

        def done(usable: bool) -> None:
            if request == self._usable_request and combo.family() == family and not usable:
                note.setText(note.text() + " " + self.tr("Chưa xuất PDF/DOCX được với phông này (cần tệp .ttf tĩnh)."))

        self.tasks.run(lambda: export_font_available(family), done, lambda _exc: None)

    def _update_preview(self) -> None:
        family = self.body_font.family()
        font = QFont(family) if family else QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.preview.setFont(font)
        # Two lines of the sample, with room for the marks above and below (Ửng, Đặc): the form does
        # not grow a word-wrapped label by itself.
        self.preview.setMinimumHeight(int(self.preview.fontMetrics().height() * 2.6) + 6)

    # ---------------------------------------------------------------- save
    @property
    def restart_needed(self) -> bool:
        return bool(self.RESTART_KEYS & set(self.changed))

    def accept(self) -> None:
        if not self._check_location():
            self.location.setFocus()
            return
        s = self.settings
        location = self.location.text().strip()
        if is_server(location):
            try:  # the password goes to the OS credential store, the settings keep the bare URL
                location = save_server_password(location, self.connection.password.text())
            except BulletinError as exc:
                self.connection.result.setText("✗ " + exc.message)
                return
        values = {
            "library_location": location,
            "theme": self.theme.currentData() or "default",
            "body_font": self.body_font.family(),
            "heading_font": self.heading_font.family(),
            "ui_language": self.language.currentData(),
            "autosave_seconds": self.autosave.value(),
        }
        self.changed = [key for key, value in values.items() if getattr(s, key) != value]
        for key in self.changed:
            setattr(s, key, values[key])
        s.store.sync()
        self.scanner.stop()
        self.tasks.wait()
        self.saved.emit(self.changed)
        super().accept()

    def reject(self) -> None:
        self.scanner.stop()
        self.tasks.wait()
        super().reject()
