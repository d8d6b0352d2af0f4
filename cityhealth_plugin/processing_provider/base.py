"""Shared behaviour of every CityHealth Processing algorithm.

Algorithm names, group ids and parameter names are a public API (models, scripts,
``qgis_process``): never rename them.
"""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterDefinition

from ..core.i18n import tr


class CityHealthAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, GROUP_ID and DISPLAY, GROUP, HELP as ``tr_noop("English")`` literals
    (so tools/i18n.py extracts them); they are translated here with tr()."""

    NAME = ""
    DISPLAY = ""
    GROUP_ID = ""
    GROUP = ""
    HELP = ""

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY)

    def group(self):
        return tr(self.GROUP)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def add_advanced_parameters(self, parameters) -> None:
        """Add parameters shown under "Advanced parameters" in the algorithm dialog."""
        for parameter in parameters:
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(parameter)

    @staticmethod
    def fail(message: str):
        """Stop the algorithm with a message for the user (never a traceback)."""
        raise QgsProcessingException(message)
