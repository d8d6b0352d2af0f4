"""Every user-facing string has a finished zh_CN translation in the committed .ts file."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _i18n_tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_tr_string_is_translated():
    tool = _i18n_tool()
    strings = tool.collect_strings()
    entries = tool.read_ts()
    assert len(strings) > 50
    missing = sorted(f"{where}: {source!r}" for (ctx, source), where in strings.items()
                     if not entries.get((ctx, source), ("", False))[1])
    assert missing == [], f"{len(missing)} strings lack a zh_CN translation (run make i18n):\n" + "\n".join(missing[:40])


def test_translations_keep_placeholders():
    tool = _i18n_tool()
    import re

    for (ctx, source), (translation, finished) in tool.read_ts().items():
        if not finished:
            continue
        wanted = sorted(re.findall(r"\{[a-z_0-9]*(?::[^}]*)?\}", source))
        got = sorted(re.findall(r"\{[a-z_0-9]*(?::[^}]*)?\}", translation))
        assert wanted == got, f"{source!r} -> {translation!r}: placeholders differ"


def test_extractor_finds_tr_calls(tmp_path):
    tool = _i18n_tool()
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text('from x import tr\nprint(tr("Hello {name}").format(name=1))\nprint("not me")\n')
    tool.ROOT = tmp_path
    found = tool.collect_strings(package)
    assert list(found) == [("CityHealth", "Hello {name}")]
