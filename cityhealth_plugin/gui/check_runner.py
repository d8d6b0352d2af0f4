"""Run the data check (``cityhealth:validatedatapackage``) on the assigned layers as a task."""

from dataclasses import dataclass, field
from typing import Dict, List

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProcessing

from ..core.i18n import tr
from .findings_model import Finding, findings_from_layer
from .tasks import run_algorithm

ALGORITHM_ID = "cityhealth:validatedatapackage"


@dataclass
class CheckResult:
    findings: List[Finding] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0


def parameter_name(role_id: str) -> str:
    """Public API of the algorithm: one parameter per role, the role id upper-cased."""
    return role_id.upper()


def check_parameters(assignments: Dict[str, str], work_crs: str) -> dict:
    """Parameters for the algorithm from {role_id: layer_id}; roles it does not know are left out."""
    algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
    known = {p.name() for p in algorithm.parameterDefinitions()} if algorithm is not None else None
    parameters = {}
    for role_id, layer_id in assignments.items():
        name = parameter_name(role_id)
        if layer_id and (known is None or name in known):
            parameters[name] = layer_id
    parameters["WORK_CRS"] = QgsCoordinateReferenceSystem(work_crs)
    parameters["OUTPUT"] = QgsProcessing.TEMPORARY_OUTPUT
    return parameters


def read_result(job) -> CheckResult:
    """Findings and counts from a finished check job."""
    layer = job.take_layer("OUTPUT")
    findings = findings_from_layer(layer) if layer is not None else []
    result = job.result or {}

    def number(key, severity):
        value = result.get(key)
        try:
            return int(value)
        except (TypeError, ValueError):
            return sum(1 for f in findings if f.severity == severity)

    return CheckResult(findings, number("ERRORS", "error"), number("WARNINGS", "warning"))


def start_check(assignments: Dict[str, str], work_crs: str, on_done, on_progress=None):
    """Start the check; ``on_done(job)`` runs in the main thread. Returns the job."""
    return run_algorithm(
        ALGORITHM_ID,
        check_parameters(assignments, work_crs),
        on_done=on_done,
        on_progress=on_progress,
        description=tr("CityHealth data check"),
    )


def findings_by_role(findings: List[Finding]) -> Dict[str, List[str]]:
    """Messages of errors and warnings per role, for the role list's status icons."""
    grouped = {}
    for finding in findings:
        if finding.role and finding.severity in ("error", "warning"):
            grouped.setdefault(finding.role.lower(), []).append(finding.message or finding.rule)
    return grouped
