"""Layered gazetteers: CLDR places (Babel), the curated news list, the editors' file.

Layers, lowest first (a higher layer wins for an id, and takes over any alias it lists):

1. **CLDR** (Babel): territories (``place:KP``; regions ``place:150``) and time-zone
   exemplar cities (``place:tz-Asia/Pyongyang``) with Arabic and English names, plus
   the small variant table :data:`PLACE_VARIANTS` (بيونغيانغ, سيول, …).
2. **Curated** ``data/news.yml``: organisations, agencies, people, extra places.
3. **Site** ``content/entities.yml`` (see :mod:`.site`).

Lookup is by token keys (:func:`keys.name_key` of each token); a multi-word name
written as one word (بيونغيانغ) also matches through the squashed key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import yaml
from babel import Locale

from ..tokens import core_words
from .keys import name_key, squash_key
from .model import GazEntry
from .site import SiteEntities

#: CLDR territory codes that are not places (or are common words in Arabic).
_SKIP_TERRITORIES = frozenset({"001", "ZZ", "EU", "UN", "EZ", "QO", "XA", "XB"})

#: Variant spellings → the id they belong to (merged into that entity's aliases).
PLACE_VARIANTS: dict[str, tuple[str, ...]] = {
    "place:tz-Asia/Pyongyang": ("بيونغيانغ", "بيونج يانج", "Pyongyang"),
    "place:tz-Asia/Seoul": ("سيول", "Seoul"),
    "place:tz-Europe/Kyiv": ("كييف", "Kiev", "Kyiv"),
    "place:tz-Europe/Moscow": ("Moscow",),
    "place:tz-Australia/Melbourne": ("ملبورن", "Melbourne"),
    "place:tz-Australia/Sydney": ("سيدني", "Sydney"),
    "place:US": ("الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا",
                 "واشنطن", "US", "U.S.", "USA", "America"),
    "place:GB": ("بريطانيا", "المملكة المتحدة", "Britain", "UK", "Great Britain"),
    "place:RU": ("روسيا الاتحادية", "الاتحاد الروسي", "Russia"),
    "place:CN": ("جمهورية الصين الشعبية", "China"),
    "place:KP": ("كوريا الشمالية", "جمهورية كوريا الديمقراطية الشعبية", "North Korea"),
    "place:KR": ("كوريا الجنوبية", "South Korea"),
    "place:SA": ("السعودية", "المملكة العربية السعودية", "المملكة السعودية", "Saudi Arabia"),
    "place:AE": ("الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات", "UAE"),
    "place:PS": ("فلسطين", "الأراضي الفلسطينية", "Palestine"),
    "place:IR": ("إيران", "Iran"),
    "place:SY": ("سوريا", "سورية", "Syria"),
    "place:NL": ("هولندا", "the Netherlands"),
    "place:CZ": ("التشيك", "جمهورية التشيك", "Czech Republic"),
    "place:CI": ("كوت ديفوار", "Côte d’Ivoire", "Ivory Coast"),
    "place:BA": ("البوسنة", "Bosnia"),
    "place:BD": ("بنغلادش", "بنجلاديش", "بنجلادش"),
    "place:tz-Africa/Mogadishu": ("مقديشو",),
    "place:tz-Africa/Ceuta": ("سبتة",),
    "place:CD": ("الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية", "الكونغو كينشاسا",
                 "Democratic Republic of the Congo", "DR Congo", "DRC"),
    # CLDR's Arabic names carry a dash or a gloss («الكونغو - برازافيل», «ميانمار (بورما)»).
    "place:CG": ("الكونغو", "جمهورية الكونغو", "الكونغو برازافيل", "Republic of the Congo"),
    "place:MM": ("ميانمار", "بورما", "Myanmar", "Burma"),
    "place:HK": ("هونغ كونغ", "هونج كونج", "Hong Kong"),
    "place:TL": ("تيمور الشرقية", "East Timor", "Timor-Leste"),
    "place:CC": ("جزر كوكوس",),
    "place:150": ("أوروبا", "Europe"),
    "place:142": ("آسيا", "Asia"),
    "place:002": ("أفريقيا", "إفريقيا", "Africa"),
}

#: Capitals and big cities that CLDR has no time zone for: id → (ar, en, *aliases).
EXTRA_CITIES: dict[str, tuple[str, ...]] = {
    "place:city-beijing": ("بكين", "Beijing", "بيجين"),
    "place:city-washington": ("واشنطن العاصمة", "Washington, D.C."),
    "place:city-new-delhi": ("نيودلهي", "New Delhi", "نيو دلهي"),
    "place:city-ankara": ("أنقرة", "Ankara"),
    "place:city-islamabad": ("إسلام آباد", "Islamabad", "إسلام أباد"),
    "place:city-alexandria": ("الإسكندرية", "Alexandria"),
    "place:city-mosul": ("الموصل", "Mosul"),
    "place:city-basra": ("البصرة", "Basra"),
    "place:city-aleppo": ("حلب", "Aleppo"),
    "place:city-geneva": ("جنيف", "Geneva"),
    "place:city-new-york": ("نيويورك", "New York"),
    "place:city-los-angeles": ("لوس أنجلوس", "Los Angeles", "لوس انجليس"),
    "place:city-mecca": ("مكة المكرمة", "Mecca", "مكة"),
    "place:city-medina": ("المدينة المنورة", "Medina"),
    "place:city-jeddah": ("جدة", "Jeddah"),
    "place:city-marrakesh": ("مراكش", "Marrakesh"),
    "place:city-rabat": ("الرباط", "Rabat"),
    "place:city-sanaa": ("صنعاء", "Sanaa"),
    "place:city-tel-aviv": ("تل أبيب", "Tel Aviv"),
    "place:city-ramallah": ("رام الله", "Ramallah"),
    "place:city-fallujah": ("الفلوجة", "Fallujah"),
    "place:city-kandahar": ("قندهار", "Kandahar"),
    "place:city-mumbai": ("مومباي", "Mumbai", "بومباي"),
    "place:city-milan": ("ميلانو", "Milan"),
    "place:city-munich": ("ميونيخ", "Munich"),
    "place:city-frankfurt": ("فرانكفورت", "Frankfurt"),
    "place:city-barcelona": ("برشلونة", "Barcelona"),
    "place:city-manchester": ("مانشستر", "Manchester"),
    "place:city-st-petersburg": ("سان بطرسبرغ", "Saint Petersburg"),
    "place:city-osaka": ("أوساكا", "Osaka"),
    "place:city-hebron": ("الخليل", "Hebron"),
    "place:city-nablus": ("نابلس", "Nablus"),
    "place:city-najaf": ("النجف", "Najaf"),
    "place:city-karbala": ("كربلاء", "Karbala"),
    "place:city-tikrit": ("تكريت", "Tikrit"),
    "place:city-kirkuk": ("كركوك", "Kirkuk"),
}

#: Keys never used as a name on their own (common words that CLDR or a list would match).
STOP_KEYS = frozenset(
    name_key(w) for w in ("العالم", "كيف", "العربية", "الجزيرة", "الأطلسي")
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entities by id, and a phrase index of token-key tuples → id.

    ``first`` maps a first-word key to the phrase lengths (in tokens) that start with it,
    longest first; ``squashed`` maps a space-free key of a multi-word name to its id.
    """

    entries: dict[str, GazEntry]
    phrases: dict[tuple[str, ...], str]
    first: dict[str, tuple[int, ...]]
    squashed: dict[str, str]
    site: SiteEntities | None = None
    #: Entries written like another once unvowelled, by the id they read as (عمّان: place:OM).
    readings: dict[str, tuple[GazEntry, ...]] = field(default_factory=dict)

    def __contains__(self, key: str) -> bool:
        """True if ``key`` is a whole known name key (or the first word of one)."""
        return key in self.first or key in self.squashed

    def lookup(self, keys: tuple[str, ...]) -> str | None:
        """Return the id of the name whose token keys are ``keys``, if any."""
        eid = self.phrases.get(keys)
        if eid is None and len(keys) == 1:
            eid = self.squashed.get(keys[0])
        return eid

    def type_of(self, entity_id: str) -> str:
        """Return the type of a known id ('' if unknown)."""
        entry = self.entries.get(entity_id)
        return entry.type if entry else ""


def _name_tokens(name: str) -> tuple[str, ...]:
    # Split as the recogniser reads a text (a final "+" after a letter stays: أوبك+).
    return tuple(name_key(w.text) for w in core_words(name))


def _cldr_entries() -> list[GazEntry]:
    ar, en = Locale("ar"), Locale("en")
    codes = [code for code in ar.territories
             if code not in _SKIP_TERRITORIES and "-" not in code and len(code) in (2, 3)]
    by_en = {en.territories[code]: code for code in codes if code in en.territories}
    # A time zone named after its country (Indian/Maldives «المالديف» beside the territory
    # «جزر المالديف», Asia/Kuwait) is the country: its city name becomes an alias.
    country_aliases: dict[str, list[str]] = {}
    cities: list[GazEntry] = []
    seen: set[str] = set()
    for tz, data in ar.time_zones.items():
        city = data.get("city")
        if not city or name_key(city) in seen or tz.startswith("Etc/"):
            continue
        seen.add(name_key(city))
        en_city = en.time_zones.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        if en_city in by_en:
            country_aliases.setdefault(by_en[en_city], []).append(city)
            continue
        cities.append(GazEntry(f"place:tz-{tz}", "place", city, en_city, source="cldr"))
    out = [GazEntry(f"place:{code}", "place", ar.territories[code], en.territories.get(code, ""),
                    tuple(a for a in country_aliases.get(code, ())
                          if name_key(a) != name_key(ar.territories[code])), source="cldr")
           for code in codes]
    out += cities
    for eid, (ar_name, en_name, *aliases) in EXTRA_CITIES.items():
        out.append(GazEntry(eid, "place", ar_name, en_name, tuple(aliases), source="curated"))
    return out


@cache
def curated_entries() -> tuple[GazEntry, ...]:
    """Return the curated news gazetteer shipped in ``data/news.yml``."""
    text = resources.files(__package__).joinpath("data/news.yml").read_text(encoding="utf-8")
    out = []
    # libyaml's loader when the wheel has it: the list is long and read at every build.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for item in yaml.load(text, Loader=loader):
        out.append(GazEntry(
            id=item["id"], type=item["type"], name_ar=item.get("ar", ""),
            name_en=item.get("en", ""), aliases=tuple(item.get("aliases", ())),
            wikidata=item.get("wikidata"), source="curated",
            sport_aliases=tuple(item.get("sport_aliases", ())),
            reading_of=item.get("reading_of"), evidence=tuple(item.get("evidence", ())),
        ))
    return tuple(out)


def build_gazetteer(  # noqa: PLR0912
    layers: Iterable[Iterable[GazEntry]], site: SiteEntities | None = None, *,
    sport: bool = False,
) -> Gazetteer:
    """Merge entry layers (lowest first) and the site layer into one :class:`Gazetteer`.

    ``sport``: also match the entries' sport aliases (see :func:`for_sport`).
    """
    entries: dict[str, GazEntry] = {}
    for layer in layers:
        for entry in layer:
            old = entries.get(entry.id)
            if old is not None:  # same id in two layers: the later one wins, aliases merge
                aliases = tuple(dict.fromkeys(old.names + entry.aliases))
                entries[entry.id] = GazEntry(
                    entry.id, entry.type, entry.name_ar or old.name_ar,
                    entry.name_en or old.name_en, aliases, entry.wikidata or old.wikidata,
                    entry.description or old.description, entry.source,
                    entry.sport_aliases or old.sport_aliases,
                    entry.reading_of or old.reading_of, entry.evidence or old.evidence)
            else:
                entries[entry.id] = entry
    for eid, variants in PLACE_VARIANTS.items():
        if eid in entries:
            e = entries[eid]
            entries[eid] = replace(e, aliases=tuple(dict.fromkeys(e.aliases + variants)))
    phrases: dict[tuple[str, ...], str] = {}
    priority: dict[tuple[str, ...], int] = {}
    rank = {"cldr": 0, "curated": 1, "site": 3}
    readings: dict[str, tuple[GazEntry, ...]] = {}
    for entry in entries.values():
        if entry.reading_of:  # its unvowelled name is the other entry's: see link.py
            readings[entry.reading_of] = (*readings.get(entry.reading_of, ()), entry)
        names = entry.names + (entry.sport_aliases if sport else ())
        for i, name in enumerate(names):
            toks = _name_tokens(name)
            if not toks or (len(toks) == 1 and toks[0] in STOP_KEYS):
                continue
            # Display names beat aliases; higher layers beat lower ones; in a sports report
            # a club's sport alias beats its city («فاز برشلونة»).
            prio = (SPORT_PRIORITY if i >= len(entry.names)
                    else -1 if entry.reading_of  # the name it shares stays the other's
                    else rank.get(entry.source, 1) * 2 + (1 if i < 2 else 0))
            if toks not in phrases or prio > priority[toks]:
                phrases[toks], priority[toks] = entry.id, prio
    if site is not None:
        for entry in site.entries:
            for name in entry.names + (entry.sport_aliases if sport else ()):
                phrases[_name_tokens(name)] = entry.id
        phrases = {k: v for k, v in phrases.items()
                   if not site.is_excluded(v, " ".join(k))}
        entries = {k: v for k, v in entries.items() if not site.is_excluded(k)}
    lengths: dict[str, set[int]] = {}
    squashed: dict[str, str] = {}
    for toks, eid in phrases.items():
        lengths.setdefault(toks[0], set()).add(len(toks))
        if len(toks) > 1 and len(squash_key(" ".join(toks))) >= 5:
            squashed.setdefault(squash_key(" ".join(toks)), eid)
    first = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
    return Gazetteer(entries, phrases, first, squashed, site, readings)


_SPORT: dict[int, tuple[Gazetteer, Gazetteer]] = {}
#: Priority of a sport alias in :func:`for_sport` (above every layer but the editors' file).
SPORT_PRIORITY = 5


def for_sport(gaz: Gazetteer) -> Gazetteer:
    """The same gazetteer with the sport aliases matched too (built once per gazetteer).

    A sports report says «فاز الهلال على النصر» for the clubs; anywhere else those bare
    words are the crescent and victory, so they are not in the plain gazetteer.
    """
    hit = _SPORT.get(id(gaz))
    if hit is None or hit[0] is not gaz:
        if len(_SPORT) > 4:
            _SPORT.clear()
        hit = _SPORT[id(gaz)] = (gaz, build_gazetteer([gaz.entries.values()], gaz.site,
                                                      sport=True))
    return hit[1]


@cache
def default_gazetteer() -> Gazetteer:
    """Return the CLDR + curated gazetteer (built once, cached)."""
    return build_gazetteer([_cldr_entries(), curated_entries()])


def site_gazetteer(site: SiteEntities) -> Gazetteer:
    """Return the CLDR + curated + site gazetteer (call once per build and keep it)."""
    return build_gazetteer([_cldr_entries(), curated_entries(), site.entries], site)
