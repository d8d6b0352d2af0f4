"""Choose a data package: a GeoPackage file, a folder of shapefiles, or a saved PostGIS connection."""

from qgis.core import QgsProviderRegistry
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ..core.i18n import tr
from .settings import Settings

KINDS = ("gpkg", "folder", "postgis")


def postgis_connections():
    """Names of the PostGIS connections saved in QGIS (empty when the provider is absent)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        return []
    try:
        return sorted(metadata.connections().keys())
    except Exception:  # noqa: BLE001 (no connections API / broken settings: offer none)
        return []


class OpenPackageDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("CityHealthOpenPackageDialog")
        self.setWindowTitle(tr("Open data package"))
        self.setMinimumWidth(520)
        settings = Settings()
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Layers are added to the project in the group “CityHealth data” and their roles are "
                          "recognised. The source data is not changed."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid = QGridLayout()
        self.kind_group = QButtonGroup(self)
        self.gpkg_radio = QRadioButton(tr("GeoPackage file"))
        self.folder_radio = QRadioButton(tr("Folder of shapefiles"))
        self.postgis_radio = QRadioButton(tr("PostGIS connection"))
        self.gpkg_widget = QgsFileWidget()
        self.gpkg_widget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.gpkg_widget.setStorageMode(QgsFileWidget.GetFile)
        self.folder_widget = QgsFileWidget()
        self.folder_widget.setStorageMode(QgsFileWidget.GetDirectory)
        self.postgis_combo = QComboBox()
        connections = postgis_connections()
        self.postgis_combo.addItems(connections)
        if not connections:
            self.postgis_combo.addItem(tr("(no saved connection: add one in the Browser panel)"))
            self.postgis_combo.setEnabled(False)
            self.postgis_radio.setEnabled(False)
        for row, (radio, widget) in enumerate(((self.gpkg_radio, self.gpkg_widget),
                                               (self.folder_radio, self.folder_widget),
                                               (self.postgis_radio, self.postgis_combo))):
            self.kind_group.addButton(radio, row)
            grid.addWidget(radio, row, 0)
            grid.addWidget(widget, row, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)

        last = settings.last_package_dir
        if last.lower().endswith(".gpkg"):
            self.gpkg_widget.setFilePath(last)
        elif last:
            self.folder_widget.setFilePath(last)
        kind = settings.last_package_kind if settings.last_package_kind in KINDS else "gpkg"
        radio = {"gpkg": self.gpkg_radio, "folder": self.folder_radio, "postgis": self.postgis_radio}[kind]
        (radio if radio.isEnabled() else self.gpkg_radio).setChecked(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

    def kind(self) -> str:
        return KINDS[max(self.kind_group.checkedId(), 0)]

    def source(self) -> str:
        kind = self.kind()
        if kind == "gpkg":
            return self.gpkg_widget.filePath().strip()
        if kind == "folder":
            return self.folder_widget.filePath().strip()
        return self.postgis_combo.currentText() if self.postgis_combo.isEnabled() else ""

    def _accept(self):
        if not self.source():
            self.error_label.setText(tr("Choose a GeoPackage, a folder or a connection first."))
            return
        settings = Settings()
        settings.last_package_kind = self.kind()
        if self.kind() != "postgis":
            settings.last_package_dir = self.source()
        self.accept()
