"""Every tr() string of core/survey has a zh_CN line in i18n/parts/survey.tsv, placeholders kept."""

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _strings():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return {source for _, source in tool.collect_strings(ROOT / "cityhealth_plugin" / "core" / "survey")}


def test_survey_strings_are_translated():
    rows = {}
    for line in (ROOT / "i18n" / "parts" / "survey.tsv").read_text(encoding="utf-8").splitlines():
        source, translation = line.split("\t")
        rows[source.replace("\\n", "\n")] = translation
    strings = _strings()
    assert len(strings) > 100
    assert sorted(strings - set(rows)) == []
    for source in strings:
        pattern = r"\{[a-z_0-9]*(?::[^}]*)?\}"
        assert sorted(re.findall(pattern, source)) == sorted(re.findall(pattern, rows[source])), source
        assert rows[source].strip(), source
