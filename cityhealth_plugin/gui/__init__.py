"""Dock widgets, dialogs and background tasks."""
