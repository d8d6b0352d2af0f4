"""Review marks on compliance violations: reviewed or not, a note, who and when.

A violation is identified by its rule, the 三调 patch it belongs to (BSM, else the feature
id) and the assessment year — not by the row or feature id of a run, so that a mark set on
one run is found again on the next run and after reopening the project.

Stored in the table ``compliance_reviews`` of the assessment GeoPackage (an 'attributes'
table registered in gpkg_contents, so QGIS lists it), one row per key, with sqlite3; each
``save_reviews`` call is one transaction. Kept small and self-contained on purpose: it can
move onto the general assessment store (core/store) without touching its callers.

    save_reviews(db, [Review("redline_construction", "3502110000007074", 2024, True, "已核实，临时用地")])
    marks = load_reviews(db, year=2024)           # {(rule, patch id, year): Review}
    table = apply_reviews(violations, marks)      # adds reviewed, note, reviewer, reviewed_at
"""

import contextlib
import getpass
import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

import pandas as pd

from ..i18n import tr, tr_noop

TABLE = "compliance_reviews"
# messages (zh_CN in i18n/parts/compliance_gui.tsv)
NEEDS_KEY = tr_noop("A review needs a rule and a patch id.")
CANNOT_SAVE = tr_noop("The review marks cannot be saved in {path}: {error}")
CANNOT_READ = tr_noop("The review marks cannot be read from {path}: {error}")
COLUMNS = ("rule_id", "patch_id", "year", "reviewed", "note", "reviewer", "reviewed_at")
Key = Tuple[str, str, int]


@dataclass(frozen=True)
class Review:
    rule_id: str
    patch_id: str
    year: int
    reviewed: bool = False
    note: str = ""
    reviewer: str = ""
    reviewed_at: str = ""  # UTC, ISO 8601

    @property
    def key(self) -> Key:
        return review_key(self.rule_id, self.patch_id, self.year)


def review_key(rule_id, patch_id, year) -> Key:
    """(rule id, patch id as text, year): a patch id read as a float (3502.0) is the same as '3502'."""
    text = "" if patch_id is None else str(patch_id).strip()
    if text.endswith(".0") and text[:-2].lstrip("-").isdigit():
        text = text[:-2]
    return str(rule_id or "").strip(), text, int(year)


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (some services): anonymous
        return ""


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _has_table(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND lower(name)=lower(?)",
                       (TABLE,)).fetchone() is not None


def _create(path: Path) -> None:
    """Create the table (and the GeoPackage, when the file is new) with its unique key."""
    from ..store import gpkg  # the GeoPackage container and its gpkg_contents registration

    empty = pd.DataFrame({"rule_id": pd.Series(dtype=object), "patch_id": pd.Series(dtype=object),
                          "year": pd.Series(dtype="int64"), "reviewed": pd.Series(dtype="int64"),
                          "note": pd.Series(dtype=object), "reviewer": pd.Series(dtype=object),
                          "reviewed_at": pd.Series(dtype=object)})
    gpkg.write_table(path, TABLE, empty, overwrite=False)


def _ensure(path: Path) -> None:
    exists = path.is_file()
    if exists:
        with contextlib.closing(sqlite3.connect(str(path))) as con:
            if _has_table(con):
                con.execute(f'CREATE UNIQUE INDEX IF NOT EXISTS "{TABLE}_key" ON "{TABLE}" (rule_id, patch_id, year)')
                con.commit()
                return
    path.parent.mkdir(parents=True, exist_ok=True)
    _create(path)
    with contextlib.closing(sqlite3.connect(str(path))) as con:
        con.execute(f'CREATE UNIQUE INDEX IF NOT EXISTS "{TABLE}_key" ON "{TABLE}" (rule_id, patch_id, year)')
        con.commit()


def save_reviews(path, reviews: Iterable[Review], reviewer: Optional[str] = None) -> int:
    """Insert or update ``reviews`` in one transaction; returns the number of rows written.

    A review without ``reviewer`` / ``reviewed_at`` gets the current user and time.
    Raises ``ValueError`` (with a message for the user) when ``path`` is not a GeoPackage.
    """
    path = Path(path)
    now = _now()
    who = reviewer if reviewer is not None else default_reviewer()
    rows = []
    for review in reviews:
        rule_id, patch_id, year = review.key
        if not rule_id or not patch_id:
            raise ValueError(tr(NEEDS_KEY))
        rows.append((rule_id, patch_id, year, int(bool(review.reviewed)), review.note or "",
                     review.reviewer or who, review.reviewed_at or now))
    if not rows:
        return 0
    try:
        _ensure(path)
        with contextlib.closing(sqlite3.connect(str(path), isolation_level=None, timeout=10)) as con:
            con.execute("BEGIN IMMEDIATE")
            try:
                con.executemany(
                    f'INSERT INTO "{TABLE}" (rule_id, patch_id, year, reviewed, note, reviewer, reviewed_at) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, patch_id, year) DO UPDATE SET "
                    "reviewed = excluded.reviewed, note = excluded.note, reviewer = excluded.reviewer, "
                    "reviewed_at = excluded.reviewed_at", rows)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
    except sqlite3.DatabaseError as error:
        raise ValueError(tr(CANNOT_SAVE).format(path=path, error=error)) from None
    return len(rows)


def load_reviews(path, year: Optional[int] = None) -> Dict[Key, Review]:
    """{key: Review} stored in ``path`` (one year, or all); {} when there is no such file or table."""
    path = Path(path) if path else None
    if path is None or not path.is_file():
        return {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)) as con:
            if not _has_table(con):
                return {}
            sql = f'SELECT {", ".join(COLUMNS)} FROM "{TABLE}"'
            rows = con.execute(sql + " WHERE year = ?", (int(year),)).fetchall() if year is not None \
                else con.execute(sql).fetchall()
    except sqlite3.DatabaseError as error:
        raise ValueError(tr(CANNOT_READ).format(path=path, error=error)) from None
    out = {}
    for rule_id, patch_id, row_year, reviewed, note, who, when in rows:
        review = Review(*review_key(rule_id, patch_id, row_year), bool(reviewed), note or "", who or "", when or "")
        out[review.key] = review
    return out


def set_review(reviews: Dict[Key, Review], rule_id, patch_id, year, reviewed: Optional[bool] = None,
               note: Optional[str] = None) -> Review:
    """The review of a key with ``reviewed`` / ``note`` changed (the others kept); not saved."""
    key = review_key(rule_id, patch_id, year)
    current = reviews.get(key) or Review(*key)
    changed = replace(current, reviewed=current.reviewed if reviewed is None else bool(reviewed),
                      note=current.note if note is None else str(note), reviewer="", reviewed_at="")
    return changed


def _key_text(series: pd.Series) -> pd.Series:
    text = series.astype(object).where(series.notna(), "").astype(str).str.strip()
    return text.str.replace(r"^(-?\d+)\.0$", r"\1", regex=True)


def apply_reviews(violations: pd.DataFrame, reviews: Dict[Key, Review], year: Optional[int] = None) -> pd.DataFrame:
    """``violations`` (columns rule / rule_id, patch_id[, year]) with reviewed, note, reviewer, reviewed_at.

    ``year`` overrides the table's ``year`` column (needed when it has none).
    """
    out = violations.copy().reset_index(drop=True)
    rule_column = "rule" if "rule" in out.columns else "rule_id"
    marks = pd.DataFrame([(*r.key, bool(r.reviewed), r.note, r.reviewer, r.reviewed_at) for r in reviews.values()],
                         columns=list(COLUMNS)).drop_duplicates(["rule_id", "patch_id", "year"], keep="last")
    keys = pd.DataFrame({
        "rule_id": _key_text(out[rule_column]) if len(out) else pd.Series(dtype=object),
        "patch_id": _key_text(out["patch_id"]) if len(out) else pd.Series(dtype=object),
        "year": (pd.Series(int(year), index=out.index) if year is not None
                 else pd.to_numeric(out.get("year", pd.Series(0, index=out.index)), errors="coerce")
                 ).fillna(0).astype("int64"),
    })
    marks["year"] = marks["year"].astype("int64")
    joined = keys.merge(marks, on=["rule_id", "patch_id", "year"], how="left")
    out["reviewed"] = (joined["reviewed"].astype(object) == True).to_numpy(dtype=bool)  # noqa: E712 (NaN -> False)
    for name in ("note", "reviewer", "reviewed_at"):
        out[name] = joined[name].fillna("").astype(str).to_numpy() if len(out) else pd.Series(dtype=object)
    return out
