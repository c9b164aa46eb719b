"""The publication record page ("Thông tin xuất bản"): masthead, licence and colophon fields.

Every field of ``domain.publication.Publication`` has its own widget. Checks come from
``services.publication.validate`` (the same rules the save enforces), shown next to the
field at fault; licence expiry is warned ahead of time with ``licence_warnings``.
"""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import ValidationError
from bulletin_app.domain.publication import LEGAL_MAX_HEIGHT_MM, LEGAL_MAX_PAGES, LEGAL_MAX_WIDTH_MM, Publication
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.services import Services
from bulletin_app.services.publication import licence_warnings, validate
from bulletin_app.text import clean_line

VALIDATE_DELAY_MS = 500
FREQUENCIES = ("1 tháng/kỳ", "2 tháng/kỳ", "3 tháng/kỳ", "6 tháng/kỳ")

# ValidationError.field (as services.publication names it) → the field whose row shows it
_ERROR_FIELD = {
    "Tên bản tin": "bulletin_name",
    "Cơ quan xuất bản": "publishing_body",
    "Khổ": "trim",
    "Số trang": "page_limit",
    "Số lượng in": "print_run",
    "Email": "email",
    "Giấy phép": "licence_expiry",
}


def error_color(widget: QWidget) -> str:
    """A red that reads on the current palette, light or dark."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b3261e"


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box switches the date edit on."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setDate(QDate.currentDate())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.check)
        lay.addWidget(self.edit)
        lay.addStretch(1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._toggled(False)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> dt.date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None  # type: ignore[return-value]

    def set_value(self, value: dt.date | None) -> None:
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))
        self.check.setChecked(value is not None)


class PublicationForm(QWidget):
    """Edit the publication record. Signals: ``saved(Changes)``, ``dirty_changed(bool)``,
    ``loaded()``. Call ``load()`` to (re)read the record, ``is_dirty()`` before leaving."""

    saved = Signal(object)
    dirty_changed = Signal(bool)
    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = TaskRunner(self)
        self.original: Publication | None = None
        self._filling = False
        self._dirty = False
        self._saving = False
        self.errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        self._validate_timer = QTimer(self, singleShot=True, interval=VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.check)
        self._build_ui()
        self._connect()
        self.setEnabled(False)  # until loaded
        self.load()

    # ---------------------------------------------------------------- layout
    def _line(self, name: str, placeholder: str = "", tooltip: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(tooltip)
        self.fields[name] = edit
        return edit

    def _add(self, form: QFormLayout, label: str, widget: QWidget | QHBoxLayout, name: str) -> None:
        """A row: the field, and under it a message line shown only when the value is wrong."""
        error = QLabel()
        error.setWordWrap(True)
        error.setVisible(False)
        self.errors[name] = error
        cell = QVBoxLayout()
        cell.setSpacing(2)
        if isinstance(widget, QHBoxLayout):
            cell.addLayout(widget)
        else:
            cell.addWidget(widget)
        cell.addWidget(error)
        form.addRow(label, cell)

    def _build_ui(self) -> None:
        icon = self.style().standardIcon
        self.warning_icon = QLabel()
        self.warning_icon.setPixmap(icon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24))
        self.warning_text = QLabel()
        self.warning_text.setWordWrap(True)
        self.warning_banner = QFrame()
        self.warning_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.warning_banner)
        banner.addWidget(self.warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner.addWidget(self.warning_text, 1)
        self.warning_banner.setVisible(False)

        # -- the bulletin (masthead, format)
        bulletin = QGroupBox(self.tr("Bản tin"))
        form = QFormLayout(bulletin)
        self._add(
            form, self.tr("Tên bản tin:"), self._line("bulletin_name", "Bản tin Đối ngoại Thái Nguyên"), "bulletin_name"
        )
        self._add(
            form,
            self.tr("Cơ quan xuất bản:"),
            self._line("publishing_body", tooltip=self.tr("In ở đầu trang 1 (Luật Báo chí 2016, Điều 34)")),
            "publishing_body",
        )
        self._add(form, self.tr("Cơ quan chủ quản:"), self._line("governing_body"), "governing_body")
        self.frequency = QComboBox()
        self.frequency.setEditable(True)
        self.frequency.addItems(list(FREQUENCIES))
        self.frequency.setToolTip(self.tr("Kỳ hạn xuất bản ghi trong giấy phép"))
        self.fields["frequency"] = self.frequency
        self._add(form, self.tr("Kỳ hạn xuất bản:"), self.frequency, "frequency")
        self.trim_w = self._mm_box()
        self.trim_h = self._mm_box()
        trim = QHBoxLayout()
        trim.addWidget(self.trim_w)
        trim.addWidget(QLabel("×"))
        trim.addWidget(self.trim_h)
        trim.addStretch(1)
        self.fields["trim"] = self.trim_w
        self._add(form, self.tr("Khổ (rộng × cao):"), trim, "trim")
        self.page_limit = QSpinBox()
        self.page_limit.setRange(1, 999)
        self.page_limit.setSuffix(self.tr(" trang"))
        self.page_limit.setToolTip(
            self.tr("Số trang tối đa theo giấy phép (luật cho phép tối đa {n} trang)").format(n=LEGAL_MAX_PAGES)
        )
        self.fields["page_limit"] = self.page_limit
        self._add(form, self.tr("Số trang tối đa:"), self.page_limit, "page_limit")
        self.internal = QCheckBox(self.tr("In dòng “Lưu hành nội bộ” trên bìa"))
        self.fields["internal_circulation"] = self.internal
        self._add(form, self.tr("Lưu hành:"), self.internal, "internal_circulation")

        # -- the licence
        licence = QGroupBox(self.tr("Giấy phép xuất bản"))
        form = QFormLayout(licence)
        self._add(form, self.tr("Số giấy phép:"), self._line("licence_number", "25/GP-STTTT"), "licence_number")
        self.licence_date = OptionalDateEdit(self.tr("Đã cấp"))
        self.fields["licence_date"] = self.licence_date
        self._add(form, self.tr("Ngày cấp:"), self.licence_date, "licence_date")
        self._add(form, self.tr("Cơ quan cấp:"), self._line("licence_issuer"), "licence_issuer")
        self.licence_expiry = OptionalDateEdit(self.tr("Có thời hạn"))
        self.licence_expiry.setToolTip(self.tr("Giấy phép bản tin có thời hạn tối đa một năm"))
        self.fields["licence_expiry"] = self.licence_expiry
        self.expiry_note = QLabel()
        expiry = QVBoxLayout()
        expiry.setSpacing(2)
        expiry.addWidget(self.licence_expiry)
        expiry.addWidget(self.expiry_note)
        expiry_row = QHBoxLayout()
        expiry_row.addLayout(expiry)
        self._add(form, self.tr("Ngày hết hạn:"), expiry_row, "licence_expiry")

        # -- printing
        printing = QGroupBox(self.tr("In ấn"))
        form = QFormLayout(printing)
        self.print_run = QSpinBox()
        self.print_run.setRange(0, 10_000_000)
        self.print_run.setSingleStep(100)
        self.print_run.setGroupSeparatorShown(True)
        self.print_run.setSuffix(self.tr(" bản"))
        self.fields["print_run"] = self.print_run
        self._add(form, self.tr("Số lượng in:"), self.print_run, "print_run")
        self._add(form, self.tr("Nơi in:"), self._line("printing_place"), "printing_place")

        # -- people
        people = QGroupBox(self.tr("Trách nhiệm xuất bản"))
        form = QFormLayout(people)
        self._add(form, self.tr("Người chịu trách nhiệm:"), self._line("responsible_person"), "responsible_person")
        self._add(form, self.tr("Chức vụ:"), self._line("responsible_title"), "responsible_title")
        self.board = QPlainTextEdit()
        self.board.setPlaceholderText(self.tr("Mỗi dòng một người"))
        self.board.setTabChangesFocus(True)
        self.board.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.fields["editorial_board"] = self.board
        self._add(form, self.tr("Ban biên tập:"), self.board, "editorial_board")

        # -- contacts
        contacts = QGroupBox(self.tr("Liên hệ"))
        form = QFormLayout(contacts)
        self._add(form, self.tr("Địa chỉ:"), self._line("address"), "address")
        self._add(form, self.tr("Điện thoại:"), self._line("phone"), "phone")
        self._add(form, self.tr("Email:"), self._line("email", "bantin@thainguyen.gov.vn"), "email")
        self._add(form, self.tr("Trang web:"), self._line("website", "https://"), "website")

        # -- the English part (English and bilingual editions)
        english = QGroupBox(self.tr("Phần tiếng Anh (ấn bản song ngữ, tiếng Anh)"))
        english.setToolTip(self.tr("Bìa, đầu trang và trang cuối của phần tiếng Anh in các tên này"))
        form = QFormLayout(english)
        for name, label, example in (
            ("bulletin_name_en", self.tr("Tên bản tin:"), "Thai Nguyen External Relations Bulletin"),
            ("publishing_body_en", self.tr("Cơ quan xuất bản:"), "Thai Nguyen Department of Foreign Affairs"),
            ("governing_body_en", self.tr("Cơ quan chủ quản:"), "Thai Nguyen Provincial People's Committee"),
            ("licence_issuer_en", self.tr("Cơ quan cấp phép:"), ""),
            ("frequency_en", self.tr("Kỳ hạn xuất bản:"), "Bimonthly"),
            ("printing_place_en", self.tr("Nơi in:"), ""),
            ("responsible_title_en", self.tr("Chức vụ người chịu trách nhiệm:"), ""),
            ("address_en", self.tr("Địa chỉ:"), ""),
        ):
            self._add(form, label, self._line(name, example), name)

        columns = QHBoxLayout()
        for groups in ((bulletin, printing, contacts), (licence, people, english)):
            column = QVBoxLayout()
            for group in groups:
                column.addWidget(group)
            column.addStretch(1)
            columns.addLayout(column, 1)
        page = QWidget()
        page_lay = QVBoxLayout(page)
        page_lay.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # always there: a scroll bar appearing when the banner below takes room would shift the fields
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(page)

        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        self.status = QLabel()
        self.save_button = QPushButton(icon(QStyle.StandardPixmap.SP_DialogSaveButton), self.tr("Lưu"))
        self.save_button.setToolTip(self.tr("Lưu thông tin xuất bản (Ctrl+S)"))
        self.revert_button = QPushButton(icon(QStyle.StandardPixmap.SP_DialogResetButton), self.tr("Hoàn tác"))
        self.revert_button.setToolTip(self.tr("Bỏ mọi thay đổi chưa lưu, trở về thông tin đã lưu"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        root = QVBoxLayout(self)
        root.addWidget(scroll, 1)
        # Below the fields, not above them: a warning that comes and goes while the editor types
        # must not move the field under the mouse.
        root.addWidget(self.warning_banner)
        root.addWidget(self.general_error)
        root.addLayout(buttons)

    def _mm_box(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(1.0, 1000.0)
        box.setDecimals(1)
        box.setSuffix(" mm")
        box.setToolTip(
            self.tr("Bản tin tối đa {w:g} × {h:g} mm (Luật Báo chí 2016, Điều 34)").format(
                w=LEGAL_MAX_WIDTH_MM, h=LEGAL_MAX_HEIGHT_MM
            )
        )
        return box

    def _connect(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._edited)
        self.frequency.currentTextChanged.connect(self._edited)
        for box in (self.trim_w, self.trim_h):
            box.valueChanged.connect(self._edited)
        for spin in (self.page_limit, self.print_run):
            spin.valueChanged.connect(self._edited)
        self.internal.toggled.connect(self._edited)
        self.licence_date.changed.connect(self._edited)
        self.licence_expiry.changed.connect(self._edited)
        self.board.textChanged.connect(self._edited)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)

    # ---------------------------------------------------------------- form ↔ record
    def value(self) -> Publication:
        """The record as the form shows it (not yet cleaned or checked)."""
        text = {name: w.text() for name, w in self.fields.items() if isinstance(w, QLineEdit)}
        return Publication(
            **text,
            licence_date=self.licence_date.value(),
            licence_expiry=self.licence_expiry.value(),
            frequency=self.frequency.currentText(),
            print_run=self.print_run.value(),
            editorial_board=[line for line in self.board.toPlainText().splitlines() if line.strip()],
            internal_circulation=self.internal.isChecked(),
            trim_width_mm=self.trim_w.value(),
            trim_height_mm=self.trim_h.value(),
            page_limit=self.page_limit.value(),
        )

    def set_value(self, pub: Publication) -> None:
        self._filling = True
        try:
            for name, widget in self.fields.items():
                if isinstance(widget, QLineEdit):
                    widget.setText(getattr(pub, name))
            self.licence_date.set_value(pub.licence_date)
            self.licence_expiry.set_value(pub.licence_expiry)
            self.frequency.setCurrentText(pub.frequency)
            self.print_run.setValue(pub.print_run)
            self.board.setPlainText("\n".join(pub.editorial_board))
            self.internal.setChecked(pub.internal_circulation)
            self.trim_w.setValue(pub.trim_width_mm)
            self.trim_h.setValue(pub.trim_height_mm)
            self.page_limit.setValue(pub.page_limit)
        finally:
            self._filling = False
        self._edited()
        self.check()

    # ---------------------------------------------------------------- state
    def is_dirty(self) -> bool:
        return self._dirty

    def _edited(self, *_args: object) -> None:
        if self._filling:
            return
        dirty = self.original is not None and _cleaned(self.value()) != _cleaned(self.original)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)
        self.status.setText(self.tr("Có thay đổi chưa lưu.") if dirty else "")
        self._show_warnings(self.value())
        self._validate_timer.start()

    def check(self) -> ValidationError | None:
        """Run the service's rules on a copy of the form; show the first problem by its field."""
        self._validate_timer.stop()
        try:
            validate(copy.deepcopy(self.value()))
        except ValidationError as exc:
            self.show_validation_error(exc)
            return exc
        self.clear_errors()
        return None

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.setVisible(False)
        self.general_error.setVisible(False)

    def show_validation_error(self, exc: ValidationError, focus: bool = False) -> None:
        self.clear_errors()
        name = _ERROR_FIELD.get(exc.field)
        label = self.errors.get(name) if name else None
        if label is None:
            label, text = self.general_error, exc.message
        else:  # beside its field the field's name is not repeated
            detail = exc.message.removeprefix(f"{exc.field}: ")
            text = detail[:1].upper() + detail[1:]
        label.setText(text)
        label.setStyleSheet(f"color: {error_color(self)};")
        label.setVisible(True)
        if focus and name in self.fields:
            self.fields[name].setFocus()

    def _show_warnings(self, pub: Publication) -> None:
        warnings = licence_warnings(pub)
        self.warning_text.setText("\n".join(warnings))
        self.warning_banner.setVisible(bool(warnings))
        expiry = pub.licence_expiry
        if expiry is None:
            self.expiry_note.setText("")
        else:
            days = (expiry - dt.date.today()).days
            self.expiry_note.setText(
                self.tr("Đã hết hạn {n} ngày trước").format(n=-days)
                if days < 0
                else self.tr("Còn {n} ngày hiệu lực").format(n=days)
            )

    # ---------------------------------------------------------------- load / save / revert
    def load(self) -> None:
        """Read the record from the library (off the GUI thread)."""
        self.tasks.run(self.services.publication.get, self._loaded, self._failed)

    def _loaded(self, pub: Publication) -> None:
        self.original = copy.deepcopy(pub)
        self.setEnabled(True)
        self.set_value(pub)
        self.loaded.emit()

    def revert(self) -> None:
        if self.original is not None:
            self.set_value(copy.deepcopy(self.original))
            self.status.setText(self.tr("Đã trở về thông tin đã lưu."))

    def save(self) -> None:
        if self._saving or self.original is None:
            return
        error = self.check()
        if error is not None:
            self.show_validation_error(error, focus=True)
            return
        pub = self.value()
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Đang lưu…"))

        def save() -> tuple[Publication, Changes]:
            return pub, self.services.publication.save(pub)  # save() cleans ``pub`` in place

        self.tasks.run(save, self._saved, self._save_failed)

    def _saved(self, result: tuple[Publication, Changes]) -> None:
        pub, changes = result
        self._saving = False
        self.original = copy.deepcopy(pub)
        self.set_value(pub)
        self.status.setText(self.tr("Đã lưu thông tin xuất bản."))
        self.saved.emit(changes)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._edited()
        if isinstance(exc, ValidationError):
            self.show_validation_error(exc, focus=True)
            self.status.setText(self.tr("Chưa lưu."))
        else:
            self.status.setText(self.tr("Không lưu được."))
            show_error(self, exc)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)


def _cleaned(pub: Publication) -> Publication:
    """Compare records as they would be stored: text cleaned the way validate() cleans it."""
    clean = copy.deepcopy(pub)
    for name in Publication.field_names():
        value = getattr(clean, name)
        if isinstance(value, str):
            setattr(clean, name, clean_line(value))
    clean.editorial_board = [clean_line(n) for n in clean.editorial_board if clean_line(n)]
    return clean
