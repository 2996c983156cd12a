"""The `mujaz` command: annotate one file, import an article; reading one file outside Pelican."""
