"""Generate the map set's print layout templates (resources/layouts/*.qpt) through the QGIS API.

The positions and font sizes come from cityhealth_plugin/core/mapset/page.py, so templates and
code agree. Run once after changing page.py, and commit the .qpt files:

    cd /work/main && QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tools/make_layouts.py

The north arrow's path is written relative to nothing in particular: the map set points it at
resources/icons/north_arrow.svg of the installed plugin when it fills a page.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], False)
    app.initQgis()
    try:
        from cityhealth_plugin.core.mapset.page import papers, template_name
        from cityhealth_plugin.qgis_bridge.layouts import build_template_layout, save_template
        from cityhealth_plugin.resources_paths import LAYOUTS

        project = QgsProject()
        for paper in papers():
            for cover in (False, True):
                layout = build_template_layout(project, paper, cover)
                path = save_template(layout, LAYOUTS / template_name(paper, cover))
                _relative_picture_paths(path)
                print(f"wrote {path.relative_to(ROOT)}")
    finally:
        app.exitQgis()
    return 0


def _relative_picture_paths(path: Path) -> None:
    """Keep the developer's absolute path out of the committed file."""
    text = path.read_text(encoding="utf-8")
    from cityhealth_plugin.resources_paths import RESOURCES

    text = text.replace(str(RESOURCES / "icons" / "north_arrow.svg"), "north_arrow.svg")
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
