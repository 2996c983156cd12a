"""Pelican sites that work without the plugin keep working with it and the project's settings.

Pelican 4.12 gives an article its ``DEFAULT_CATEGORY`` only when category pages are written
(``readers.default_metadata`` checks ``CATEGORY_SAVE_AS``), so with ``CATEGORY_SAVE_AS = ""``
(``pelicanconf.py``: no category pages) an article without a ``Category:`` line has no
``category`` attribute. Every other use of it in Pelican is guarded (``hasattr``/``getattr``
in ``ArticlesGenerator.generate_context`` and ``generate_articles``, ``Content.url_format``),
but ``ArticlesGenerator.generate_drafts`` passes ``draft.category`` to the template, so a
single ``Status: draft`` file stops the build with ``AttributeError: 'Article' object has no
attribute 'category'`` (upstream: getpelican/pelican#3600, not released).

The receiver below gives such drafts the site's default category, as Pelican would have with
category pages on. Drafts are listed in no category, so no listing changes; published
articles are left as they are. Once Pelican guards ``generate_drafts`` it does nothing.

Pelican reads a content's URL settings by its class's name (``ARTICLE_URL``, ``PAGE_SAVE_AS``:
``Content._expand_settings``): :func:`same_named_subclass` gives the plugin's subclasses of an
article (frozen URLs, a packed body) their base class's name.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import ArticlesGenerator
from pelican.urlwrappers import Category


def give_drafts_a_category(generator: ArticlesGenerator) -> None:
    """Give each draft (and draft translation) without a category the default category.

    Connected to ``article_generator_pretaxonomy``: the drafts are read and sorted, and
    nothing has been written yet.
    """
    drafts = [*generator.drafts, *generator.drafts_translations]
    missing = [draft for draft in drafts if not hasattr(draft, "category")]
    if not missing:
        return
    default = Category(generator.settings["DEFAULT_CATEGORY"], generator.settings)
    for draft in missing:
        draft.category = default


def same_named_subclass(cls: type, attributes: dict[str, Any]) -> type:
    """Return a subclass of ``cls`` with ``attributes``, under ``cls``'s own name and module
    (a subclass of another name would read no URL settings)."""
    return type(cls.__name__, (cls,), {"__module__": cls.__module__, "__doc__": cls.__doc__,
                                       **attributes})
