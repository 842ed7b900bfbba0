"""``medloc import``: golden files, no-loss, renderer agreement, MkDocs build, CLI and errors.

Golden pairs live in ``tests/importer/``: ``cases/<rule>.txt`` (one small raw
sample per importer rule, titles from ``cases/manifest.yaml``) and
``seeds/<name>.txt`` (the five raw seeds, titles from ``sources/manifest.yaml``),
each next to ``<name>.txt.expect.md`` and, when the import warns,
``<name>.txt.expect.diagnostics``. ``MEDLOC_UPDATE_GOLDEN=1`` rewrites them.
"""

from __future__ import annotations

import html
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mkdocs.utils.meta import get_data
from ruamel.yaml import YAML

from pipeline.cli import main
from pipeline.importer import (
    Byline,
    Caption,
    Converted,
    Heading,
    Item,
    ListBlock,
    Paragraph,
    Table,
    convert,
    escape_block,
    group_labels,
    grouped,
    is_title_case,
    load_manifest,
    read_raw,
    render_body,
    render_front_matter,
    site_slug,
    slug_matches,
    split_term,
)
from tests.laws import examples

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "importer"
CASES = sorted((GOLDEN / "cases").glob("*.txt"))
SEEDS = sorted((GOLDEN / "seeds").glob("*.txt"))
UPDATE = os.environ.get("MEDLOC_UPDATE_GOLDEN") == "1"
MD_IT = MarkdownIt("commonmark").enable("table")
PY_MD_EXTENSIONS = ["tables", "attr_list", "admonition", "footnotes", "toc"]
PY_MD = markdown.Markdown(extensions=PY_MD_EXTENSIONS)
"""Python-Markdown as MkDocs configures it (mkdocs.yml's markdown_extensions)."""


def import_golden(raw: Path) -> Converted:
    manifest = GOLDEN / "cases" / "manifest.yaml" if raw.parent.name == "cases" else ROOT / "sources" / "manifest.yaml"
    entry = load_manifest(manifest).get(raw.name)
    return convert(
        read_raw(raw),
        source=raw.name,
        path=raw.name,
        lang="en",
        title=entry.title if entry else None,
        slug=entry.slug if entry else None,
    )


def check_golden(path: Path, actual: str | None) -> None:
    """Compare with a golden file; ``None`` means the file must not exist."""
    if UPDATE:
        if actual is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(actual, encoding="utf-8")
        return
    if actual is None:
        assert not path.exists(), f"{path.name}: no diagnostics expected any more"
        return
    assert path.exists(), f"{path.name} missing; run with MEDLOC_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("raw", CASES + SEEDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden(raw: Path) -> None:
    result = import_golden(raw)
    check_golden(raw.with_name(raw.name + ".expect.md"), result.markdown)
    log = "".join(f"{d}\n" for d in result.diagnostics) or None
    check_golden(raw.with_name(raw.name + ".expect.diagnostics"), log)


def test_every_rule_in_the_docstring_has_a_golden_case() -> None:
    import pipeline.importer as importer

    named = set(re.findall(r"\[([a-z0-9-]+)\]", importer.__doc__ or ""))
    named = {n for n in named if not n.startswith("import-")}
    assert named == {p.stem for p in CASES}


def test_committed_docs_are_the_imported_seeds() -> None:
    entries = load_manifest(ROOT / "sources" / "manifest.yaml")
    assert sorted(entries) == [p.name for p in SEEDS]
    for raw in SEEDS:
        expected = raw.with_name(raw.name + ".expect.md").read_text(encoding="utf-8")
        slug = entries[raw.name].slug
        assert (ROOT / "docs" / f"{slug}.md").read_text(encoding="utf-8") == expected, slug


# --------------------------------------------------------------------------- no-loss


_CJK = "\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3"
_SLUG = rf"[a-z0-9({_CJK}][a-z0-9\-:()+'._{_CJK}]*"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘(])|(?<=[a-z)][.!?])(?=[A-Z][a-z])")  # "pain.The": a space the scrape lost
_JUNK = {"leave a reply", "your email address will not be published.", "required fields are marked *"}


def sentences(text: str) -> list[str]:
    """Sentences of one unit; ``|`` splits too, as raw table rows are split into cells."""
    found = []
    for part in text.split("|"):
        part = re.sub(r"^(\d{1,3}[.)]\s+|[\u2460-\u2473]\s*)", "", " ".join(part.split()))  # "3. " or "③ " numbers an item
        found += [s for s in _SENTENCE.split(part) if s]
    return found


def raw_units(text: str) -> tuple[Counter[str], set[str]]:
    """Sentences of a raw article, found independently of the importer, and its slug lines."""
    lines, slugs = raw_lines(text)
    units: Counter[str] = Counter()
    for line in lines:
        units.update(sentences(line))
    return units, slugs


def raw_lines(text: str) -> tuple[list[str], set[str]]:
    """Text lines of a raw article without list markers (``•``, a bare ``2``) and slugs, and its slug lines."""
    found: list[str] = []
    slugs: set[str] = set()
    lines = [line.strip() for line in text.removeprefix("\ufeff").splitlines() if line.strip()]
    markers = [m.group(1) if (m := re.match(r"([-*–])\s", line)) else None for line in lines]
    slide_numbers = bool({"1", "2"} <= set(lines) or {"01", "02"} <= set(lines))  # "1" / "Pain after a fall" / "2" / …: numbers of a slide's items
    for n, line in enumerate(lines):
        if markers[n] and markers[n] in markers[max(n - 1, 0) : n] + markers[n + 1 : n + 2]:
            line = line[1:].lstrip()  # "- item" typed in the text, next to another one: a bullet
        if not line or line.lower() in _JUNK or re.fullmatch(r"\|?[\s|:-]*-[\s|:-]*|[•◦▪●‣]", line):
            continue
        if slide_numbers and re.fullmatch(r"0?\d{1,2}", line):
            continue
        if re.fullmatch(_SLUG, line) and re.search(f"[a-z{_CJK}]", line):
            slugs.add(line)
            continue
        glued = re.match(rf"({_SLUG})(?=[A-Z“\"‘])", line)
        if glued and len(glued.group(1)) >= 3:
            slugs.add(glued.group(1))
            line = line[glued.end() :]
        found.append(re.sub(r"^[•◦▪●‣]\s+", "", line))
    return found, slugs


def rejoined(text: str, extra: Counter[str]) -> tuple[Counter[str], Counter[str]]:
    """Output units made of a raw line and the lowercase lines under it (a sentence the layout broke).

    Returns those units and the raw units they are made of.
    """
    lines, _ = raw_lines(text)
    joined: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    for start in range(len(lines)):
        for end in range(start + 2, min(start + 6, len(lines) + 1)):
            if not lines[end - 1][:1].isalnum() or lines[end - 1][:1].isupper():
                break
            units = sentences(" ".join(lines[start:end]))
            if units and all(extra[u] > joined[u] for u in units):
                joined.update(units)
                parts.update(u for line in lines[start:end] for u in sentences(line))
                break
    return joined, parts


# Independent of the importer's own lists: words only a site template puts on a line of its own.
_TEMPLATE_WORDS = re.compile(
    r"©|copyright|cookie|privacy|terms of|share|facebook|twitter|\bx\b|linkedin|pinterest|\bpin\b|tweet|kakao"
    r"|whatsapp|telegram|print|copy link|e-?mail|\bname\b|website|phone|comment|reply|message|subject|send"
    r"|submit|accept|decline|book|appointment|consultation|read more|continue reading|\bprev|\bnext\b|\blikes? \d"
    r"|공유|카카오|블로그|복사|목록",  # share, KakaoTalk, blog, copy (URL), back to the list
    re.IGNORECASE,
)
_FOOTER_HEADING = re.compile(
    r"(share( this.*)?|related (posts|articles|reading|stories)|you (may|might) also like|leave a (reply|comment)"
    r"|(tags|categories|filed (under|in)|posted in)\b.*)\s*:?",
    re.IGNORECASE,
)


def droppable_units(text: str, actual: Counter[str]) -> Counter[str]:
    """Units the importer may drop: the site footer, header navigation and a table of contents.

    The footer is in the file's tail of short lines (at most 16 words) none of
    whose sentences reached the output; of those, only a line with a template
    word (share, copyright, cookie, form labels, a booking button) or one below
    a footer heading (Related Posts, Share this, Tags) may be missing: any other
    lost line at the end is still a loss. A table of contents is a "Table of
    Contents" line and the entries after it that repeat a line kept elsewhere.
    """
    lines = [line.strip() for line in text.removeprefix("\ufeff").splitlines() if line.strip()]
    dropped: Counter[str] = Counter()
    tail: list[str] = []
    for line in reversed(lines):
        line = re.sub(r"^[•◦▪●‣]\s+", "", line)
        if len(line.split()) > 16 or any(actual[u] for u in sentences(line)):
            break
        tail.insert(0, line)
    under_heading = False
    for line in tail:
        under_heading = under_heading or bool(_FOOTER_HEADING.fullmatch(line))
        if under_heading or _TEMPLATE_WORDS.search(line):
            dropped.update(sentences(line))
    for n, line in enumerate(lines):
        if re.fullmatch(r"(table of )?contents:?", line, flags=re.I):
            entries = list(itertools.takewhile(lambda e: lines.count(e) > 1, lines[n + 1 :]))
            dropped.update([line, *entries])
    link = r"(read more|continue reading)\W*|\W*(click|tap) .*to (enlarge|zoom|view larger)\W*"
    dropped.update(line for line in lines if re.fullmatch(link, line, flags=re.I))  # a teaser's or an image's link
    button = r"(book|make|request|schedule) an? appointment( now| today| online)?"
    dropped.update(line for line in lines if re.fullmatch(button, line, flags=re.I) and not lines.count(line.lower().replace(" ", "-")))  # a card's booking button
    for size in range(2, 7):
        if lines[:size] == lines[size : 2 * size]:
            dropped.update(lines[: 2 * size])  # the site's menu, printed twice above the article
            lines = lines[2 * size :]
            break
    for n, line in enumerate(lines[:6]):
        counter = r"(views?|hits)\W*[\d,]+|[\d,]+ views?|(likes?|shares?)\W*[\d,]+(\s+shares?)?"
        if re.match(r"home\s*[>›»]", line, flags=re.I) or re.fullmatch(counter, " ".join(line.split()), flags=re.I):
            dropped.update(sentences(line))  # breadcrumb or view counter above the article
        elif n and line in (lines[n - 1], lines[0]):
            dropped.update(sentences(line))  # the page title repeated as the first heading or under the breadcrumb
    return dropped


def inline_texts(markdown_text: str) -> list[str]:
    """Plain text of every inline unit (heading, paragraph, item, cell) as markdown-it reads it."""
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown_text, flags=re.S)
    texts = []
    for token in MD_IT.parse(body):
        if token.type == "inline":
            texts.append("".join(c.content for c in token.children or [] if c.type in ("text", "code_inline")))
    return texts


@pytest.mark.parametrize("raw", SEEDS + CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_sentence_lost_or_duplicated(raw: Path) -> None:
    text = raw.read_text(encoding="utf-8")
    result = import_golden(raw)
    expected, slugs = raw_units(text)
    actual: Counter[str] = Counter(sentences(result.title))
    for unit in inline_texts(result.markdown):
        actual.update(sentences(unit))
    joined, parts = rejoined(text, actual - expected)
    assert expected - parts - actual - droppable_units(text, actual) == Counter(), "lost"
    extra = actual - expected - joined
    allowed = Counter(sentences(result.title)) + Counter(
        u for u in extra if re.sub(r"\s+", "-", u.lower()) in slugs  # headings recovered from slugs
    )
    assert extra - allowed == Counter(), "added or duplicated"


@pytest.mark.parametrize("raw", SEEDS, ids=lambda p: p.stem)
def test_description_is_the_first_paragraph_verbatim(raw: Path) -> None:
    result = import_golden(raw)
    front = yaml.safe_load(result.markdown.split("---\n")[1])
    body = result.markdown.split("---\n", 2)[2]
    tokens = MD_IT.parse(body)
    paragraphs = [tokens[n + 1] for n, t in enumerate(tokens) if t.type == "paragraph_open" and t.level == 0]
    first = next(p for p in paragraphs if not p.content.startswith("*"))  # captions are italic
    assert front["description"] == first.content


# --------------------------------------------------------------------------- renderers


BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td"}
BLOCK_TAGS |= {"blockquote", "pre", "hr", "div", "strong", "em", "code", "a", "img", "dl"}


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in BLOCK_TAGS:
            self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def shape(html: str) -> tuple[list[str], str]:
    """Element sequence and whitespace-normalised text of rendered HTML."""
    parser = _Shape()
    parser.feed(html)
    return parser.tags, " ".join("".join(parser.text).split())


def python_markdown(text: str) -> str:
    return PY_MD.reset().convert(text)


def both_shapes(text: str) -> tuple[tuple[list[str], str], tuple[list[str], str]]:
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    return shape(python_markdown(body)), shape(MD_IT.render(body))


GOLDEN_OUTPUTS = sorted(GOLDEN.glob("*/*.expect.md")) + sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("path", GOLDEN_OUTPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_python_markdown_and_markdown_it_agree(path: Path) -> None:
    ours, theirs = both_shapes(path.read_text(encoding="utf-8"))
    assert ours == theirs


_TEXT = st.lists(
    st.sampled_from(list("ab 1.)#*_-+`[]()<>!&;|\\{}~:=/\"'x0’—") + ["&amp;", "<b>", "***", "---", "~~~", "[^1]", "{: .x}", "!!! note", "<!--", "`c`", "__", "a@b.c", "<http://a.b>", "Term: "]),
    min_size=1,
    max_size=14,
).map(lambda parts: " ".join("".join(parts).split()) or "a")


def _items(depth: int) -> st.SearchStrategy[Item]:
    children = st.just(()) if depth == 0 else st.lists(st.one_of(_TEXT, _lists(depth - 1)), max_size=2).map(tuple)
    return st.builds(Item, text=_TEXT, line=st.just(1), parts=children, style=st.sampled_from(["plain", "term", "title"]))


def _lists(depth: int) -> st.SearchStrategy[ListBlock]:
    return st.builds(ListBlock, ordered=st.booleans(), items=st.lists(_items(depth), min_size=1, max_size=3).map(tuple), line=st.just(1))


def _tables() -> st.SearchStrategy[Table]:
    return st.integers(1, 3).flatmap(
        lambda width: st.builds(
            Table,
            header=st.lists(_TEXT, min_size=width, max_size=width).map(tuple),
            rows=st.lists(st.lists(_TEXT | st.just(""), min_size=width, max_size=width).map(tuple), min_size=1, max_size=2).map(tuple),
            line=st.just(1),
        )
    )


_BLOCKS = st.lists(
    st.one_of(
        st.builds(Heading, text=_TEXT, line=st.just(1), gap=st.just(0), level=st.sampled_from([2, 3])),
        st.builds(Paragraph, text=_TEXT, line=st.just(1), strong=st.booleans()),
        st.builds(Caption, text=_TEXT, line=st.just(1)),
        st.builds(Byline, text=_TEXT, line=st.just(1)),
        _lists(1),
        _tables(),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=examples(60), deadline=None)
@given(_BLOCKS)
def test_rendered_blocks_mean_the_same_to_both_renderers(blocks: list) -> None:
    """Law: whatever the importer writes, both renderers see the same structure and text."""
    text = render_body(blocks)
    ours, theirs = both_shapes(text)
    assert ours == theirs


@settings(max_examples=examples(200), deadline=None)
@given(_TEXT)
def test_escaped_text_renders_as_itself(text: str) -> None:
    """Law: an escaped paragraph is one paragraph showing exactly the original text."""
    for html in (python_markdown(escape_block(text)), MD_IT.render(escape_block(text))):
        assert shape(html) == (["p"], text)


@pytest.mark.parametrize(
    "value",
    ["Plain title", "Colon: inside", 'Quotes "double" and \'single\'', "no", "yes", "1.0", "# hash", "- dash", "a\\b", "curly ’ – ‑ → é 한국어", "x" * 400],
)
def test_front_matter_round_trips_in_yaml_1_1_and_1_2(value: str) -> None:
    fields = {"title": value, "description": value, "slug": "s", "source": "raw.txt", "lang": "no"}
    text = render_front_matter(fields) + "\nBody\n"
    _, mkdocs_meta = get_data(text)
    assert mkdocs_meta == fields
    assert dict(YAML(typ="safe").load(text.split("---\n")[1])) == fields


def test_mkdocs_build_strict_of_the_english_sources(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    entries = load_manifest(ROOT / "sources" / "manifest.yaml")
    for raw in SEEDS:
        page = tmp_path / "site" / str(entries[raw.name].slug) / "index.html"
        h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", page.read_text(encoding="utf-8"), flags=re.S)
        assert [html.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in h1] == [import_golden(raw).title]


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Challenges & Risks to Overcome", "challenges-and-risks-to-overcome"),
        ("What’s Needed for This to Become a Standard Option", "what's-needed-for-this-to-become-a-standard-option"),
        ("(and within reach for a regenerative‑oriented hospital)", "(and-within-reach-for-a-regenerativeoriented-hospital)"),
        ("Types of stem / progenitor cells", "types-of-stem-progenitor-cells"),
        ("Clinical status: promise, pitfalls, caution", "clinical-status:-promise-pitfalls-caution"),
        ("4. Rehabilitation + neuromodulation synergy", "4.-rehabilitation-+-neuromodulation-synergy"),
        ("What About Trials Specifically for Stenosis?", "what-about-trials-specifically-for-stenosis"),
    ],
)
def test_site_slug_reproduces_the_sites_heading_ids(heading: str, slug: str) -> None:
    assert site_slug(heading) == slug


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Herniated discs: The most common trigger.", ("Herniated discs:", "The most common trigger.")),
        ("3D scaffolds, hydrogels: These provide structure.", ("3D scaffolds, hydrogels:", "These provide structure.")),
        ("Future applications may include hybrid therapies: decompression + rehab.", None),
        ("Seoul Yes Hospital is committed to the same care we bring to every patient today: Science.", None),
        ("Spinal stenosis", None),
    ],
)
def test_split_term(text: str, term: tuple[str, str] | None) -> None:
    assert split_term(text) == term


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("2 weeks: wound check", ("2 weeks:", "wound check")),
        ("Herniated discs: The most common trigger.", ("Herniated discs:", "The most common trigger.")),
        ("Future options may include hybrid therapies: decompression + rehab.", None),
    ],
)
def test_split_term_with_lowercase_explanations(text: str, term: tuple[str, str] | None) -> None:
    assert split_term(text, lowercase=True) == term


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Why It Matters", True),
        ("A Regenerative Approach to Back Health using Stem Cell Therapy", True),
        ("Proper cell source / type", False),
        ("Cost-effectiveness planning", False),
        ("mJOA Score", True),
        ("mJOA score", False),
        ("Syrup 120 mg/5 mL", True),  # units keep their own case
        ("Take 5 mg twice a day", False),
    ],
)
def test_is_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


@pytest.mark.parametrize(
    ("items", "labels"),
    [
        (["Very common", "Headache", "Common", "Rash", "Itch", "Rare", "Seizures"], (0, 2, 5)),  # frequency categories
        (["If you are over 65:", "Take half", "Ask us", "Otherwise:", "Take 1 tablet"], (0, 3)),  # final colons
        (["Before surgery", "Stop smoking", "Shower", "After surgery", "Walk", "Rest"], (0, 3)),
        (["Do", "Walk", "Sit", "Don't", "Lift", "Twist"], (0, 3)),
        (["Morning", "Walk", "Evening", "Walk more"], ()),  # a label known by its words alone heads two items
        (["Morning", "Afternoon", "Evening"], ()),  # labels of nothing
        (["Dizziness", "Blurred vision in one eye", "Sleepiness", "Swollen hands or feet"], ()),
        (["Lumbar stenosis", "Sciatica", "Cervical stenosis", "Neck pain", "Headache"], ()),
        (["Before meals", "With water", "After meals", "At bedtime", "With food"], ()),
        (["Spinal Stenosis", "Herniated disc", "Degenerative disc disease", "Adult Scoliosis", "Compression fracture"], ()),
        (["Ibuprofen (400 mg)", "Aspirin", "Naproxen (250 mg)", "Clopidogrel", "Insulin"], ()),  # a dose, not a frequency
        (["Metformin (Glucophage)", "Aspirin", "Warfarin (Coumadin)", "Clopidogrel", "Insulin"], ()),
        # a condition makes a label only beside a label that shares its head; medicine names with conditions are items
        (["Usual dose (if your kidneys work normally)", "1 tablet", "2 tablets", "Lower dose (if your kidneys work less well)", "1 tablet", "Half a tablet"], (0, 3)),
        (["Aspirin (if you take it for pain)", "Warfarin", "Clopidogrel", "Ibuprofen (if not prescribed)", "Naproxen", "Insulin"], ()),
    ],
)
def test_group_labels(items: list[str], labels: tuple[int, ...]) -> None:
    assert group_labels(items) == labels


_LIST_LINES = st.sampled_from(["Common", "Rare (up to 1 in 1,000 people)", "Morning:", "Do", "Don't", "Dizziness", "Walk", "Before surgery", "After surgery", "Rash"])


@given(st.lists(_LIST_LINES, min_size=1, max_size=10))
@settings(max_examples=examples(200), deadline=None)
def test_grouping_keeps_every_item_in_order(texts: list[str]) -> None:
    block = ListBlock(False, tuple(Item(t, n + 1) for n, t in enumerate(texts)), 1)
    flat: list[str] = []
    for part in grouped(block):
        flat += [part.text] if isinstance(part, Paragraph) else [item.text for item in part.items]
    assert flat == texts


@given(st.text(alphabet="가나다라 (-)?a1", min_size=1, max_size=12), st.text(alphabet="가나다라-()a1", min_size=1, max_size=12))
@settings(max_examples=200, deadline=None)
def test_slug_matching_is_total_in_any_script(heading: str, slug: str) -> None:
    """``면회 시간`` above ``평일``: headings and slugs without a Latin letter or digit once raised ZeroDivisionError."""
    assert slug_matches(heading, slug) in (True, False)


# --------------------------------------------------------------------------- conversion details


def test_crlf_bom_and_tabs_change_nothing(tmp_path: Path) -> None:
    raw = (GOLDEN / "cases" / "numbered-continuation.txt").read_text(encoding="utf-8")
    windows = "\ufeff" + raw.replace("    ", "\t").replace("\n", "\r\n")
    path = tmp_path / "numbered-continuation.txt"
    path.write_bytes(windows.encode("utf-8"))
    plain = convert(raw, source="x.txt", path="x.txt", lang="en", title="T")
    assert convert(read_raw(path), source="x.txt", path="x.txt", lang="en", title="T") == plain


def test_own_title_line_wins_over_a_given_title_with_a_warning() -> None:
    raw = (GOLDEN / "cases" / "title-first-line.txt").read_text(encoding="utf-8")
    result = convert(raw, source="t.txt", path="t.txt", lang="en", title="Another Title")
    assert result.title == "A Regenerative Approach to Back Health"
    assert [d.code for d in result.diagnostics] == ["import-title-ignored"]


def test_given_title_and_slug_are_used_without_warning() -> None:
    raw = (GOLDEN / "cases" / "title-guessed.txt").read_text(encoding="utf-8")
    result = convert(raw, source="t.txt", path="t.txt", lang="ko", title="Neck Pain", slug="neck-pain")
    assert (result.title, result.slug, result.diagnostics) == ("Neck Pain", "neck-pain", ())
    assert 'lang: "ko"' in result.markdown


def test_import_is_deterministic() -> None:
    for raw in SEEDS:
        assert import_golden(raw) == import_golden(raw)


# --------------------------------------------------------------------------- CLI


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--project", str(ROOT), "import", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_cli_writes_one_file_per_input_and_prints_paths(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "docs"
    seeds = [str(p) for p in SEEDS]
    code, out, err = run([*seeds, "--out", str(out_dir), "--manifest", str(ROOT / "sources" / "manifest.yaml")], capsys)
    assert code == 0
    written = sorted(out_dir.iterdir())
    assert sorted(out.splitlines()) == sorted(str(p) for p in written)
    assert len(written) == 5
    assert err.splitlines() == [f"{SEEDS[2]}:46: warning: heading lost, recovered from its slug line 'evidence-from-related-domains' as 'Evidence from related domains' [import-heading-from-slug]"]
    mtimes = [p.stat().st_mtime_ns for p in written]
    assert run([*seeds, "-o", str(out_dir), "--manifest", str(ROOT / "sources" / "manifest.yaml")], capsys)[0] == 0
    assert [p.stat().st_mtime_ns for p in written] == mtimes  # unchanged files are not rewritten


def test_cli_defaults_to_the_configured_docs_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.medloc]\nsource_language = "en"\nlanguages = ["en", "ko"]\n', encoding="utf-8")
    raw = GOLDEN / "cases" / "title-first-line.txt"
    code = main(["--project", str(tmp_path), "import", str(raw)])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.strip() == str(tmp_path / "docs" / "a-regenerative-approach-to-back-health.md")


def test_cli_title_option_and_guess_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = str(GOLDEN / "cases" / "title-guessed.txt")
    code, out, err = run([raw, "-o", str(tmp_path)], capsys)
    assert code == 0
    assert err == f"{raw}:1: warning: no title line, --title or manifest entry; guessed 'Why Neck Pain Becomes Chronic' [import-title-guessed]\n"
    code, out, err = run([raw, "-o", str(tmp_path), "--title", "Neck Pain"], capsys)
    assert (code, err, out) == (0, "", f"{tmp_path / 'neck-pain.md'}\n")
    assert 'title: "Neck Pain"' in (tmp_path / "neck-pain.md").read_text(encoding="utf-8")


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[bytes, str]]:
    return {
        "binary.txt": (b"Heading\n\x00\x01\x02", ":2: binary file (NUL byte), expected UTF-8 text"),
        "latin1.txt": (b"Title\n\nCaf\xe9 text\n", ":3:4: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
        "empty.txt": (b"", ":1: file is empty; nothing to import"),
        "blank.txt": (b"\n  \n\n", ":1: file is empty; nothing to import"),
        "control.txt": (b"Title\n\nText \x1b[0m here\n", ":3:6: control character U+001B; a raw article must be plain text"),
        "utf16.txt": ("Title".encode("utf-16"), ":1: file is UTF-16; save it as UTF-8"),
    }


@pytest.mark.parametrize("name", list(_bad_inputs(Path())))
def test_cli_refuses_bad_input_without_writing(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, message = _bad_inputs(tmp_path)[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    good = GOLDEN / "cases" / "title-first-line.txt"
    out_dir = tmp_path / "out"
    code, out, err = run([str(good), str(bad), "--out", str(out_dir)], capsys)
    assert (code, out) == (2, "")
    assert err == f"{bad}{message}\n"
    assert not out_dir.exists()


def test_cli_refuses_huge_and_missing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.importer import MAX_RAW_BYTES

    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Text line.\n" * (MAX_RAW_BYTES // 11 + 1))
    missing = tmp_path / "missing.txt"
    code, out, err = run([str(huge), str(missing), "-o", str(tmp_path / "out")], capsys)
    assert code == 2
    assert err.splitlines() == [
        f"{huge}: file is too large ({huge.stat().st_size} bytes, limit {MAX_RAW_BYTES})",
        f"{missing}: no such file",
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("a.txt:\n  title: T\n  slug: Bad Slug\n", ":1: a.txt.slug: 'Bad Slug' is not a slug (lowercase a-z, 0-9 and single '-')"),
        ("a.txt:\n  title: T\nb.txt:\n  titel: T\n", ":3: b.txt.titel: unknown key (expected 'title' or 'slug')"),
        ("a.txt: [1, 2]\n", ":1: a.txt: expected a mapping with 'title' and/or 'slug'"),
        ("a.txt:\n  title: [x\n", ":3: invalid YAML: expected ',' or ']', but got '<stream end>'"),
        ("- a\n", ":1: manifest must map raw file names to {title, slug}"),
    ],
)
def test_cli_reports_manifest_errors(manifest: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "manifest.yaml"
    path.write_text(manifest, encoding="utf-8")
    code, out, err = run([str(GOLDEN / "cases" / "title-first-line.txt"), "--manifest", str(path), "-o", str(tmp_path / "out")], capsys)
    assert (code, out, err) == (2, "", f"{path}{message}\n")


def test_cli_refuses_duplicate_slugs_and_wrong_title_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = str(GOLDEN / "cases" / "title-first-line.txt")
    copy = tmp_path / "copy.txt"
    copy.write_text(Path(raw).read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run([raw, str(copy), "-o", str(tmp_path / "out")], capsys)
    assert code == 2
    assert err.count("slug 'a-regenerative-approach-to-back-health' is used by another input too") == 2
    code, out, err = run([raw, str(copy), "--title", "One", "-o", str(tmp_path / "out")], capsys)
    assert (code, err) == (2, "medloc: --title given 1 times for 2 input files; give one per input, in order\n")
    assert not (tmp_path / "out").exists()


def test_cli_rejects_unknown_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(GOLDEN / "cases" / "title-first-line.txt"), "--lang", "kr", "-o", str(tmp_path)], capsys)
    assert code == 2
    assert "kr" in err and len(err.splitlines()) == 1
