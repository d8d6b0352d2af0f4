"""QGIS core glue: qgis.core only (no qgis.gui, no widgets, no QGIS interface object)."""
