"""Every tr() string of the compliance / diagnosis / xlsx-table modules has a zh_CN line in
i18n/parts/compliance.tsv with the same placeholders."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "cityhealth_plugin"
TSV = ROOT / "i18n" / "parts" / "compliance.tsv"
FILES = sorted((PACKAGE / "core" / "compliance").glob("*.py")) + [
    PACKAGE / "core" / "assessment" / name for name in ("diagnosis.py", "status_rules.py", "trend.py")
] + [PACKAGE / "core" / "exports" / name for name in ("conclusion_table.py", "key_tasks_table.py")]
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*(?::[^}]*)?\}")


def tr_literals(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name == "tr" and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.args[0].value


def read_tsv():
    pairs = {}
    for number, line in enumerate(TSV.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        assert len(parts) == 2, f"compliance.tsv:{number}: needs exactly one tab"
        assert parts[0] not in pairs, f"compliance.tsv:{number}: duplicate {parts[0]!r}"
        pairs[parts[0].replace("\\n", "\n")] = parts[1].replace("\\n", "\n")
    return pairs


def test_every_string_is_translated_with_its_placeholders():
    pairs = read_tsv()
    strings = {text for path in FILES for text in tr_literals(path)}
    assert len(strings) > 100
    missing = sorted(strings - set(pairs))
    assert missing == []
    for source in strings:
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(pairs[source])), source
        assert pairs[source].strip(), source
