"""Pure computation: no qgis, no Qt. Everything here runs in a plain Python process."""
