"""English language data: every English word list the analysis reads (data only, no code).

Lists are whitespace-separated lower-case words in one string; :mod:`briefs.analysis.lexicon`
turns them into sets once, at import.
"""

from __future__ import annotations

# --- Quotes and speakers (:mod:`..attribution`, :mod:`..speakers`, :mod:`..quotes`) ---------

#: Speech verbs: form -> gender of a pronoun subject it implies (always None in English).
SPEECH_VERBS = """
    said says say told tells wrote writes added adds stated states explained explains warned warns
    noted notes insisted insists argued argues declared declares announced announces asked asks
    replied replies continued continues stressed stresses claimed claims insisted posted tweeted
    recalled recalls acknowledged acknowledges admitted admits conceded concedes observed observes
    remarked remarks suggested suggests urged urges cautioned cautions emphasised emphasized
    """

#: Frames: «according to X», «in the words of X».
FRAMES = ("according to", "in the words of", "quoting")

#: Subject pronouns and their gender.
PRONOUNS = {"he": "m", "she": "f", "they": None, "it": None, "we": None, "i": None}

#: Capitalised words that are titles or descriptors, not names.
TITLE_WORDS = """
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

#: Capitalised words at the start of a sentence that are never speaker names.
NON_NAMES = """
    officials analysts experts sources diplomats witnesses residents critics police others some many
    both this that these those it he she they we i you there here but and or so yet when while if
    as after before in on at by for from with his her their its our one two several an a the
    """

#: Auxiliaries and adverbs allowed between a subject and its verb («Zelenskyy has urged»).
AUXILIARIES = "has have had will would also later earlier then again has also"

#: Words that stop a name run.
SUBJECT_STOPS = """
    that on in at during after before who which when while as to of for with from told said says
    added on, also later earlier today yesterday
    """

#: Naming words that may stand up to three words before a label: «known as the “…”».
NAMING_CUES = "titled entitled called dubbed so-called named calls call calling known"

#: Cues that make the next quote a title or label.
TITLE_OF_WORK_CUES = """
    titled entitled called dubbed so-called named book film novel song album slogan hashtag term
    phrase word words label calls call calling known treaty operation program programme plan
    doctrine strategy initiative campaign summit
    """

#: The word before a speaker's own clause: «said that "…"».
QUOTE_COMPLEMENTISERS = "that"

# --- Sentences (:mod:`..segment`) ----------------------------------------------------------

#: Abbreviations that end with a dot but rarely end a sentence.
ABBREVIATIONS = """
    mr mrs ms dr prof gen col lt sgt st jr sr vs etc inc ltd co corp dept gov sen rep no jan feb
    mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m approx est fig ph.d
"""

# --- Names (the recogniser's capitalisation rule, :mod:`..entities.recognise`) ---------------

#: English words never taken as names on their own by the capitalisation rule.
NAME_STOPS = """
    a an the this that these those he she it we they i you his her its our their my your in on
    at by for from with to of and or but if as after before when while since during monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december mr mrs ms dr said says say there here what who
    where why how which also however meanwhile yesterday today tomorrow jan feb mar apr jun jul
    aug sep sept oct nov dec group four every
    """

#: English nationality adjectives and demonyms: never a name on their own.
DEMONYMS = """
    saudi arab arabic iraqi israeli kuwaiti qatari emirati omani yemeni iranian syrian lebanese
    jordanian egyptian libyan tunisian algerian moroccan sudanese turkish russian ukrainian
    chinese japanese korean american british english french german dutch italian
    spanish portuguese polish european asian african indonesian indian pakistani afghan
    """

#: English titles before a person name.
PERSON_TITLES = """
    president prime minister secretary chancellor king queen prince princess sheikh general
    foreign defence defense chief spokesman spokeswoman spokesperson ambassador senator governor
    mayor pope mr mrs ms dr leader envoy commissioner deputy vice secretary-general
    coach manager striker goalkeeper captain
    """

#: English head words of organisation names.
ORG_HEADS = """
    ministry organisation organization party agency council bank company university union
    committee commission authority association fund foundation court front club forum institute
    league alliance parliament army corporation group inc ltd corp news times post
    service office department bureau federation confederation police network
    forces force programme program movement brigades brigade guard guards corps coalition
    militia government cabinet senate congress assembly secretariat mission
    """

#: English head words of place names: venues and geographic features (Gelora Bung Karno
#: Stadium, Heathrow Airport, Tahrir Square).
PLACE_HEADS = """
    stadium arena airport square street avenue road bridge river sea ocean island islands
    mountains valley province region county district strait bay lake desert peninsula
    """

#: English words of event, title and competition names: such a run is not a person or
#: place (World Cup, Olympic Games, Security Summit).
EVENT_WORDS = """
    cup games olympics championship championships tournament summit conference prize award
    awards war festival week day open qualifying trophy
    """

