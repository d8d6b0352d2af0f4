"""Reading catalog files (CSV or JSON) into records, and applying city override files.

A catalog file and a city override file have the same columns (docs/catalog.md); an
override sets only the columns it has, and only its non-empty cells: a row whose code is
already in the catalog changes those fields, a new code adds an indicator (then code,
level1, name_zh, unit, direction and method are required). Rows whose first cell starts
with ``#`` are comments. JSON files hold ``{"indicators": [{column: value, ...}, ...],
"statistics": [...]}``.

Every problem found is collected with its file and line and raised together as one
``CatalogError``.
"""

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ...resources_paths import RESOURCES
from ..i18n import tr
from .model import COLUMNS, Catalog, StatisticDef
from .validate import CatalogError, Problem, build_catalog

CATALOG_DIR = RESOURCES / "catalog"
DEFAULT_CATALOG = CATALOG_DIR / "td_t_1063_2021.csv"
DEFAULT_STATISTICS = CATALOG_DIR / "statistics.csv"
EXAMPLES = CATALOG_DIR / "examples"
STATISTIC_COLUMNS = ("code", "name_zh", "name_en", "unit", "aliases", "notes")

PathLike = Union[str, Path]


@dataclass
class RawRecord:
    file: str
    line: int
    values: Dict[str, object]  # only the cells that are set


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CatalogError([Problem(str(path), 0, "", "", tr("File not found."))]) from None
    except UnicodeDecodeError as error:
        raise CatalogError([Problem(str(path), 0, "", "", tr(
            "Not UTF-8 text ({error}); save the file as UTF-8 (CSV UTF-8 in Excel).").format(error=error))]) from None


def _read_csv(path: Path, allowed: Sequence[str], problems: List[Problem]) -> List[RawRecord]:
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text))
    header: Optional[List[str]] = None
    records: List[RawRecord] = []
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(Problem(str(path), reader.line_num, "", "", tr("CSV error: {error}").format(error=error)))
            break
        line = start
        start = reader.line_num + 1
        if not row or not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            unknown = [c for c in header if c not in allowed]
            for column in unknown:
                problems.append(Problem(str(path), line, "", column, tr("Unknown column (known: {known}).").format(
                    known=", ".join(allowed))))
            seen = set()
            for column in header:
                if column in seen:
                    problems.append(Problem(str(path), line, "", column, tr("Column appears twice.")))
                seen.add(column)
            if "code" not in header:
                problems.append(Problem(str(path), line, "", "code", tr("The header has no 'code' column.")))
                return []
            continue
        if len(row) > len(header):
            extra = [cell for cell in row[len(header):] if cell.strip()]
            if extra:
                problems.append(Problem(str(path), line, row[0].strip(), "", tr(
                    "Row has {n} cells but the header has {m} columns.").format(n=len(row), m=len(header))))
        values = {}
        for column, cell in zip(header, row):
            if column in allowed and cell.strip() != "":
                values[column] = cell.strip()
        records.append(RawRecord(str(path), line, values))
    return records


def _json_line(text: str, code: str, default: int) -> int:
    match = re.search(r'"code"\s*:\s*"' + re.escape(code) + '"', text)
    return text.count("\n", 0, match.start()) + 1 if match else default


def _read_json(path: Path, key: str, allowed: Sequence[str], problems: List[Problem]) -> List[RawRecord]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(str(path), error.lineno, "", "", tr("JSON error: {error}").format(error=error.msg)))
        return []
    items = data if isinstance(data, list) else data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(Problem(str(path), 1, "", "", tr("Expected a list under '{key}'.").format(key=key)))
        return []
    records = []
    for index, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(str(path), 1, "", "", tr("Item {n} is not an object.").format(n=index)))
            continue
        line = _json_line(text, str(item.get("code", "")), 1)
        for column in item:
            if column not in allowed:
                problems.append(Problem(str(path), line, str(item.get("code", "")), column,
                                        tr("Unknown column (known: {known}).").format(known=", ".join(allowed))))
        values = {k: v for k, v in item.items() if k in allowed and v not in (None, "")}
        records.append(RawRecord(str(path), line, values))
    return records


def read_records(path: PathLike, key: str = "indicators", allowed: Sequence[str] = COLUMNS,
                 problems: Optional[List[Problem]] = None) -> List[RawRecord]:
    """The records of a CSV or JSON catalog file (problems appended to ``problems``)."""
    path = Path(path)
    sink = problems if problems is not None else []
    if path.suffix.lower() == ".json":
        records = _read_json(path, key, allowed, sink)
    elif path.suffix.lower() in (".csv", ".txt", ".tsv"):
        records = _read_csv(path, allowed, sink)
    else:
        sink.append(Problem(str(path), 0, "", "", tr("Catalog files are .csv or .json, not '{suffix}'.").format(
            suffix=path.suffix)))
        records = []
    if problems is None and sink:
        raise CatalogError(sink)
    return records


def _split(value) -> Tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(part.strip() for part in re.split(r"[;,；，]", str(value or "")) if part.strip())


def read_statistics(paths: Iterable[PathLike], problems: List[Problem]) -> Dict[str, StatisticDef]:
    """Statistic definitions from one or more files (later files override earlier ones)."""
    found: Dict[str, StatisticDef] = {}
    for path in paths:
        seen: Dict[str, int] = {}
        for record in read_records(path, "statistics", STATISTIC_COLUMNS, problems):
            code = str(record.values.get("code", "")).strip()
            if not code:
                problems.append(Problem(record.file, record.line, "", "code", tr("Statistic without a code.")))
                continue
            if code in seen:
                problems.append(Problem(record.file, record.line, code, "code", tr(
                    "Duplicate statistic code (first on line {line}).").format(line=seen[code])))
                continue
            seen[code] = record.line
            old = found.get(code)
            values = record.values
            found[code] = StatisticDef(
                code=code,
                name_zh=str(values.get("name_zh", old.name_zh if old else code)),
                name_en=str(values.get("name_en", old.name_en if old else "")),
                unit=str(values.get("unit", old.unit if old else "")),
                aliases=_split(values["aliases"]) if "aliases" in values else (old.aliases if old else ()),
                notes=str(values.get("notes", old.notes if old else "")),
            )
    return found


def load_catalog(path: Optional[PathLike] = None, overrides: Sequence[PathLike] = (),
                 statistics: Sequence[PathLike] = ()) -> Catalog:
    """The shipped TD/T 1063-2021 catalog (or ``path``), with city ``overrides`` applied in order.

    ``statistics``: extra statistic-definition files (same columns as resources/catalog/
    statistics.csv) for the figures a city's own indicators read. Raises ``CatalogError``
    listing every problem with file and line.
    """
    problems: List[Problem] = []
    stats = read_statistics([DEFAULT_STATISTICS, *statistics], problems)
    layers = [read_records(path or DEFAULT_CATALOG, problems=problems)]
    for override in overrides:
        layers.append(read_records(override, problems=problems))
    if problems:
        raise CatalogError(problems)
    files = tuple(str(p) for p in [path or DEFAULT_CATALOG, *overrides])
    return build_catalog(layers, stats, files)


def example_override(name: str = "xiamen_local.csv") -> Path:
    return EXAMPLES / name
