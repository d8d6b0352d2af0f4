"""A dock's progress row: one background job at a time, its progress bar and Cancel button."""

from typing import Iterable, Optional

from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ..core.i18n import tr


def progress_row(parent):
    """The row every dock shows while a job runs: (row, label, progress bar, Cancel button)."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(row)
    bar = QProgressBar(row)
    cancel_button = QPushButton(tr("Cancel"), row)
    layout.addWidget(label)
    layout.addWidget(bar, 1)
    layout.addWidget(cancel_button)
    return row, label, bar, cancel_button


class JobPanel:
    def __init__(self, row, label, bar, cancel_button, buttons: Iterable = ()):
        self.row, self.label, self.bar = row, label, bar
        self.buttons = list(buttons)  # disabled while a job runs
        self.job = None
        cancel_button.clicked.connect(self.cancel)
        self.row.hide()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, job, text: str):
        """Show ``job``'s progress until ``finish()``. Returns the job."""
        self.job = job
        self.label.setText(text)
        self.bar.setRange(0, 100)
        self.bar.setValue(0)
        job.progressChanged.connect(self._progress)
        self.row.show()
        self._enable(False)
        return job

    def finish(self) -> None:
        self.job = None
        self.row.hide()
        self._enable(True)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def detach(self) -> Optional[object]:
        """Forget the running job without waiting for it (the dock is going away)."""
        job, self.job = self.job, None
        if job is not None:
            try:
                job.done.disconnect()
            except TypeError:
                pass
            job.cancel()
        return job

    def _progress(self, value):
        if self.job is not None:
            self.bar.setValue(int(value))

    def _enable(self, enabled: bool) -> None:
        for button in self.buttons:
            button.setEnabled(enabled)
