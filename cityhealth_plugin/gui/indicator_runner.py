"""Run ``cityhealth:computeindicators`` for the Indicators panel as a background task.

The parameters come from the project: the role assignments (project_state), the working CRS
when the user chose one, the statistics table and the assessment database
(qgis_bridge.assessment_db), the city catalog file.
"""

from typing import Dict, List

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProcessing, QgsProject

from ..core.i18n import tr
from ..qgis_bridge import assessment_db, project_state
from .tasks import run_algorithm

ALGORITHM_ID = "cityhealth:computeindicators"


def parameter_name(role_id: str) -> str:
    """Public API of the algorithm: one parameter per role, the role id upper-cased."""
    return role_id.upper()


def chosen_work_crs(project=None) -> str:
    """The working CRS the user chose in the Data panel ('' when never chosen: the algorithm decides)."""
    value, ok = (project or QgsProject.instance()).readEntry(project_state.SCOPE, "work_crs", "")
    return value if ok and value else ""


def compute_parameters(codes: List[str], year: int, db_path: str, statistics: str, project=None) -> Dict:
    project = project or QgsProject.instance()
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
    known = {p.name() for p in algorithm.parameterDefinitions()} if algorithm is not None else None
    parameters = {}
    for role_id, layer in project_state.assigned_layers(project).items():
        name = parameter_name(role_id)
        if known is None or name in known:
            parameters[name] = layer.id()
    parameters["CODES"] = ",".join(codes)
    parameters["YEAR"] = int(year)
    if statistics:
        parameters["STATISTICS"] = statistics
    overrides = assessment_db.catalog_overrides(project)
    if overrides:
        parameters["CATALOG_OVERRIDES"] = overrides[0]
    crs = chosen_work_crs(project)
    if crs:
        parameters["WORK_CRS"] = QgsCoordinateReferenceSystem(crs)
    parameters["ASSESSMENT_DB"] = db_path
    parameters["OUTPUT"] = QgsProcessing.TEMPORARY_OUTPUT
    return parameters


def start_compute(codes: List[str], year: int, db_path: str, statistics: str, on_done, project=None):
    """Start the computation; ``on_done(job)`` runs in the main thread. Returns the job."""
    return run_algorithm(ALGORITHM_ID, compute_parameters(codes, year, db_path, statistics, project),
                         on_done=on_done, description=tr("CityHealth indicators"), project=project)


def summary(job) -> str:
    result = job.result or {}

    def count(key):
        try:
            return int(result.get(key) or 0)
        except (TypeError, ValueError):
            return 0

    return tr("{ok} computed, {missing} missing inputs, {unavailable} not available, {errors} errors.").format(
        ok=count("COMPUTED"), missing=count("MISSING"), unavailable=count("UNAVAILABLE"), errors=count("ERRORS"))
