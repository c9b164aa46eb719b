"""The article editor's proofing panel: one row per finding with Sửa (fix) and Tìm (find)
buttons, and "fix all"; plus applying a fix inside a text document, undoably.

The panel only shows findings and asks for fixes through its signals; the editor decides
what to proof and applies the fixes to its fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from bulletin_app.domain.findings import Finding
from bulletin_app.gui.editor.proof_fixes import can_fix, fix_spans, utf16_offset


class FindingsPanel(QWidget):
    """The "Soát lỗi" tab."""

    fix_requested = Signal(str, str)  # kind, found: fix it everywhere
    find_requested = Signal(str)  # found: show it in the body
    fix_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings_box = QWidget()
        self.findings_layout = QVBoxLayout(self.findings_box)
        self.findings_layout.setContentsMargins(4, 4, 4, 4)
        self.findings_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.findings_box)
        self.finding_rows: list[tuple[QLabel, QPushButton | None]] = []
        self._shown_findings: list[Finding] | None = None
        self.fix_all_button = QPushButton(self.tr("Sửa tất cả lỗi sửa được"))
        self.fix_all_button.setToolTip(self.tr("Áp dụng mọi cách sửa được đề xuất (hoàn tác được bằng Ctrl+Z)"))
        self.fix_all_button.clicked.connect(lambda _c=False: self.fix_all_requested.emit())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.fix_all_button)

    def show_findings(self, findings: list[Finding]) -> bool:
        """Show ``findings``; False (and nothing rebuilt) when they are the ones on screen."""
        if findings == self._shown_findings:
            return False  # rebuilt only when something changed (this runs after every pause in typing)
        self._shown_findings = findings
        while self.findings_layout.count() > 1:
            item = self.findings_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.finding_rows = []
        fixable = 0
        for finding in findings:
            fixable += can_fix(finding.kind)
            self.findings_layout.insertWidget(self.findings_layout.count() - 1, self._finding_card(finding))
        if not findings:
            label = QLabel(self.tr("Không thấy lỗi nào."))
            self.findings_layout.insertWidget(0, label)
        self.fix_all_button.setEnabled(fixable > 0)
        return True

    def _finding_card(self, finding: Finding) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(card)
        row.setContentsMargins(6, 4, 4, 4)
        label = QLabel(finding.message)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(label, 1)
        buttons = QVBoxLayout()
        fix_button: QPushButton | None = None
        if can_fix(finding.kind):
            fix_button = QPushButton(self.tr("Sửa"))
            fix_button.setToolTip(self.tr("Sửa ngay trong bài (hoàn tác được bằng Ctrl+Z)"))
            fix_button.clicked.connect(lambda _c=False, f=finding: self.fix_requested.emit(f.kind, f.found))
            buttons.addWidget(fix_button)
        if finding.kind == "case-flip":
            find_button = QPushButton(self.tr("Tìm"))
            find_button.setToolTip(self.tr("Tìm chỗ này trong bài"))
            find_button.clicked.connect(lambda _c=False, f=finding: self.find_requested.emit(f.found))
            buttons.addWidget(find_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        self.finding_rows.append((label, fix_button))
        return card


def fix_document(document: QTextDocument, kind: str, found: str) -> int:
    """Apply a finding's fix throughout ``document`` as one undo step; returns how many places."""
    cursor = QTextCursor(document)
    count = 0
    block = document.firstBlock()
    cursor.beginEditBlock()
    while block.isValid():
        text = block.text()
        for start, end, replacement in reversed(fix_spans(kind, found, text)):
            a = block.position() + utf16_offset(text, start)
            b = block.position() + utf16_offset(text, end)
            probe = QTextCursor(document)
            probe.setPosition(a + 1)
            fmt = probe.charFormat()  # keep the formatting of the text being fixed
            cursor.setPosition(a)
            cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(replacement, fmt)
            count += 1
        block = block.next()
    cursor.endEditBlock()
    return count
