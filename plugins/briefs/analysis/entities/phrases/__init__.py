"""Phrase rules over a tagged Arabic sentence (in place, on IOB tags; run after the tagger).

One module per concern: :mod:`.organisations`, :mod:`.places`, :mod:`.people`, and
:mod:`.spans` (edits on any span); :mod:`.tags` holds their shared helpers.

* :func:`org_phrases`: an organisation head noun (وزارة، وكالة، منظمة، الاتحاد …) and a
  bounded run of modifiers — a definite genitive noun, then definite adjectives (nisba
  ـي/ـية, participles الم…, a few others) and لـ/للـ genitive phrases — is one organisation:
  «وزارة الخارجية الصينية», «وكالة الطاقة الدولية», «الاتحاد السعودي لكرة القدم»,
  «منظمة البلدان المصدرة للبترول». The run stops at verbs, prepositions, punctuation,
  time words and at another name. «إدارة» (also a verbal noun, "managing") heads an
  organisation only before a person: «إدارة بايدن».
* :func:`venue_phrases`: a venue head (ملعب، استاد، مطار، ساحة، ميدان) before a name
  the tagger took for a person is a place: «ملعب غيلورا بونغ كارنو», «مطار بن غوريون».
* :func:`facility_places`: a facility head (مطار، ميناء، قاعدة، حقل، حي …) and its name
  is a place: «ميناء الحديدة», «مطار الملك خالد الدولي», «حقل الشرارة».
* :func:`person_nisba`: a common given name before an untagged definite family name in
  ـي (the nisba: السبيعي، القحطاني) is a person: «فهد السبيعي».
* :func:`drop_generic`: descriptive references («المنظمة الدولية»), a head noun alone,
  diseases («فيروس كورونا») and titles taken for bodies name no entity.
* :func:`drop_described_bodies`: an indefinite head noun and one adjective describe a body
  («شركة ناشئة», «بطولة جماعية»), they name none.
* :func:`outlet_names`: «تسامح نيوز», «البوابة نيوز» are news outlets.
* :func:`unknown_outlet_names`: an unknown word after an outlet's head noun is the outlet:
  «لموقع كوورة».
* :func:`competition_names`: a league's or competition's head (كأس، دوري، بطولة، مهرجان …)
  and its name are one organisation: «كأس العالم للأندية 2025», «الدوري المصري الممتاز».
* :func:`drop_idioms`: «مسقط رأسه» is a birthplace, not Muscat.
* :func:`drop_months`: month names (آب/أغسطس، تشرين الثاني) are never names.
* :func:`quoted_titles`: a quoted title after a word for a work (برنامج، بعنوان، فيلم،
  كتاب، مسلسل، رواية …) is a MISC name, whatever the tagger made of its words:
  «برنامج « حوار من القلب »», «بعنوان « الناس وأنا »».
* :func:`quoted_org_names`: a quoted name after a body's head noun is an organisation:
  «حزب "قلب تونس"», «مؤسسة "سيغما كونساي"».
* :func:`split_coordination`: «و» + a given name or a listed name inside a span starts a
  new name: «غادة عادل [وياسمين عبد العزيز]», «أرسنال [وموناكو]».
* :func:`given_name_start`: an untagged given name right before a person span opens it:
  «[طلعت] زكريا», «و[أسامة] حسني».
* :func:`given_name_tail`: a name of two given names goes on over a name-like word:
  «[محمد ناجي] شحاتة».
* :func:`compound_given_name_tail`: a compound given name goes on over the definite family
  name after it: «[عبد الله] السواحة».
* :func:`team_after_role`: a person right after an indefinite team role is the team:
  «لاعب [أولمبي مرسيليا] سابقا».
* :func:`trim_function_tail`: a name never ends with a preposition or adverb
  («محمد بن سلمان [بشأن]»).
* :func:`ministry_short_forms`: «الخارجية التركية» is a ministry.
* :func:`extend_org_nationality`: «الكونغرس الأميركي» is one name.
* :func:`without_tail`: «أطباء بلا حدود» is one name.
* :func:`drop_objects`: «تلسكوب جيمس ويب» names no person.
* :func:`trim_common_tail`: a frequent word never seen in a name does not end a person's
  name («ستيف ويتكوف [أجرى]»).
* :func:`regnal_names`: «إليزابيث الثانية», «محمد السادس».
* :func:`drop_common_openers`: «الماء الصالح» is no person.
* :func:`cut_at_pronouns`: no name holds a pronoun («[وبايرو] هو سادس»).
* :func:`cut_at_accusatives`: no name holds a word with the accusative's mark
  («[ترامب] مخاطبًا»).
* :func:`trim_person_descriptors`: «ألفارو أوريبي [اليساري]», «[وعضو المجلس] أحمد».
* :func:`complete_particle_names`: a person's name never ends with «ولد، بن، آل».
* :func:`trim_number_tail`: «ال 15» after a name is a count, not part of it
  («مجلس الأمن ال 15» → «مجلس الأمن»).
* :func:`trim_demonym_tail`: a nationality after a person's name describes them
  («وانيمبا النيجيري» → «وانيمبا»).
* :func:`drop_after_speaking_pronoun`: «أنا فخور» is no person.
* :func:`drop_verb_opener`: a name of two words never opens with a speech verb («عدّ ريزيتش»).
* :func:`name_before_title`: a name, an untagged word, then a title: the word ends the name
  («عادل بن محمد فقيه وزير الصحة»).
* :func:`title_word_before_name`: a title, an untagged word, then a person's name: the word
  opens the name («الفنانة صفاء أبو السعود»).
* :func:`titled_names`: the untagged name after a title and its complement is a person:
  «وزير الطاقة التركي طنر يلديز».
* :func:`leader_names`: two unknown, indefinite words after «برئاسة، بزعامة، بقيادة» are
  a person: «برئاسة سوبير لال».
* :func:`trim_latin_tail`: a Latin gloss after an Arabic name is not part of it
  («مجموعة العشرين G20» → «مجموعة العشرين»).
"""

from __future__ import annotations

from .organisations import (
    competition_names,
    drop_described_bodies,
    drop_generic,
    extend_org_nationality,
    ministry_short_forms,
    org_phrases,
    outlet_names,
    quoted_org_names,
    unknown_outlet_names,
    without_tail,
)
from .people import (
    appositive_names,
    complete_particle_names,
    compound_given_name_tail,
    cut_at_accusatives,
    cut_at_pronouns,
    drop_after_speaking_pronoun,
    drop_common_openers,
    drop_objects,
    drop_verb_opener,
    given_name_start,
    given_name_tail,
    leader_names,
    name_before_title,
    person_nisba,
    regnal_names,
    team_after_role,
    title_word_before_name,
    titled_names,
    trim_common_tail,
    trim_person_descriptors,
)
from .places import (
    facility_places,
    venue_phrases,
)
from .spans import (
    drop_idioms,
    drop_months,
    quoted_titles,
    split_coordination,
    trim_demonym_tail,
    trim_function_tail,
    trim_latin_tail,
    trim_number_tail,
)

__all__ = [
    "appositive_names",
    "competition_names",
    "complete_particle_names",
    "compound_given_name_tail",
    "cut_at_accusatives",
    "cut_at_pronouns",
    "drop_after_speaking_pronoun",
    "drop_common_openers",
    "drop_described_bodies",
    "drop_generic",
    "drop_idioms",
    "drop_months",
    "drop_objects",
    "drop_verb_opener",
    "extend_org_nationality",
    "facility_places",
    "given_name_start",
    "given_name_tail",
    "leader_names",
    "ministry_short_forms",
    "name_before_title",
    "org_phrases",
    "outlet_names",
    "person_nisba",
    "quoted_org_names",
    "quoted_titles",
    "regnal_names",
    "split_coordination",
    "team_after_role",
    "title_word_before_name",
    "titled_names",
    "trim_common_tail",
    "trim_demonym_tail",
    "trim_function_tail",
    "trim_latin_tail",
    "trim_number_tail",
    "trim_person_descriptors",
    "unknown_outlet_names",
    "venue_phrases",
    "without_tail",
]
