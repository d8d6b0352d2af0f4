"""Guessing the text encoding of a shapefile's .dbf when it has no .cpg file.

Chinese survey data is often delivered as GBK shapefiles without a .cpg; GDAL then reads
the bytes as UTF-8 or Latin-1 and every Chinese name turns into 乱码. ``sniff_dbf``
reads the character fields of the first records and tells whether the text is ASCII,
valid UTF-8, or valid GBK. Plain Python (no QGIS), so it is cheap and testable.
"""

import struct
from pathlib import Path
from typing import Optional

SAMPLE_BYTES = 4 * 1024 * 1024  # enough records to decide; the whole file is never read
# dBASE language driver ids that already declare a Chinese code page (GDAL honours them).
CHINESE_LDIDS = {0x4D, 0x7A}  # 0x4D: 936 (GBK), 0x7A: 936 as well in ArcGIS practice
AGREEMENT = 0.99  # share of non-ASCII values that must decode cleanly


def has_cpg(shp_path) -> bool:
    """True when the shapefile has a .cpg file (any case) that names its encoding."""
    path = Path(shp_path)
    return any(path.with_suffix(suffix).exists() for suffix in (".cpg", ".CPG", ".Cpg"))


def dbf_path(shp_path) -> Optional[Path]:
    path = Path(shp_path)
    for suffix in (".dbf", ".DBF", ".Dbf"):
        candidate = path.with_suffix(suffix)
        if candidate.exists():
            return candidate
    return None


def _text_values(raw: bytes):
    """The non-blank values of the character fields in the sampled records."""
    if len(raw) < 32:
        return [], 0
    records, header_length, record_length = struct.unpack("<IHH", raw[4:12])
    ldid = raw[29]
    fields = []
    offset = 1  # the deletion flag
    position = 32
    while position + 32 <= min(header_length, len(raw)) and raw[position] != 0x0D:
        descriptor = raw[position:position + 32]
        kind = chr(descriptor[11])
        length = descriptor[16]
        if kind == "C":
            fields.append((offset, length))
        offset += length
        position += 32
    values = []
    if not fields or record_length <= 0:
        return values, ldid
    start = header_length
    count = min(records, max(0, (len(raw) - start) // record_length))
    for index in range(count):
        record = raw[start + index * record_length:start + (index + 1) * record_length]
        if not record or record[0] == 0x2A:  # deleted
            continue
        for field_offset, length in fields:
            value = record[field_offset:field_offset + length].rstrip(b" \x00")
            if value:
                values.append(value)
    return values, ldid


def sniff_dbf(path, sample_bytes: int = SAMPLE_BYTES) -> str:
    """'ascii', 'UTF-8', 'GBK', 'declared' (the DBF names a Chinese code page) or 'unknown'."""
    with open(path, "rb") as handle:
        raw = handle.read(sample_bytes)
    values, ldid = _text_values(raw)
    if ldid in CHINESE_LDIDS:
        return "declared"
    wide = [value for value in values if not value.isascii()]
    if not wide:
        return "ascii"

    def share(codec):
        ok = 0
        for value in wide:
            try:
                value.decode(codec)
                ok += 1
            except UnicodeDecodeError:
                pass
        return ok / len(wide)

    if share("utf-8") >= AGREEMENT:
        return "UTF-8"
    if share("gbk") >= AGREEMENT or share("gb18030") >= AGREEMENT:
        return "GBK"
    return "unknown"


def shapefile_encoding_to_set(shp_path) -> Optional[str]:
    """The encoding to open a shapefile with, when it has no .cpg and its text is GBK; else None."""
    if has_cpg(shp_path):
        return None
    dbf = dbf_path(shp_path)
    if dbf is None:
        return None
    try:
        verdict = sniff_dbf(dbf)
    except OSError:
        return None
    return "GBK" if verdict == "GBK" else None
