"""The layering of ARCHITECTURE.md, enforced by an import scan of the shipped package."""

import ast
import sys
from pathlib import Path

import cityhealth_plugin

PACKAGE = Path(cityhealth_plugin.__file__).resolve().parent
QT_OR_QGIS = ("qgis", "PyQt5", "PyQt6", "PySide2", "PySide6", "sip", "processing")
GUI_ONLY = ("qgis.gui", "qgis.utils", "qgis.PyQt.QtWidgets", "PyQt5.QtWidgets", "PyQt6.QtWidgets")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:
                yield node.lineno, f"{node.module}.{alias.name}"


def violations(folder: str, forbidden, extra_words=()):
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for line, module in imported_modules(path):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
        text = path.read_text(encoding="utf-8")
        for word in extra_words:
            if word in text:
                found.append(f"{path.relative_to(PACKAGE)} mentions {word}")
    return found


def test_core_imports_no_qgis_or_qt():
    assert violations("core", QT_OR_QGIS) == []


def test_bridge_and_processing_import_no_gui_and_never_touch_iface():
    for folder in ("qgis_bridge", "processing_provider"):
        assert violations(folder, GUI_ONLY, extra_words=("iface",)) == [], folder


def test_scan_finds_a_violation(tmp_path, monkeypatch):
    """The scan itself must be able to fail."""
    fake = tmp_path / "core"
    fake.mkdir()
    (fake / "bad.py").write_text("from qgis.core import QgsVectorLayer\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path)
    assert violations("core", QT_OR_QGIS) == ["core/bad.py:1 imports qgis.core", "core/bad.py:1 imports qgis.core.QgsVectorLayer"]


def test_one_algorithm_per_file():
    for path in sorted((PACKAGE / "processing_provider" / "algorithms").glob("*.py")):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef) and n.name.endswith("Algorithm")]
        assert len(classes) == 1, f"{path.name}: {classes}"
