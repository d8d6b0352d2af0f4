"""The QGIS part of the year's package: 附件3 (the map set) drawn from a data package path.

``export_package_map_set(request)`` is the map-set exporter of ``core.deliverables.build_package``:
it opens the data package's standard layers (XZQ, DLTB, DLTB_2020, YJJBNT, …) as OGR layers, adds
the results core prepared from the assessment database (violations, service areas and uncovered
land of the coverage indicators, life-circle cells, district values, satisfaction), runs
``qgis_bridge.layouts.export_map_set`` and moves the files into the package: the PDF as
``附件3 分析图集.pdf`` and one PNG per page in ``附件3 分析图集/``. No GUI is needed — it runs in a
Processing algorithm (any thread, as the map set does) and in the headless runner.

``ensure_application()`` starts an offscreen ``QgsApplication([], False)`` when none is running
(the CLI); ``headless_exporter()`` returns the exporter with a running application;
``install_translation("zh_CN")`` loads the plugin's .qm so that the runner's deliverables are Chinese. Importing this module registers the exporter as the default of ``build_package``.
"""

import shutil
import time
from pathlib import Path
from typing import Dict, List

from qgis.core import QgsApplication, QgsFeedback, QgsVectorLayer

from ..core.deliverables.maps import MapPage, MapSetOutcome, MapSetRequest
from ..core.deliverables.package import set_default_map_exporter
from ..core.i18n import tr
from ..core.mapset.catalog import default_catalogue
from ..core.roles.registry import ROLES
from ..core.store import gpkg
from .layouts import MapSetError, MapSetOptions, export_map_set
from .map_layers import MapSetInputs

_APPLICATION: List[QgsApplication] = []
_TRANSLATORS: list = []


def ensure_application() -> QgsApplication:
    """The running QgsApplication, or a new headless one (kept for the life of the process)."""
    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
        _APPLICATION.append(app)
    return app


def role_layers(data: Path) -> Dict[str, QgsVectorLayer]:
    """{role id: QgsVectorLayer} of the data package's standard layers (features only)."""
    tables = {row[0].lower(): row for row in gpkg.list_layers(data)}
    layers = {}
    for role in ROLES:
        row = tables.get(role.standard_name.lower())
        if row is None or row[1] != "features" or not row[4]:
            continue
        layer = QgsVectorLayer(f"{data}|layername={row[0]}", row[0], "ogr")
        if layer.isValid():
            layers[role.id] = layer
    return layers


def _names(inputs: MapSetInputs) -> Dict[str, str]:
    indicators = {code: {"zh": values.name, "en": values.name_en or values.name, "unit": values.unit}
                  for code, values in inputs.indicator_values().items()}
    return {entry.id: entry.name("zh") for entry in default_catalogue().entries(indicators)}


def _flatten_pngs(pngs: List[str], target: Path) -> Dict[str, Path]:
    """Move the page PNGs into ``target``; {page stem: new path}."""
    target.mkdir(parents=True, exist_ok=True)
    moved = {}
    for png in pngs:
        source = Path(png)
        destination = target / source.name
        if source.resolve() != destination.resolve():
            shutil.move(str(source), str(destination))
        moved[source.stem] = destination
    return moved


def export_package_map_set(request: MapSetRequest) -> MapSetOutcome:
    """Draw the package's map set (see the module docstring). Raises MapSetError with a sentence."""
    started = time.perf_counter()
    data = Path(request.data)
    roles = role_layers(data)
    if not roles:
        raise MapSetError(tr("The data package {path} has no standard layers to draw.").format(path=data))
    results = {key: value for key, value in request.results.items() if value is not None}
    inputs = MapSetInputs(roles, results).prepared()
    folder = Path(request.folder)
    png_folder = folder / request.png_folder_name
    work = folder / (request.png_folder_name + "_tmp")
    if work.exists():
        shutil.rmtree(work, ignore_errors=True)
    options = MapSetOptions(maps=list(request.maps) if request.maps else None, paper=request.paper,
                            png_dpi=int(request.png_dpi), atlas=bool(request.atlas), cover=True, png=True,
                            city=request.city, year=int(request.year), base_year=int(request.base_year),
                            lang=request.lang, output_folder=str(work), pdf_name=request.pdf_name)
    feedback = request.feedback if isinstance(request.feedback, QgsFeedback) else None
    try:
        result = export_map_set(inputs, options, feedback)
        pdf = folder / request.pdf_name
        shutil.move(result.pdf, str(pdf))
        if png_folder.exists():
            shutil.rmtree(png_folder, ignore_errors=True)
        moved = _flatten_pngs(result.pngs, png_folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    names = _names(inputs)
    pages = []
    for stem, path in moved.items():
        map_id = stem.split("_", 1)[1] if "_" in stem and stem[:2].isdigit() else stem
        if map_id == "cover":
            continue
        if map_id in result.maps:
            pages.append(MapPage(map_id, names.get(map_id, map_id), path))
    return MapSetOutcome(pdf=pdf, pages=pages, unavailable=list(result.unavailable), page_count=result.pages,
                         seconds=time.perf_counter() - started, warnings=list(result.warnings),
                         page_times=list(result.page_times))


def install_translation(locale: str = "zh_CN") -> bool:
    """Route core ``tr()`` through Qt with the plugin's compiled translation for ``locale`` (the headless
    runner has no plugin object to do it), so that table headers of 附件1 / 附件2 are in the language of
    the deliverables. False when no .qm is there (source tree: run ``make package``)."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from ..core import i18n
    from ..resources_paths import I18N

    for candidate in dict.fromkeys((locale, locale[:2])):
        path = I18N / f"cityhealth_{candidate}.qm"
        if not path.exists():
            continue
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _TRANSLATORS.append(translator)
            i18n.set_translator(lambda text: QCoreApplication.translate(i18n.CONTEXT, text))
            return True
    return False


def remove_translations() -> None:
    """Undo ``install_translation`` (the runner is done; the process may go on, e.g. in tests)."""
    from qgis.PyQt.QtCore import QCoreApplication

    from ..core import i18n

    while _TRANSLATORS:
        QCoreApplication.removeTranslator(_TRANSLATORS.pop())
    i18n.reset_translator()


def headless_exporter():
    """(exporter, '') with a running QgsApplication, for the headless runner."""
    ensure_application()
    return export_package_map_set, ""


set_default_map_exporter(export_package_map_set)
