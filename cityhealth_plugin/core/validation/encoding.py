"""Detecting garbled Chinese text (乱码, mojibake) in attribute values.

Three ways Chinese text commonly arrives broken, each recognisable from the string alone:

* bytes that were not valid in the encoding used to read them became U+FFFD (``ˮ��``);
  the tell-tale ``锟斤拷`` is that replacement character re-encoded through GBK;
* GBK or UTF-8 bytes read as Latin-1 / cp1252 (``Ë®Ìï``): the string is all Latin-1
  characters and its bytes decode as Chinese in GBK or UTF-8;
* UTF-8 bytes read as GBK (``姘寸敯`` for 水田): re-encoding the string in GBK gives
  valid UTF-8 that contains Chinese.

Only the distinct values are examined (capped), then mapped back to rows vectorised.
"""

import re
from typing import Iterable

import numpy as np
import pandas as pd

_CJK = re.compile(r"[\u3400-\u9fff]")
_HIGH_LATIN = re.compile(r"[\u0080-\u00ff]")
MAX_DISTINCT = 20000


def _has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def looks_garbled(text) -> bool:
    """True when ``text`` looks like Chinese decoded with the wrong encoding."""
    if not isinstance(text, str) or not text:
        return False
    if "\ufffd" in text or "锟斤拷" in text:
        return True
    if text.isascii():
        return False
    if _HIGH_LATIN.search(text) and not _has_cjk(text):
        for codec in ("latin-1", "cp1252"):
            try:
                raw = text.encode(codec)
            except UnicodeEncodeError:
                continue
            for source in ("gbk", "utf-8"):
                try:
                    if _has_cjk(raw.decode(source)):
                        return True
                except UnicodeDecodeError:
                    pass
    if _has_cjk(text):
        try:
            again = text.encode("gbk").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return False
        return again != text and _has_cjk(again)
    return False


def garbled_mask(values: Iterable) -> np.ndarray:
    """Boolean array: which values look garbled (non-strings are never garbled)."""
    series = pd.Series(values, dtype="object")
    is_text = series.map(type).eq(str).to_numpy() if len(series) else np.zeros(0, dtype=bool)
    if not is_text.any():
        return np.zeros(len(series), dtype=bool)
    text = series[is_text]
    distinct = pd.unique(text.to_numpy())
    if len(distinct) > MAX_DISTINCT:
        distinct = distinct[:MAX_DISTINCT]
    bad = [value for value in distinct if looks_garbled(value)]
    mask = np.zeros(len(series), dtype=bool)
    if bad:
        mask[np.flatnonzero(is_text)] = text.isin(bad).to_numpy()
    return mask
