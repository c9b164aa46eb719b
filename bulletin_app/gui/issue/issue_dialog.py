"""Create an issue or edit its details: number, date, period, title, cover photo,
circulation notice and the editorial letter ("Thư ngỏ")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from bulletin_app.domain.article import Asset
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import ValidationError
from bulletin_app.domain.issue import EDITORIAL_SECTION_NAME, Issue
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.services import Services
from bulletin_app.text import fold

COVER_THUMB = QSize(112, 84)
AssetRole = Qt.ItemDataRole.UserRole + 1
ThumbnailRole = Qt.ItemDataRole.UserRole + 2  # True once the photo's own thumbnail is shown
IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif"


def cover_thumbnail(data: bytes, size: QSize = COVER_THUMB) -> QImage:
    """A small image of a photo, decoded at reduced size (fast for print-size JPEGs)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and full.width() > 0 and full.height() > 0:
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def editorial_of(issue: Issue | None) -> tuple[int, str] | None:
    """(article id, title) of the issue's editorial letter, if it has one."""
    if issue is None:
        return None
    for section in issue.sections:
        if fold(section.name) == fold(EDITORIAL_SECTION_NAME) and section.entries:
            return section.entries[0].article_id, section.entries[0].title
    return None


class IssueDialog(QDialog):
    """Modal; after ``exec()`` returns Accepted, ``issue_id``, ``changes`` and
    ``editorial_id`` (a letter created now, or the one to open) tell what happened."""

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        issue: Issue | None = None,
        focus: str | None = None,
        suggested_number: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.issue = issue
        self.issue_id: int | None = issue.id if issue else None
        self.changes = Changes()
        self.editorial_id: int | None = None
        self._closed = False
        self._open_after_save: int | None = None
        self._thumbs = TaskRunner(self)  # decoding photos must not hold up the library's writes
        self.setWindowTitle(self.tr("Số bản tin mới") if issue is None else self.tr("Thông tin số bản tin"))
        self.setMinimumWidth(620)
        self._build(suggested_number)
        self._load(issue)
        self._load_covers()
        self._focus(focus)

    # ---------------------------------------------------------------- layout
    def _build(self, suggested_number: int) -> None:
        self.number = QSpinBox()
        self.number.setRange(1, 9999)
        self.number.setValue(suggested_number)
        self.number.setToolTip(self.tr("Số thứ tự của bản tin trong năm"))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.date.setToolTip(self.tr("Ngày phát hành in trên trang bìa"))
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("ví dụ: Tháng 11–12/2026"))
        self.period.setToolTip(self.tr("Kỳ phát hành, in cạnh số bản tin"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("ví dụ: Số cuối năm 2026 (không bắt buộc)"))

        self.covers = QListWidget()
        self.covers.setViewMode(QListView.ViewMode.IconMode)
        self.covers.setFlow(QListView.Flow.LeftToRight)
        self.covers.setWrapping(False)
        self.covers.setMovement(QListView.Movement.Static)
        self.covers.setIconSize(COVER_THUMB)
        self.covers.setFixedHeight(COVER_THUMB.height() + 58)
        self.covers.setSpacing(4)
        self.covers.setToolTip(self.tr("Ảnh in trên trang bìa"))
        auto = QListWidgetItem(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView), self.tr("Ảnh đầu tiên")
        )
        auto.setData(AssetRole, "")
        auto.setToolTip(self.tr("Tự động: ảnh đầu tiên trong các tin bài của số"))
        self.covers.addItem(auto)
        self.covers.setCurrentItem(auto)
        self.cover_file = QPushButton(self.tr("Chọn ảnh từ tệp…"))
        self.cover_file.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.cover_file.setToolTip(self.tr("Đưa một ảnh vào thư viện và dùng làm ảnh bìa"))
        self.cover_file.clicked.connect(self.choose_cover_file)
        cover_widget = QWidget()  # a widget, so that the label's Alt+B mnemonic has a buddy
        cover_box = QVBoxLayout(cover_widget)
        cover_box.setContentsMargins(0, 0, 0, 0)
        cover_box.addWidget(self.covers)
        cover_row = QHBoxLayout()
        cover_row.addWidget(self.cover_file)
        cover_row.addStretch(1)
        cover_box.addLayout(cover_row)

        self.notice = QLineEdit()
        self.notice.setPlaceholderText(self.tr("Để trống: theo thông tin xuất bản (“Lưu hành nội bộ”)"))
        self.notice.setToolTip(self.tr("Dòng in ở chân trang bìa và cuối trang cuối"))

        self.edition = QComboBox()
        for value, label in (
            ("vi", self.tr("Tiếng Việt")),
            ("en", self.tr("Tiếng Anh")),
            ("bilingual", self.tr("Song ngữ Việt – Anh")),
        ):
            self.edition.addItem(label, value)
        self.edition.setToolTip(self.tr("Ngôn ngữ in của số: bản tiếng Anh của mỗi tin là bản dịch đã nối với nó"))
        self.arrangement = QComboBox()
        self.arrangement.addItem(self.tr("Phần tiếng Việt, rồi phần tiếng Anh"), "parts")
        self.arrangement.addItem(self.tr("Mỗi tin kèm bản dịch ngay sau"), "interleaved")
        self.edition.currentIndexChanged.connect(
            lambda: self.arrangement.setEnabled(self.edition.currentData() == "bilingual")
        )
        self.arrangement.setEnabled(False)

        self.editorial_label = QLabel()
        self.editorial_label.setWordWrap(True)
        self.write_editorial = QCheckBox(self.tr("Tạo bài “Thư ngỏ” và mở để viết"))
        self.open_editorial = QPushButton(self.tr("Mở thư ngỏ"))
        self.open_editorial.setToolTip(self.tr("Lưu thông tin số và mở thư ngỏ trong trình soạn tin bài"))
        self.open_editorial.clicked.connect(self._open_editorial)
        editorial_widget = QWidget()
        editorial_box = QVBoxLayout(editorial_widget)
        editorial_box.setContentsMargins(0, 0, 0, 0)
        editorial_box.addWidget(self.editorial_label)
        editorial_box.addWidget(self.write_editorial)
        editorial_row = QHBoxLayout()
        editorial_row.addWidget(self.open_editorial)
        editorial_row.addStretch(1)
        editorial_box.addLayout(editorial_row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Số:"), self.number)
        form.addRow(self.tr("&Ngày phát hành:"), self.date)
        form.addRow(self.tr("&Kỳ:"), self.period)
        form.addRow(self.tr("&Tên số:"), self.title)
        form.addRow(self.tr("Ảnh &bìa:"), cover_widget)
        form.addRow(self.tr("Dòng &lưu hành:"), self.notice)
        form.addRow(self.tr("Ấ&n bản:"), self.edition)
        form.addRow(self.tr("Cách xếp song ngữ:"), self.arrangement)
        form.addRow(self.tr("Thư ngỏ:"), editorial_widget)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Tạo số") if self.issue is None else self.tr("Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for a, b in (
            (self.number, self.date),
            (self.date, self.period),
            (self.period, self.title),
            (self.title, self.covers),
            (self.covers, self.cover_file),
            (self.cover_file, self.notice),
            (self.notice, self.edition),
            (self.edition, self.arrangement),
            (self.arrangement, self.write_editorial),
            (self.write_editorial, self.open_editorial),
        ):
            self.setTabOrder(a, b)

    def _load(self, issue: Issue | None) -> None:
        editorial = editorial_of(issue)
        if issue is not None:
            self.number.setValue(issue.number)
            self.date.setDate(QDate(issue.date.year, issue.date.month, issue.date.day))
            self.period.setText(issue.period_label)
            self.title.setText(issue.title)
            self.notice.setText(issue.circulation_notice)
            self.edition.setCurrentIndex(max(0, self.edition.findData(issue.edition)))
            self.arrangement.setCurrentIndex(max(0, self.arrangement.findData(issue.arrangement)))
        if editorial is not None:
            self.editorial_label.setText(self.tr("Số này có thư ngỏ “{title}”.").format(title=editorial[1]))
            self.write_editorial.setVisible(False)
        else:
            self.editorial_label.setText(self.tr("Số này chưa có thư ngỏ."))
            self.write_editorial.setChecked(issue is None)
            self.open_editorial.setVisible(False)

    def _focus(self, field: str | None) -> None:
        widgets: dict[str, QWidget] = {
            "issue.number": self.number,
            "issue.date": self.date,
            "issue.period_label": self.period,
            "issue.title": self.title,
            "issue.cover_asset": self.covers,
            "issue.circulation_notice": self.notice,
        }
        (widgets.get(field or "") or self.number).setFocus()

    # ---------------------------------------------------------------- cover photos
    def _load_covers(self) -> None:
        issue_id = self.issue.id if self.issue else None
        self._thumbs.run(
            lambda: self.services.issues.cover_candidates(issue_id),
            self._got_candidates,
            lambda exc: None if self._closed else show_error(self, exc),
        )

    def _got_candidates(self, assets: list[Asset]) -> None:
        if self._closed:
            return
        for asset in assets:
            self._add_cover(asset, select=bool(self.issue) and asset.ref == self.issue.cover_asset)

    def _add_cover(self, asset: Asset, select: bool) -> QListWidgetItem:
        for row in range(self.covers.count()):
            if self.covers.item(row).data(AssetRole) == asset.ref:
                item = self.covers.item(row)
                break
        else:
            item = QListWidgetItem(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon), asset.filename[:18])
            item.setData(AssetRole, asset.ref)
            item.setToolTip(
                self.tr("{name}\n{w} × {h} điểm ảnh").format(name=asset.filename, w=asset.width, h=asset.height)
            )
            self.covers.addItem(item)
            self._thumbs.run(
                lambda: None if self._closed else cover_thumbnail(self.services.assets.data(asset)),
                lambda image: self._set_thumbnail(asset.ref, image),
                lambda _exc: None,  # the item keeps its generic icon
            )
        if select:
            self.covers.setCurrentItem(item)
            self.covers.scrollToItem(item)
        return item

    def _set_thumbnail(self, ref: str, image: QImage | None) -> None:
        if self._closed or image is None or image.isNull():
            return
        for row in range(self.covers.count()):
            item = self.covers.item(row)
            if item.data(AssetRole) == ref:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
                item.setData(ThumbnailRole, True)

    def choose_cover_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn ảnh bìa"), str(Path.home()), self.tr("Ảnh ({patterns})").format(patterns=IMAGE_FILTER)
        )
        if name:
            self.add_cover_file(Path(name))

    def add_cover_file(self, path: Path) -> None:
        self.cover_file.setEnabled(False)

        def done(asset: Asset) -> None:
            self.cover_file.setEnabled(True)
            self._add_cover(asset, select=True)

        def failed(exc: BaseException) -> None:
            self.cover_file.setEnabled(True)
            show_error(self, exc)

        self.tasks.run(lambda: self.services.assets.add_file(path)[0], done, failed)

    def cover_ref(self) -> str:
        item = self.covers.currentItem()
        return str(item.data(AssetRole) or "") if item else ""

    # ---------------------------------------------------------------- saving
    def values(self) -> dict[str, object]:
        qdate = self.date.date()
        return {
            "number": self.number.value(),
            "date": dt.date(qdate.year(), qdate.month(), qdate.day()),
            "title": self.title.text(),
            "period_label": self.period.text(),
            "cover_asset": self.cover_ref(),
            "circulation_notice": self.notice.text(),
            "edition": self.edition.currentData(),
            "arrangement": self.arrangement.currentData(),
        }

    def save(self) -> None:
        values = self.values()
        issue = self.issue
        want_editorial = self.write_editorial.isVisible() and self.write_editorial.isChecked()
        issues = self.services.issues

        def job() -> tuple[int, Changes, int | None]:
            if issue is None:
                issue_id, changes = issues.create(**values)  # type: ignore[arg-type]
            else:
                issue_id, changes = issue.id, issues.update_details(issue.id, issue.version, **values)  # type: ignore[arg-type]
            editorial = None
            if want_editorial:
                editorial, more = issues.add_editorial(issue_id)
                changes |= more
            return issue_id, changes, editorial

        self.buttons.setEnabled(False)
        self.tasks.run(job, self._saved, self._save_failed)

    def _saved(self, result: tuple[int, Changes, int | None]) -> None:
        self.issue_id, self.changes, self.editorial_id = result
        self.editorial_id = self.editorial_id or self._open_after_save
        self.buttons.setEnabled(True)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_error(self, exc)
        if isinstance(exc, ValidationError):
            labels = {
                "Số": "issue.number",
                "Ngày phát hành": "issue.date",
                "Kỳ": "issue.period_label",
                "Tên số": "issue.title",
                "Ảnh bìa": "issue.cover_asset",
                "Dòng lưu hành": "issue.circulation_notice",
            }
            self._focus(labels.get(exc.field))

    def _open_editorial(self) -> None:
        editorial = editorial_of(self.issue)
        if editorial is not None:
            self._open_after_save = editorial[0]
            self.save()

    def done(self, result: int) -> None:
        self._closed = True
        self._thumbs.pool.clear()  # photos not yet decoded are not needed any more
        super().done(result)
