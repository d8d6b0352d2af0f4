"""The form of one indicator and year, generated from its catalog record (Forms panel).

What is shown comes from the catalog record and the store's ``Form``: the value with its unit
and the range it must lie in (the indicator's own range, else a sanity range by unit — the
same rule the workbook import applies: ``core.exports.workbook_layout.value_range``), the
assignment (department, data source, collection method, division of work, deadline), the
connotation (read only), the four texts (基本情况, 取得成效, 短板及成因, 提升措施及建议),
evidence files (stored with their SHA-1), previous years' values, and for indicators with a
computed spatial value that value and the cross-check against the department's figure.

The widget never writes: ``edited_form()`` returns the loaded ``Form`` with the user's edits
(the dock saves it), ``is_dirty()`` compares with what was loaded, ``validation()`` says
whether it can be saved and why not.
"""

import copy
import math
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd
from qgis.PyQt.QtCore import QDate, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.exports import workbook_layout as L
from ..core.i18n import tr, tr_noop
from ..core.store import schema as S
from ..core.store.base import StoreError
from ..core.store.forms import Evidence, Form, evidence_for

# every field the user edits, with its label (also used by the audit view and the conflict dialog)
FIELD_LABELS = {
    "value": tr_noop("Value"), "unit": tr_noop("Unit"), "source_type": tr_noop("Data source type"),
    "collection_method": tr_noop("Collection method"), "department": tr_noop("Responsible department"),
    "data_source": tr_noop("Data source"), "division": tr_noop("Division of work"), "deadline": tr_noop("Deadline"),
    "status": tr_noop("Status"), "connotation": tr_noop("Connotation"), "situation": tr_noop("Situation (基本情况)"),
    "achievements": tr_noop("Achievements (取得成效)"), "shortcomings": tr_noop("Shortcomings and causes (短板及成因)"),
    "measures": tr_noop("Measures and suggestions (提升措施及建议)"), "value_note": tr_noop("Note"),
    "note": tr_noop("Note"), "evidence": tr_noop("Evidence files"), "submitted_by": tr_noop("Submitted by"),
    "submitted_at": tr_noop("Submitted at"),
}
EDITABLE = ("value", "source_type", "collection_method", "department", "data_source", "division", "deadline",
            "status", "situation", "achievements", "shortcomings", "measures", "value_note", "evidence")
DIRECTION_LABELS = {"positive": tr_noop("higher is better"), "negative": tr_noop("lower is better"),
                    "interval": tr_noop("within an interval"), "constraint": tr_noop("binding limit")}
ORIGIN_LABELS = {"reported": tr_noop("Reported"), "computed": tr_noop("Computed")}
LIST_SEPARATOR = tr_noop(", ")
NO_DATE = QDate(1900, 1, 1)
INVALID_STYLE = "QLineEdit { background: #ffd9d9; border: 1px solid #c0392b; }"
ERROR_COLOR = "#c0392b"
WARNING_COLOR = "#b9770e"
OK_COLOR = "#1e8449"


def field_label(name: str) -> str:
    return tr(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def format_value(value) -> str:
    """A number for the value box: no thousands separators, no float noise ('' for none)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return format(float(value), ".10g")


def range_text(low: float, high: float, unit: str) -> str:
    unit = f" {unit}" if unit else ""
    if math.isfinite(low) and math.isfinite(high):
        return f"{low:g}–{high:g}{unit}"
    if math.isfinite(low):
        return f"≥ {low:g}{unit}"
    if math.isfinite(high):
        return f"≤ {high:g}{unit}"
    return tr("any number")


def parse_value(text: str, code: str, unit: str, name: str = "") -> Tuple[Optional[float], str, str]:
    """(value, error, warning) of what was typed in the value box. Empty = no value (None, '', '').
    A number followed by the indicator's own unit is accepted; another unit, text, or a value
    outside the range (``workbook_layout.value_range``) is an error naming what to do."""
    text = (text or "").strip()
    if not text:
        return None, "", ""
    parsed = L.parse_cell(text)
    if parsed.error:
        return None, tr("'{text}' is not a number; enter only the number in {unit}.").format(
            text=text, unit=unit or "—"), ""
    if parsed.suffix and parsed.suffix.replace(" ", "") != (unit or "").replace(" ", ""):
        return None, tr("Enter only the number in {unit} (without '{suffix}').").format(
            unit=unit or "—", suffix=parsed.suffix), ""
    value = parsed.value
    low, high = L.value_range(code, unit, name)
    if not low <= value <= high:
        return None, tr("{value} {unit} is outside the plausible range {range}; check the unit and the number.").format(
            value=format_value(value), unit=unit, range=range_text(low, high, unit)), ""
    warning = ""
    if unit in L.COUNT_UNITS and value != round(value):
        warning = tr("{value} {unit} is a count but not a whole number.").format(value=format_value(value), unit=unit)
    return value, "", warning


def difference_pct(spatial: Optional[float], department: Optional[float]) -> Optional[float]:
    """(department − spatial) / |spatial| in percent, as core.store.crosscheck computes it."""
    if spatial is None or department is None:
        return None
    if spatial == 0:
        return 0.0 if department == 0 else math.inf
    return (department - spatial) / abs(spatial) * 100.0


def _text_edit(parent, lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    edit.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


class IndicatorForm(QWidget):
    """Fields of one form. ``changed`` fires on every edit; ``message(text)`` reports a problem
    the dock shows in the message bar (an evidence file that cannot be read or opened)."""

    changed = pyqtSignal()
    message = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthIndicatorForm")
        self._loaded: Optional[Form] = None
        self._last_args = ()
        self._indicator = None
        self._evidence_base: Optional[Path] = None
        self._spatial_value: Optional[float] = None
        self._tolerance = 0.05
        self._loading = False
        self._error = ""
        self._build()
        self._connect()
        self.clear()

    # building ---------------------------------------------------------------------------
    def _build(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("CityHealthFormTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setWordWrap(True)
        layout.addWidget(self.subtitle_label)

        # value, range, cross-check, previous years
        value_box = QGroupBox(tr("Value"), self)
        value_layout = QVBoxLayout(value_box)
        row = QHBoxLayout()
        self.value_edit = QLineEdit(value_box)
        self.value_edit.setObjectName("CityHealthFormValue")
        self.value_edit.setClearButtonEnabled(True)
        self.unit_label = QLabel(value_box)
        self.range_label = QLabel(value_box)
        self.range_label.setStyleSheet("color: #666;")
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.unit_label)
        row.addWidget(self.range_label)
        value_layout.addLayout(row)
        self.value_message = QLabel(value_box)
        self.value_message.setWordWrap(True)
        self.value_message.hide()
        value_layout.addWidget(self.value_message)
        self.cross_label = QLabel(value_box)
        self.cross_label.setObjectName("CityHealthFormCrossCheck")
        self.cross_label.setWordWrap(True)
        self.cross_label.hide()
        value_layout.addWidget(self.cross_label)
        self.history_label = QLabel(tr("Previous years"), value_box)
        value_layout.addWidget(self.history_label)
        self.history_table = QTableWidget(0, 5, value_box)
        self.history_table.setObjectName("CityHealthFormHistory")
        self.history_table.setHorizontalHeaderLabels([tr("Year"), tr("Value"), tr("Origin"), tr("Source"),
                                                      tr("Entered by")])
        self.history_table.verticalHeader().hide()
        self.history_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history_table.setSelectionMode(QAbstractItemView.NoSelection)
        self.history_table.setAlternatingRowColors(True)
        header = self.history_table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        rows = self.history_table.fontMetrics().height() + 6
        self.history_table.verticalHeader().setDefaultSectionSize(rows)
        self.history_table.verticalHeader().setMinimumSectionSize(rows)
        self.history_table.setMaximumHeight(header.sizeHint().height() + rows * 4 + 4)
        value_layout.addWidget(self.history_table)
        layout.addWidget(value_box)

        # assignment
        task_box = QGroupBox(tr("Task assignment and source"), self)
        form = QFormLayout(task_box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.department_combo = QComboBox(task_box)
        self.department_combo.setEditable(True)
        self.department_combo.setInsertPolicy(QComboBox.NoInsert)
        self.department_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.department_combo.setMinimumContentsLength(10)
        self.source_type_combo = QComboBox(task_box)
        for key in S.SOURCE_TYPES:
            self.source_type_combo.addItem(tr(S.SOURCE_TYPE_LABELS[key]), key)
        self.method_combo = QComboBox(task_box)
        self.method_combo.addItem("—", "")
        for key in S.COLLECTION_METHODS:
            self.method_combo.addItem(tr(S.COLLECTION_METHOD_LABELS[key]), key)
        self.data_source_edit = QLineEdit(task_box)
        self.division_edit = _text_edit(task_box, 2)
        self.deadline_edit = QDateEdit(task_box)
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_edit.setMinimumDate(NO_DATE)
        self.deadline_edit.setSpecialValueText(tr("not set"))
        self.status_combo = QComboBox(task_box)
        for key in S.FORM_STATUSES:
            self.status_combo.addItem(tr(S.FORM_STATUS_LABELS[key]), key)
        status_row = QHBoxLayout()
        status_row.addWidget(self.deadline_edit, 1)
        status_row.addWidget(QLabel(tr("Status"), task_box))
        status_row.addWidget(self.status_combo, 1)
        form.addRow(tr("Responsible department"), self.department_combo)
        form.addRow(tr("Data source"), self.data_source_edit)
        kinds = QHBoxLayout()
        kinds.addWidget(self.method_combo, 1)
        kinds.addWidget(QLabel(tr("Data source type"), task_box))
        kinds.addWidget(self.source_type_combo, 1)
        form.addRow(tr("Collection method"), kinds)
        form.addRow(tr("Division of work"), self.division_edit)
        form.addRow(tr("Deadline"), status_row)
        self.connotation_view = _text_edit(task_box, 3)
        self.connotation_view.setReadOnly(True)
        self.connotation_view.setStyleSheet("QPlainTextEdit { background: palette(window); }")
        form.addRow(tr("Connotation"), self.connotation_view)
        layout.addWidget(task_box)

        # the texts of the report
        text_box = QGroupBox(tr("Assessment texts"), self)
        texts = QFormLayout(text_box)
        texts.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        texts.setRowWrapPolicy(QFormLayout.WrapAllRows)
        self.situation_edit = _text_edit(text_box, 2)
        self.achievements_edit = _text_edit(text_box, 3)
        self.shortcomings_edit = _text_edit(text_box, 3)
        self.measures_edit = _text_edit(text_box, 3)
        self.note_edit = QLineEdit(text_box)
        texts.addRow(tr("Situation (基本情况)"), self.situation_edit)
        texts.addRow(tr("Achievements (取得成效)"), self.achievements_edit)
        texts.addRow(tr("Shortcomings and causes (短板及成因)"), self.shortcomings_edit)
        texts.addRow(tr("Measures and suggestions (提升措施及建议)"), self.measures_edit)
        texts.addRow(tr("Note"), self.note_edit)
        layout.addWidget(text_box)

        # evidence
        evidence_box = QGroupBox(tr("Evidence files"), self)
        self.evidence_box = evidence_box
        evidence_layout = QVBoxLayout(evidence_box)
        self.evidence_list = QListWidget(evidence_box)
        self.evidence_list.setObjectName("CityHealthFormEvidence")
        self.evidence_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.evidence_list.setMaximumHeight(self.evidence_list.fontMetrics().lineSpacing() * 5 + 12)
        buttons = QHBoxLayout()
        self.add_evidence_button = QPushButton(tr("Add…"), evidence_box)
        self.remove_evidence_button = QPushButton(tr("Remove"), evidence_box)
        self.open_evidence_button = QPushButton(tr("Open"), evidence_box)
        buttons.addWidget(self.add_evidence_button)
        buttons.addWidget(self.remove_evidence_button)
        buttons.addWidget(self.open_evidence_button)
        buttons.addStretch(1)
        evidence_layout.addWidget(self.evidence_list)
        evidence_layout.addLayout(buttons)
        layout.addWidget(evidence_box)
        layout.addStretch(1)

    def _connect(self):
        self.value_edit.textChanged.connect(self._on_value_text)
        for edit in (self.data_source_edit, self.note_edit):
            edit.textChanged.connect(self._emit_changed)
        for edit in (self.division_edit, self.situation_edit, self.achievements_edit, self.shortcomings_edit,
                     self.measures_edit):
            edit.textChanged.connect(self._emit_changed)
        self.department_combo.editTextChanged.connect(self._emit_changed)
        for combo in (self.source_type_combo, self.method_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._emit_changed)
        self.deadline_edit.dateChanged.connect(self._emit_changed)
        self.add_evidence_button.clicked.connect(lambda: self.add_evidence())
        self.remove_evidence_button.clicked.connect(self.remove_selected_evidence)
        self.open_evidence_button.clicked.connect(lambda: self.open_evidence())
        self.evidence_list.itemDoubleClicked.connect(lambda item: self.open_evidence(item))
        self.evidence_list.itemSelectionChanged.connect(self._update_evidence_buttons)

    def _emit_changed(self, *_args):
        if not self._loading:
            self.changed.emit()

    # loading ----------------------------------------------------------------------------
    def clear(self):
        """No form: everything empty and disabled."""
        self._loading = True
        try:
            self._loaded = None
            self._indicator = None
            self.title_label.setText(tr("Pick an indicator in the tree to fill in its form."))
            self.subtitle_label.clear()
            for edit in (self.value_edit, self.data_source_edit, self.note_edit):
                edit.clear()
            for edit in (self.division_edit, self.situation_edit, self.achievements_edit, self.shortcomings_edit,
                         self.measures_edit, self.connotation_view):
                edit.clear()
            self.unit_label.clear()
            self.range_label.clear()
            self.cross_label.hide()
            self.history_table.setRowCount(0)
            self.evidence_list.clear()
            self._set_enabled(False)
        finally:
            self._loading = False
        self._validate()

    def _set_enabled(self, enabled: bool):
        for widget in (self.value_edit, self.department_combo, self.source_type_combo, self.method_combo,
                       self.data_source_edit, self.division_edit, self.deadline_edit, self.status_combo,
                       self.situation_edit, self.achievements_edit, self.shortcomings_edit, self.measures_edit,
                       self.note_edit, self.evidence_list, self.add_evidence_button):
            widget.setEnabled(enabled)
        self._update_evidence_buttons()

    def set_form(self, form: Form, indicator=None, departments: Sequence[str] = (),
                 history: Optional[pd.DataFrame] = None, cross: Optional[dict] = None, tolerance: float = 0.05,
                 evidence_base: Optional[Path] = None, language: str = "zh") -> None:
        """Show ``form`` (as read from the store). ``cross``: the store's cross-check row of the
        indicator (spatial_value, department_value, difference_pct, flag) or None; ``tolerance``
        a fraction (0.05 = 5 %)."""
        self._last_args = (form, indicator, departments, history, cross, tolerance, evidence_base, language)
        self._loading = True
        try:
            self._loaded = copy.deepcopy(form)
            self._indicator = indicator
            self._evidence_base = Path(evidence_base) if evidence_base else None
            self._tolerance = float(tolerance)
            unit = form.unit or (indicator.unit if indicator is not None else "")
            name = indicator.name(language) if indicator is not None else form.code
            self.title_label.setText(f"{form.code} {name}  ·  {form.year}")
            parts = []
            if indicator is not None:
                from .indicator_tree import level1_title, level2_title

                parts.append(f"{level1_title(indicator.level1)} › {level2_title(indicator.level2)}")
                if indicator.direction in DIRECTION_LABELS:
                    parts.append(tr(DIRECTION_LABELS[indicator.direction]))
                if indicator.is_spatial:
                    parts.append(tr("computed from spatial data"))
            if form.version:
                parts.append(tr("saved by {by} at {at}").format(by=form.updated_by or "?", at=local_time(form.updated_at)))
            else:
                parts.append(tr("not saved yet"))
            self.subtitle_label.setText("  ·  ".join(parts))
            self.value_edit.setText(format_value(form.value))
            self.unit_label.setText(unit or "—")
            low, high = L.value_range(form.code, unit, indicator.name_zh if indicator is not None else "")
            self.range_label.setText(tr("range {range}").format(range=range_text(low, high, "")))
            self.range_label.setToolTip(tr("A value must lie in {range}.").format(range=range_text(low, high, unit)))
            self._set_combo(self.source_type_combo, form.source_type or "statistic")
            self._set_combo(self.method_combo, form.collection_method or "")
            self._set_combo(self.status_combo, form.status or "draft")
            self.department_combo.clear()
            names = [d for d in dict.fromkeys(list(departments) + [form.department]) if d]
            self.department_combo.addItems(names)
            self.department_combo.setEditText(form.department or "")
            self.data_source_edit.setText(form.data_source or "")
            self.division_edit.setPlainText(form.division or "")
            date = QDate.fromString(form.deadline or "", "yyyy-MM-dd")
            self.deadline_edit.setDate(date if date.isValid() else NO_DATE)
            self.connotation_view.setPlainText(form.connotation or (indicator.formula_zh if indicator else ""))
            self.situation_edit.setPlainText(form.situation or "")
            self.achievements_edit.setPlainText(form.achievements or "")
            self.shortcomings_edit.setPlainText(form.shortcomings or "")
            self.measures_edit.setPlainText(form.measures or "")
            self.note_edit.setText(form.value_note or "")
            self._set_evidence(form.evidence)
            self._show_history(history, form.year, unit)
            self._spatial_value = form.computed_value
            if cross is not None and cross.get("spatial_value") is not None:
                self._spatial_value = float(cross["spatial_value"])
            self._set_enabled(True)
        finally:
            self._loading = False
        self._validate()

    def revert(self) -> None:
        """Back to the form as loaded (the edits are dropped)."""
        if self._loaded is not None:
            self.set_form(*self._last_args)

    @staticmethod
    def _set_combo(combo: QComboBox, key: str):
        index = combo.findData(key)
        if index < 0:
            combo.addItem(key, key)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def _set_evidence(self, items: Sequence[Evidence]):
        self.evidence_list.clear()
        for evidence in items:
            self._add_evidence_item(evidence)
        self._update_evidence_title()

    def _add_evidence_item(self, evidence: Evidence):
        item = QListWidgetItem(Path(evidence.path).name or evidence.path)
        item.setData(Qt.UserRole, evidence)
        resolved = self.resolve(evidence.path)
        lines = [evidence.path, tr("SHA-1: {sha1}").format(sha1=evidence.sha1 or "—")]
        if resolved is None or not resolved.is_file():
            item.setForeground(QColor(ERROR_COLOR))
            lines.append(tr("The file is not found at this path."))
        item.setToolTip("\n".join(lines))
        self.evidence_list.addItem(item)

    def _update_evidence_title(self):
        self.evidence_box.setTitle(tr("Evidence files ({n})").format(n=self.evidence_list.count()))

    def _show_history(self, history: Optional[pd.DataFrame], year: int, unit: str):
        rows = history[history["year"] < int(year)] if history is not None and len(history) else None
        self.history_table.setRowCount(0)
        if rows is None or not len(rows):
            self.history_label.setText(tr("Previous years: no values yet."))
            self.history_table.hide()
            return
        self.history_label.setText(tr("Previous years"))
        self.history_table.show()
        rows = rows.sort_values(["year", "origin"], ascending=[False, False])
        self.history_table.setRowCount(len(rows))
        for r, record in enumerate(rows.to_dict("records")):
            value = record.get("value")
            value_text = "" if value is None or pd.isna(value) else L.format_number(float(value))
            source = record.get("source_type") or ""
            cells = [str(int(record["year"])), f"{value_text} {record.get('unit') or unit or ''}".strip(),
                     tr(ORIGIN_LABELS.get(record.get("origin"), record.get("origin") or "")),
                     tr(S.SOURCE_TYPE_LABELS[source]) if source in S.SOURCE_TYPE_LABELS else source,
                     _text(record.get("computed_by"))]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(int(Qt.AlignRight | Qt.AlignVCenter))
                self.history_table.setItem(r, c, item)

    # editing ----------------------------------------------------------------------------
    def resolve(self, path: str) -> Optional[Path]:
        """An evidence path as a file path (relative paths start at the database folder)."""
        if not path:
            return None
        target = Path(path)
        if not target.is_absolute() and self._evidence_base is not None:
            target = self._evidence_base / target
        return target

    def add_evidence(self, paths: Optional[Sequence[str]] = None) -> List[Evidence]:
        """Attach files (a file dialog when ``paths`` is None); each is stored with its SHA-1,
        relative to the database folder when it lies inside it."""
        if self._loaded is None:
            return []
        if paths is None:
            start = str(self._evidence_base) if self._evidence_base else ""
            paths, _ = QFileDialog.getOpenFileNames(self, tr("Evidence files"), start, tr("All files (*)"))
        added = []
        known = {item.path for item in self.evidence()}
        for path in paths or []:
            stored = self._stored_path(Path(path))
            if stored in known:
                continue
            try:
                evidence = evidence_for(stored, self._evidence_base)
            except (StoreError, OSError) as error:
                self.message.emit(str(error))
                continue
            self._add_evidence_item(evidence)
            known.add(stored)
            added.append(evidence)
        if added:
            self._update_evidence_title()
            self._emit_changed()
        return added

    def _stored_path(self, path: Path) -> str:
        if self._evidence_base is not None:
            try:
                return str(path.resolve().relative_to(self._evidence_base.resolve()))
            except ValueError:
                pass
        return str(path)

    def remove_selected_evidence(self):
        rows = sorted({self.evidence_list.row(item) for item in self.evidence_list.selectedItems()}, reverse=True)
        for row in rows:
            self.evidence_list.takeItem(row)
        if rows:
            self._update_evidence_title()
            self._emit_changed()

    def open_evidence(self, item: Optional[QListWidgetItem] = None) -> bool:
        item = item or self.evidence_list.currentItem()
        if item is None:
            return False
        evidence = item.data(Qt.UserRole)
        target = self.resolve(evidence.path)
        if target is None or not target.is_file():
            self.message.emit(tr("Evidence file not found: {path}.").format(path=target or evidence.path))
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _update_evidence_buttons(self):
        has = bool(self.evidence_list.selectedItems()) and self.evidence_list.isEnabled()
        self.remove_evidence_button.setEnabled(has)
        self.open_evidence_button.setEnabled(has)

    def evidence(self) -> List[Evidence]:
        return [self.evidence_list.item(i).data(Qt.UserRole) for i in range(self.evidence_list.count())]

    # state ------------------------------------------------------------------------------
    @property
    def loaded(self) -> Optional[Form]:
        return self._loaded

    def code(self) -> Optional[str]:
        return self._loaded.code if self._loaded is not None else None

    def unit(self) -> str:
        if self._loaded is None:
            return ""
        return self._loaded.unit or (self._indicator.unit if self._indicator is not None else "")

    def parsed_value(self) -> Tuple[Optional[float], str, str]:
        if self._loaded is None:
            return None, "", ""
        name = self._indicator.name_zh if self._indicator is not None else ""
        return parse_value(self.value_edit.text(), self._loaded.code, self.unit(), name)

    def field_values(self) -> Dict[str, object]:
        """What the widgets hold, by Form field (the value parsed: None when empty or invalid)."""
        value, _error, _warning = self.parsed_value()
        date = self.deadline_edit.date()
        return {
            "value": value, "source_type": self.source_type_combo.currentData() or "statistic",
            "collection_method": self.method_combo.currentData() or "",
            "department": self.department_combo.currentText().strip(),
            "data_source": self.data_source_edit.text().strip(),
            "division": self.division_edit.toPlainText().strip(),
            "deadline": "" if date == NO_DATE else date.toString("yyyy-MM-dd"),
            "status": self.status_combo.currentData() or "draft",
            "situation": self.situation_edit.toPlainText().strip(),
            "achievements": self.achievements_edit.toPlainText().strip(),
            "shortcomings": self.shortcomings_edit.toPlainText().strip(),
            "measures": self.measures_edit.toPlainText().strip(),
            "value_note": self.note_edit.text().strip(),
            "evidence": self.evidence(),
        }

    def edited_fields(self) -> List[str]:
        """The fields whose widget differs from the loaded form."""
        if self._loaded is None:
            return []
        values = self.field_values()
        out = []
        for name in EDITABLE:
            if name == "value":
                if self.value_edit.text().strip() == format_value(self._loaded.value):
                    continue
                if self._error or not _same_number(values["value"], self._loaded.value):
                    out.append(name)
            elif name == "evidence":
                if [e.path for e in values["evidence"]] != [e.path for e in self._loaded.evidence]:
                    out.append(name)
            elif (values[name] or "") != self._loaded_text(name):
                out.append(name)
        return out

    def _loaded_text(self, name: str) -> str:
        """A loaded field as its widget shows it (defaults filled in, deadline normalised)."""
        value = (getattr(self._loaded, name) or "").strip()
        if name == "source_type":
            return value or "statistic"
        if name == "status":
            return value or "draft"
        if name == "deadline":
            date = QDate.fromString(value, "yyyy-MM-dd")
            return date.toString("yyyy-MM-dd") if date.isValid() else ""
        return value

    def is_dirty(self) -> bool:
        return bool(self.edited_fields())

    def edited_form(self) -> Optional[Form]:
        """The loaded form with the user's edits applied (only the edited fields change)."""
        if self._loaded is None:
            return None
        form = copy.deepcopy(self._loaded)
        values = self.field_values()
        for name in self.edited_fields():
            setattr(form, name, values[name])
        if form.value is not None and not form.unit:
            form.unit = self.unit()
        return form

    def apply_fields(self, form: Form, fields: Sequence[str]) -> None:
        """Put ``fields`` of ``form`` into the widgets (after a reload: the user's edits on top of
        the database's current version)."""
        self._loading = True
        try:
            for name in fields:
                value = getattr(form, name)
                if name == "value":
                    self.value_edit.setText(format_value(value))
                elif name == "evidence":
                    self._set_evidence(value)
                elif name == "source_type":
                    self._set_combo(self.source_type_combo, value or "statistic")
                elif name == "collection_method":
                    self._set_combo(self.method_combo, value or "")
                elif name == "status":
                    self._set_combo(self.status_combo, value or "draft")
                elif name == "department":
                    self.department_combo.setEditText(value or "")
                elif name == "deadline":
                    date = QDate.fromString(value or "", "yyyy-MM-dd")
                    self.deadline_edit.setDate(date if date.isValid() else NO_DATE)
                else:
                    widget = {"data_source": self.data_source_edit, "value_note": self.note_edit,
                              "division": self.division_edit, "situation": self.situation_edit,
                              "achievements": self.achievements_edit, "shortcomings": self.shortcomings_edit,
                              "measures": self.measures_edit}[name]
                    if isinstance(widget, QPlainTextEdit):
                        widget.setPlainText(value or "")
                    else:
                        widget.setText(value or "")
        finally:
            self._loading = False
        self._validate()
        self.changed.emit()

    def validation(self) -> Tuple[bool, str]:
        """(can be saved, why not)."""
        if self._loaded is None:
            return False, tr("No form is open.")
        if self._error:
            return False, self._error
        return True, ""

    # value checks -----------------------------------------------------------------------
    def _on_value_text(self, _text):
        self._validate()
        self._emit_changed()

    def _validate(self):
        value, error, warning = self.parsed_value()
        self._error = error
        self.value_edit.setStyleSheet(INVALID_STYLE if error else "")
        self.value_edit.setToolTip(error)
        if error or warning:
            self.value_message.setText(error or warning)
            self.value_message.setStyleSheet(f"color: {ERROR_COLOR if error else WARNING_COLOR};")
            self.value_message.show()
        else:
            self.value_message.hide()
        self._show_cross_check(None if error else value)

    def _show_cross_check(self, department: Optional[float]):
        spatial = self._spatial_value
        if self._loaded is None or spatial is None:
            self.cross_label.hide()
            return
        unit = self.unit()
        text = tr("Computed from spatial data: {value} {unit}.").format(value=L.format_number(spatial), unit=unit)
        pct = difference_pct(spatial, department)
        color = "#444"
        if pct is not None:
            flagged = abs(pct) > self._tolerance * 100.0 + 1e-9
            shown = "∞" if math.isinf(pct) else f"{pct:+.1f}"
            if flagged:
                text += _sep(text) + tr("The department's figure differs by {pct} % — more than the {tolerance} % tolerance: "
                                 "check both sources (多源校核).").format(pct=shown,
                                                                     tolerance=f"{self._tolerance * 100:g}")
                color = ERROR_COLOR
            else:
                text += _sep(text) + tr("The department's figure differs by {pct} % (within {tolerance} %).").format(
                    pct=shown, tolerance=f"{self._tolerance * 100:g}")
                color = OK_COLOR
        else:
            text += _sep(text) + tr("Enter the department's figure to cross-check it.")
        self.cross_label.setText(text)
        self.cross_label.setStyleSheet(f"color: {color};")
        self.cross_label.setProperty("flagged", color == ERROR_COLOR)
        self.cross_label.show()

    def cross_check_flagged(self) -> bool:
        return bool(self.cross_label.isVisibleTo(self) and self.cross_label.property("flagged"))


def _sep(text: str) -> str:
    """Between two sentences: nothing after a Chinese full stop, else a space."""
    return "" if text.endswith(("。", "；", "：")) else " "


def join_list(items) -> str:
    """A list in running text ('a, b' / 'a、b')."""
    return tr(LIST_SEPARATOR).join(items)


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return float(a) == float(b)


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def local_time(iso: str) -> str:
    """A stored UTC time (2026-11-27T21:24:56Z) in local time for display."""
    from qgis.PyQt.QtCore import QDateTime

    if not iso:
        return "?"
    moment = QDateTime.fromString(iso, Qt.ISODate)
    if not moment.isValid():
        return iso
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm")
