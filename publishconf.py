"""Settings for publishing (GitHub Pages): pelicanconf.py plus absolute URLs and feeds."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# GitHub's Pages workflow passes SITEURL with --extra-settings; this is the fallback.
SITEURL = os.environ.get("SITEURL", "")
RELATIVE_URLS = False
FEED_ALL_ATOM = "feeds/all.atom.xml"
DELETE_OUTPUT_DIRECTORY = True
