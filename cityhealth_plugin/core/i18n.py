"""Translation hook for core messages.

core/ must not import Qt, yet its messages reach the user. Core code marks every
user-facing string with ``tr("...")``; the plugin installs a translator backed by
``QCoreApplication.translate`` at load time. Without one (headless runner, tests)
the English source text is returned. ``tools/i18n.py`` extracts every ``tr()``
literal into ``i18n/cityhealth_zh_CN.ts`` under the single context below.
"""

from typing import Callable

CONTEXT = "CityHealth"

_translate: Callable[[str], str] = lambda text: text  # noqa: E731 (identity default)


def tr(text: str) -> str:
    """Translate a user-facing string (English source text)."""
    return _translate(text)


def tr_noop(text: str) -> str:
    """Mark a string for translation where it is defined (tables, class constants);
    translate it with ``tr(value)`` where it is shown. Like Qt's QT_TR_NOOP."""
    return text


def set_translator(translate: Callable[[str], str]) -> None:
    """Install the function that maps an English source string to the UI language."""
    global _translate
    _translate = translate


def reset_translator() -> None:
    set_translator(lambda text: text)
