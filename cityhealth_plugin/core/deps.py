"""Which third-party Python packages the plugin needs, and a readable report when one is missing.

QGIS on Windows/macOS ships its own Python: pandas, openpyxl, shapely>=2 or scipy may be absent.
The plugin checks at load time and tells the user what to install instead of failing with a
traceback deep inside a computation.
"""

import importlib
from dataclasses import dataclass
from typing import List, Optional

from .i18n import tr


@dataclass(frozen=True)
class Requirement:
    module: str
    pip_name: str
    min_version: Optional[str] = None


REQUIREMENTS = (
    Requirement("numpy", "numpy"),
    Requirement("pandas", "pandas"),
    Requirement("shapely", "shapely", "2.0"),
    Requirement("scipy", "scipy"),
    Requirement("openpyxl", "openpyxl"),
)


def _version_tuple(text: str):
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def missing_requirements(requirements=REQUIREMENTS) -> List[str]:
    """One readable line per missing or too-old package; empty when everything is there."""
    problems = []
    for req in requirements:
        try:
            module = importlib.import_module(req.module)
        except ImportError:
            problems.append(tr("Python package '{name}' is missing.").format(name=req.pip_name))
            continue
        version = getattr(module, "__version__", "0")
        if req.min_version and _version_tuple(version) < _version_tuple(req.min_version):
            problems.append(
                tr("Python package '{name}' is version {found}; {minimum} or newer is needed.").format(
                    name=req.pip_name, found=version, minimum=req.min_version
                )
            )
    return problems


def install_hint() -> str:
    names = " ".join(f'"{r.pip_name}>={r.min_version}"' if r.min_version else r.pip_name for r in REQUIREMENTS)
    return tr(
        "Install them into the Python that QGIS uses. Windows (OSGeo4W Shell, as administrator): "
        "python -m pip install {names}. macOS: /Applications/QGIS.app/Contents/MacOS/bin/python3 "
        "-m pip install {names}. Linux: use your distribution's packages or a pip install for the "
        "system Python. Then restart QGIS."
    ).format(names=names)
