"""Whole-site indexes, pure (no Pelican): entities across briefs, related briefs, story threads."""
