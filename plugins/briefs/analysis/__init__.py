"""Article analysis: pure text functions. Must not import Pelican."""
