"""Entity index: recognise, merge and index people, organisations and places.

Pure (no Pelican). The glue calls, per build::

    site = load_site_entities("content/entities.yml")   # raises EntitiesFileError
    gaz = site_gazetteer(site)                            # once per build
    refs = link_document(recognise(text, lang=lang, gazetteer=gaz), gazetteer=gaz)
    entities = merge_site([(doc_id, refs), ...], gazetteer=gaz)   # sorted, with slugs

The CRF model (``data/ner-ar.crfsuite``) is trained by
``python -m briefs.analysis.entities.train``; see ``data/MODEL-LICENSE.md``.
"""

from __future__ import annotations

from .gazetteer import Gazetteer, build_gazetteer, default_gazetteer, site_gazetteer
from .keys import name_key
from .link import entity_id, entity_slug, link_document, merge_site
from .model import Entity, EntityRef, GazEntry, Mention
from .recognise import dateline_mentions, recognise, tag_document, tag_tokens
from .site import EntitiesFileError, SiteEntities, load_site_entities, parse_site_entities

__all__ = [
    "EntitiesFileError",
    "Entity",
    "EntityRef",
    "GazEntry",
    "Gazetteer",
    "Mention",
    "SiteEntities",
    "build_gazetteer",
    "dateline_mentions",
    "default_gazetteer",
    "entity_id",
    "entity_slug",
    "link_document",
    "load_site_entities",
    "merge_site",
    "name_key",
    "parse_site_entities",
    "recognise",
    "site_gazetteer",
    "tag_document",
    "tag_tokens",
]
