"""Exceptions of the indicator engine."""

from typing import List, Tuple


class MissingInput(Exception):
    """An input (layer role, statistic, indicator) that an indicator needs is absent."""

    def __init__(self, kind: str, ident: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.ident = ident
        self.message = message
        self.items: List[Tuple[str, str]] = [(kind, ident)]
