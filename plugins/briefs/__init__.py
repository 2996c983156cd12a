"""Mujaz briefs: a Pelican plugin that turns news articles into annotated briefs."""
