"""Remember the connections made to long-lived QGIS objects, to undo them all on unload.

A dock that connects to ``QgsProject.instance()`` and forgets to disconnect leaves a slot on
a deleted object: the next project load crashes or raises. Every such connection goes
through a ``SignalGroup`` and ``disconnect_all()`` runs in the dock's ``shutdown()``.
"""


class SignalGroup:
    def __init__(self):
        self._connections = []

    def connect(self, signal, slot):
        signal.connect(slot)
        self._connections.append((signal, slot))

    def disconnect_all(self):
        while self._connections:
            signal, slot = self._connections.pop()
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # already disconnected, or the sender is gone

    def __len__(self):
        return len(self._connections)
