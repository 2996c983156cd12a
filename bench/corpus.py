"""Generate a deterministic archive of realistic Arabic briefs for the build benchmark.

Run: ``.venv/bin/python bench/corpus.py OUT_DIR --size 1000`` (``bench/bench_build.py``
calls :func:`write_corpus`). Each brief is a Markdown file with Pelican metadata, as an
editor writes one: a dateline, about 400-750 words in paragraphs of three to five
sentences, three to six attributed quotes, and 20-40 people, organisations and places
drawn from a pool of a few hundred (names from the curated news list, so the analysis
finds them) with a Zipf-like popularity: a few entities (روسيا, الأمم المتحدة) are in
thousands of briefs, most in a handful. Briefs come in stories of 2-12 that share a core
of entities within a few weeks, over one year; one in ten ends with a scraped page's
share line. The same size and seed always give the same files.
"""

from __future__ import annotations

import argparse
import bisect
import random
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "plugins" / "briefs" / "analysis" / "entities" / "data" / "news.yml"
SEED = 20241114
START = datetime(2024, 1, 1, 6, 0)
# The pool: this many entities of each type, taken evenly from the curated list.
POOL = {"person": 140, "organization": 110, "place": 150}

FILLER = [
    "وتأتي هذه التطورات في وقت تشهد فيه المنطقة توترا متزايدا منذ عدة أشهر",
    "ولم تصدر أي ردود فعل رسمية حتى الآن على هذه التصريحات",
    "وأشارت مصادر مطلعة إلى أن المحادثات ستستمر خلال الأيام المقبلة",
    "وكانت الجولة السابقة من المفاوضات قد انتهت من دون التوصل إلى اتفاق نهائي",
    "ويرى محللون أن الخطوة تعكس تحولا في الأولويات السياسية والاقتصادية",
    "وتراجعت أسعار الأسهم في التعاملات المبكرة بعد الإعلان عن البيانات الجديدة",
    "وأكدت المصادر أن الاجتماع تناول ملفات الطاقة والأمن والتجارة",
    "وتشير التقديرات إلى أن الخسائر قد تصل إلى مليارات الدولارات بحلول نهاية العام",
    "وشهدت الأسابيع الماضية سلسلة من الاجتماعات على مستوى الخبراء",
    "ويتوقع مراقبون أن تلقي هذه القرارات بظلالها على الأسواق العالمية",
    "وقالت مصادر دبلوماسية إن الوفود ناقشت مسودة البيان الختامي بندا بندا",
    "وارتفع عدد المتضررين إلى أكثر من ثلاثة آلاف شخص وفق الأرقام الرسمية",
    "وتتواصل الجهود الإنسانية لإيصال المساعدات إلى المناطق الأكثر تضررا",
    "وأظهرت البيانات الصادرة اليوم نموا أبطأ من المتوقع في الربع الثالث",
    "ويخشى خبراء من أن يؤدي التصعيد إلى موجة جديدة من النزوح",
    "وتعهدت الحكومة بتقديم دعم مالي للقطاعات الأكثر تأثرا بالأزمة",
    "وجرى الاتفاق على عقد اجتماع آخر الشهر المقبل لمتابعة التنفيذ",
    "ويأتي ذلك بعد أسابيع من الجمود في المحادثات بين الأطراف المعنية",
    "وتظهر استطلاعات الرأي انقساما واضحا في المواقف حول هذا الملف",
    "وأوضح التقرير أن معدلات التضخم بقيت مرتفعة رغم رفع أسعار الفائدة",
    "ولفت مراقبون إلى أن الملف سيكون حاضرا بقوة في القمة المقبلة",
    "وتعمل فرق الإنقاذ على مدار الساعة في ظروف جوية صعبة",
    "وسجلت صادرات النفط ارتفاعا طفيفا مقارنة بالشهر الماضي",
    "وتبادل الطرفان الاتهامات بشأن المسؤولية عن انهيار التهدئة",
    "ويعد هذا الاجتماع الأول من نوعه منذ أكثر من عامين",
    "وأفادت تقارير إعلامية بأن الخلافات تركزت على آليات التمويل والرقابة",
]
QUOTES = [
    "نحن ملتزمون بالعمل مع جميع الشركاء لتحقيق الاستقرار في المنطقة",
    "الوضع الإنساني لا يحتمل مزيدا من التأخير ويجب التحرك فورا",
    "هذه الخطوة تمثل بداية مرحلة جديدة من التعاون بين بلدينا",
    "لن نقبل بأي حل لا يحترم سيادة الدول وحقوق شعوبها",
    "الاقتصاد العالمي يمر بمرحلة صعبة تتطلب قرارات شجاعة",
    "ما حدث اليوم يؤكد أن الحوار هو الطريق الوحيد للخروج من الأزمة",
    "نتوقع أن تعود الأسواق إلى التوازن خلال الأشهر المقبلة",
    "الأولوية الآن هي حماية المدنيين وضمان وصول المساعدات",
    "ندعو جميع الأطراف إلى ضبط النفس والعودة إلى طاولة المفاوضات",
    "هناك تقدم ملموس لكن الطريق ما زال طويلا",
    "القرار اتخذ بعد مشاورات مكثفة مع الحلفاء والشركاء",
    "نحن نراقب الوضع عن كثب ومستعدون للتحرك إذا لزم الأمر",
    "الاستثمار في الطاقة النظيفة لم يعد خيارا بل ضرورة",
    "لا يمكن تحقيق الأمن من دون تنمية حقيقية ومستدامة",
    "التعاون الإقليمي هو مفتاح مواجهة التحديات المشتركة",
    "سنواصل العمل حتى يتم التوصل إلى اتفاق عادل وشامل",
]
SPEECH = [
    "وقال {p} إن «{q}».",
    "وأكد {p} في تصريحات للصحفيين أن «{q}».",
    "وصرح {p} في مؤتمر صحفي: «{q}».",
    "وأضاف {p}: «{q}».",
    "وكتب {p} في منشور على منصة إكس: «{q}».",
]
EVENT = [
    "وبحث {p} مع {p2} في {pl} العلاقات الثنائية وسبل تعزيزها",
    "وأعلنت {o} في بيان أنها ستواصل متابعة الملف مع {o2}",
    "ودعت {o} إلى ضبط النفس في {pl} وتجنب التصعيد",
    "ووصل {p} إلى {pl} في زيارة رسمية تستمر يومين",
    "وشارك ممثلون عن {o} و{o2} في الاجتماع الذي استضافته {pl}",
    "واستقبل {p} في {pl} وفدا من {o} لبحث التطورات الأخيرة",
    "وتناول الاجتماع الأوضاع في {pl} و{pl2} والتعاون مع {o}",
    "وأجرى {p} اتصالا هاتفيا مع {p2} تناول الأوضاع في {pl}",
    "وانتقد {p} موقف {o} من الأزمة في {pl}",
    "وذكرت {o} أن الأوضاع في {pl} ما زالت صعبة",
]
TITLES = [
    "{p} يبحث مع {o} الأوضاع في {pl}",
    "{o} تدعو إلى التهدئة في {pl}",
    "{p} يزور {pl} وسط تصاعد التوتر",
    "محادثات بين {o} و{o2} حول {pl}",
    "{pl}: {o} تعلن خطة جديدة",
]
AGENCIES = ["أ ف ب", "رويترز", "أ ب", "د ب أ"]
SOURCES = ["وكالة فرانس برس", "رويترز", "أسوشيتد برس", "الوكالة الألمانية"]
TAGS = ["سياسة", "اقتصاد", "طاقة", "نفط", "أمن", "دبلوماسية", "حقوق الإنسان", "الحرب في أوكرانيا",
        "غزة", "الانتخابات", "المناخ", "التجارة", "الهجرة", "الصحة", "رياضة", "تكنولوجيا",
        "الذكاء الاصطناعي", "الأسواق", "التضخم", "الأمم المتحدة", "الخليج", "أفريقيا", "آسيا",
        "أوروبا", "أمريكا اللاتينية", "الشرق الأوسط", "المساعدات", "الزلازل", "الفيضانات",
        "الإعلام"]


def _pool(rng: random.Random) -> dict[str, list[str]]:
    """Return the Arabic names of the pool's entities, by type (ranked: first is popular)."""
    entries = yaml.safe_load(NEWS.read_text(encoding="utf-8"))
    pool: dict[str, list[str]] = {}
    for kind, count in POOL.items():
        names = [entry["ar"] for entry in entries if entry["type"] == kind and entry.get("ar")]
        step = max(1, len(names) // count)
        chosen = names[::step][:count]
        rng.shuffle(chosen)
        pool[kind] = chosen
    return pool


def _zipf(rng: random.Random, count: int, exponent: float = 0.9):
    weights = list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))
    return lambda: min(bisect.bisect_left(weights, rng.random() * weights[-1]), count - 1)


class Generator:
    """Deterministic briefs: stories of related briefs over one year."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.pool = _pool(self.rng)
        self.rank = {kind: _zipf(self.rng, len(names)) for kind, names in self.pool.items()}

    def draw(self, kind: str) -> str:
        return self.pool[kind][self.rank[kind]()]

    def story_core(self) -> dict[str, list[str]]:
        rng = self.rng
        return {"person": [self.draw("person") for _ in range(rng.randint(1, 3))],
                "organization": [self.draw("organization") for _ in range(rng.randint(1, 2))],
                "place": [self.draw("place") for _ in range(rng.randint(1, 2))]}

    def pick(self, kind: str, core: dict[str, list[str]]) -> str:
        return self.rng.choice(core[kind]) if self.rng.random() < 0.7 else self.draw(kind)

    def brief(self, core: dict[str, list[str]]) -> tuple[str, str]:
        """Return (title, body) of one brief on a story."""
        rng = self.rng
        slots = {"p": lambda: self.pick("person", core), "p2": lambda: self.draw("person"),
                 "o": lambda: self.pick("organization", core),
                 "o2": lambda: self.draw("organization"),
                 "pl": lambda: self.pick("place", core), "pl2": lambda: self.draw("place")}

        def fill(template: str) -> str:
            return template.format(**{key: make() for key, make in slots.items()
                                      if "{" + key + "}" in template},
                                   q=rng.choice(QUOTES))

        title = fill(rng.choice(TITLES))
        place = core["place"][0]
        lead = (f"{place} ({rng.choice(AGENCIES)}) – " + fill(rng.choice(EVENT)) + "، "
                + rng.choice(FILLER) + ".")
        paragraphs = [lead]
        target = rng.randint(400, 750)
        words = len(lead.split())
        quotes = rng.randint(3, 6)
        while words < target:
            sentences = []
            for _ in range(rng.randint(3, 5)):
                roll = rng.random()
                if quotes and roll < 0.25:
                    quotes -= 1
                    sentence = fill(rng.choice(SPEECH))
                elif roll < 0.55:
                    sentence = fill(rng.choice(EVENT)) + "."
                else:
                    sentence = rng.choice(FILLER) + "."
                sentences.append(sentence)
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        if rng.random() < 0.1:
            paragraphs.append("شاركها.")
        return title, "\n\n".join(paragraphs)

    def briefs(self, size: int) -> list[tuple[datetime, str, str]]:
        """Return ``size`` briefs as (date, title, body), in stories over one year."""
        rng = self.rng
        out: list[tuple[datetime, str, str]] = []
        while len(out) < size:
            core = self.story_core()
            start = START + timedelta(minutes=rng.randrange(365 * 24 * 60))
            for _ in range(min(rng.randint(2, 12), size - len(out))):
                date = start + timedelta(minutes=rng.randrange(21 * 24 * 60))
                out.append((date, *self.brief(core)))
        return out


def brief_file(number: int, date: datetime, title: str, body: str, rng: random.Random) -> str:
    """Return one brief's Markdown file."""
    tags = ", ".join(sorted(set(rng.sample(TAGS, rng.randint(1, 3)))))
    source = rng.choice(SOURCES)
    return (f"Title: {title}\nDate: {date:%Y-%m-%d %H:%M}\nLang: ar\nSlug: brief-{number:05d}\n"
            f"Source: {source}\nTags: {tags}\n\n{body}\n")


def write_corpus(folder: Path, size: int, seed: int = SEED) -> list[Path]:
    """Write ``size`` briefs into ``folder`` (created); return the files, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed)
    meta_rng = random.Random(seed + 1)
    paths = []
    for number, (date, title, body) in enumerate(generator.briefs(size), start=1):
        path = folder / f"{date:%Y-%m-%d}-brief-{number:05d}.ar.md"
        path.write_text(brief_file(number, date, title, body, meta_rng), encoding="utf-8")
        paths.append(path)
    return paths


def extra_brief(folder: Path, number: int, seed: int = SEED) -> Path:
    """Write one more brief (for the one-brief rebuild), numbered after the corpus and dated
    after every brief of it (a newsroom adds today's news)."""
    generator = Generator(seed + number)
    _, title, body = generator.briefs(1)[0]
    date = START + timedelta(days=365 + 22)  # the corpus spans one year and three weeks
    path = folder / f"{date:%Y-%m-%d}-brief-{number:05d}.ar.md"
    path.write_text(brief_file(number, date, title, body, random.Random(seed + number)),
                    encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    """Write a corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    arguments = parser.parse_args(argv)
    paths = write_corpus(arguments.folder, arguments.size, arguments.seed)
    print(f"{len(paths)} briefs in {arguments.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
