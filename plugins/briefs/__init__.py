"""Mujaz briefs: a Pelican plugin that turns news articles into annotated briefs.

Importing the package does not import Pelican, so the analysis (``briefs.analysis``) and the
``mujaz`` command run without it; Pelican calls :func:`register`, which wires the signals.
"""


def register() -> None:
    """Connect the plugin to Pelican's signals (Pelican's entry point)."""
    from briefs.plugin import register as register_signals

    register_signals()
