"""What the user sees when something happens: message bar entries and the plugin log.

Never a traceback in the user's face: an exception becomes one readable message bar entry
(what failed and what to do) and the full traceback goes to the QGIS log under the tab
"CityHealth" (View > Panels > Log Messages).
"""

import traceback

from qgis.core import Qgis, QgsMessageLog, QgsProcessingException

from ..core.i18n import tr

LOG_TAG = "CityHealth"
INFO_SECONDS = 5
WARNING_SECONDS = 10


def log(text: str, level=Qgis.Info) -> None:
    QgsMessageLog.logMessage(text, LOG_TAG, level)


def _push(iface, title, text, level, duration):
    log(f"{title}: {text}" if title else text, level)
    if iface is None:
        return
    iface.messageBar().pushMessage(title or tr("CityHealth"), text, level, duration)


def show_info(iface, text: str, title: str = None) -> None:
    _push(iface, title, text, Qgis.Info, INFO_SECONDS)


def show_success(iface, text: str, title: str = None) -> None:
    _push(iface, title, text, Qgis.Success, INFO_SECONDS)


def show_warning(iface, text: str, title: str = None) -> None:
    _push(iface, title, text, Qgis.Warning, WARNING_SECONDS)


def show_error(iface, text: str, title: str = None) -> None:
    """A critical message that stays until the user closes it."""
    _push(iface, title, text, Qgis.Critical, 0)


def readable_error(error: BaseException) -> str:
    """One sentence for the user; no class names or stack frames unless nothing better exists."""
    message = str(error).strip()
    if isinstance(error, QgsProcessingException) and message:
        return message
    if isinstance(error, ImportError):
        name = getattr(error, "name", None) or message
        return tr("A Python module is missing: {name}. Install it into QGIS's Python and restart QGIS.").format(
            name=name
        )
    if isinstance(error, PermissionError):
        return tr("No permission to write {path}. Choose another folder.").format(
            path=getattr(error, "filename", None) or message
        )
    if isinstance(error, FileNotFoundError):
        return tr("File not found: {path}.").format(path=getattr(error, "filename", None) or message)
    if isinstance(error, OSError):
        return tr("File problem: {message}").format(message=message or error.__class__.__name__)
    if message:
        return message
    return tr("Unexpected error ({kind}).").format(kind=error.__class__.__name__)


def report_exception(iface, error: BaseException, title: str = None, trace: str = None) -> str:
    """Show ``error`` as a readable message bar entry and log the traceback. Returns the text shown."""
    text = readable_error(error)
    details = trace or "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log(f"{title or tr('Error')}: {text}\n{details}", Qgis.Critical)
    if iface is not None:
        hint = tr("Details are in the log panel, tab CityHealth.")
        iface.messageBar().pushMessage(title or tr("CityHealth"), f"{text} {hint}", Qgis.Critical, 0)
    return text
