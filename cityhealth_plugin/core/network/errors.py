"""The one error type of the network engine: a message the user can act on."""


class NetworkError(ValueError):
    """Raised with a translated, user-facing message naming the layer and what to do."""
