"""statistic / survey / bigdata: a figure read from the statistics table (DEPT_STATS)."""

from ...catalog.params import statistic_code
from ..registry import Measurement


def compute_statistic(indicator, ctx) -> Measurement:
    """The row of the indicator's own code (or ``params.statistic``) for the assessment year.

    Rows may carry their own unit (converted into the indicator's unit); per-district rows
    (unit_code = XZQDM) and per-sub-district rows (JDDM) become per-unit values.
    """
    code = statistic_code(indicator.code, indicator.params)
    return Measurement(ctx.statistic(code, indicator.unit))
