"""The in-memory form in which core code receives a layer.

qgis_bridge reads a QGIS layer once into a ``LayerData``; the headless runner reads a
GeoPackage into the same structure. Core never sees a QgsFeature.
"""

from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import pandas as pd


@dataclass
class LayerData:
    """Geometries (shapely 2 array) with their attributes, in one CRS.

    ``fids`` are the source feature ids, so that results can point back to features
    (select, zoom). ``crs`` is an authority id such as ``EPSG:4548`` (or WKT when there
    is none). ``geometry_type`` is ``point``, ``line``, ``polygon`` or ``none``.
    """

    name: str
    geometries: np.ndarray
    attributes: pd.DataFrame
    fids: np.ndarray
    crs: str = ""
    geometry_type: str = "polygon"
    source: str = ""
    notes: list = field(default_factory=list)

    def __post_init__(self):
        count = len(self.attributes)
        if len(self.geometries) != count or len(self.fids) != count:
            raise ValueError(
                f"LayerData {self.name!r}: {len(self.geometries)} geometries, "
                f"{count} attribute rows and {len(self.fids)} ids do not match"
            )

    def __len__(self) -> int:
        return len(self.attributes)

    def column(self, name: str) -> Optional[pd.Series]:
        """The attribute column whose name matches ``name`` case-insensitively, or None."""
        wanted = name.lower()
        for col in self.attributes.columns:
            if str(col).lower() == wanted:
                return self.attributes[col]
        return None
