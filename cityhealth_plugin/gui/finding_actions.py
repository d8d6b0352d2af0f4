"""What a finding lets the user do: see its features, fix it into a new layer, export the list."""

from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog

from ..core.i18n import tr
from ..core.roles.registry import ROLES_BY_ID
from ..qgis_bridge.styles import apply_role_style
from . import fix_actions, layer_tree, messages
from .settings import Settings

MIN_ZOOM_SCALE = 5000  # zooming to one small patch keeps its neighbours in view


class FindingActions:
    def __init__(self, iface, parent, roles, jobs, work_crs):
        self.iface = iface
        self.parent = parent  # widget for dialogs
        self.roles = roles  # role_table.RoleTable
        self.jobs = jobs  # job_panel.JobPanel
        self.work_crs = work_crs  # callable -> authid
        self.last_fix_layer = None

    @staticmethod
    def layer_of(finding):
        layer = QgsProject.instance().mapLayer(finding.layer_id) if finding.layer_id else None
        return layer if isinstance(layer, QgsVectorLayer) else None

    def show(self, finding) -> None:
        """Select the finding's features on its layer and zoom to them."""
        layer = self.layer_of(finding)
        if layer is None or not finding.fids:
            return
        layer.selectByIds(list(finding.fids))
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None and layer.selectedFeatureCount():
            canvas.zoomToSelected(layer)
            if 0 < canvas.scale() < MIN_ZOOM_SCALE:
                canvas.zoomScale(MIN_ZOOM_SCALE)
            canvas.flashFeatureIds(layer, list(finding.fids))

    def apply(self, finding):
        """Run the fix the finding offers. Returns the job for fixes that run in the background."""
        role_id = (finding.role or "").lower()
        if finding.action == "assign_role":
            if role_id in ROLES_BY_ID:
                self.roles.focus_role(role_id)
            return None
        layer = self.layer_of(finding)
        if layer is None:
            messages.show_warning(self.iface, tr("Layer '{layer}' is no longer in the project.").format(
                layer=finding.layer))
            return None
        if finding.action == "set_encoding":
            self.set_encoding(layer)
            return None
        if finding.action not in fix_actions.FIX_ALGORITHMS:
            return None
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return None
        folder = fix_actions.output_folder()
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self.parent, tr("Folder for corrected layers"), str(Path.home()))
            if not chosen:
                return None
            folder = Path(chosen)
            fix_actions.remember_output_folder(folder)
        job = fix_actions.start_fix(finding.action, layer, self.work_crs(), folder,
                                    on_done=lambda j: self._fixed(j, layer, role_id))
        return self.jobs.start(job, job.description)

    def _fixed(self, job, source_layer, role_id):
        self.jobs.finish()
        if not job.finished_ok:
            messages.show_error(self.iface, job.error_text(), tr("The fix failed"))
            return
        new_layer = fix_actions.open_output(job)
        if new_layer is None:
            messages.show_error(self.iface, tr("The corrected layer {path} could not be opened.").format(
                path=job.output_path))
            return
        layer_tree.place_next_to(new_layer, source_layer)
        role = ROLES_BY_ID.get(role_id)
        if role is not None:
            apply_role_style(new_layer, role_id)
            self.roles.set_layer(role_id, new_layer)
        messages.show_success(self.iface, tr("Wrote {path}; it is now used as '{role}'. Run the check again.").format(
            path=job.output_path, role=role.display_name() if role is not None else new_layer.name()))
        self.last_fix_layer = new_layer

    def set_encoding(self, layer) -> None:
        """Read the layer's text with another encoding (the file is not written)."""
        from ..qgis_bridge.layers import set_layer_encoding, suggest_encoding

        choices = list(fix_actions.ENCODINGS)
        suggested = suggest_encoding(layer)
        current = choices.index(suggested) if suggested in choices else 1
        encoding, ok = QInputDialog.getItem(self.parent, tr("Character encoding"),
                                            tr("Read '{layer}' with encoding:").format(layer=layer.name()),
                                            choices, current, False)
        if ok and encoding:
            set_layer_encoding(layer, encoding)
            layer.triggerRepaint()
            self.roles.refresh_all()
            messages.show_info(self.iface, tr("'{layer}' is now read as {encoding}. Run the check again.").format(
                layer=layer.name(), encoding=encoding))

    def export(self, findings, path: str = None):
        """Save ``findings`` as .xlsx; returns the path written (None when cancelled or failed)."""
        from ..core.exports.findings_xlsx import write_findings_xlsx

        if not findings:
            return None
        settings = Settings()
        if path is None:
            start = str(Path(settings.export_dir or Path.home()) / "cityhealth_data_check.xlsx")
            path, _filter = QFileDialog.getSaveFileName(self.parent, tr("Export findings"), start,
                                                        tr("Excel (*.xlsx)"))
            if not path:
                return None
        try:
            written = write_findings_xlsx([f.as_dict() for f in findings], path, title=tr("CityHealth data check"))
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The findings could not be exported"))
            return None
        settings.export_dir = str(Path(written).parent)
        messages.show_success(self.iface, tr("Findings written to {path}.").format(path=written))
        return written
