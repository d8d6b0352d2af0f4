"""CityHealth — 国土空间规划城市体检评估 QGIS plugin."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """QGIS entry point: a lazy import so that loading the package stays cheap."""
    from .plugin import CityHealthPlugin

    return CityHealthPlugin(iface)
