"""Word lists used by the recogniser and the tagger's features (data only).

All entries are written as *keys* (see :func:`keys.name_key`): no hamza on
alef, ``ة`` written ``ه``, ``ى`` written ``ي``.
"""

from __future__ import annotations

from .keys import name_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _keys(words: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in words.split())


#: Titles and roles that precede a person's name (one word each; the tagger sees
#: the two previous words, so «وزير الخارجية» is covered by وزير).
PERSON_TITLES = _keys(
    """
    الرئيس رئيس الرئيسة رئيسة الزعيم زعيم الملك ملك الملكة الأمير أمير الأميرة الشيخ الشيخة
    السيد السيدة السيدات الدكتور د المهندس الأستاذ الأستاذة البروفيسور الحاج الإمام
    الوزير وزير وزيرة الوزيرة الأمين أمين المتحدث المتحدثة الناطق الناطقة المستشار المستشارة
    السفير سفير السفيرة المبعوث مبعوث المندوب مندوب الجنرال اللواء العميد العقيد الرائد
    المقدم النقيب المشير الفريق القاضي النائب نائب النائبة السناتور السيناتور العاهل
    البابا الكاردينال المطران الحاخام الرئيسان المدرب مدرب اللاعب لاعب الكاتب الكاتبة
    المخرج الممثل الممثلة المغني المغنية الفنان الفنانة الشاعر الصحفي الصحافي المراسل
    المدير مدير المديرة مديرة المفوض المفوضة المنسق منسق القائد قائد حاكم الحاكم محافظ المحافظ
    عمدة العمدة رئيسه نظيره نظيرته مساعد مساعده المرشد زوجته زوجها ابن ابنه نجل شقيق عضو العضو
    الحارس المدافع المهاجم الهداف النجم النجمة الراقصة المفكر الباحث الباحثة المؤرخ الروائي
    الروائية الملحن المطرب المطربة الإعلامي الإعلامية المذيع المذيعة الداعية المحامي المحامية
    الخبير الخبيرة البطل البطلة العداء الملاكم المصارع المنتج المؤلف الكابتن كابتن سمو فخامة
    معالي السمو المرحوم الراحل الشهيد الفقيد نجله شقيقه والده والدها المتهم الزميل الزميلة
        """
)

#: Head nouns that open organisation names (وزارة الخارجية، منظمة الصحة …).
ORG_HEADS = _keys(
    """
    وزارة الوزارة منظمة المنظمة حزب الحزب حركة الحركة وكالة الوكالة مجلس المجلس بنك البنك
    مصرف المصرف شركة الشركة جامعة الجامعة اتحاد الاتحاد لجنة اللجنة هيئة الهيئة جمعية الجمعية
    صندوق الصندوق مؤسسة المؤسسة محكمة المحكمة جبهة الجبهة نادي النادي منتدى المنتدى صحيفة الصحيفة
    مجلة المجلة قناة القناة تلفزيون اذاعة مركز المركز معهد المعهد رابطة الرابطة تحالف التحالف
    برلمان البرلمان جيش الجيش كتائب سرايا مفوضية المفوضية ائتلاف الائتلاف نقابة النقابة
    مجموعة المجموعة بورصة البورصة مكتب جماعة الجماعة تنظيم التنظيم فيلق اكاديمية الاكاديمية
    """
)

#: Words that precede a place name.
PLACE_TRIGGERS = _keys(
    """
    مدينة المدينة عاصمة العاصمة بلدة البلدة قرية القرية ولاية الولاية محافظة منطقة اقليم الاقليم
    جزيرة جزر نهر بحر جبل جبال مخيم حي شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط عاصمتها
    """
)

#: Speech verbs (third person, with the feminine ـت form); و/ف are stripped before lookup.
SPEECH_VERBS = _keys(
    """
    قال قالت أضاف أضافت أكد أكدت أعلن أعلنت أشار أشارت ذكر ذكرت اعتبر اعتبرت كتب كتبت أوضح
    أوضحت نقل نقلت حذر حذرت شدد شددت أفاد أفادت تابع تابعت صرح صرحت لفت لفتت رأى رأت يقول تقول
    أعرب أعربت دعا دعت طالب طالبت نفى نفت أبلغ أبلغت
    """
)

#: Common given names (Arabic and foreign, in Arabic script): person evidence.
GIVEN_NAMES = _keys(
    """
    محمد أحمد محمود مصطفى علي عمر عثمان حسن حسين حسني خالد سعيد سعد سعود فهد فيصل عبد عبدالله
    عبدالعزيز عبدالرحمن عبدالرحيم عبدالكريم عبدالمجيد إبراهيم إسماعيل يوسف يعقوب موسى عيسى
    سليمان سليم سالم صالح صلاح طارق طلال ماجد مجدي مازن ناصر نبيل نجيب نزار هاني هشام وليد
    ياسر ياسين يحيى زياد زيد رامي رائد رشيد رفيق سامي سمير شريف عادل عاطف عماد عمرو فؤاد فاروق
    فادي فريد كمال كريم لؤي مراد منير نادر نور هادي وائل جمال جميل جورج جوزيف جون جيمس ديفيد
    دانيال مايكل مايك ميشال ميشيل بيار بيير جان جاك فرانسوا نيكولا نيكولاس توني بيتر بول روبرت
    ريتشارد ستيفن ستيف توماس تشارلز وليام ويليام هنري إدوارد كارل كارلوس خوسيه خوان لويس
    ماريا ماري هيلاري كوندوليزا كونداليزا غوردون جوردون دونالد باراك فلاديمير سيرغي
    سيرجي ديمتري ميخائيل بوريس إيغور أليكسي أنطونيو أنتوني أنجيلا أنغيلا مارك مارتن مارتين
    ليو أرييل إيهود إيهود شمعون بنيامين موشيه شاؤول إسحق إسحاق يوسي عمير تسيبي أفيغدور
    فاطمة عائشة مريم زينب خديجة سلمى ليلى هدى منى نادية سعاد سميرة رانيا ريم سارة هند نوال
    أسامة حمد حمدي حامد حمزة تامر ثامر جاسم جعفر حبيب حيدر خليل راشد رضا زكي سامح شادي
    شوقي صابر صبري ضياء عاصم عباس عبيد عدنان عزت عزيز عصام علاء غازي غسان قاسم لطفي
    مالك مأمون محسن مختار مروان معتز مهدي نائل نايف نصر هيثم وجدي وحيد يونس أيمن أنور
    إياد بشار بشير بكر جلال حافظ حازم حاتم حكمت رياض زهير سلطان سيف شاكر طه عبدالحميد
    عبدالقادر عبدالملك عبدالناصر عبدالهادي عبدالوهاب عوض مجيد محيي مشعل معمر ممدوح نعيم
    """
    # More Arabic given names, male (written from general knowledge).
    """
    أدهم أسعد أشرف أكرم أمجد أمين إيهاب باسل بسام بلال توفيق تيسير جابر جبران جرجس
    حسام حمدان حميد خلدون خميس خيري دريد راضي رأفت رجب رمزي رمضان رؤوف
    زكريا زهران ساطع سامر سرحان سلمان سهيل شفيق شهاب صادق صدام صفوت طلعت ظافر عارف عاصي
    عاكف عامر عبدالإله عبدالباري عبداللطيف عبدالمنعم عبدالسلام عبدالعليم عبدالغني عبدالفتاح
    عبدالحكيم عبدالجليل عبدالحليم عبدالستار عبدالرزاق عبدالرؤوف عبدالصمد عبدالمحسن عبدالمطلب
    عبدالنبي عبدالودود عبدالباسط عبدالجبار عبدالخالق عدي عرفات عزام عزالدين عفيف علاءالدين
    عوني عياد غانم فائز فارس فتحي فخري فراس فهمي فوزي قحطان قصي كاظم
    لبيب ماهر متعب مثنى محب محجوب مدحت مرتضى مسعود مشاري مصعب مطلق معاذ معن مقتدى
    منصور مهند موفق ناجي ناظم نبيه نشأت نصرالله نضال نعمان نورالدين هارون همام
    وسام وصفي ياسين يسري يوسي أبوبكر بدرالدين تركي ثائر جواد حارث حسنين حمود
    ذياب راجح رامز زاهر شاهر شكري صبحي ضاحي طاهر عبود عدلي علوي
    غيث فالح فايز قيس لقمان مؤيد مرعي مفيد منذر مهيب نواف هزاع وضاح ياسر
    إدريس إلياس إيلي الياس انطوان أنطوان بطرس بولس جبرائيل حنا ميشيل نبيل نجيب نقولا
    سمعان شربل طوني وديع يوحنا ايلي سركيس كميل حسيب قدري سعدي
    """
    # Arabic given names, female.
    """
    فايزة غادة ياسمين دينا مها أميرة نجلاء نجوى نبيلة نوال هالة هيفاء وفاء ولاء يسرا يسرى
    آمنة إيمان آمال بثينة بسمة بشرى تغريد ثريا جيهان حنان خلود دعاء رباب
    رحاب رشا رغدة روان ريما زهراء سعاد سلوى سماح سمر سناء سهام سهير شادية شيرين صفية
    عبير علياء فدوى فريدة فوزية كوثر لبنى لمياء لينا ماجدة مروة ميرفت ميساء
    نادين نانسي نجاة نسرين نعمات نهى نهاد نيفين هبة هناء هيام يمنى أحلام إلهام
    تهاني حليمة رقية رنا زينة سوزان شهيرة عائدة فيروز
    كريمة لطيفة ماجدة ميادة نورا نوال هند يسرية إسعاد إنعام ابتسام
    """
    # Foreign given names in Arabic script (common transliterations and variants).
    """
      أندرو أندريه أندريا أنطونيو أوليغ أولغا إيمانويل ايمانويل إيمانويل إيفان إيغور
    ادوارد إدوارد ألبرت ألبرتو ألكسندر الكسندر ألكسي أليكس أنتونيو ديديه ديدييه هورست
    كولو راوول غوتي ايكر إيكر آندي أندي باسكال بيتر بيتير توم تيم تيري تشارلي جاك جاكي جوزيه
    جوزيف جوزف جوليان جوليا جولي جيرار جيرالد جيري جيفري جيمي جيني ديفيد دافيد دانيال
    دانييل دينيس ريتشارد ريكاردو رونالد روبرتو رودولف رومانو ستيفان ستيفن ستيوارت
    سيلفيو سيرغي فرانك فرانكو فرانز فرانسيس فريدريك فيليب فيليبي فيكتور فيديريكو كارلو
    كريستيان كريستوفر كريستين كريس كلاوس كلود كوفي كولن كولين لوران لوك لويس ليونيد ماركو
    ماركوس ماريو ماتيو ماثيو مارسيل مانويل ميغيل ميشال نيكولا نيكولاي هانز هانس
    هنري هيلموت هوغو والتر وولفغانغ فولفغانغ فلوران فيرناندو فرناندو بابلو باولو بيدرو
    برنار برنارد براين بوب بيل بيرني تاكاشي تاكيشي جونيتشيرو يوكيو شينزو جيانغ
    جينتاو كيم نيلسون ثابو روبرت ماري ماريا ماريان كاثرين كاترين إليزابيث اليزابيث
    مارغريت سيغولين سيغولان نيكول أنجيلينا جينيفر كريستينا بريتني مادونا شارون
    إيهود ايهود شاؤول عمير تسيبي داني يوسي إيلي موشي موشيه يتسحاق أبراهام
    ابراهام جيمس جون جوردون غوردون توني دونالد كولن ريتشارد
    فلاديمير فيكتور يوري يفغيني ميخائيل نيكيتا ديميتري دميتري سيرجي أناتولي بوريس
    رجب محمود جلال أشرف حامد برويز بينظير نواز شوكت مانموهان سونيا راهول
    """
)

#: Words for a work whose quoted title follows (with their possessive forms).
WORK_HEADS = _keys(
    """
    برنامج البرنامج برنامجه برنامجها بعنوان عنوانه عنوانها فيلم الفيلم فيلمه فيلمها كتاب الكتاب
    كتابه كتابها مسلسل المسلسل مسلسله مسلسلها رواية الرواية روايته روايتها مسرحية المسرحية
    مسرحيته أغنية الأغنية أغنيته أغنيتها ألبوم الألبوم ألبومه ألبومها قصيدة القصيدة قصيدته
    ديوان الديوان ديوانه
    """
)

#: Prepositions, adverbs, relatives, age words and team words that never end a multi-word
#: name (ANERcorp train; «سعيد البالغ من العمر», «رينار المنتخب»).
FUNCTION_WORDS = _keys(
    """
    بشأن حول خلال عن إلى في منذ بعد قبل أمس اليوم لدى عند مع ضد عبر نحو التي الذي الذين
    كما وقد قد لكن ثم حيث بين البالغ البالغة المولود المولودة المنتخب الفريق النادي
    المقرر المقررة
    """
)

#: Words after which a name is the leader of a body: «برئاسة سوبير لال», «بزعامة مني مناوي».
LEADER_CUES = _keys("برئاسة بزعامة بقيادة يرأسها يتزعمها يقودها")

#: Honorific particles inside Arabic person names.
NAME_PARTICLES = _keys("بن بنت ابن أبو أبي أم آل عبد")

#: English words never taken as names on their own by the capitalisation rule.
EN_STOP = _words(
    """
    a an the this that these those he she it we they i you his her its our their my your in on
    at by for from with to of and or but if as after before when while since during monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december mr mrs ms dr said says say there here what who
    where why how which also however meanwhile yesterday today tomorrow jan feb mar apr jun jul
    aug sep sept oct nov dec group four every
    """
)

#: English nationality adjectives and demonyms: never a name on their own.
EN_DEMONYMS = _words(
    """
    saudi arab arabic iraqi israeli kuwaiti qatari emirati omani yemeni iranian syrian lebanese
    jordanian egyptian libyan tunisian algerian moroccan sudanese turkish russian ukrainian
    chinese japanese korean american british english french german dutch italian
    spanish portuguese polish european asian african indonesian indian pakistani afghan
    """
)

#: English titles before a person name.
EN_TITLES = _words(
    """
    president prime minister secretary chancellor king queen prince princess sheikh general
    foreign defence defense chief spokesman spokeswoman spokesperson ambassador senator governor
    mayor pope mr mrs ms dr leader envoy commissioner deputy vice secretary-general
    coach manager striker goalkeeper captain
    """
)

#: English head words of organisation names.
EN_ORG_HEADS = _words(
    """
    ministry organisation organization party agency council bank company university union
    committee commission authority association fund foundation court front club forum institute
    league alliance parliament army corporation group inc ltd corp news times post
    service office department bureau federation confederation police network
    forces force programme program movement brigades brigade guard guards corps coalition
    militia government cabinet senate congress assembly secretariat mission
    """
)

#: Head nouns of the organisation-phrase rule (:func:`.phrases.org_phrases`): indefinite
#: heads in the construct state, and the few definite heads that name one body with an
#: adjective («الاتحاد السعودي», «المنتخب السعودي», «المخابرات الأمريكية»).
ORG_PHRASE_HEADS = _keys(
    """
    وزارة وكالة منظمة اتحاد مجلس هيئة بنك مصرف شركة حزب جامعة محكمة صندوق مؤسسة لجنة
    مجموعة مفوضية رابطة نقابة جمعية معهد أكاديمية إدارة تيار تكتل ائتلاف جبهة قوات
    ميليشيات ميليشيا كتائب
    الاتحاد المجلس البنك المصرف الحزب المنتخب البرلمان المخابرات الاستخبارات التحالف
    الهيئة اللجنة المحكمة المفوضية الجبهة الديوان
    """
)

#: Venue head nouns: with a name after them, a place (ملعب غيلورا بونغ كارنو).
VENUE_HEADS = _keys("ملعب استاد ستاد مطار ساحة ميدان")

#: Facility and landmark head nouns: with a name after them, a place (ميناء الحديدة، قاعدة
#: عين الأسد الجوية، حقل الشرارة، حي الطريف، قصر سلوى).
FACILITY_HEADS = _keys(
    """
    مطار ميناء مرفأ قاعدة مستشفى قصر حي حقل حوض جزيرة جبل نهر بحيرة سد معبر مخيم ساحة
    ميدان شارع ملعب استاد ستاد مضيق سجن مصفاة محطة فندق مركب متنزه منتزه حديقة كورنيش
    حلبة بحر جبال صحراء خليج
    """
)

#: Month names (Syriac, Gregorian transliterated) and their second words.
MONTHS = _keys(
    """
    كانون تشرين شباط آذار نيسان أيار حزيران تموز آب أيلول الأول الثاني
    يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر
    ديسمبر
    """
)

#: Definite words that end a name phrase: time words, days, relatives, إلى (key الي) …
PHRASE_STOP = _keys(
    """
    الذي التي الذين اللذين اللتين اللواتي الى الي الا الان الآن اليوم الأمس امس العام الماضي
    المقبل الجاري الحالي السابق الأسبوع الاسبوع الشهر السنة الليلة الصباح المساء الاثنين
    الثلاثاء الأربعاء الخميس الجمعة السبت الأحد خلال ايضا أيضا الأخير الأخيرة المقبلة الماضية
    الحالية السابقة الجارية المزيد الكثير الرسمية الرسمي المقرر المقررة المنتهية
    الرامية الرامي الساعية الساعي الداعية الداعي الماضي الباقية الباقي المركز المرتبة
    """
)

#: English head words of place names: venues and geographic features (Gelora Bung Karno
#: Stadium, Heathrow Airport, Tahrir Square).
EN_PLACE_HEADS = _words(
    """
    stadium arena airport square street avenue road bridge river sea ocean island islands
    mountains valley province region county district strait bay lake desert peninsula
    """
)

#: English words of event, title and competition names: such a run is not a person or
#: place (World Cup, Olympic Games, Security Summit).
EN_EVENT_WORDS = _words(
    """
    cup games olympics championship championships tournament summit conference prize award
    awards war festival week day open qualifying trophy
    """
)

#: Words of a sports report; :data:`SPORT_MIN_CUES` different ones make a text one, and
#: the clubs' bare names (الهلال، النصر) are then names (see ``gazetteer.for_sport``).
SPORT_CUES = _keys(
    """
    مباراة المباراة مباراته مباريات المباريات الدوري دوري هدف هدفا هدفين الهدف أهداف الأهداف
    الدقيقة الشوط المدرب مدرب لاعب اللاعب لاعبي اللاعبين الملعب ملعب البطولة بطولة كأس الكأس
    نادي النادي الفريق فريق المنتخب منتخب تعادل التعادل فوزه فاز هزيمة ركلة ركلات جزاء
    الحارس المهاجم الموسم نصف النهائي النهائي ثمن ربع
    """
)
SPORT_MIN_CUES = 4

#: Ministries named by their portfolio alone: «الخارجية التركية» is Turkey's foreign ministry.
PORTFOLIOS = _keys("الخارجية الداخلية الدفاع")

#: Objects named after people: «تلسكوب جيمس ويب» is no person.
OBJECT_HEADS = _keys(
    """
    تلسكوب التلسكوب مسبار المسبار صاروخ الصاروخ طائرة الطائرة سفينة السفينة حاملة الحاملة
    مركبة المركبة غواصة الغواصة دبابة الدبابة منظومة المنظومة
    """
)

#: Words that look like names to the tagger but name no entity: currencies, products.
NOT_NAMES = _keys(
    """
    يوان اليوان دولار الدولار يورو اليورو ين الين روبل الروبل ليرة الليرة درهم الدرهم دينار
    الدينار ريال الريال جنيه الجنيه بيتكوين البيتكوين آيفون الآيفون آيباد أندرويد ويندوز
    كوفيد
    """
)

#: Regnal ordinals that end a sovereign's name: «إليزابيث الثانية», «محمد السادس».
REGNAL_ORDINALS = _keys(
    """
    الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة
    السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة الحادي عشر
    """
)
