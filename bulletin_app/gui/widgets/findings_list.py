"""The one list of preflight findings (export dialog, issue composer): errors first, an icon per
level, a click or Enter goes to what a finding is about."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from bulletin_app.domain.findings import Finding

FindingRole = Qt.ItemDataRole.UserRole + 1


class FindingsList(QListWidget):
    """``finding_activated`` is emitted once per click, double click or Enter on a row."""

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.findings: list[Finding] = []
        self._last_activation: tuple[int, float] = (0, 0.0)
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)  # Enter, and the second half of a double click

    def show_findings(self, findings: list[Finding]) -> tuple[int, int]:
        """Shows ``findings``, errors first; returns (errors, warnings)."""
        self.findings = sorted(findings, key=lambda f: not f.is_error)
        self.clear()
        style = self.style()
        icons = {
            True: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            False: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for finding in self.findings:
            item = QListWidgetItem(icons[finding.is_error], finding.message)
            item.setData(FindingRole, finding)
            level = self.tr("Lỗi — phải sửa trước khi in") if finding.is_error else self.tr("Cảnh báo")
            target = finding.article_id or finding.field or finding.section
            hint = "\n" + self.tr("Nhấp để đến chỗ cần sửa.") if target else ""
            item.setToolTip(f"{level}: {finding.message}{hint}")
            self.addItem(item)
        errors = sum(f.is_error for f in self.findings)
        return errors, len(self.findings) - errors

    def _activate(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        # A double click reports a click and an activation: act once.
        now = time.monotonic()
        if self._last_activation[0] == id(item) and now - self._last_activation[1] < 0.5:
            return
        self._last_activation = (id(item), now)
        finding = item.data(FindingRole)
        if isinstance(finding, Finding):
            self.finding_activated.emit(finding)
