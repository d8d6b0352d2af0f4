"""Read questionnaire exports (xlsx / csv) and turn them into a ``SurveyData``.

CSV files from survey platforms come as UTF-8, UTF-8 with BOM (Excel's "CSV UTF-8") or GBK
(Excel on Chinese Windows). ``read_table`` tries UTF-8 first (a BOM is removed) and falls back
to GB18030, the superset of GBK, and says which one it used.

Answers are Likert scores 1–5 given as numbers or labels (非常不满意 … 非常满意); "no
opinion" labels (不清楚, 不适用 …) become missing. Conversion works on the distinct values
of the answer block, then maps the block in one step.
"""

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

import numpy as np
import pandas as pd

from ..i18n import tr
from .mapping import (
    CATEGORY_ATTRIBUTES,
    LIKERT_LABELS,
    MISSING_LABELS,
    SurveyMapping,
    normalise_categories,
    normalise_category,
    normalise_label,
    suggest_mapping,
)

ENCODING_UTF8 = "UTF-8"
ENCODING_UTF8_BOM = "UTF-8 with BOM"
ENCODING_GB18030 = "GB18030 (GBK)"
ENCODING_XLSX = "xlsx"


class SurveyError(ValueError):
    """A problem the user can fix (message is translated and names the column / row)."""


@dataclass
class TableRead:
    frame: pd.DataFrame  # every cell as text or NaN (xlsx numbers stay numbers)
    encoding: str  # ENCODING_* constant: what was used to decode the file
    source: str
    notes: List[str] = field(default_factory=list)


def _decode(raw: bytes) -> Tuple[str, str]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030"), ENCODING_GB18030
    return text, ENCODING_UTF8_BOM if raw.startswith(b"\xef\xbb\xbf") else ENCODING_UTF8


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", "\t", ";")}
    return max(counts, key=counts.get) if max(counts.values()) > 0 else ","


def read_table(path: Union[str, Path], sheet: Union[str, int, None] = None) -> TableRead:
    """Read a questionnaire export; csv encoding is detected (UTF-8 / UTF-8 BOM / GB18030)."""
    path = Path(path)
    if not path.exists():
        raise SurveyError(tr("The questionnaire file '{path}' does not exist.").format(path=path))
    suffix = path.suffix.lower()
    notes = []
    if suffix in (".xlsx", ".xlsm"):
        try:
            frame = pd.read_excel(path, sheet_name=sheet if sheet is not None else 0, dtype=object, engine="openpyxl")
        except ValueError as exc:
            raise SurveyError(tr("Cannot read sheet '{sheet}' of '{path}': {error}").format(sheet=sheet, path=path.name, error=exc)) from None
        encoding = ENCODING_XLSX
    elif suffix in (".csv", ".txt", ".tsv"):
        text, encoding = _decode(path.read_bytes())
        frame = pd.read_csv(io.StringIO(text), sep=_delimiter(text), dtype=str, keep_default_na=False, na_values=[""])
        notes.append(tr("Read '{name}' as {encoding} text.").format(name=path.name, encoding=encoding))
    elif suffix == ".xls":
        raise SurveyError(tr("'{name}' is an old .xls workbook; open it in Excel or WPS and save it as .xlsx or .csv.").format(name=path.name))
    else:
        raise SurveyError(tr("'{name}' is neither an .xlsx nor a .csv file.").format(name=path.name))
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.dropna(how="all").reset_index(drop=True)
    return TableRead(frame, encoding, str(path), notes)


def likert_lookup(extra_labels: Optional[Dict[str, int]] = None, extra_missing=()) -> Tuple[Dict[str, int], set]:
    labels = {normalise_label(k): v for k, v in LIKERT_LABELS.items()}
    labels.update({normalise_label(k): int(v) for k, v in (extra_labels or {}).items()})
    missing = {normalise_label(m) for m in MISSING_LABELS} | {normalise_label(m) for m in extra_missing}
    return labels, missing


_NUMBER_IN_LABEL = re.compile(r"^(?:[a-e][.、)]?)?\(?([1-5])(?:\.0+)?\)?分?$|^\D*?\(?([1-5])分?\)?$")


def _score_of(value, labels, missing):
    """One distinct answer -> 1..5, NaN for 'no opinion', None when not recognisable."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return np.nan
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value) if float(value) in (1.0, 2.0, 3.0, 4.0, 5.0) else None
    key = normalise_label(value)
    if key == "":
        return np.nan
    if key in missing:
        return np.nan
    if key in labels:
        return float(labels[key])
    # "A.非常满意", "非常满意(5分)", "5分", "5.0"
    stripped = re.sub(r"^[a-e][.、)]", "", key)
    stripped = re.sub(r"[(（]\d分?[)）]$", "", stripped)
    if stripped in labels:
        return float(labels[stripped])
    if stripped in missing:
        return np.nan
    match = _NUMBER_IN_LABEL.match(key)
    if match:
        return float(next(g for g in match.groups() if g))
    return None


def likert_scores(block: pd.DataFrame, extra_labels=None, extra_missing=(), row_numbers=None) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """Answers (numbers or labels) -> float scores 1..5 with NaN for missing / no opinion.

    Returns the scores and a table of unrecognised values (column, value, count, first_row)
    which also became NaN, so the caller can show them to the user.
    """
    labels, missing = likert_lookup(extra_labels, extra_missing)
    values = block.to_numpy(dtype=object)
    codes, uniq = pd.factorize(pd.Series(values.ravel(), dtype=object), use_na_sentinel=True)
    looked_up = [_score_of(u, labels, missing) for u in uniq]  # distinct values only
    bad = [u for u, s in zip(uniq, looked_up) if s is None]
    table = np.array([np.nan if s is None else s for s in looked_up] + [np.nan], dtype=float)
    scores = table[codes].reshape(values.shape)  # the NA sentinel -1 picks the trailing NaN
    result = pd.DataFrame(scores, index=block.index, columns=block.columns)
    if row_numbers is None:
        row_numbers = np.arange(len(block)) + 2
    problems = []
    if bad:
        bad_mask = np.array([s is None for s in looked_up] + [False])
        bad_cells = bad_mask[codes].reshape(values.shape) & (codes.reshape(values.shape) >= 0)
        rows, cols = np.nonzero(bad_cells)
        if len(rows):
            found = pd.DataFrame({"column": block.columns[cols], "value": values[rows, cols].astype(str), "row": np.asarray(row_numbers)[rows]})
            problems = found.groupby(["column", "value"], sort=False).agg(count=("row", "size"), first_row=("row", "min")).reset_index()
    if isinstance(problems, list):
        problems = pd.DataFrame(columns=["column", "value", "count", "first_row"])
    return result, problems


def _durations(series: pd.Series) -> pd.Series:
    """'325', '325秒', '5分25秒', '00:05:25' -> seconds (float, NaN if unreadable)."""
    text = series.astype("string").str.strip()
    numeric = pd.to_numeric(text.str.replace(r"\s*(秒|s|sec|seconds)$", "", regex=True), errors="coerce")
    minsec = text.str.extract(r"^(?:(\d+)\s*(?:小时|h))?\s*(?:(\d+)\s*(?:分钟?|m|min))?\s*(?:(\d+)\s*(?:秒|s))?$")
    minsec = minsec.apply(pd.to_numeric, errors="coerce")
    has_unit = minsec.notna().any(axis=1) & numeric.isna()
    from_units = minsec.fillna(0).to_numpy() @ np.array([3600.0, 60.0, 1.0])
    clock = text.str.extract(r"^(\d+):(\d{1,2})(?::(\d{1,2}))?$").apply(pd.to_numeric, errors="coerce")
    has_clock = clock[0].notna() & numeric.isna()
    hms = np.where(clock[2].notna(), clock[0] * 3600 + clock[1] * 60 + clock[2], clock[0] * 60 + clock[1])
    out = numeric.astype(float).to_numpy().copy()
    out[has_unit.to_numpy()] = from_units[has_unit.to_numpy()]
    out[has_clock.to_numpy()] = np.asarray(hms, dtype=float)[has_clock.to_numpy()]
    return pd.Series(out, index=series.index, dtype=float)


@dataclass
class SurveyData:
    """Questionnaires in the form every analysis step takes.

    ``answers``: float 1..5 / NaN, one column per question code. ``attributes``: the standard
    attributes present (district, age, …; ``duration``, ``x``, ``y`` as floats).
    ``open_text``: the open-answer columns. All three share the index of the source rows;
    ``row_numbers`` are spreadsheet rows (header = row 1) for messages.
    """

    answers: pd.DataFrame
    attributes: pd.DataFrame
    open_text: pd.DataFrame
    mapping: SurveyMapping
    row_numbers: pd.Series
    source: str = ""
    encoding: str = ""
    notes: List[str] = field(default_factory=list)
    unrecognised: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["column", "value", "count", "first_row"]))

    def __len__(self) -> int:
        return len(self.answers)

    @property
    def index(self) -> pd.Index:
        return self.answers.index

    def dimension_questions(self) -> Dict[str, List[str]]:
        present = set(self.answers.columns)
        return {d: [c for c in codes if c in present] for d, codes in self.mapping.dimension_questions().items()}

    def attribute(self, name: str) -> Optional[pd.Series]:
        return self.attributes[name] if name in self.attributes.columns else None

    def subset(self, mask) -> "SurveyData":
        """The respondents where ``mask`` (boolean Series / array over rows) is True."""
        mask = np.asarray(mask, dtype=bool)
        return SurveyData(
            self.answers[mask], self.attributes[mask], self.open_text[mask], self.mapping, self.row_numbers[mask],
            self.source, self.encoding, list(self.notes), self.unrecognised,
        )


def prepare_responses(frame: pd.DataFrame, mapping: SurveyMapping, source: str = "", encoding: str = "") -> SurveyData:
    """Apply a mapping to a raw questionnaire table.

    Raises ``SurveyError`` when the mapping names columns the table lacks or is otherwise
    unusable; unrecognised answer values become missing and are listed in ``unrecognised``
    and in ``notes``.
    """
    problems = mapping.check(frame.columns)
    blocking = [message for level, message in problems if level == "error"]
    if blocking:
        raise SurveyError("\n".join(blocking))
    notes = [message for level, message in problems if level != "error"]
    frame = frame.reset_index(drop=True)
    row_numbers = pd.Series(np.arange(len(frame)) + 2, index=frame.index, name="row")

    block = frame[[q.column for q in mapping.questions]]
    block.columns = [q.code for q in mapping.questions]
    answers, unrecognised = likert_scores(block, mapping.likert_labels, mapping.missing_labels, row_numbers.to_numpy())
    reverse = [q.code for q in mapping.questions if q.reverse]
    if reverse:
        answers[reverse] = 6.0 - answers[reverse]
    if len(unrecognised):
        code_to_column = {q.code: q.column for q in mapping.questions}
        unrecognised["column"] = unrecognised["column"].map(code_to_column)
        for rec in unrecognised.head(10).itertuples():
            notes.append(
                tr("Column '{column}': the answer '{value}' ({count} times, first in row {row}) is not a 1–5 score "
                   "or a known label; it is treated as missing. Add it to the mapping's answer labels if it is a score.").format(
                    column=rec.column, value=rec.value, count=rec.count, row=rec.first_row)
            )

    attributes = pd.DataFrame(index=frame.index)
    for name, column in mapping.attributes.items():
        raw = frame[column]
        if name in ("x", "y"):
            values = pd.to_numeric(raw, errors="coerce").astype(float)
            bad = int((values.isna() & raw.notna()).sum())
            if bad:
                notes.append(tr("Column '{column}': {count} coordinates are not numbers and are ignored.").format(column=column, count=bad))
            attributes[name] = values
        elif name == "duration":
            values = _durations(raw)
            bad = int((values.isna() & raw.notna()).sum())
            if bad:
                notes.append(tr("Column '{column}': {count} answer times are not readable as seconds and are ignored.").format(column=column, count=bad))
            attributes[name] = values
        else:
            values = normalise_categories(raw)
            aliases = mapping.category_aliases.get(name)
            if aliases:
                values = values.replace({normalise_category(k): normalise_category(v) for k, v in aliases.items()})
            attributes[name] = values.astype(object).where(values.notna(), None)
    if mapping.coordinates == "lonlat" and "x" in attributes:
        out_of_range = (attributes["x"].abs() > 180) | (attributes["y"].abs() > 90)
        if out_of_range.any():
            notes.append(tr("{count} locations are outside longitude/latitude range; is the mapping's coordinate kind 'projected'?").format(
                count=int(out_of_range.sum())))
    open_text = frame[list(mapping.open_text)].astype(object) if mapping.open_text else pd.DataFrame(index=frame.index)
    return SurveyData(answers, attributes, open_text, mapping, row_numbers, source, encoding, notes, unrecognised)


def import_questionnaires(path, mapping: Optional[SurveyMapping] = None, sheet=None) -> SurveyData:
    """Read a file and apply ``mapping`` (rebinding renamed columns) or a suggested mapping."""
    read = read_table(path, sheet)
    notes = list(read.notes)
    if mapping is None:
        mapping = suggest_mapping(read.frame.columns)
        notes.append(tr("No mapping given: the columns were assigned from their headers; check the mapping."))
    else:
        mapping, changes = mapping.rebind(read.frame.columns)
        notes.extend(changes)
    data = prepare_responses(read.frame, mapping, read.source, read.encoding)
    data.notes[:0] = notes
    return data


def category_values(data: SurveyData, name: str) -> List[str]:
    """The distinct non-blank values of a category attribute, sorted."""
    if name not in CATEGORY_ATTRIBUTES or name not in data.attributes:
        return []
    return sorted(v for v in data.attributes[name].dropna().unique())
