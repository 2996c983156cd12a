"""Pelican settings of the Mujaz demo site (see README, "Settings")."""

AUTHOR = "Mujaz"
SITENAME = "موجز"
SITEURL = ""
# Relative URLs let the built site be opened from any folder; publishconf.py turns them off.
RELATIVE_URLS = True

PATH = "content"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "ar"
DEFAULT_PAGINATION = 10
# The archive lists every brief: 300 a page keeps its pages small at any size of archive.
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None,
                       "archives": 300}

# Every value a template prints is escaped; the theme marks safe only the bodies and
# summaries the briefs plugin sanitised (the plugin turns autoescape on in any case).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["briefs"]

# Readable Arabic file names are not needed: every brief has a short ASCII Slug.
ARTICLE_URL = "briefs/{slug}.html"
ARTICLE_SAVE_AS = "briefs/{slug}.html"
ARTICLE_LANG_URL = "briefs/{slug}.{lang}.html"
ARTICLE_LANG_SAVE_AS = "briefs/{slug}.{lang}.html"
# Page 2 of a listing lives in its own folder, so a name ending in a digit (G20) never
# collides with another listing's page file.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
TAG_URL = "tags/{slug}.html"
TAG_SAVE_AS = "tags/{slug}.html"
SLUGIFY_SOURCE = "basename"
SLUGIFY_USE_UNICODE = True
DIRECT_TEMPLATES = ["index", "tags", "archives"]
TEMPLATE_PAGES = {"404.html": "404.html"}
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""

# No feeds while developing; publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Briefs plugin (all BRIEFS_* settings are listed in the README).
BRIEFS_DIGITS = "latn"
BRIEFS_KEY_QUOTES = 4

# Pelican keeps what it read of each content file and reads again only the files that
# changed (a fifth of a warm build is Markdown). The briefs plugin deletes that cache when
# the settings change, which Pelican itself does not check. Not gzipped: compressing it
# again on every build would cost more than the disk it saves.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
GZIP_CACHE = False
