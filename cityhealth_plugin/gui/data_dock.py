"""The Data panel: which layer plays which role, is the data fit for the health check, fix it.

Wiring only. The parts live in their own modules: the role list (role_table.RoleTable), the
findings table (findings_view.FindingsView), opening data (data_sources.DataSources), what a
finding lets the user do (finding_actions.FindingActions), the data check (check_runner), the
progress row (job_panel.JobPanel). Assignments are saved in the project
(qgis_bridge.project_state) as soon as they change and restored when a project is opened.
"""

from html import escape
from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer
from qgis.gui import QgsProjectionSelectionWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QWidget

from ..core.i18n import tr
from ..core.roles.registry import ROLES
from ..qgis_bridge import project_state
from . import check_runner, messages
from .base_dock import CityHealthDock
from .data_sources import DataSources
from .finding_actions import FindingActions
from .findings_view import FindingsView
from .job_panel import JobPanel
from .role_status import RoleStatus
from .role_table import RoleTable

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_name("data_dock.ui")))


class DataDock(CityHealthDock):
    DOCK_ID = "CityHealthDataDock"
    ICON = "data.svg"

    @staticmethod
    def title() -> str:
        return tr("City health check: Data")

    def __init__(self, iface, parent=None):
        super().__init__(iface, parent)
        self.last_check = None
        self._restoring = False
        content = QWidget(self)
        self.ui = FORM_CLASS()
        self.ui.setupUi(content)
        self.setWidget(content)
        self.roles = RoleTable(content)
        self.ui.rolesLayout.insertWidget(0, self.roles, 1)
        self.findings = FindingsView(content)
        self.ui.findingsLayout.insertWidget(1, self.findings, 1)
        self.ui.detailsLabel.hide()
        self.crs_widget = QgsProjectionSelectionWidget(content)
        self.crs_widget.setObjectName("workCrsWidget")
        self.ui.crsLayout.addWidget(self.crs_widget)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        ui = self.ui
        self.jobs = JobPanel(ui.progressRow, ui.progressLabel, ui.progressBar, ui.cancelButton,
                             (ui.openPackageButton, ui.openDemoButton, ui.recogniseButton, ui.checkButton))
        self.sources = DataSources(iface, self, self.roles, self.jobs)
        self.finding_actions = FindingActions(iface, self, self.roles, self.jobs, self.work_crs)
        self._connect()
        self.restore_from_project()

    # wiring -----------------------------------------------------------------------------
    def _connect(self):
        ui = self.ui
        ui.openPackageButton.clicked.connect(lambda: self.open_package())
        ui.openDemoButton.clicked.connect(lambda: self.open_demo_city())
        ui.recogniseButton.clicked.connect(lambda: self.recognise_roles())
        ui.checkButton.clicked.connect(lambda: self.run_check())
        ui.exportButton.clicked.connect(lambda: self.export_findings())
        self.roles.assignmentChanged.connect(self._on_assignment_changed)
        self.findings.findingClicked.connect(self.show_finding)
        self.findings.currentFindingChanged.connect(self._show_details)
        self.findings.actionRequested.connect(self.apply_fix)
        self.crs_widget.crsChanged.connect(self._on_crs_changed)
        project = QgsProject.instance()
        self.signals.connect(project.readProject, self._on_project_read)
        self.signals.connect(project.cleared, self._on_project_cleared)
        self.signals.connect(project.layersAdded, self._on_layers_added)

    def shutdown(self):
        """Stop listening to the project and to a running job before the dock goes away."""
        self.jobs.detach()
        super().shutdown()

    # public actions (buttons; also used by tests and scripts) ---------------------------
    def open_package(self, source: str = None):
        return self.sources.open_package(source)

    def open_demo_city(self, folder: str = None):
        return self.sources.open_demo_city(folder)

    def recognise_roles(self):
        return self.sources.recognise_roles()

    def show_finding(self, finding):
        self.finding_actions.show(finding)

    def apply_fix(self, finding):
        return self.finding_actions.apply(finding)

    def export_findings(self, path: str = None):
        return self.finding_actions.export(self.findings.findings(), path)

    def cancel_job(self):
        self.jobs.cancel()

    @property
    def job(self):
        return self.jobs.job

    def role_status(self, role_id) -> RoleStatus:
        return self.roles.status(role_id)

    def work_crs(self) -> str:
        crs = self.crs_widget.crs()
        return crs.authid() if crs.isValid() and crs.authid() else project_state.DEFAULT_WORK_CRS

    # project state ----------------------------------------------------------------------
    def restore_from_project(self):
        """Show the project's saved assignments and working CRS."""
        project = QgsProject.instance()
        self._restoring = True
        try:
            saved = project_state.read_role_assignments(project)
            for role in ROLES:
                layer = project.mapLayer(saved.get(role.id, ""))
                self.roles.set_layer(role.id, layer if isinstance(layer, QgsVectorLayer) else None)
            self.crs_widget.setCrs(QgsCoordinateReferenceSystem(project_state.read_work_crs(project)))
        finally:
            self._restoring = False
        self._update_summary()

    def _reset_findings(self):
        self.findings.set_findings([])
        self._show_details(None)
        self.last_check = None
        self.ui.exportButton.setEnabled(False)
        self._set_findings_label(tr("Run “Check data” to list data problems here."))

    def _on_project_read(self, *_args):
        self._reset_findings()
        self.restore_from_project()

    def _on_project_cleared(self):
        self.jobs.cancel()
        self._restoring = True
        try:
            self.roles.clear_assignments()
            self.roles.set_findings({})
        finally:
            self._restoring = False
        self._reset_findings()
        self._update_summary()

    def _on_layers_added(self, _layers):
        self.roles.refresh_all()

    def _on_assignment_changed(self, role_id, layer_id):
        if not self._restoring:
            project_state.write_role_assignment(role_id, layer_id or None)
        self._update_summary()

    def _on_crs_changed(self):
        crs = self.crs_widget.crs()
        if not self._restoring and crs.isValid():
            project_state.write_work_crs(crs.authid())

    def _update_summary(self):
        assigned, missing, problems = self.roles.summary()
        parts = [tr("{assigned} of {total} roles assigned.").format(assigned=assigned, total=len(ROLES))]
        if missing:
            parts.append(tr("{count} mandatory missing.").format(count=missing))
        if problems:
            parts.append(tr("{count} with problems.").format(count=problems))
        self.ui.summaryLabel.setText(" ".join(parts))

    # data check -------------------------------------------------------------------------
    def run_check(self):
        """Run the data check on the assigned layers as a background task. Returns the job."""
        if self.jobs.busy:
            messages.show_info(self.iface, tr("Wait for the running task to finish, or cancel it."))
            return None
        assignments = self.roles.assignments()
        if not assignments:
            messages.show_warning(self.iface, tr("Assign at least one layer before checking."))
            return None
        try:
            job = check_runner.start_check(assignments, self.work_crs(), on_done=self._check_done)
        except Exception as error:  # noqa: BLE001
            messages.report_exception(self.iface, error, tr("The data check could not start"))
            return None
        self._set_findings_label(tr("Checking…"))
        return self.jobs.start(job, tr("Checking data…"))

    def _check_done(self, job):
        self.jobs.finish()
        if not job.finished_ok:
            if job.canceled:
                self._set_findings_label(tr("The check was cancelled."))
                messages.show_info(self.iface, job.error_text())
            else:
                self._set_findings_label(tr("The check failed: {message}").format(message=job.error_text()))
                messages.show_error(self.iface, job.error_text(), tr("Data check failed"))
            return
        result = check_runner.read_result(job)
        self.last_check = result
        self.findings.set_findings(result.findings)
        self._show_details(None)
        self.roles.set_findings(check_runner.findings_by_role(result.findings))
        self.ui.exportButton.setEnabled(bool(result.findings))
        self._update_summary()
        if result.errors or result.warnings:
            text = tr("{errors} errors, {warnings} warnings. Click a row to see the features.").format(
                errors=result.errors, warnings=result.warnings)
        else:
            text = tr("No problems found.")
        self._set_findings_label(text)

    def _set_findings_label(self, text):
        self.ui.findingsLabel.setText(text)

    def _show_details(self, finding):
        """The selected finding in full below the table (the table cells are cut to fit the panel)."""
        if finding is None:
            self.ui.detailsLabel.clear()
            self.ui.detailsLabel.hide()
            return
        parts = [f"<b>{escape(finding.layer or finding.role)}</b> · {escape(finding.rule)}",
                 escape(finding.message)]
        if finding.fix:
            parts.append(f"<i>{escape(tr('How to fix:'))}</i> {escape(finding.fix)}")
        self.ui.detailsLabel.setText("<br>".join(parts))
        self.ui.detailsLabel.show()
