"""A deterministic synthetic corpus of patient-information articles, for benchmarks.

Every benchmark in ``benchmarks/`` draws its inputs from here, so their figures
describe the same kind of text. The corpus imitates the hospital's articles:

* front matter with ``title``, ``description``, ``slug`` and ``lang``;
* ``##``/``###`` headings, paragraphs of two to four sentences, bullet and
  numbered lists (some nested by four spaces, as Python-Markdown needs), pipe
  tables with short cells;
* multi-word medical terms drawn from :data:`TERMS` (each with a Korean
  equivalent, so terminology benchmarks can build glossaries from it), inline
  ``**bold**`` and links, and Korean-style figures (``150만 원``, ``₩1,200,000``,
  ``3–4 weeks``, ``10 mm``).

Sentences come from templates, so the corpus has the near-duplicates real
sites have (the same sentence about two different treatments): exactly what
makes fuzzy matching hard.

Determinism: article *i* of seed *s* depends only on ``(s, i)`` (string-seeded
:class:`random.Random`), so ``generate_articles(50)`` is a prefix of
``generate_articles(500)`` and two runs produce the same bytes.

A *v2* of a corpus (:func:`make_v2`) edits about 10% of the segments, removes
about 3% and adds about 3%; it records which old segment became which new one
(:class:`Edit`), so a merge benchmark can score whether an edited segment got
its own old translation back.

The Markdown written is CommonMark (plus GFM pipe tables): blocks separated by
blank lines, nested list items indented by four spaces, no ``|`` inside table
cells, no line that starts like another block.

Typical use::

    from benchmarks.corpus import generate_articles, make_v2, merge_inputs
    v1 = generate_articles(50, seed=0)
    v2 = make_v2(v1, seed=0)
    inputs = merge_inputs(20_000, seed=0, lang="ko")   # old PO + new POT + edits
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from pipeline.pofile import Catalog

# --------------------------------------------------------------------------- vocabulary

TERMS: tuple[tuple[str, str], ...] = (
    ("lumbar disc herniation", "요추 추간판 탈출증"),
    ("cervical disc herniation", "경추 추간판 탈출증"),
    ("spinal stenosis", "척추관 협착증"),
    ("lumbar spinal stenosis", "요추 척추관 협착증"),
    ("degenerative disc disease", "퇴행성 디스크 질환"),
    ("spondylolisthesis", "척추 전방 전위증"),
    ("sciatica", "좌골신경통"),
    ("sciatic nerve", "좌골신경"),
    ("nerve root", "신경근"),
    ("intervertebral disc", "추간판"),
    ("annulus fibrosus", "섬유륜"),
    ("nucleus pulposus", "수핵"),
    ("facet joint", "후관절"),
    ("facet joint syndrome", "후관절 증후군"),
    ("sacroiliac joint", "천장관절"),
    ("compression fracture", "압박 골절"),
    ("osteoporotic compression fracture", "골다공증성 압박 골절"),
    ("scoliosis", "척추측만증"),
    ("kyphosis", "척추후만증"),
    ("ankylosing spondylitis", "강직성 척추염"),
    ("rotator cuff tear", "회전근개 파열"),
    ("frozen shoulder", "오십견"),
    ("knee osteoarthritis", "무릎 골관절염"),
    ("meniscus tear", "반월상 연골 파열"),
    ("carpal tunnel syndrome", "수근관 증후군"),
    ("myofascial pain syndrome", "근막통증 증후군"),
    ("chronic low back pain", "만성 요통"),
    ("neck pain", "목 통증"),
    ("radiating leg pain", "하지 방사통"),
    ("numbness", "저림"),
    ("muscle weakness", "근력 저하"),
    ("stem cell therapy", "줄기세포 치료"),
    ("mesenchymal stem cells", "중간엽 줄기세포"),
    ("bone marrow aspirate concentrate", "골수 흡인 농축물"),
    ("platelet-rich plasma", "혈소판 풍부 혈장"),
    ("prolotherapy", "프롤로 치료"),
    ("epidural steroid injection", "경막외 스테로이드 주사"),
    ("nerve block injection", "신경 차단술"),
    ("selective nerve root block", "선택적 신경근 차단술"),
    ("radiofrequency ablation", "고주파 열응고술"),
    ("percutaneous epidural neuroplasty", "경피적 경막외 신경성형술"),
    ("balloon neuroplasty", "풍선 신경성형술"),
    ("endoscopic discectomy", "내시경 디스크 절제술"),
    ("biportal endoscopic spine surgery", "양방향 척추 내시경 수술"),
    ("microscopic discectomy", "현미경 디스크 절제술"),
    ("minimally invasive spine surgery", "최소 침습 척추 수술"),
    ("spinal fusion", "척추 유합술"),
    ("artificial disc replacement", "인공 디스크 치환술"),
    ("vertebroplasty", "척추성형술"),
    ("kyphoplasty", "풍선 척추성형술"),
    ("physical therapy", "물리치료"),
    ("manual therapy", "도수치료"),
    ("extracorporeal shockwave therapy", "체외충격파 치료"),
    ("acupuncture", "침 치료"),
    ("core stabilisation exercise", "코어 안정화 운동"),
    ("non-surgical treatment", "비수술 치료"),
    ("conservative treatment", "보존적 치료"),
    ("local anaesthesia", "국소 마취"),
    ("general anaesthesia", "전신 마취"),
    ("magnetic resonance imaging", "자기공명영상"),
    ("computed tomography", "컴퓨터 단층촬영"),
    ("bone density test", "골밀도 검사"),
    ("electromyography", "근전도 검사"),
    ("anti-inflammatory medication", "소염제"),
    ("muscle relaxant", "근이완제"),
    ("infection", "감염"),
    ("bleeding", "출혈"),
    ("dural tear", "경막 파열"),
    ("recurrence", "재발"),
    ("hospital stay", "입원 기간"),
    ("outpatient visit", "외래 진료"),
    ("national health insurance", "국민건강보험"),
    ("private health insurance", "실손 보험"),
    ("informed consent", "동의서"),
    ("regenerative medicine", "재생 의학"),
    ("pain score", "통증 점수"),
    ("range of motion", "관절 가동 범위"),
    ("posture correction", "자세 교정"),
    ("weight management", "체중 관리"),
    ("follow-up examination", "추적 검사"),
)
"""``(English, Korean)`` medical terms; the English side appears in the articles."""

_CONDITIONS = [TERMS[i][0] for i in (*range(0, 7), 13, *range(15, 29))]
_TREATMENTS = [TERMS[i][0] for i in (31, *range(33, 54), 55, 56)]
_TESTS = [TERMS[i][0] for i in range(59, 63)]
_RISKS = [TERMS[i][0] for i in range(65, 69)]
_PATIENTS = [
    "older adults", "office workers", "athletes", "patients with diabetes", "pregnant women",
    "patients over 60", "young adults", "manual labourers", "patients with osteoporosis",
    "international patients", "people who sit for long hours", "patients taking blood thinners",
]
_ADJECTIVES = ["mild", "moderate", "severe", "persistent", "sudden", "chronic", "acute", "recurrent"]
_BODY = ["lower back", "neck", "shoulder", "hip", "knee", "buttock", "thigh", "calf", "foot", "arm", "hand"]
_VERBS = ["reduce", "relieve", "ease", "control", "improve", "lessen"]
_SYNONYMS = {
    "reduce": "lower", "relieve": "alleviate", "improve": "enhance", "usually": "typically",
    "often": "frequently", "patients": "people", "doctor": "physician", "pain": "discomfort",
    "weeks": "days", "days": "weeks", "small": "tiny", "common": "frequent", "may": "can",
    "help": "assist", "most": "many", "begin": "start", "quickly": "rapidly", "risk": "chance",
    "safe": "well tolerated", "treatment": "procedure", "procedure": "treatment", "recover": "heal",
    "normal": "everyday", "light": "gentle", "important": "essential", "several": "a few",
}
_CLAUSES = [
    ", especially in {patients}", ", depending on the patient", " in most cases",
    ", according to recent studies", ", as confirmed by {test}", " after the first visit",
    ", although results vary", " within {duration}",
]
_SENTENCES = [
    "{Condition} is one of the most common causes of {adj} {body} pain.",
    "{Condition} often develops slowly and may go unnoticed for {duration}.",
    "Many {patients} with {condition} first notice {adj} pain in the {body}.",
    "{Treatment} can {verb} symptoms without the need for {treatment2}.",
    "During {treatment}, the doctor uses {test} to guide the needle precisely.",
    "Most patients return to light activities within {duration} after {treatment}.",
    "The procedure takes about {minutes} minutes and is performed under {anaesthesia}.",
    "The cost of {treatment} is usually between {price_range}.",
    "{Treatment} is partly covered by {insurance} when {test} confirms {condition}.",
    "Risks of {treatment} include {risk} and {risk2}, but they are rare (less than {percent}).",
    "Your doctor will recommend {treatment} if {conservative} has not helped for {duration}.",
    "We use {test} to measure the size of the problem, which is often only {size}.",
    "{Patients} should avoid heavy lifting for {duration} after {treatment}.",
    "A {follow} is scheduled {duration} after {treatment} to check progress.",
    "In clinical studies, {percent} of patients reported less pain after {treatment}.",
    "Symptoms such as {symptom} and {symptom2} suggest that a {nerve} is compressed.",
    "If you have {condition}, {exercise} and {posture} help prevent {recurrence}.",
    "{Condition} affects about {percent} of adults aged {age}.",
    "Unlike {treatment2}, {treatment} leaves only a scar of about {size}.",
    "The {hospital} ward has {beds} beds, and a typical {stay} is {nights} nights.",
    "Please bring earlier {test} images to your {visit}, if you have them.",
    "A fever above 37.5 °C or {risk} after {treatment} should be reported to the clinic at once.",
    "Patients from abroad pay about {won}, which includes {test} and one {visit}.",
    "{Treatment} does not replace {exercise}, which remains the basis of long-term recovery.",
]
_HEADINGS = [
    "What is {condition}?", "Causes of {condition}", "Symptoms of {condition}",
    "How {treatment} works", "Who is a good candidate for {treatment}?",
    "Recovery after {treatment}", "Risks and side effects", "Cost and insurance",
    "Frequently asked questions", "Before your {visit}", "After {treatment}",
    "Diagnosis with {test}", "When to see a doctor", "Exercises for {body} pain",
    "{Treatment} compared with {treatment2}", "Preventing {recurrence}", "Our approach",
]
_TABLES = [
    (("Treatment", "Duration", "Recovery"), ("{treatment}", "{minutes} minutes", "{duration}")),
    (("Symptom", "Possible cause"), ("{Symptom}", "{condition}")),
    (("Item", "Cost (KRW)", "Insurance"), ("{Treatment}", "{won}", "{covered}")),
    (("Test", "What it shows"), ("{Test}", "{Condition}")),
    (("Week", "Activity"), ("Week {week}", "{Activity}")),
]
_ACTIVITIES = ["Walking", "Light stretching", "Desk work", "Driving", "Swimming", "Jogging", "Lifting", "Golf"]
_SYMPTOMS = ["numbness", "tingling", "muscle weakness", "radiating leg pain", "stiffness", "burning pain"]
_COVERED = ["Covered", "Partly covered", "Not covered", "Covered (with conditions)"]


_POOLS: dict[str, Sequence[str]] = {
    "condition": _CONDITIONS, "treatment": _TREATMENTS, "treatment2": _TREATMENTS, "test": _TESTS,
    "risk": _RISKS, "risk2": _RISKS, "patients": _PATIENTS, "adj": _ADJECTIVES, "body": _BODY, "verb": _VERBS,
    "minutes": ["15", "20", "30", "40", "45", "60", "90"], "anaesthesia": ["local anaesthesia", "general anaesthesia"],
    "insurance": ["national health insurance", "private health insurance"],
    "conservative": ["conservative treatment", "physical therapy", "non-surgical treatment"],
    "follow": ["follow-up examination"], "symptom": _SYMPTOMS, "symptom2": _SYMPTOMS,
    "nerve": ["nerve root", "sciatic nerve"], "exercise": ["core stabilisation exercise"],
    "posture": ["posture correction", "weight management"], "recurrence": ["recurrence"],
    "hospital": ["spine", "orthopaedic", "rehabilitation"], "stay": ["hospital stay"],
    "visit": ["outpatient visit", "first visit"], "activity": [a.lower() for a in _ACTIVITIES], "covered": _COVERED,
}
_NUMBERS = {"beds": (20, 120), "nights": (1, 6), "week": (1, 9)}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Slots(dict[str, str]):
    """``str.format_map`` mapping that draws each slot lazily; ``{Name}`` capitalises."""

    def __init__(self, writer: "_Writer") -> None:
        super().__init__()
        self.writer = writer

    def __missing__(self, key: str) -> str:
        value = _cap(self.writer.slot(key.lower())) if key[:1].isupper() else self.writer.slot(key)
        self[key] = value
        return value


# --------------------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class ListItem:
    text: str
    depth: int
    """0 for a top-level item, 1 for an item nested by four spaces."""


@dataclass(frozen=True, slots=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | ListBlock | Table

SegmentKind = Literal[
    "front matter title", "front matter description", "heading", "paragraph", "list item", "table cell"
]


@dataclass(frozen=True, slots=True)
class SyntheticSegment:
    """One translatable unit as the benchmarks count it (one block, item or cell)."""

    text: str
    kind: SegmentKind
    line: int
    """1-based line in :attr:`SyntheticArticle.text`."""


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    """One generated article: its Markdown and the structure it was rendered from."""

    slug: str
    text: str
    """The Markdown source, front matter included, ending with one newline."""
    title: str
    description: str
    lang: str
    blocks: tuple[Block, ...]
    segments: tuple[SyntheticSegment, ...]
    """Every translatable unit in document order (duplicates included)."""


@dataclass(frozen=True, slots=True)
class Edit:
    """An old segment text and the text it became in v2."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class CorpusV2:
    """The edited corpus and what changed, segment by segment."""

    articles: tuple[SyntheticArticle, ...]
    edits: tuple[Edit, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]


# --------------------------------------------------------------------------- text generation


class _Writer:
    """Fills templates from one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def slot(self, name: str) -> str:
        """A random value for one template slot (``{condition}``, ``{money}``, ...)."""
        r, pick = self.rng, self.pick
        if name in _POOLS:
            return pick(_POOLS[name])
        if name == "duration":
            lo = r.choice([1, 2, 3, 4, 6])
            return f"{lo}–{lo + r.choice([1, 2])} {r.choice(['days', 'weeks', 'months'])}"
        if name == "price_range":
            money = r.randrange(3, 60) * 100_000
            return f"₩{money:,} and ₩{money * 2:,}"
        if name == "percent":
            return f"{r.randrange(5, 95)}%"
        if name == "won":
            money = r.randrange(3, 60) * 100_000
            return r.choice([f"{money // 10_000}만 원", f"₩{money:,}", f"{money:,} KRW"])
        if name == "size":
            return f"{r.randrange(2, 30)} {r.choice(['mm', 'cm'])}"
        if name == "age":
            return f"{r.randrange(2, 6) * 10}–{r.randrange(6, 9) * 10}"
        low, high = _NUMBERS[name]
        return str(r.randrange(low, high))

    def fill(self, template: str) -> str:
        return template.format_map(_Slots(self))

    def sentence(self) -> str:
        text = self.fill(self.pick(_SENTENCES))
        if self.rng.random() < 0.25:
            text = text[:-1] + self.fill(self.pick(_CLAUSES)) + "."
        return self._markup(text)

    def _markup(self, text: str) -> str:
        roll = self.rng.random()
        terms = [t for t, _ in TERMS if t in text and "**" not in text]
        if roll < 0.12 and terms:
            term = self.pick(terms)
            return text.replace(term, f"**{term}**", 1)
        if roll < 0.18 and terms:
            term = self.pick(terms)
            slug = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")
            return text.replace(term, f"[{term}](https://example.org/terms/{slug})", 1)
        return text

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randrange(1, 5)))

    def heading(self) -> str:
        return self.fill(self.pick(_HEADINGS))

    def item(self) -> str:
        roll = self.rng.random()
        if roll < 0.35:
            term = self.pick(_TREATMENTS + _CONDITIONS)
            return f"**{_cap(term)}**: {self.sentence()}"
        if roll < 0.6:
            return _cap(self.fill(self.pick(["{symptom} in the {body}", "{adj} {body} pain", "{treatment}",
                                             "{test} within {duration}", "avoid {activity} for {duration}"])))
        return self.sentence()

    def list_block(self) -> ListBlock:
        items: list[ListItem] = []
        for index in range(self.rng.randrange(3, 8)):
            depth = 1 if index > 0 and self.rng.random() < 0.2 else 0
            items.append(ListItem(self.item(), depth))
        return ListBlock(ordered=self.rng.random() < 0.35, items=tuple(items))

    def table(self) -> Table:
        header, row = _TABLES[self.rng.randrange(len(_TABLES))]
        rows = tuple(tuple(self.fill(cell) for cell in row) for _ in range(self.rng.randrange(2, 6)))
        return Table(header=header, rows=rows)

    def section(self) -> list[Block]:
        blocks: list[Block] = [Heading(2, self.heading())]
        for _ in range(self.rng.randrange(1, 4)):
            blocks.append(Paragraph(self.paragraph()))
            roll = self.rng.random()
            if roll < 0.35:
                blocks.append(self.list_block())
            elif roll < 0.5:
                blocks.append(self.table())
            elif roll < 0.65:
                blocks.extend([Heading(3, self.heading()), Paragraph(self.paragraph())])
        return blocks


# --------------------------------------------------------------------------- rendering


def _front_matter(title: str, description: str, slug: str, lang: str) -> list[str]:
    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return ["---", f"title: {quote(title)}", f"description: {quote(description)}", f"slug: {slug}", f"lang: {lang}", "---"]


def render(title: str, description: str, slug: str, lang: str, blocks: Iterable[Block]) -> SyntheticArticle:
    """Render the model as Markdown and record where each segment landed."""
    lines = _front_matter(title, description, slug, lang)
    segments = [SyntheticSegment(title, "front matter title", 2),
                SyntheticSegment(description, "front matter description", 3)]
    blocks = tuple(blocks)
    for block in blocks:
        lines.append("")
        _render_block(block, lines, segments)
    text = "\n".join(lines) + "\n"
    return SyntheticArticle(slug, text, title, description, lang, blocks, tuple(segments))


def _render_block(block: Block, lines: list[str], segments: list[SyntheticSegment]) -> None:
    if isinstance(block, Heading):
        segments.append(SyntheticSegment(block.text, "heading", len(lines) + 1))
        lines.append("#" * block.level + " " + block.text)
    elif isinstance(block, Paragraph):
        segments.append(SyntheticSegment(block.text, "paragraph", len(lines) + 1))
        lines.append(block.text)
    elif isinstance(block, ListBlock):
        counters = [0, 0]
        for item in block.items:
            counters[item.depth] += 1
            if item.depth == 0:
                counters[1] = 0
            marker = f"{counters[item.depth]}." if block.ordered else "-"
            segments.append(SyntheticSegment(item.text, "list item", len(lines) + 1))
            lines.append("    " * item.depth + f"{marker} {item.text}")
    else:
        for row in (block.header, *block.rows):
            for cell in row:
                segments.append(SyntheticSegment(cell, "table cell", len(lines) + 1))
            lines.append("| " + " | ".join(row) + " |")
            if row is block.header:
                lines.append("|" + "|".join("---" for _ in row) + "|")


# --------------------------------------------------------------------------- articles


def generate_article(index: int, *, seed: int = 0, lang: str = "en") -> SyntheticArticle:
    """Article number ``index`` of the corpus ``seed``."""
    writer = _Writer(random.Random(f"medloc-corpus:{seed}:{index}"))
    condition = writer.pick(_CONDITIONS)
    treatment = writer.pick(_TREATMENTS)
    title = _cap(writer.pick(["{t} for {c}", "Understanding {c}", "{t}: what to expect", "Living with {c}"])
                 .format(t=treatment, c=condition))
    description = f"How {treatment} helps with {condition}: {writer.pick(['recovery', 'risks', 'costs', 'results'])} explained."
    blocks: list[Block] = [Paragraph(writer.paragraph())]
    for _ in range(writer.rng.randrange(4, 7)):
        blocks.extend(writer.section())
    slug = f"{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')}-{index:05d}"
    return render(title, description, slug, lang, blocks)


def generate_articles(n: int, *, seed: int = 0, lang: str = "en") -> list[SyntheticArticle]:
    """The first ``n`` articles of corpus ``seed`` (a prefix of any larger ``n``)."""
    return [generate_article(i, seed=seed, lang=lang) for i in range(n)]


def write_articles(folder: Path, n: int, *, seed: int = 0, lang: str = "en") -> list[Path]:
    """Write ``n`` articles as ``folder/<slug>.md``; return their paths."""
    return write_corpus(folder, generate_articles(n, seed=seed, lang=lang))


def write_corpus(folder: Path, articles: Iterable[SyntheticArticle]) -> list[Path]:
    """Write already generated articles (e.g. a v2) as ``folder/<slug>.md``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles:
        path = folder / f"{article.slug}.md"
        path.write_text(article.text, encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- v2: edits


_LOCKED = re.compile(r"[*\[\]()|`]|https?:")


def edit_text(text: str, rng: random.Random) -> str:
    """A plausible author's revision of ``text`` (never equal to it)."""
    operations: list[Callable[[str, random.Random], str | None]] = [
        _swap_synonym, _change_number, _append_clause, _delete_words, _swap_term, _replace_sentence, _plural,
    ]
    rng.shuffle(operations)
    for operation in operations:
        result = operation(text, rng)
        if result and result != text:
            return result
    return text + " (updated)"


def _plain_word_positions(words: list[str]) -> list[int]:
    return [i for i, w in enumerate(words) if not _LOCKED.search(w) and w.strip(".,:?!").isalpha()]


def _swap_synonym(text: str, rng: random.Random) -> str | None:
    words = text.split(" ")
    choices = [i for i in _plain_word_positions(words) if words[i].strip(".,:?!").lower() in _SYNONYMS]
    if not choices:
        return None
    i = rng.choice(choices)
    core = words[i].strip(".,:?!")
    new = _SYNONYMS[core.lower()]
    words[i] = words[i].replace(core, _cap(new) if core[0].isupper() else new)
    return " ".join(words)


def _plural(text: str, rng: random.Random) -> str | None:
    words = text.split(" ")
    if len(words) > 4 or not words[-1].isalpha() or words[-1].endswith("s"):
        return None
    last = words[-1]
    words[-1] = last[:-1] + "ies" if last.endswith("y") else last + "s"
    return " ".join(words)


def _change_number(text: str, rng: random.Random) -> str | None:
    numbers = list(re.finditer(r"(?<![\w/-])\d+(?![\w/-])", text))
    if not numbers:
        return None
    match = rng.choice(numbers)
    value = int(match.group()) + rng.choice([1, 2, 5, 10])
    return text[: match.start()] + str(value) + text[match.end():]


def _append_clause(text: str, rng: random.Random) -> str | None:
    if not text.endswith("."):
        return f"{text} {rng.choice(['(overview)', 'in detail', 'for patients', 'at our clinic', '(optional)'])}"
    clause = _Writer(rng).fill(rng.choice(_CLAUSES))
    return text[:-1] + clause + "."


def _delete_words(text: str, rng: random.Random) -> str | None:
    words = text.split(" ")
    positions = [i for i in _plain_word_positions(words) if 0 < i < len(words) - 1]
    if len(words) < 6 or not positions:
        return None
    start = rng.choice(positions)
    count = rng.randrange(1, 3)
    if any(_LOCKED.search(w) for w in words[start:start + count]):
        return None
    return " ".join(words[:start] + words[start + count:])


def _swap_term(text: str, rng: random.Random) -> str | None:
    present = [t for t in _TREATMENTS + _CONDITIONS if re.search(rf"(?<![\w\[*-]){re.escape(t)}(?![\w\]*-])", text)]
    if not present:
        return None
    old = rng.choice(present)
    pool = _TREATMENTS if old in _TREATMENTS else _CONDITIONS
    new = rng.choice([t for t in pool if t != old and t not in text])
    return re.sub(rf"(?<![\w\[*-]){re.escape(old)}(?![\w\]*-])", new, text, count=1)


def _replace_sentence(text: str, rng: random.Random) -> str | None:
    sentences = re.split(r"(?<=[.?!]) (?=[A-Z*\[])", text)
    if len(sentences) < 3:
        return None
    sentences[rng.randrange(len(sentences))] = _Writer(rng).sentence()
    return " ".join(sentences)


@dataclass(slots=True)
class _Revision:
    """Counters and records while one article is revised."""

    rng: random.Random
    p_edit: float
    p_remove: float
    p_add: float
    fresh: _Writer
    edits: list[Edit]
    removed: list[str]
    added: list[str]

    def text(self, text: str) -> str:
        if self.rng.random() >= self.p_edit:
            return text
        new = edit_text(text, self.rng)
        self.edits.append(Edit(text, new))
        return new

    def removes(self, text: str) -> bool:
        if self.rng.random() < self.p_remove:
            self.removed.append(text)
            return True
        return False

    def adds(self) -> bool:
        return self.rng.random() < self.p_add


def make_v2(
    articles: Sequence[SyntheticArticle],
    *,
    seed: int = 0,
    edit: float = 0.10,
    remove: float = 0.03,
    add: float = 0.03,
) -> CorpusV2:
    """Revise a corpus: about ``edit`` of all segments edited, ``remove`` removed, ``add`` added.

    Removal and addition apply to paragraphs, headings and list items (a table
    keeps its shape; its cells are only edited), with probabilities scaled so
    the fractions hold for all segments.
    """
    edits: list[Edit] = []
    removed: list[str] = []
    added: list[str] = []
    revised = []
    for article in articles:
        rng = random.Random(f"medloc-corpus-v2:{seed}:{article.slug}")
        total = len(article.segments)
        flexible = sum(1 for s in article.segments if s.kind in ("heading", "paragraph", "list item"))
        scale = total / max(flexible, 1)
        revision = _Revision(rng, edit, min(remove * scale, 0.5), min(add * scale, 0.5),
                             _Writer(random.Random(f"medloc-corpus-v2-new:{seed}:{article.slug}")), edits, removed, added)
        revised.append(_revise_article(article, revision))
    return CorpusV2(tuple(revised), tuple(edits), tuple(removed), tuple(added))


def _revise_article(article: SyntheticArticle, rev: _Revision) -> SyntheticArticle:
    title = rev.text(article.title)
    description = rev.text(article.description)
    blocks: list[Block] = []
    for block in article.blocks:
        blocks.extend(_revise_block(block, rev))
    if not blocks:
        blocks.append(Paragraph(rev.fresh.paragraph()))
        rev.added.append(blocks[0].text)  # type: ignore[union-attr]
    return render(title, description, article.slug, article.lang, _join_adjacent_lists(blocks))


def _join_adjacent_lists(blocks: list[Block]) -> list[Block]:
    """Two lists left next to each other by a removal are one list in Markdown: model them so."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if isinstance(block, ListBlock) and isinstance(previous, ListBlock):
            joined[-1] = ListBlock(previous.ordered, previous.items + block.items)
        else:
            joined.append(block)
    return joined


def _revise_block(block: Block, rev: _Revision) -> list[Block]:
    if isinstance(block, Table):
        return [Table(tuple(rev.text(c) for c in block.header), tuple(tuple(rev.text(c) for c in row) for row in block.rows))]
    if isinstance(block, ListBlock):
        return _revise_list(block, rev)
    kept: list[Block] = [] if rev.removes(block.text) else [replace(block, text=rev.text(block.text))]
    if rev.adds():
        new = Paragraph(rev.fresh.paragraph()) if isinstance(block, Paragraph) else Heading(block.level, rev.fresh.heading())
        rev.added.append(new.text)
        kept.append(new)
    return kept


def _revise_list(block: ListBlock, rev: _Revision) -> list[Block]:
    items: list[ListItem] = []
    for item in block.items:
        if not rev.removes(item.text):
            items.append(ListItem(rev.text(item.text), item.depth))
        if rev.adds():
            new = ListItem(rev.fresh.item(), item.depth)
            rev.added.append(new.text)
            items.append(new)
    if not items:
        return []
    items[0] = ListItem(items[0].text, 0)  # a list cannot open with a nested item
    return [ListBlock(block.ordered, tuple(items))]


# --------------------------------------------------------------------------- translations


_TERM_PATTERN = re.compile("|".join(re.escape(en) for en, _ in sorted(TERMS, key=lambda t: -len(t[0]))), re.IGNORECASE)
_KOREAN = {en: ko for en, ko in TERMS}


def pseudo_translate(text: str, lang: str) -> str:
    """A deterministic stand-in translation that keeps markup and marks terms.

    For ``ko`` the medical terms become their Korean equivalents; every
    language gets a ``[lang]`` prefix, so a translation is recognisable and
    unique to its source text (merge quality is scored by comparing them).
    """
    if lang == "ko":
        text = _TERM_PATTERN.sub(lambda m: _KOREAN.get(m.group().lower(), m.group()), text)
    return f"[{lang}] {text}"


# --------------------------------------------------------------------------- catalogues


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One msgid of a generated catalogue with all the places it occurs."""

    msgid: str
    references: tuple[str, ...]
    kind: str


@dataclass(frozen=True, slots=True)
class MergeInputs:
    """An old translated catalogue, the template after revision, and the ground truth."""

    old_entries: tuple[CatalogEntry, ...]
    new_entries: tuple[CatalogEntry, ...]
    edits: tuple[Edit, ...]
    """Edited segments whose old text vanished from v2 and whose new text is new."""
    lang: str
    articles: int


def catalog_entries(articles: Iterable[SyntheticArticle]) -> list[CatalogEntry]:
    """Unique msgids across ``articles`` in first-occurrence order, references merged."""
    refs: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for article in articles:
        for segment in article.segments:
            refs.setdefault(segment.text, []).append(f"docs/{article.slug}.md:{segment.line}")
            kinds.setdefault(segment.text, segment.kind)
    return [CatalogEntry(msgid, tuple(r), kinds[msgid]) for msgid, r in refs.items()]


def merge_inputs(n_entries: int, *, seed: int = 0, lang: str = "ko") -> MergeInputs:
    """Enough articles for about ``n_entries`` unique segments, their v2, and the edits."""
    articles: list[SyntheticArticle] = []
    seen: set[str] = set()
    while len(seen) < n_entries:
        article = generate_article(len(articles), seed=seed)
        articles.append(article)
        seen.update(s.text for s in article.segments)
    v2 = make_v2(articles, seed=seed)
    old = catalog_entries(articles)
    new = catalog_entries(v2.articles)
    old_ids = {e.msgid for e in old}
    new_ids = {e.msgid for e in new}
    edits = {e.new: e for e in v2.edits if e.new not in old_ids and e.old not in new_ids and e.new in new_ids}
    return MergeInputs(tuple(old), tuple(new), tuple(edits.values()), lang, len(articles))


def build_catalogs(inputs: MergeInputs) -> tuple["Catalog", "Catalog"]:
    """``(old translated PO, new POT)`` as :class:`pipeline.pofile.Catalog` objects."""
    from pipeline.pofile import Catalog, Message

    def message(entry: CatalogEntry, msgstr: str) -> Message:
        return Message(entry.msgid, msgstr, extracted_comments=[entry.kind], references=list(entry.references))

    old = Catalog(_header(inputs.lang), [message(e, pseudo_translate(e.msgid, inputs.lang)) for e in inputs.old_entries])
    new = Catalog(_header(None), [message(e, "") for e in inputs.new_entries])
    return old, new


def write_catalogs(folder: Path, inputs: MergeInputs) -> tuple[Path, Path]:
    """Write ``old.po`` and ``new.pot`` under ``folder`` through pipeline.pofile; return their paths."""
    from pipeline.pofile import write_po

    old, new = build_catalogs(inputs)
    folder.mkdir(parents=True, exist_ok=True)
    write_po(old, folder / "old.po")
    write_po(new, folder / "new.pot")
    return folder / "old.po", folder / "new.pot"


def _header(lang: str | None) -> "Message":
    from pipeline.pofile import Message

    fields = [
        ("Project-Id-Version", "medloc-benchmark 1.0"),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", "2025-01-01 00:00+0000"),
        ("PO-Revision-Date", "2025-01-02 00:00+0000" if lang else "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "Benchmark <bench@example.org>" if lang else "FULL NAME <EMAIL@ADDRESS>"),
        ("Language-Team", f"{lang} <bench@example.org>" if lang else "LANGUAGE <LL@li.org>"),
        ("Language", lang or ""),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("X-Source-Language", "en"),
    ]
    if lang:
        from pipeline.languages import get_language

        fields.append(("Plural-Forms", get_language(lang).plural_forms))
    return Message("", "".join(f"{k}: {v}\n" for k, v in fields), flags=[] if lang else ["fuzzy"])
