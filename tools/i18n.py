"""Keep i18n/cityhealth_zh_CN.ts in step with the code.

Every user-facing string is an English literal passed to ``tr("...")`` (the one translation
hook, ``cityhealth_plugin.core.i18n.tr``), or a string in a Qt Designer ``.ui`` file.
Commands:
  extract           add new strings to the .ts (as unfinished), mark vanished ones obsolete
  apply FILE.tsv    set translations from a tab-separated file: English<TAB>中文 per line
  status            list strings without a finished translation (exit 1 if any)
The test suite calls ``collect_strings`` and ``read_ts`` to check the .ts is complete.
"""

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cityhealth_plugin"
TS_FILE = ROOT / "i18n" / "cityhealth_zh_CN.ts"
CONTEXT = "CityHealth"


def _literal_calls(tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        first = node.args[0]
        if name in ("tr", "tr_noop") and isinstance(first, ast.Constant) and isinstance(first.value, str):
            yield CONTEXT, first.value


def collect_strings(package: Path = PACKAGE):
    """{(context, source)} for every tr() literal in .py files and every string in .ui files."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for key in _literal_calls(tree):
            found.setdefault(key, f"{path.relative_to(ROOT)}")
    for path in sorted(package.rglob("*.ui")):
        root = ET.parse(path).getroot()
        context = root.findtext("class") or path.stem
        for string in root.iter("string"):
            if string.text and string.get("notr") != "true":
                found.setdefault((context, string.text), f"{path.relative_to(ROOT)}")
    return found


def read_ts(path: Path = TS_FILE):
    """{(context, source): (translation, finished)}"""
    entries = {}
    if not path.exists():
        return entries
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name")
        for message in ctx.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            finished = node is not None and node.get("type") not in ("unfinished", "obsolete", "vanished")
            entries[(name, source)] = ((node.text or "") if node is not None else "", finished and bool(node.text))
    return entries


def write_ts(entries, locations, path: Path = TS_FILE):
    root = ET.Element("TS", version="2.1", language="zh_CN")
    by_context = {}
    for (context, source), value in entries.items():
        by_context.setdefault(context, []).append((source, value))
    for context in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, (translation, finished) in sorted(by_context[context]):
            message = ET.SubElement(ctx, "message")
            where = locations.get((context, source))
            if where:
                ET.SubElement(message, "location", filename="../" + where)
            ET.SubElement(message, "source").text = source
            node = ET.SubElement(message, "translation")
            node.text = translation
            if where is None:
                node.set("type", "vanished")
            elif not finished:
                node.set("type", "unfinished")
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def extract():
    locations = collect_strings()
    entries = {key: value for key, value in read_ts().items() if key in locations}
    for key in locations:
        entries.setdefault(key, ("", False))
    write_ts(entries, locations)
    missing = [k for k, (_, done) in entries.items() if not done]
    print(f"[i18n] {len(entries)} strings, {len(missing)} without translation -> {TS_FILE.relative_to(ROOT)}")


def apply(tsv: Path):
    locations = collect_strings()
    entries = {key: value for key, value in read_ts().items() if key in locations}
    for key in locations:
        entries.setdefault(key, ("", False))
    wanted = {}
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            source, translation = line.split("\t", 1)
            wanted[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    applied = 0
    for key in entries:
        if key[1] in wanted:
            entries[key] = (wanted[key[1]], True)
            applied += 1
    write_ts(entries, locations)
    print(f"[i18n] applied {applied} translations")


def status() -> int:
    locations = collect_strings()
    entries = read_ts()
    missing = [k for k in locations if not entries.get(k, ("", False))[1]]
    for context, source in missing:
        print(f"{context}\t{source!r}\t{locations[(context, source)]}")
    print(f"[i18n] {len(locations)} strings, {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "status"
    if command == "extract":
        extract()
    elif command == "apply":
        apply(Path(sys.argv[2]))
    else:
        sys.exit(status())
