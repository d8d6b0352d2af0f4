"""The ``cityhealth`` Processing provider with its explicit list of algorithms."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..resources_paths import ICON_PATH


def algorithm_classes():
    """Every algorithm the provider offers. Add new ones here (one module per algorithm)."""
    from .algorithms.export_task_workbooks import ExportDepartmentWorkbooksAlgorithm
    from .algorithms.import_department_workbook import ImportDepartmentWorkbookAlgorithm
    from .algorithms.validate_data_package import ValidateDataPackageAlgorithm
    from .algorithms.compute_indicators import ComputeIndicatorsAlgorithm
    from .algorithms.landuse_area import LandUseAreaAlgorithm
    from .algorithms.overlay_area import OverlayAreaAlgorithm
    from .algorithms.zonal_density import ZonalDensityAlgorithm
    from .algorithms.check_compliance import CheckComplianceAlgorithm
    from .algorithms.diagnose_indicators import DiagnoseIndicatorsAlgorithm
    from .algorithms.service_area import ServiceAreaAlgorithm
    from .algorithms.coverage_rates import CoverageRatesAlgorithm
    from .algorithms.facility_catchments import FacilityCatchmentsAlgorithm
    from .algorithms.life_circle import LifeCircleAlgorithm
    from .algorithms.suggest_sites import SuggestSitesAlgorithm
    from .algorithms.network_topology import NetworkTopologyAlgorithm
    from .algorithms.export_map_set import ExportMapSetAlgorithm
    from .algorithms.analyse_survey import AnalyseSurveyAlgorithm
    from .algorithms.export_package import ExportPackageAlgorithm

    return [ValidateDataPackageAlgorithm,
            ExportDepartmentWorkbooksAlgorithm, ImportDepartmentWorkbookAlgorithm,
            CheckComplianceAlgorithm, DiagnoseIndicatorsAlgorithm,
            ComputeIndicatorsAlgorithm, LandUseAreaAlgorithm, OverlayAreaAlgorithm, ZonalDensityAlgorithm,
            ExportMapSetAlgorithm,
            AnalyseSurveyAlgorithm,
            ServiceAreaAlgorithm, CoverageRatesAlgorithm, FacilityCatchmentsAlgorithm, LifeCircleAlgorithm,
            SuggestSitesAlgorithm, NetworkTopologyAlgorithm,
            ExportPackageAlgorithm]


class CityHealthProvider(QgsProcessingProvider):
    def id(self):
        return "cityhealth"

    def name(self):
        return tr("CityHealth")

    def longName(self):  # noqa: N802
        return tr("CityHealth city health check and assessment")

    def icon(self):
        return QIcon(str(ICON_PATH))

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
