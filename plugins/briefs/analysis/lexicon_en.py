"""English word lists for quote attribution (data only)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a word-list literal."""
    return frozenset(text.split())


#: Speech verbs: form -> gender of a pronoun subject it implies (always None in English).
SPEECH_VERBS = _words(
    """
    said says say told tells wrote writes added adds stated states explained explains warned warns
    noted notes insisted insists argued argues declared declares announced announces asked asks
    replied replies continued continues stressed stresses claimed claims insisted posted tweeted
    recalled recalls acknowledged acknowledges admitted admits conceded concedes observed observes
    remarked remarks suggested suggests urged urges cautioned cautions emphasised emphasized
    """
)

#: Frames: «according to X», «in the words of X».
FRAMES: tuple[str, ...] = ("according to", "in the words of", "quoting")

#: Subject pronouns and their gender.
PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}

#: Capitalised words that are titles or descriptors, not names.
TITLE_WORDS = _words(
    """
    president vice prime minister foreign defence defense interior finance secretary
    secretary-general general chancellor spokesman spokeswoman spokesperson chief director
    ambassador envoy senator sen. rep. representative gov. governor mayor king queen prince princess
    sheikh dr. dr mr. mr mrs. mrs ms. ms professor prof. commissioner high deputy affairs minister
    state house senate leader head chair chairman chairwoman commander admiral lt. col. colonel
    captain sgt. pope rabbi imam judge attorney justice former acting interim the a an nato eu un
    us u.s. uk un's nato's policy european american chinese russian ukrainian british french german
    israeli palestinian iranian saudi egyptian syrian lebanese iraqi turkish japanese korean
    north south east west union nations council commission ministry department office agency
    party national security adviser advisor officer executive ceo founder official
    """
)

#: Capitalised words at the start of a sentence that are never speaker names.
NON_NAMES = _words(
    """
    officials analysts experts sources diplomats witnesses residents critics police others some many
    both this that these those it he she they we i you there here but and or so yet when while if
    as after before in on at by for from with his her their its our one two several an a the
    """
)

#: Auxiliaries and adverbs allowed between a subject and its verb («Zelenskyy has urged»).
AUXILIARIES = _words("has have had will would also later earlier then again has also")

#: Words that stop a name run.
SUBJECT_STOPS = _words(
    """
    that on in at during after before who which when while as to of for with from told said says
    added on, also later earlier today yesterday
    """
)

#: Naming words that may stand up to three words before a label: «known as the “…”».
NAMING_CUES = _words("titled entitled called dubbed so-called named calls call calling known")

#: Cues that make the next quote a title or label.
TITLE_OF_WORK_CUES = _words(
    """
    titled entitled called dubbed so-called named book film novel song album slogan hashtag term
    phrase word words label calls call calling known treaty operation program programme plan
    doctrine strategy initiative campaign summit
    """
)
