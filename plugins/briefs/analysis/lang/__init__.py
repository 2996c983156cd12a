"""Language data, one module per language: the word lists the analysis reads.

:mod:`briefs.analysis.lexicon` builds the lookup keys from these modules once; tables that
differ by language are keyed by the codes of :data:`LANGUAGES`, so a language the analysis
has no data for fails loudly where it is looked up.
"""

from __future__ import annotations

from types import ModuleType

from . import ar, en

#: The languages with word lists, by their base language tag.
LANGUAGES: dict[str, ModuleType] = {"ar": ar, "en": en}
