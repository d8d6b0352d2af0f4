"""Long work off the main thread, one helper for every panel.

``run_algorithm`` runs a Processing algorithm as a ``QgsProcessingAlgRunnerTask`` (progress,
cancel, history-friendly parameters); ``run_function`` runs a plain Python function as a
``QgsTask`` (demo generation, exports that are not algorithms). Both report back through
Qt signals delivered in the main thread: no ``processEvents`` loops anywhere.

Python keeps a reference to every running job in ``_RUNNING`` until it finishes: the task
manager owns the C++ task, and a task whose Python wrapper is collected mid-run crashes QGIS.
"""

import traceback

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsTask,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.i18n import tr

_RUNNING = set()


def running_jobs():
    """The jobs started by the plugin that have not finished yet (for tests and unload)."""
    return set(_RUNNING)


def cancel_all():
    for job in list(_RUNNING):
        job.cancel()


class RecordingFeedback(QgsProcessingFeedback):
    """Feedback that keeps the algorithm's error and warning messages for the final report."""

    def __init__(self):
        super().__init__()
        self.errors = []
        self.warnings = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (Qt API)
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802 (Qt API)
        self.warnings.append(warning)
        super().pushWarning(warning)


class Job(QObject):
    """Common surface of a background job: progress, cancel, one ``done`` signal."""

    progressChanged = pyqtSignal(float)  # 0..100
    done = pyqtSignal(bool, object)  # (succeeded, result); result is a dict for algorithms

    def __init__(self, description: str):
        super().__init__()
        self.description = description
        self.result = None
        self.error = None  # BaseException when the job failed with an exception
        self.trace = ""
        self.canceled = False
        self.finished_ok = None

    def cancel(self):
        raise NotImplementedError

    def error_text(self) -> str:
        raise NotImplementedError

    def _finish(self, ok: bool, result):
        _RUNNING.discard(self)
        self.finished_ok = ok
        self.result = result
        self.done.emit(ok, result)


class AlgorithmJob(Job):
    """A Processing algorithm running as a task. ``result`` is the algorithm's output dict."""

    def __init__(self, algorithm_id: str, parameters: dict, description: str = None, project=None):
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if algorithm is None:
            raise QgsProcessingException(
                tr("The Processing algorithm '{id}' is not available. Check that its plugin is enabled.").format(
                    id=algorithm_id
                )
            )
        super().__init__(description or algorithm.displayName())
        self.algorithm_id = algorithm_id
        self.parameters = dict(parameters)
        self.context = QgsProcessingContext()
        self.context.setProject(project or QgsProject.instance())
        self.feedback = RecordingFeedback()
        self.feedback.progressChanged.connect(self.progressChanged)
        self.task = QgsProcessingAlgRunnerTask(algorithm, self.parameters, self.context, self.feedback)
        self.task.setDescription(self.description)
        self.task.executed.connect(self._on_executed)

    def start(self):
        _RUNNING.add(self)
        QgsApplication.taskManager().addTask(self.task)
        return self

    def cancel(self):
        self.canceled = True
        self.feedback.cancel()

    def take_layer(self, output_name: str = "OUTPUT"):
        """The layer of a temporary (memory) output, owned by the caller from now on; None if absent.

        File outputs are paths in ``result``: open them with QgsVectorLayer.
        """
        value = (self.result or {}).get(output_name)
        if not isinstance(value, str):
            return None
        return self.context.takeResultLayer(value)

    def error_text(self) -> str:
        if self.canceled:
            return tr("{task} was cancelled.").format(task=self.description)
        if self.feedback.errors:
            return "\n".join(dict.fromkeys(self.feedback.errors))
        return tr("{task} stopped without a message.").format(task=self.description)

    def _on_executed(self, successful, results):
        self._finish(bool(successful) and not self.canceled, dict(results or {}))


class _FunctionTask(QgsTask):
    def __init__(self, job, function):
        super().__init__(job.description, QgsTask.CanCancel)
        self.job = job
        self.function = function
        self.value = None
        self.error = None
        self.trace = ""

    def run(self):
        try:
            self.value = self.function(self)
        except Exception as error:  # noqa: BLE001 (reported to the user in finished())
            self.error = error
            self.trace = traceback.format_exc()
            return False
        return not self.isCanceled()

    def finished(self, result):  # main thread
        self.job._on_task_finished(bool(result), self)


class FunctionJob(Job):
    """A Python function ``function(task)`` running as a QgsTask.

    The function may call ``task.setProgress(percent)`` and should return early when
    ``task.isCanceled()``. Exceptions are caught and kept in ``error`` / ``trace``.
    """

    def __init__(self, description: str, function):
        super().__init__(description)
        self.task = _FunctionTask(self, function)
        self.task.progressChanged.connect(self.progressChanged)

    def start(self):
        _RUNNING.add(self)
        QgsApplication.taskManager().addTask(self.task)
        return self

    def cancel(self):
        self.canceled = True
        self.task.cancel()

    def error_text(self) -> str:
        from .messages import readable_error

        if self.canceled:
            return tr("{task} was cancelled.").format(task=self.description)
        if self.error is not None:
            return readable_error(self.error)
        return tr("{task} stopped without a message.").format(task=self.description)

    def _on_task_finished(self, ok, task):
        self.error = task.error
        self.trace = task.trace
        self.task = None  # the task manager deletes the C++ object after finished()
        self._finish(ok and not self.canceled, task.value)


def run_algorithm(algorithm_id, parameters, on_done=None, on_progress=None, description=None, project=None):
    """Start ``algorithm_id`` in the background. ``on_done(job)`` runs in the main thread."""
    job = AlgorithmJob(algorithm_id, parameters, description, project)
    _wire(job, on_done, on_progress)
    return job.start()


def run_function(description, function, on_done=None, on_progress=None):
    """Start ``function(task)`` in the background. ``on_done(job)`` runs in the main thread."""
    job = FunctionJob(description, function)
    _wire(job, on_done, on_progress)
    return job.start()


def _wire(job, on_done, on_progress):
    if on_done is not None:
        job.done.connect(lambda _ok, _result: on_done(job))
    if on_progress is not None:
        job.progressChanged.connect(on_progress)
