"""Import a filled department workbook: preview (old → new per cell), validation report, apply.

    preview = preview_workbook(store, "填报表_市水利局.xlsx", 2024)
    preview.problems      # Problem(rule, severity, sheet, cell, code, message), each naming its cell
    preview.changes       # DataFrame sheet, cell, code, name, field, old, new
    if preview.ok: apply_workbook(store, preview, by="市水利局 张三")   # one transaction, or nothing

Rules (``RULES``): wrong unit (unit column edited, or a number typed with another unit), text in
a number cell, out of range (the indicator's range or a sanity range by unit), unknown indicator
code (or not this department's), duplicate rows, edited locked columns (checked against the
checksum in the hidden metadata, or against the catalog for CSV), wrong year, wrong department,
a changed header, a damaged metadata sheet, an invalid drop-down choice, and a conflict (the
database changed that indicator after the workbook was exported). Warnings (not blocking):
unusual change against the previous year, non-integer counts, missing evidence files, the CSV
encoding used. CSV exports of the data sheet (UTF-8 or GBK) are accepted; they carry no
metadata, so cells are compared with the catalog and with the database.
"""

import copy
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import pandas as pd

from ..i18n import tr, tr_noop
from ..indicators.units import UnitError, parse_unit
from ..store import schema as S
from ..store.base import StoreError
from ..store.forms import Evidence, Form, file_sha1
from . import workbook_layout as L
from .workbook_read import Grid, WorkbookError, read_grid

RULES = {
    "wrong_unit": tr_noop("Wrong unit"), "text_in_number": tr_noop("Text in a number cell"),
    "out_of_range": tr_noop("Out of range"), "unknown_code": tr_noop("Unknown indicator code"),
    "duplicate_row": tr_noop("Duplicate row"), "locked_edited": tr_noop("Locked column edited"),
    "wrong_year": tr_noop("Wrong year"), "wrong_department": tr_noop("Wrong department"),
    "header": tr_noop("Header changed"), "metadata": tr_noop("Metadata missing or damaged"),
    "bad_choice": tr_noop("Not a drop-down choice"), "conflict": tr_noop("Changed in the database since export"),
    "encoding": tr_noop("CSV encoding"), "unusual_change": tr_noop("Unusual change"),
    "not_integer": tr_noop("Count is not a whole number"), "evidence_missing": tr_noop("Evidence file not found"),
    "unreadable": tr_noop("File not readable"),
}
SEVERITIES = {"error": tr_noop("error"), "warning": tr_noop("warning"), "info": tr_noop("info")}
TEXT_FIELDS = ("data_source", "situation", "achievements", "shortcomings", "measures", "submitted_by", "note")


class ImportRejected(StoreError):
    """A workbook with errors: nothing was written."""


@dataclass
class Problem:
    rule: str
    severity: str  # 'error' | 'warning' | 'info'
    sheet: str
    cell: str
    code: str
    message: str

    def __str__(self):
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        code = f" [{self.code}]" if self.code else ""
        return f"{where}{code} {tr(RULES.get(self.rule, self.rule))}: {self.message}"


@dataclass
class ImportPreview:
    path: Path
    year: int
    department: str
    kind: str
    encoding: str = ""
    problems: List[Problem] = field(default_factory=list)
    changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=CHANGE_COLUMNS))
    forms: List[Form] = field(default_factory=list)

    @property
    def errors(self) -> List[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> List[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        text = tr("{name}: {changes} changed cells in {forms} indicators, {errors} errors, {warnings} warnings.")
        return text.format(name=self.path.name, changes=len(self.changes), forms=len(self.forms),
                           errors=len(self.errors), warnings=len(self.warnings))

    def report_frame(self) -> pd.DataFrame:
        return pd.DataFrame([(tr(SEVERITIES.get(p.severity, p.severity)), tr(RULES.get(p.rule, p.rule)), p.sheet,
                              p.cell, p.code, p.message) for p in self.problems],
                            columns=[tr("Severity"), tr("Rule"), tr("Sheet"), tr("Cell"), tr("Indicator"),
                                     tr("Message")])


CHANGE_COLUMNS = ["sheet", "cell", "code", "name", "field", "old", "new"]


def _add(preview: ImportPreview, rule: str, sheet: str, cell: str, code: str, message: str,
         severity: str = "error") -> None:
    preview.problems.append(Problem(rule, severity, sheet, cell, code, message))


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _key_text(value) -> str:
    return "" if value is None else str(value).strip()


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-12 * max(1.0, abs(float(a)), abs(float(b)))


def _same_text(a, b) -> bool:
    return _key_text(a) == _key_text(b)


def _same_unit(found, expected) -> bool:
    """Equal units, also after a GBK CSV round trip (³ → 3 by Excel's best fit, or → ?)."""
    found, expected = _key_text(found), _key_text(expected)
    if found == expected or unicodedata.normalize("NFKC", found) == unicodedata.normalize("NFKC", expected):
        return True
    lossy = "".join(c if c.encode("gbk", "replace") != b"?" else "?" for c in expected)
    return found == lossy


# ---------------------------------------------------------------- header and metadata
def _map_header(grid: Grid, preview: ImportPreview, header_row: int) -> Dict[str, int]:
    columns: Dict[str, int] = {}
    row = grid.cells[header_row - 1] if grid.n_rows >= header_row else []
    for index, text in enumerate(row, start=1):
        name = L.field_of_header(text)
        if name is None:
            if _key_text(text):
                _add(preview, "header", grid.sheet, f"{_letter(index)}{header_row}", "",
                     tr("Unknown column header '{text}'; do not add or rename columns.").format(text=text))
            continue
        if name.startswith("value:"):
            if int(name[6:]) != preview.year:
                _add(preview, "wrong_year", grid.sheet, f"{_letter(index)}{header_row}", "",
                     tr("The value column is for {found}, but the import is for {year}.").format(
                         found=name[6:], year=preview.year))
            name = "value"
        if name in columns:
            _add(preview, "header", grid.sheet, f"{_letter(index)}{header_row}", "",
                 tr("Column '{text}' appears twice.").format(text=text))
            continue
        columns[name] = index
    for required in ("code", "name", "unit", "value"):
        if required not in columns:
            label = L.HEADERS[required][0] if required in L.HEADERS else L.VALUE_HEADER.format(year=preview.year)
            _add(preview, "header", grid.sheet, f"A{header_row}", "",
                 tr("The header row has no column '{text}'.").format(text=label))
    return columns


def _find_header_row(grid: Grid) -> int:
    for r in range(1, min(grid.n_rows, 6) + 1):
        if any(_key_text(v) == L.HEADERS["code"][0] for v in grid.cells[r - 1]):
            return r
    return L.HEADER_ROW


def _check_meta(grid: Grid, preview: ImportPreview, department: Optional[str], columns: Dict[str, int]) -> bool:
    meta = grid.meta
    if meta is None:
        _add(preview, "metadata", L.META_SHEET, "", "", tr(
            "The hidden metadata sheet is missing: use the workbook exported for your department (or send the "
            "data sheet as CSV)."))
        return False
    cell = grid.meta_cells
    if meta.get("format") != L.FORMAT:
        _add(preview, "metadata", L.META_SHEET, cell.get("format", "B1"), "", tr(
            "The metadata sheet is not a CityHealth department workbook's."))
        return False
    try:
        meta_year = int(meta.get("year"))
    except (TypeError, ValueError):
        meta_year = None
    if meta_year != preview.year:
        _add(preview, "wrong_year", L.META_SHEET, cell.get("year", ""), "", tr(
            "This workbook was exported for {found}, but the import is for {year}.").format(
                found=meta.get("year"), year=preview.year))
    meta_department = str(meta.get("department") or "")
    if department and meta_department != department:
        _add(preview, "wrong_department", L.META_SHEET, cell.get("department", ""), "", tr(
            "This workbook belongs to {found}, not to {department}.").format(found=meta_department,
                                                                            department=department))
    preview.department = department or meta_department
    rows = [r for k, r in sorted(grid.meta_rows.items()) if k > 0]
    broken = [r for k, r in grid.meta_rows.items() if k < 0]
    if broken or L.key_checksum(meta_year or 0, meta_department, rows) != meta.get("checksum"):
        _add(preview, "metadata", L.META_SHEET, cell.get("checksum", ""), "", tr(
            "The metadata was edited (checksum mismatch); export the department workbook again."))
        return False
    try:
        import json

        letters = json.loads(meta.get("columns") or "{}")
    except ValueError:
        letters = {}
    for name, letter in letters.items():
        found = columns.get(name)
        if found is not None and _letter(found) != letter:
            _add(preview, "header", grid.sheet, f"{_letter(found)}{L.HEADER_ROW}", "", tr(
                "Column '{text}' moved from {old} to {new}; do not insert, delete or move columns.").format(
                    text=L.describe_field(name, preview.year), old=letter, new=_letter(found)))
    return True


# ---------------------------------------------------------------- values
def _check_value(preview: ImportPreview, grid: Grid, cell: str, code: str, raw, unit: str, name: str,
                 previous: Optional[float]) -> Optional[float]:
    parsed = L.parse_cell(raw)
    if parsed.error:
        _add(preview, "text_in_number", grid.sheet, cell, code, tr(
            "'{text}' is not a number; enter only the number in {unit}.").format(text=raw, unit=unit))
        return None
    value = parsed.value
    if value is None:
        return None
    if parsed.suffix:
        suffix = parsed.suffix
        try:
            typed, wanted = parse_unit(suffix), parse_unit(unit)
        except UnitError:
            _add(preview, "text_in_number", grid.sheet, cell, code, tr(
                "'{text}' is not a number; enter only the number in {unit}.").format(text=raw, unit=unit))
            return None
        if suffix.replace(" ", "") != unit.replace(" ", "") and not (
                typed.compatible(wanted) and typed.factor == wanted.factor):
            if typed.compatible(wanted):
                converted = value * typed.factor / wanted.factor
                _add(preview, "wrong_unit", grid.sheet, cell, code, tr(
                    "'{text}' is given in {typed} but the indicator is measured in {unit}: enter {value} (the "
                    "number in {unit}).").format(text=raw, typed=suffix, unit=unit,
                                                 value=L.format_number(converted)))
            else:
                _add(preview, "wrong_unit", grid.sheet, cell, code, tr(
                    "'{text}' is given in {typed} but the indicator is measured in {unit}.").format(
                        text=raw, typed=suffix, unit=unit))
            return None
    low, high = L.value_range(code, unit, name)
    if not low <= value <= high:
        span = (f"{low:g}–{high:g}" if math.isfinite(high) else f"≥ {low:g}") if math.isfinite(low) else f"≤ {high:g}"
        _add(preview, "out_of_range", grid.sheet, cell, code, tr(
            "{value} {unit} is outside the plausible range {range}; check the unit and the number.").format(
                value=L.format_number(value), unit=unit, range=span))
        return None
    if unit in L.COUNT_UNITS and value != round(value):
        _add(preview, "not_integer", grid.sheet, cell, code, tr(
            "{value} {unit} is a count but not a whole number.").format(value=L.format_number(value), unit=unit),
             "warning")
    if previous not in (None, 0) and value != 0 and not (0.1 <= abs(value / previous) <= 10):
        _add(preview, "unusual_change", grid.sheet, cell, code, tr(
            "{value} is more than ten times off the previous value {previous} {unit}; check the unit.").format(
                value=L.format_number(value), previous=L.format_number(previous), unit=unit), "warning")
    return value


def _choice(preview, grid, cell, code, raw, mapping, what) -> Optional[str]:
    text = _key_text(raw)
    if not text:
        return None
    key = S.from_zh(mapping, text)
    if not key:
        _add(preview, "bad_choice", grid.sheet, cell, code, tr(
            "'{text}' is not a {what} choice (one of: {choices}).").format(
                text=text, what=what, choices="、".join(mapping.values())))
        return None
    return key


def _evidence(preview, grid, cell, code, raw, folder: Path) -> List[Evidence]:
    items = []
    for part in [p.strip() for p in str(raw or "").replace("；", ";").split(";") if p.strip()]:
        target = Path(part) if Path(part).is_absolute() else folder / part
        if target.is_file():
            items.append(Evidence(part, file_sha1(target)))
        else:
            items.append(Evidence(part, ""))
            _add(preview, "evidence_missing", grid.sheet, cell, code, tr(
                "Evidence file '{name}' was not found next to the workbook; send it along.").format(name=part),
                 "warning")
    return items


# ---------------------------------------------------------------- preview
def preview_workbook(store, path, year: int, department: Optional[str] = None, catalog=None) -> ImportPreview:
    """Read and check a returned workbook (or CSV) against the database; writes nothing."""
    path = Path(path)
    preview = ImportPreview(path, int(year), department or "", path.suffix.lower().lstrip("."))
    try:
        grid = read_grid(path)
    except WorkbookError as error:
        _add(preview, "unreadable", path.name, "", "", str(error))
        return preview
    preview.kind, preview.encoding = grid.kind, grid.encoding
    if grid.kind == "csv" and grid.encoding == "gbk":
        _add(preview, "encoding", grid.sheet, "", "", tr("The CSV file was read as GBK (Chinese Windows) text."),
             "info")
    header_row = L.HEADER_ROW if grid.kind == "xlsx" else _find_header_row(grid)
    columns = _map_header(grid, preview, header_row)
    if any(name not in columns for name in ("code", "name", "unit", "value")):
        return preview
    has_meta = grid.kind == "xlsx" and _check_meta(grid, preview, department, columns)
    if grid.kind == "xlsx" and not has_meta:
        return preview
    catalog = store._catalog(int(year), catalog)
    if not len(store.forms(int(year))):
        _add(preview, "unknown_code", grid.sheet, "", "", tr(
            "The assessment database has no forms for {year}: prepare the year first.").format(year=year))
        return preview
    own = set(store.department_indicators(int(year), preview.department)["code"]) if preview.department else None
    previous_year = _previous_values(store, int(year))
    seen: Dict[str, int] = {}
    changes = []
    present = set()
    for r in range(header_row + 1, grid.n_rows + 1):
        cells = grid.cells[r - 1]
        if not any(_key_text(v) for v in cells):
            continue
        present.add(r)

        def at(name):
            return f"{_letter(columns[name])}{r}" if name in columns else ""

        def raw(name):
            return grid.value(r, columns[name]) if name in columns else None

        code = _key_text(raw("code"))
        meta_row = grid.meta_rows.get(r) if has_meta else None
        if has_meta and meta_row is None:
            _add(preview, "locked_edited", grid.sheet, at("code"), code, tr(
                "Row {row} was added; indicators cannot be added in the workbook.").format(row=r))
            continue
        if not code:
            _add(preview, "unknown_code", grid.sheet, at("code"), "", tr("Row {row} has no indicator code.").format(
                row=r))
            continue
        if code in seen:
            _add(preview, "duplicate_row", grid.sheet, at("code"), code, tr(
                "Indicator {code} appears twice (rows {first} and {row}); keep one row.").format(
                    code=code, first=seen[code], row=r))
            continue
        seen[code] = r
        if code not in catalog:
            _add(preview, "unknown_code", grid.sheet, at("code"), code, tr(
                "Indicator code {code} is not in the {year} catalog.").format(code=code, year=year))
            continue
        if own is not None and code not in own:
            _add(preview, "unknown_code", grid.sheet, at("code"), code, tr(
                "Indicator {code} is not in the list of {department}.").format(code=code,
                                                                              department=preview.department))
            continue
        if meta_row is not None and code != meta_row["code"]:
            _add(preview, "locked_edited", grid.sheet, at("code"), code, tr(
                "The locked indicator code was changed from {old} to {new}.").format(old=meta_row["code"], new=code))
            continue
        indicator = catalog[code]
        expected_unit = meta_row["unit"] if meta_row else indicator.unit
        expected_name = meta_row["name"] if meta_row else indicator.name_zh
        if not _same_unit(raw("unit"), expected_unit):
            _add(preview, "wrong_unit", grid.sheet, at("unit"), code, tr(
                "The unit was changed to '{found}'; the indicator is measured in {unit}: restore the unit and enter "
                "the value in {unit}.").format(found=_key_text(raw("unit")), unit=expected_unit))
            continue
        locked = [("name", expected_name)]
        if meta_row is not None:
            locked.append(("connotation", meta_row["connotation"]))
            locked += [(f"ref:{y}", v) for y, v in meta_row.get("refs", {}).items()]
        edited = False
        for name, expected in locked:
            if name not in columns:
                continue
            found = raw(name)
            same = _same_number(L.parse_cell(found).value, expected) if name.startswith("ref:") else \
                _same_text(found, expected)
            if not same:
                _add(preview, "locked_edited", grid.sheet, at(name), code, tr(
                    "The locked column {column} was edited ('{old}' → '{new}'); restore it.").format(
                        column=L.describe_field(name), old=_key_text(expected), new=_key_text(found)))
                edited = True
        if edited:
            continue
        errors_before = len(preview.errors)
        value = _check_value(preview, grid, at("value"), code, raw("value"), indicator.unit, indicator.name_zh,
                             previous_year.get(code))
        source = _choice(preview, grid, at("source_type"), code, raw("source_type"), S.SOURCE_TYPE_ZH,
                         tr("data source type"))
        method = _choice(preview, grid, at("collection_method"), code, raw("collection_method"),
                         S.COLLECTION_METHOD_ZH, tr("collection method"))
        evidence = _evidence(preview, grid, at("evidence"), code, raw("evidence"), path.parent)
        if len(preview.errors) > errors_before:
            continue
        new = {"value": value, "source_type": source, "collection_method": method,
               "evidence": ";".join(e.path for e in evidence) or None}
        new.update({name: (_key_text(raw(name)) or None) for name in TEXT_FIELDS})
        form = store.form(code, int(year), catalog)
        old = _form_fields(form)
        exported = meta_row.get("exported", {}) if meta_row else None
        touched, clashes = {}, []
        for name, mine in new.items():
            if exported is None and mine is None:
                continue  # CSV: an empty cell never clears what the database holds
            same = _same_number if name == "value" else _same_text
            theirs = old[name]
            if same(mine, theirs):
                continue  # already in the database
            if exported is not None:
                base = _exported_value(exported, name)
                if same(mine, base):
                    continue  # not changed by the department
                if not same(theirs, base):
                    clashes.append(name)  # changed in the database since the export, and in the workbook
                    continue
            touched[name] = mine
        if clashes:
            by, when = _changed_by(store, form, clashes[0])
            _add(preview, "conflict", grid.sheet, at(clashes[0]) or at("code"), code, tr(
                "{field} of {code} was changed in the database by {by} at {at} after this workbook was exported; "
                "export the workbook again or agree on the value with the collecting office.").format(
                    field=L.describe_field(clashes[0], preview.year), code=code, by=by or "?", at=when or "?"))
            continue
        if not touched:
            continue
        updated = copy.deepcopy(form)
        for name, value_new in touched.items():
            if name == "evidence":
                updated.evidence = evidence
            elif name == "value":
                updated.value = value_new
            elif name == "note":
                updated.value_note = value_new or ""
            elif name == "source_type":
                updated.source_type = value_new or "statistic"
            else:
                setattr(updated, name, value_new or "")
            changes.append((grid.sheet, at(name) or at("code"), code, indicator.name_zh,
                            L.describe_field(name, preview.year), old.get(name), value_new))
        if updated.value is not None and not updated.unit:
            updated.unit = indicator.unit
        updated.status = "submitted"
        updated.submitted_at = ""
        preview.forms.append(updated)
    if has_meta:
        missing = [row["code"] for k, row in grid.meta_rows.items() if k > 0 and k not in present]
        if missing:
            _add(preview, "locked_edited", grid.sheet, "", "", tr(
                "Rows were deleted ({codes}); those indicators are left unchanged.").format(codes=", ".join(missing)),
                 "warning")
    preview.changes = pd.DataFrame(changes, columns=CHANGE_COLUMNS)
    return preview


def _form_fields(form: Form) -> dict:
    return {"value": form.value, "source_type": S.SOURCE_TYPE_ZH.get(form.source_type) and form.source_type,
            "collection_method": form.collection_method or None, "data_source": form.data_source or None,
            "situation": form.situation or None, "achievements": form.achievements or None,
            "shortcomings": form.shortcomings or None, "measures": form.measures or None,
            "evidence": ";".join(e.path for e in form.evidence) or None, "submitted_by": form.submitted_by or None,
            "note": form.value_note or None}


def _changed_by(store, form: Form, name: str):
    """Who last changed the field (the value row for value fields, else the form)."""
    if name in ("value", "source_type", "note"):
        rows = store.values(year=form.year, code=form.code, origin="reported", unit_type="city")
        if len(rows):
            return rows.iloc[0]["updated_by"], rows.iloc[0]["updated_at"]
    return form.updated_by, form.updated_at


def _exported_value(exported: dict, name: str):
    value = exported.get(name)
    if name == "source_type":
        return S.from_zh(S.SOURCE_TYPE_ZH, value) or None
    if name == "collection_method":
        return S.from_zh(S.COLLECTION_METHOD_ZH, value) or None
    return value


def _previous_values(store, year: int) -> Dict[str, float]:
    best = store.best_values(unit_type="city")
    best = best[best["year"] < year].sort_values("year")
    return best.drop_duplicates("code", keep="last").set_index("code")["value"].to_dict() if len(best) else {}


# ---------------------------------------------------------------- apply and report
def apply_workbook(store, preview: ImportPreview, by: Optional[str] = None) -> int:
    """Write the previewed forms in one transaction; ``ImportRejected`` (nothing written) when the
    preview has errors, ``ConflictError`` when the database changed since the preview."""
    if preview.errors:
        raise ImportRejected(tr("{name} was not imported: {n} errors, the first: {first}").format(
            name=preview.path.name, n=len(preview.errors), first=preview.errors[0]))
    if not preview.forms:
        return 0
    with store._save("workbook", by, note=preview.path.name) as ctx:
        for form in preview.forms:
            for table, change in store.form_changes(form, ctx.at, ctx.by):
                store._apply(ctx, table, [change])
        return ctx.rows


def import_workbook(store, path, year: int, department: Optional[str] = None, by: Optional[str] = None,
                    dry_run: bool = False, catalog=None) -> ImportPreview:
    """Preview and (unless ``dry_run`` or with errors) apply; returns the preview."""
    preview = preview_workbook(store, path, year, department, catalog)
    if not dry_run and preview.ok:
        apply_workbook(store, preview, by)
    return preview


def write_report(preview: ImportPreview, path) -> Path:
    """The validation report and the changes as an xlsx (or CSV when ``path`` ends in .csv)."""
    path = Path(path)
    problems = preview.report_frame()
    changes = preview.changes.rename(columns={
        "sheet": tr("Sheet"), "cell": tr("Cell"), "code": tr("Indicator"), "name": tr("Name"), "field": tr("Field"),
        "old": tr("Old value"), "new": tr("New value")})
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".csv":
        problems.to_csv(path, index=False, encoding="utf-8-sig")
        return path
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        problems.to_excel(writer, sheet_name=tr("Problems")[:31], index=False)
        changes.to_excel(writer, sheet_name=tr("Changes")[:31], index=False)
    return path
