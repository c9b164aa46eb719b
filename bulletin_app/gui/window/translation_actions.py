"""The main window's translation actions: the translator's package out (selected articles or
the open issue) and back in (progress, then a report per article), and the side-by-side view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from bulletin_app.domain.changes import Changes
from bulletin_app.gui.background.tasks import TaskRunner
from bulletin_app.gui.editor.translation_view import TranslationDialog
from bulletin_app.gui.widgets.errors import show_error
from bulletin_app.services import Services
from bulletin_app.services.progress import Progress
from bulletin_app.services.translations import PackageReport, PackageWritten


class TranslationActions(QObject):
    def __init__(
        self,
        window: QWidget,
        services: Services,
        tasks: TaskRunner,
        apply_changes: Callable[[Changes], None],
        open_article: Callable[[int], None],
        current_issue_id: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.window, self.services, self.tasks = window, services, tasks
        self.apply_changes, self.open_article, self.current_issue_id = apply_changes, open_article, current_issue_id
        self.import_action = QAction(self.tr("Nhập &gói dịch…"), self)
        self.import_action.setToolTip(
            self.tr("Đọc gói dịch đã điền (DOCX hoặc XLIFF): tạo hoặc cập nhật bản tiếng Anh")
        )
        self.import_action.triggered.connect(self.import_package)
        self.export_issue_action = QAction(self.tr("Xuất gói &dịch của số…"), self)
        self.export_issue_action.setToolTip(self.tr("Các tin tiếng Việt của số đang mở, thành gói cho người dịch"))
        self.export_issue_action.triggered.connect(self.export_issue)

    # ---------------------------------------------------------------- out
    def export_articles(self, article_ids: list[int]) -> None:
        if not article_ids:
            return
        dest, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Xuất gói dịch"),
            str(Path.home() / "goi-dich.docx"),
            self.tr("Bảng Word cho người dịch (*.docx);;XLIFF 1.2 cho phần mềm dịch (*.xlf)"),
        )
        if not dest:
            return
        path = Path(dest)
        if path.suffix.lower() not in (".docx", ".xlf", ".xliff"):
            path = path.with_suffix(".xlf" if "xlf" in chosen else ".docx")
        self.tasks.run(
            lambda: self.services.translations.export_package(article_ids, path),
            self._written,
            lambda exc: show_error(self.window, exc),
        )

    def export_issue(self) -> None:
        issue_id = self.current_issue_id()
        if issue_id is None:
            QMessageBox.information(self.window, self.tr("Gói dịch"), self.tr("Chưa có số bản tin nào đang mở."))
            return
        self.tasks.run(
            lambda: self.services.translations.originals_of_issue(issue_id),
            self.export_articles,
            lambda exc: show_error(self.window, exc),
        )

    def _written(self, written: PackageWritten) -> None:
        QMessageBox.information(
            self.window,
            self.tr("Gói dịch"),
            self.tr("Đã xuất {articles} tin bài ({units} đoạn cần dịch) vào\n{path}").format(
                articles=written.articles, units=written.units, path=written.path
            ),
        )

    # ---------------------------------------------------------------- in
    def import_package(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Nhập gói dịch"),
                str(Path.home()),
                self.tr("Gói dịch (*.docx *.xlf *.xliff)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        progress = QProgressDialog(self.tr("Đang nhập bản dịch…"), self.tr("Hủy"), 0, 0, self.window)
        progress.setWindowTitle(self.tr("Nhập gói dịch"))
        progress.setMinimumDuration(500)

        def on_progress(step: Progress) -> None:
            progress.setMaximum(step.total)
            progress.setValue(step.done)

        def done(report: PackageReport) -> None:
            progress.close()
            self.apply_changes(report.changes)
            self.show_report(report)

        def failed(exc: BaseException) -> None:
            progress.close()
            show_error(self.window, exc)

        token = self.tasks.run_with_progress(
            lambda report_progress, cancel: self.services.translations.import_package(path, report_progress, cancel),
            on_progress,
            done,
            failed,
            progress.close,
        )
        progress.canceled.connect(token.cancel)

    def show_report(self, report: PackageReport) -> QMessageBox:
        words = {
            "created": self.tr("tạo mới"),
            "updated": self.tr("cập nhật"),
            "untouched": self.tr("không đổi"),
            "problem": self.tr("có vấn đề"),
        }
        lines = [f"! {p}" for p in report.problems]
        for a in report.articles:
            partner = self.tr(" → bản tiếng Anh số {id}").format(id=a.translation_id) if a.translation_id else ""
            lines.append(f"{a.original_id}: {words[a.outcome]}{partner} — {a.title}")
            if a.untranslated:
                lines.append(self.tr("    chưa dịch {n} đoạn").format(n=len(a.untranslated)))
            lines += [f"    ! {p}" for p in a.problems]
        box = QMessageBox(self.window)
        box.setWindowTitle(self.tr("Nhập gói dịch"))
        box.setText(
            self.tr("Tạo mới {created}, cập nhật {updated}, không đổi {untouched}, có vấn đề {problem}.").format(
                created=report.count("created"),
                updated=report.count("updated"),
                untouched=report.count("untouched"),
                problem=report.count("problem"),
            )
        )
        box.setDetailedText("\n".join(lines))
        box.setIcon(
            QMessageBox.Icon.Warning if report.count("problem") or report.problems else QMessageBox.Icon.Information
        )
        box.show()
        return box

    # ---------------------------------------------------------------- side by side
    def side_by_side(self, article_id: int) -> TranslationDialog:
        dialog = TranslationDialog(self.services, article_id, self.window)
        dialog.saved.connect(self.apply_changes)
        dialog.openArticle.connect(self.open_article)
        dialog.show()
        return dialog
