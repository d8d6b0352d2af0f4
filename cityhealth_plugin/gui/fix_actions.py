"""Fixes offered by the findings table. Each writes a NEW layer; the source is never modified.

'reproject' -> native:reprojectlayer to the working CRS, 'repair' -> native:fixgeometries,
both into a GeoPackage in the output folder (project state ``output_dir``, else
``<project folder>/cityhealth_output``, else the folder remembered in the settings, else
one the user picks). The dock then assigns the new layer to the role.
"""

import re
from pathlib import Path
from typing import Optional

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from ..core.i18n import tr
from ..qgis_bridge import project_state
from .settings import Settings
from .tasks import run_algorithm

OUTPUT_SUBFOLDER = "cityhealth_output"
ENCODINGS = ("UTF-8", "GBK", "GB18030", "Big5", "System")
FIX_ALGORITHMS = {"reproject": "native:reprojectlayer", "repair": "native:fixgeometries"}


def output_folder(project=None) -> Optional[Path]:
    """The folder for written layers, or None when the user must choose one."""
    project = project or QgsProject.instance()
    saved = project_state.read_output_dir(project)
    if saved:
        return Path(saved)
    if project.absolutePath():
        return Path(project.absolutePath()) / OUTPUT_SUBFOLDER
    remembered = Settings().output_dir
    return Path(remembered) if remembered else None


def remember_output_folder(folder, project=None) -> None:
    Settings().output_dir = str(folder)
    project_state.write_output_dir(str(folder), project)


def safe_stem(text: str) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_.")
    return stem or "layer"


def unique_path(folder: Path, stem: str, suffix: str = ".gpkg") -> Path:
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{number}{suffix}"
        number += 1
    return candidate


def output_name(action: str, layer, work_crs: str) -> str:
    if action == "reproject":
        return f"{layer.name()}_{work_crs.replace(':', '')}"
    return f"{layer.name()}_repaired"  # also the file name: kept ASCII


def start_fix(action: str, layer, work_crs: str, folder: Path, on_done, on_progress=None):
    """Run the fix for ``action`` on ``layer`` into a new GeoPackage in ``folder``. Returns the job."""
    if action not in FIX_ALGORITHMS:
        raise ValueError(tr("Unknown fix '{action}'.").format(action=action))
    folder.mkdir(parents=True, exist_ok=True)
    name = output_name(action, layer, work_crs)
    path = unique_path(folder, safe_stem(name))
    parameters = {"INPUT": layer.id(), "OUTPUT": str(path)}
    if action == "reproject":
        parameters["TARGET_CRS"] = QgsCoordinateReferenceSystem(work_crs)
    description = (tr("Reprojecting {layer}") if action == "reproject" else tr("Repairing {layer}")).format(
        layer=layer.name())
    job = run_algorithm(FIX_ALGORITHMS[action], parameters, on_done=on_done, on_progress=on_progress,
                        description=description)
    job.output_path = path
    job.output_name = name
    return job


def open_output(job) -> Optional[QgsVectorLayer]:
    """The layer written by a finished fix job (None when it cannot be opened)."""
    path = (job.result or {}).get("OUTPUT") or str(job.output_path)
    layer = QgsVectorLayer(str(path), job.output_name, "ogr")
    return layer if layer.isValid() else None
