"""Assemble the installable plugin folder build/cityhealth_plugin and its zip.

What is tested is what ships: ``make test`` runs against this folder. Steps: copy the
package (no caches), add metadata.txt and LICENSE, compile resources.qrc with pyrcc5 into
resources_rc.py, build i18n/*.ts into .qm with lrelease, zip the folder so that QGIS
"Install from ZIP" takes it.
"""

import argparse
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "cityhealth_plugin"
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", "*.qm", "resources_rc.py")


def run(cmd, **kwargs):
    print("[package]", " ".join(str(c) for c in cmd))
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name.replace("lrelease", "lrelease-qt5"))
    if not found:
        sys.exit(f"[package] {name} not found: run tools/setup.sh (pyqt5-dev-tools, qttools5-dev-tools)")
    return found


def assemble(build_dir: Path) -> Path:
    target = build_dir / PACKAGE
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PACKAGE, target, ignore=IGNORE)
    shutil.copy2(ROOT / "metadata.txt", target / "metadata.txt")
    shutil.copy2(ROOT / "LICENSE", target / "LICENSE")
    # pyrcc5 resolves file paths relative to the .qrc file.
    run([tool("pyrcc5"), "-o", target / "resources_rc.py", ROOT / "resources.qrc"])
    i18n_out = target / "i18n"
    i18n_out.mkdir(exist_ok=True)
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        run([tool("lrelease"), "-silent", ts, "-qm", i18n_out / (ts.stem + ".qm")])
    return target


def make_zip(folder: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if "__pycache__" in path.parts:
                continue
            archive.write(path, path.relative_to(folder.parent))
    print(f"[package] wrote {zip_path} ({zip_path.stat().st_size / 1e6:.1f} MB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build-dir", default=ROOT / "build", type=Path)
    parser.add_argument("--zip", action="store_true", help="also write build/cityhealth_plugin-VERSION.zip")
    args = parser.parse_args()
    folder = assemble(args.build_dir)
    if args.zip:
        version = next(
            line.split("=", 1)[1].strip()
            for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines()
            if line.startswith("version=")
        )
        make_zip(folder, args.build_dir / f"{PACKAGE}-{version}.zip")


if __name__ == "__main__":
    main()
