"""The built .qm turns the English source strings into Chinese when QGIS runs in zh_CN."""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication


def test_zh_cn_translator_translates_core_strings(qgis_app, plugin_dir):
    from cityhealth_plugin.core import i18n
    from cityhealth_plugin.plugin import install_translator

    assert (plugin_dir / "i18n" / "cityhealth_zh_CN.qm").exists(), "make package must build the .qm"
    settings = QgsSettings()
    old_flag, old_locale = settings.value("locale/overrideFlag"), settings.value("locale/userLocale")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    try:
        translator = install_translator()
        assert translator is not None
        assert i18n.tr("City Health Check") == "城市体检评估"
        QCoreApplication.removeTranslator(translator)
    finally:
        settings.setValue("locale/overrideFlag", old_flag if old_flag is not None else False)
        settings.setValue("locale/userLocale", old_locale or "")
        i18n.reset_translator()
    assert i18n.tr("City Health Check") == "City Health Check"
