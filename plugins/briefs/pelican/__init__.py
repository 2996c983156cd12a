"""Pelican glue of the briefs plugin: signal receivers and what they do to Pelican objects."""
