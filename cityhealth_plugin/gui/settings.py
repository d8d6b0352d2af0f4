"""The plugin's user settings: one typed place over QgsSettings (key prefix ``CityHealth/``).

Per-project choices (role assignments, working CRS) live in the project file instead:
see ``qgis_bridge/project_state.py``.
"""

from qgis.core import QgsSettings

PREFIX = "CityHealth/"


class _Setting:
    def __init__(self, key: str, default, kind):
        self.key = PREFIX + key
        self.default = default
        self.kind = kind

    def __get__(self, instance, owner):
        if instance is None:
            return self
        return QgsSettings().value(self.key, self.default, type=self.kind)

    def __set__(self, instance, value):
        QgsSettings().setValue(self.key, value)


class Settings:
    """``Settings().last_package_dir = '/data'``; values survive QGIS restarts."""

    last_package_dir = _Setting("data/last_package_dir", "", str)
    last_package_kind = _Setting("data/last_package_kind", "gpkg", str)  # gpkg | folder | postgis
    demo_dir = _Setting("data/demo_dir", "", str)
    demo_scale = _Setting("data/demo_scale", "small", str)
    output_dir = _Setting("data/output_dir", "", str)  # fixed layers when the project is unsaved
    export_dir = _Setting("data/export_dir", "", str)

    def reset(self):
        settings = QgsSettings()
        for name, value in vars(type(self)).items():
            if isinstance(value, _Setting):
                settings.remove(value.key)
