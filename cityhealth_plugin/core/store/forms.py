"""Indicator forms: the task assignment and what a department submits for one indicator and year.

A ``Form`` carries the form row (data source, collection method, department, division of work,
deadline, 基本情况 / 取得成效 / 短板及成因 / 提升措施及建议, evidence files, submission) and the
department's city value; ``save_form`` writes both in one save, checking both versions.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields as dataclass_fields
from pathlib import Path
from typing import Iterable, List, Optional, Sequence

import pandas as pd

from ..i18n import tr
from . import schema as S
from .assignments import CROSS_CHECK_CODES, default_assignments
from .base import RowChange, StoreError

FORM_FIELDS = ("department", "data_source", "collection_method", "division", "deadline", "connotation", "situation",
               "achievements", "shortcomings", "measures", "status", "submitted_by", "submitted_at")
TEXT_FIELDS = ("situation", "achievements", "shortcomings", "measures")


@dataclass(frozen=True)
class Evidence:
    path: str
    sha1: str = ""


def file_sha1(path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def evidence_for(path, base: Optional[Path] = None) -> Evidence:
    """An evidence entry with the file's SHA-1 (``base``: folder relative paths start from)."""
    target = Path(path)
    if base is not None and not target.is_absolute():
        target = Path(base) / target
    if not target.is_file():
        raise StoreError(tr("Evidence file not found: {path}.").format(path=target))
    return Evidence(str(path), file_sha1(target))


def evidence_to_json(items: Sequence[Evidence]) -> Optional[str]:
    if not items:
        return None
    return json.dumps([{"path": e.path, "sha1": e.sha1} for e in items], ensure_ascii=False)


def evidence_from_json(text) -> List[Evidence]:
    if not text:
        return []
    return [Evidence(str(item.get("path", "")), str(item.get("sha1", ""))) for item in json.loads(text)]


@dataclass
class Form:
    code: str
    year: int
    department: str = ""
    data_source: str = ""
    collection_method: str = ""
    division: str = ""
    deadline: str = ""
    connotation: str = ""
    situation: str = ""
    achievements: str = ""
    shortcomings: str = ""
    measures: str = ""
    evidence: List[Evidence] = field(default_factory=list)
    status: str = "draft"
    submitted_by: str = ""
    submitted_at: str = ""
    version: int = 0  # 0: not saved yet
    updated_at: str = ""
    updated_by: str = ""
    # the department's city value (indicator_values, origin 'reported')
    value: Optional[float] = None
    unit: str = ""
    source_type: str = "statistic"
    value_note: str = ""
    value_version: int = 0
    # read only: the engine's city value of the year, if any
    computed_value: Optional[float] = None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["evidence"] = [asdict(e) for e in self.evidence]
        return out


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


class FormsMixin:
    # ------------------------------------------------------------ the year's forms
    def ensure_year(self, catalog, year: int, by: Optional[str] = None, deadline: Optional[str] = None,
                    cross_check: Optional[Iterable[str]] = None) -> dict:
        """Prepare a year: snapshot the catalog and create the missing forms (the previous year's
        assignment carried over, else the defaults). Returns {'catalog': rows, 'forms': rows}."""
        year = int(year)
        changed = self.snapshot_catalog(catalog, year, by)
        if cross_check is not None or self.meta("cross_check_codes") is None:
            self.set_meta("cross_check_codes", json.dumps(list(cross_check if cross_check is not None
                                                                else CROSS_CHECK_CODES)))
        existing = set(self.read_table(S.FORMS, "year = ?", [year])["code"])
        defaults = default_assignments(catalog, year, deadline, self.cross_check_codes()).set_index("code")
        previous = self.read_table(S.FORMS, "year < ?", [year])
        if len(previous):
            previous = previous.sort_values("year").drop_duplicates("code", keep="last").set_index("code")
        changes = []
        for indicator in catalog:
            if indicator.code in existing:
                continue
            base = defaults.loc[indicator.code].to_dict()
            if len(previous) and indicator.code in previous.index:
                old = previous.loc[indicator.code]
                for name in ("department", "data_source", "collection_method", "division"):
                    if old[name]:
                        base[name] = old[name]
            changes.append(RowChange({"code": indicator.code, "year": year}, dict(base, status="draft"), 0))
        with self._save("form", by, note=f"ensure_year {year}") as ctx:
            forms = self._apply(ctx, S.FORMS, changes, audit_inserts=False)
        return {"catalog": changed, "forms": forms}

    def cross_check_codes(self) -> List[str]:
        text = self.meta("cross_check_codes")
        return list(json.loads(text)) if text else list(CROSS_CHECK_CODES)

    # ------------------------------------------------------------ one form
    def form(self, code: str, year: int, catalog=None) -> Form:
        """The form of one indicator and year (defaults with version 0 when none is saved)."""
        year = int(year)
        rows = self.read_table(S.FORMS, "code = ? AND year = ?", [code, year])
        if len(rows):
            row = rows.iloc[0]
            form = Form(code, year, **{name: _text(row[name]) for name in FORM_FIELDS},
                        evidence=evidence_from_json(row["evidence"]), version=int(row["version"]),
                        updated_at=_text(row["updated_at"]), updated_by=_text(row["updated_by"]))
        else:
            catalog = self._catalog(year, catalog)
            if code not in catalog:
                raise StoreError(tr("Indicator '{code}' is not in the catalog of {year}.").format(code=code, year=year))
            defaults = default_assignments(catalog.select([code]), year, None, self.cross_check_codes()).iloc[0]
            form = Form(code, year, **{k: _text(v) for k, v in defaults.items() if k != "code"})
        values = self.read_table(S.VALUES, "code = ? AND year = ? AND unit_type = 'city' AND unit_code = 'city'",
                                 [code, year])
        reported = values[values["origin"] == "reported"]
        computed = values[(values["origin"] == "computed") & (values["status"] == "ok")]
        if len(reported):
            row = reported.iloc[0]
            form.value = None if pd.isna(row["value"]) else float(row["value"])
            form.unit, form.source_type = _text(row["unit"]), _text(row["source_type"]) or "statistic"
            form.value_note, form.value_version = _text(row["note"]), int(row["version"])
        if len(computed) and not pd.isna(computed.iloc[0]["value"]):
            form.computed_value = float(computed.iloc[0]["value"])
        if not form.unit:
            snapshot = self.catalog_snapshot(year)
            match = snapshot[snapshot["code"] == code]
            if len(match):
                form.unit = _text(match.iloc[0]["unit"])
                if match.iloc[0]["source_type"] not in (None, "spatial"):
                    form.source_type = match.iloc[0]["source_type"]
        return form

    def form_changes(self, form: Form, at: str, by: str) -> List[tuple]:
        """(table, RowChange) pairs that save ``form`` (used by save_form and the workbook import)."""
        if form.status not in S.FORM_STATUSES:
            raise StoreError(tr("Unknown form status '{status}'.").format(status=form.status))
        if form.collection_method and form.collection_method not in S.COLLECTION_METHODS:
            raise StoreError(tr("Unknown collection method '{method}'.").format(method=form.collection_method))
        if form.source_type and form.source_type not in S.SOURCE_TYPES:
            raise StoreError(tr("Unknown data source type '{kind}'.").format(kind=form.source_type))
        values = {name: getattr(form, name) for name in FORM_FIELDS}
        values["evidence"] = evidence_to_json(form.evidence)
        if form.status == "submitted" and not form.submitted_at:
            values["submitted_at"], values["submitted_by"] = at, form.submitted_by or by
        out = [(S.FORMS, RowChange({"code": form.code, "year": int(form.year)}, values, int(form.version)))]
        if form.value is not None or form.value_version:
            out.append((S.VALUES, RowChange(
                {"code": form.code, "year": int(form.year), "unit_type": "city", "unit_code": "city",
                 "origin": "reported"},
                {"value": form.value, "unit": form.unit, "source_type": form.source_type or "statistic",
                 "status": form.status, "note": form.value_note or None, "computed_at": at, "computed_by": by},
                int(form.value_version))))
        return out

    def save_form(self, form: Form, by: Optional[str] = None) -> Form:
        """Save the form and its value in one transaction; ``ConflictError`` when either changed
        since it was read (``form.version`` / ``form.value_version``). Returns the reloaded form."""
        with self._save("form", by, note=form.code) as ctx:
            for table, change in self.form_changes(form, ctx.at, ctx.by):
                if table is S.VALUES:
                    # the entered-at stamp changes only when the value itself does
                    current = self._fetch_current(ctx.tx, S.VALUES, [self._key_tuple(S.VALUES, change.key)])
                    row = next(iter(current.values()), None)
                    if row is not None and all(_same_value(row.get(k), change.fields.get(k))
                                               for k in ("value", "unit", "source_type", "status", "note")):
                        change.fields.pop("computed_at")
                        change.fields.pop("computed_by")
                self._apply(ctx, table, [change])
        return self.form(form.code, form.year)

    # ------------------------------------------------------------ lists
    def forms(self, year: int, department: Optional[str] = None) -> pd.DataFrame:
        """The forms of a year (one row per indicator) with the reported and computed city values:
        columns of indicator_forms + name_zh, unit, source_type, value, value_version, value_status,
        computed_value."""
        year = int(year)
        where, params = "year = ?", [year]
        if department is not None:
            where, params = where + " AND department = ?", params + [department]
        forms = self.read_table(S.FORMS, where, params, order="code")
        snapshot = self.catalog_snapshot(year)[["code", "name_zh", "unit", "source_type"]]
        values = self.values(year=year, unit_type="city")
        reported = values[values["origin"] == "reported"][["code", "value", "version", "status", "source_type"]] \
            .rename(columns={"version": "value_version", "status": "value_status", "source_type": "reported_source"})
        computed = values[(values["origin"] == "computed") & (values["status"] == "ok")][["code", "value"]] \
            .rename(columns={"value": "computed_value"})
        out = forms.merge(snapshot, on="code", how="left").merge(reported, on="code", how="left") \
            .merge(computed, on="code", how="left")
        out["value_version"] = out["value_version"].fillna(0).astype("int64")
        return out

    def by_department(self, year: int, department: str) -> pd.DataFrame:
        return self.forms(year, department)

    def department_indicators(self, year: int, department: str) -> pd.DataFrame:
        """The rows of a department's fill-in workbook: its non-spatial indicators plus the spatial
        ones it reports for the cross-check."""
        forms = self.forms(year, department)
        cross = set(self.cross_check_codes())
        keep = (forms["source_type"] != "spatial") | forms["code"].isin(cross)
        return forms[keep].reset_index(drop=True)

    def departments(self, year: int) -> pd.DataFrame:
        """Progress per department: indicators, with a value, submitted, unfilled."""
        forms = self.forms(year)
        if not len(forms):
            return pd.DataFrame(columns=["department", "indicators", "with_value", "submitted", "unfilled"])
        forms["has_value"] = forms["value"].notna() | forms["computed_value"].notna()
        forms["is_submitted"] = forms["status"].isin(["submitted", "confirmed"])
        forms["is_unfilled"] = (forms["source_type"] != "spatial") & ~forms["has_value"]
        out = forms.groupby(forms["department"].fillna(""), sort=True).agg(
            indicators=("code", "size"), with_value=("has_value", "sum"), submitted=("is_submitted", "sum"),
            unfilled=("is_unfilled", "sum")).reset_index()
        return out.astype({"indicators": "int64", "with_value": "int64", "submitted": "int64", "unfilled": "int64"})

    def save_assignment(self, frame: pd.DataFrame, year: int, by: Optional[str] = None) -> int:
        """Update assignment columns (department, data_source, collection_method, division,
        deadline, connotation) of several forms from a table with ``code`` (and optional
        ``version``, checked)."""
        allowed = ("department", "data_source", "collection_method", "division", "deadline", "connotation")
        columns = [c for c in allowed if c in frame.columns]
        changes = []
        for record in frame.to_dict("records"):
            version = record.get("version")
            changes.append(RowChange({"code": record["code"], "year": int(year)}, {c: record[c] for c in columns},
                                     None if version is None or pd.isna(version) else int(version)))
        with self._save("form", by, note="assignment") as ctx:
            return self._apply(ctx, S.FORMS, changes)


def _same_value(a, b) -> bool:
    if (a is None or a == "") and (b is None or b == ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


FORM_COLUMNS = tuple(f.name for f in dataclass_fields(Form))
