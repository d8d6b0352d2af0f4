"""Getting data into the project: open a data package, the demo city, recognise roles."""

from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication, QFileDialog

from ..core.i18n import tr
from ..core.roles.registry import ROLES
from . import layer_tree, messages
from .open_package_dialog import OpenPackageDialog
from .settings import Settings
from .tasks import run_function

DEMO_SEED = 2024


class DataSources:
    def __init__(self, iface, parent, roles, jobs):
        self.iface = iface
        self.parent = parent  # widget for dialogs
        self.roles = roles  # role_table.RoleTable
        self.jobs = jobs  # job_panel.JobPanel

    def open_package(self, source: str = None):
        """Open a GeoPackage / shapefile folder / PostGIS connection; returns the layers added."""
        if source is None:
            dialog = OpenPackageDialog(self.parent)
            if not dialog.exec_():
                return []
            source = dialog.source()
        from ..qgis_bridge.package import open_data_package

        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            layers = open_data_package(source)
            if not layers:
                messages.show_warning(self.iface, tr("No vector layers found in {source}.").format(source=source))
                return []
            roles = layer_tree.recognise_layers(layers)
            notes = layer_tree.add_layers(layers, roles)
            for role_id, layer in roles.items():
                self.roles.set_layer(role_id, layer)
        except Exception as error:  # noqa: BLE001 (shown to the user, traceback to the log)
            messages.report_exception(self.iface, error, tr("The data package could not be opened"))
            return []
        finally:
            QApplication.restoreOverrideCursor()
        self.zoom_to(layers)
        messages.show_success(self.iface, tr("{layers} layers opened, {roles} roles recognised.").format(
            layers=len(layers), roles=len(roles)) + (" " + " ".join(notes) if notes else ""))
        return layers

    def open_demo_city(self, folder: str = None):
        """Generate the demo city into ``folder`` (asked when None) in the background, then open it.

        Returns the generating job, or None when nothing is generated (cancelled, or the file exists
        and is opened directly).
        """
        settings = Settings()
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self.parent, tr("Folder for the demo city"), settings.demo_dir)
            if not folder:
                return None
        settings.demo_dir = folder
        scale = settings.demo_scale or "small"
        path = Path(folder) / f"democity_{scale}.gpkg"
        if path.exists():
            messages.show_info(self.iface, tr("Opening the existing demo city {path}.").format(path=path))
            self.open_package(str(path))
            return None

        def generate(_task):
            from ..core.demo.city import generate_demo_city

            return generate_demo_city(scale=scale, seed=DEMO_SEED, out=path, dirty=False)

        def done(job):
            self.jobs.finish()
            if job.finished_ok:
                self.open_package(str(path))
            elif job.canceled:
                messages.show_info(self.iface, job.error_text())
            else:
                messages.report_exception(self.iface, job.error or RuntimeError(job.error_text()),
                                          tr("The demo city could not be generated"), job.trace)

        job = run_function(tr("Generating the demo city"), generate, on_done=done)
        return self.jobs.start(job, tr("Generating the demo city…"))

    def recognise_roles(self):
        """Re-run recognition on the project's vector layers; roles found are (re)assigned."""
        layers = list(QgsProject.instance().mapLayers().values())
        try:
            found = layer_tree.recognise_layers(layers)
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("Role recognition failed"))
            return {}
        for role_id, layer in found.items():
            self.roles.set_layer(role_id, layer)
        messages.show_info(self.iface, tr("{found} of {total} roles recognised.").format(
            found=len(found), total=len(ROLES)))
        return found

    def zoom_to(self, layers):
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        extents = [canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
                   for layer in layers if layer.isValid() and not layer.extent().isEmpty()]
        if extents:
            extent = extents[0]
            for other in extents[1:]:
                extent.combineExtentWith(other)
            canvas.setExtent(extent)
            canvas.refresh()
