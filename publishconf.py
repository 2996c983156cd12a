"""Settings for publishing (GitHub Pages): pelicanconf.py plus absolute URLs and feeds.

SITEURL comes from the SITEURL environment variable: GitHub's Pages workflow
(.github/workflows/pages.yml) sets it to the Pages base URL; locally, set it yourself.
With BRIEFS_PUBLISHING on, an empty or relative SITEURL stops the build with a message
saying what to set.
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
BRIEFS_PUBLISHING = True

# Atom only: one feed for the site, one a tag, one a language for translations.
# Arabic tag slugs are fine: the briefs plugin percent-encodes the entry ids.
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
FEED_MAX_ITEMS = 50

DELETE_OUTPUT_DIRECTORY = True
