"""Raw scraped articles -> clean Markdown sources (``medloc import``).

The hospital's website was scraped to plain text: one block per line, markup
gone, the anchor ids of headings ("slug lines") left in the text. The importer
recovers the structure with general layout rules, never per-article cases.
Each rule has a golden case in ``tests/importer/cases/`` (named in brackets);
whole articles written in the site's style check the rules together
[article-nonsurgical-disc] [article-fusion-recovery] [article-first-visit]
[article-medication-guide] [article-adult-scoliosis] [article-notice]
[article-disc-replacement] [article-cervical-disc] [article-fees-and-hours]
[article-meet-specialists] [article-exercises-discectomy] [article-insurance]
[article-stenosis-bilingual] [article-pain-medication] [article-our-doctors]
[article-cervical-myelopathy] [article-endoscopic-recovery]
[article-preop-instructions] [article-going-home] [article-day-of-surgery]
[article-treatment-costs] [article-contact-us] [article-doctor-profile]
[article-aftercare-bilingual] [article-mri-report] [article-home-exercises]
[article-vitamin-d] [article-injection-qa] [article-child-paracetamol]
[article-mri-preparation] [article-pregabalin] [article-discectomy-comparison]
[article-holiday-notice] [article-celecoxib] [article-back-care].

Reading the raw text
  * UTF-8 only; binary, non-UTF-8, control characters, empty and oversized
    (> ``MAX_RAW_BYTES``) files are refused with ``path:line: message``.
    CRLF, a BOM and tabs are tolerated (``test_crlf_bom_and_tabs_change_nothing``).
  * Trailing site junk (``Leave a Reply``, comment-form lines) is dropped at the
    end of the file only. [trailing-junk] So is the rest of the site's footer:
    share buttons (``공유하기`` / ``카카오톡`` on Korean pages too) [hangul-footer],
    form labels, ``Tags:``, copyright and cookie lines, a
    ``Book an appointment`` button, ``Read more…``, ``Prev post: …``/``Next »``
    links [footer-prev-next], and link titles under a footer heading
    (``Related Posts``, ``Share this:``). [trailing-footer] So are ``Posted in: …``,
    like counters (``Like 8``) and ``Print this checklist``. [footer-social] A footer heading
    followed by article text is kept, with a warning ``[import-footer-kept]``:
    which part is junk is unclear. [footer-kept]
  * Above the article, among the first lines, a breadcrumb (``Home > Spine >
    Stenosis``) and a view counter (``Views: 532``) are the site's navigation
    and are dropped. [header-navigation] So are a like counter (``Like 12
    Share``) and the site's menu printed twice at the very top (``Home`` /
    ``Spine Center`` / ``Home`` / ``Spine Center``: short lines repeated right
    after themselves), so the title line below them is found. [header-menu]
    A bullet with no text (``•`` alone)
    is dropped; it does not split its list. [empty-bullet] A ``Read more``
    line is a teaser's link and is dropped wherever it stands. [read-more-inside]
    So is an image's zoom link (``Click to enlarge``, ``(Click image to
    enlarge)``). [image-zoom-link] So is a booking button in sentence case
    (``Book an appointment`` under a doctor's card) with no slug under it. [profile-cards]
  * Two sentences the scrape glued together (``the day.Your leg``, a word of
    two lowercase letters or ``)`` before the ``.``, a capitalised word after it) get
    their space back; ``e.g.Dr``, ``U.S.``, ``ASP.NET`` are left alone. [glued-sentences]
  * Text is kept exactly: curly quotes, dashes, non-breaking hyphens (U+2011),
    arrows are never "fixed" into ASCII. [typography-kept]

Slug lines (anchor ids of the site's headings)
  * A slug is lowercase, has no spaces, and is a heading's text with spaces as
    ``-`` (``&`` as ``and``, ``’`` as ``'``, ``?``/``/``/U+2011 dropped, Hangul,
    kana and CJK kept), or
    a longer id starting with it (``introduction:-the-...-philosophy``). It
    stands on its own line, or is glued to the start of the next block with no
    space (``...-attractive)The hostile environment``). Slugs never reach the
    output. [heading-slug-own-line] [heading-slug-glued] [slug-extra-chars]
    A line whose id is exactly the slug under it is its heading even when it
    holds two phrases (``요추관 협착증이란? (What Is Lumbar Stenosis?)``). [heading-slug-exact]
    Words are compared in any script, so a Hangul line under a Hangul line
    (``면회 시간`` / ``평일``) is a slug only if their words agree. [hangul-short-lines]
  * A slug with no heading in front of it is a lost heading: the heading is
    recovered from the slug's words (first letter capitalised) and a warning
    ``[import-heading-from-slug]`` says so. [slug-only-lost-heading] A
    one-word slug-like line that matches no heading (``Q&A`` then ``qa``) is
    kept as text with a warning ``[import-slug-unmatched]``. [slug-unmatched]

Headings
  * In an article that has slug lines, a heading is a short line without final
    ``.``/``,``/``;``/``:`` followed by a matching slug. In an article without
    any slug line, a heading is such a short line written in Title Case.
    [no-blank-lines] [heading-title-case]
  * The body starts at ``##`` (the front matter title is the page's h1). A
    heading is ``###`` when the layout or the slugs show nesting: the article
    separates top sections by two blank lines and this heading by one
    [heading-levels-layout]; it is numbered (``1. Smart biomaterials``) after an
    unnumbered heading [heading-levels-numbered]; or it directly follows a
    ``##`` heading with no text between them [heading-levels-nested]; or it
    is a question under a ``Frequently Asked Questions`` heading. The
    headings after such a ``###`` are its siblings while they stand as close
    as it (blank lines), or, without that layout, while they are short labels
    whose sections start like its own (``Constipation`` / ``Drowsiness``);
    ``Stopping Your Medicines`` set further apart, a question or an unnumbered
    heading after numbered ones is the next section. [heading-levels-siblings]
    [heading-levels-siblings-flat] A heading that recurs (``Education`` /
    ``Career`` / ``Memberships`` in every doctor's card) is ``###`` under the
    heading above it. [profile-card-labels] A ``Q:`` line
    or a question that is not a heading is a paragraph, never a bold list
    title, even with a short answer under it (``How long is the scar?`` /
    ``About 8 mm.``). [faq-questions] [faq-short-answers] A
    question heading with as many blank lines before it as the FAQ heading
    (two or more) is the next section (``WHY CHOOSE US?``). [faq-then-section]
  * Words with a capital inside are acronyms and count as capitalised, so
    ``mJOA Score`` is Title Case. [table-acronym-header] Units keep their own
    case and do not count (``Syrup 120 mg/5 mL`` is Title Case, so a dose table's
    header is found and each weight keeps its dose in one row). [table-unit-header]
    Hangul, kana and CJK
    words have no case and count as capitalised: ``증상 (Symptoms)`` with its
    slug ``증상-(symptoms)`` is a heading. [hangul-headings]
  * ``.`` after ``vs``, ``Dr``, ``Mr``, ``Mrs``, ``Ms``, ``Prof``, ``St``, ``Fig``,
    ``e.g``, ``i.e`` does not end a sentence, so ``Pulsed RF vs. Conventional RF``
    is one phrase (a heading, a title). [abbreviations] A line ending in a
    sentence inside quotes (``"Don't wait as long as I did."``) is a sentence,
    never a heading or caption. [quoted-sentence]
  * The site repeats the page title as the first heading; when the article's
    own title line is followed by that heading, the heading is dropped (the
    front matter title is the page's h1). [title-repeated] So is the title line
    printed again as plain text right under it, above the navigation (a doctor's
    name above the doctor's card). [title-repeated-line]

Blocks that are not headings
  * A short unpunctuated line that is neither a heading nor part of a list or
    table is an image caption (the image itself was not scraped). It is kept
    as an italic paragraph, so no text is lost. [image-caption] A ``Label: value``
    line (``Specialty: Spinal fusion``, ``상담 예약: 02-555-0123``) is a paragraph,
    never a caption; a note (``Source: …``) stays one. [label-value-line] Right above a
    list it is the list's label (``Key points``): a bold paragraph. [list-label]
  * An author or date line among the first lines (``By Dr. Kim | Updated
    March 3, 2025``, ``Posted on 2024-11-18 by ...``, ``Posted by admin``) is
    kept in italics and is never a heading or the description. [byline] So is
    a date line ending the article (``Last updated: 2025-01-20``); it is never
    a list item. [date-line-at-end]
  * An image's alt text (``Image: …``, ``Figure 2. …``) is a caption. [image-alt]
    So is alt text left in brackets (``[Image: Axial MRI, …]``); it never becomes
    the title of the list under it. [image-alt-brackets]
    So is a line of at most 6 words naming an image (``back pain infographic``,
    ``wound care diagram``). [image-alt-name]
  * Slides and infographics break sentences into short lines. A lowercase line
    right under a line ending where no phrase ends (``,``, ``and``, ``the``, …)
    continues it, as does a lowercase line ending a sentence under a
    capitalised unpunctuated one, starting with a preposition or conjunction
    (``Stiffness after waking is common`` / ``in people over 50.``; not ``Herniated
    disc`` / ``the most common cause.``); the lines are joined. After a lead-in (``…:``) lowercase
    lines stay list items. [broken-lines] Bare numbers counting from ``1`` on
    their own lines (``1`` / ``Raise the screen`` / ``to eye level`` / ``2``) are a
    numbered list: each item is the number's next line joined with the
    lowercase lines under it; other lines before the next number are the item's
    text, after the last number they are not. [slide-numbers]
  * A ``Table of Contents`` line followed by entries that are the article's
    own headings is dropped: the site builds its own. [table-of-contents] An
    entry repeated is the first heading itself, right under the list; it is
    kept. A ``Table of Contents`` first line is never the title.
    [table-of-contents-first-heading]
  * ``Step 2 — Nurse assessment`` (also ``Stage``/``Phase``), short and not a
    heading, is a step's title: a bold paragraph. [step-titles]
  * ``•`` bullets and ``1.`` numbered items, with or without blank lines
    between them, become ``-`` / ``1.`` lists (``1)`` and circled ``①``
    numbers too [circled-numbers]); deeper indented bullets become a
    nested list (indented by 4 spaces: Python-Markdown needs 4); lines typed
    as ``- item``, ``* item`` or ``– item`` are bullets when a neighbouring line
    uses the same marker (one alone stays text) [typed-bullets]; checklist
    lines (``□ Stop aspirin 7 days before``, also ``☐ ☑ ☒ ✓ ✔``) are bullets
    that keep their box [checklist-items]; a deeper
    indented plain line continues its item as a second paragraph, and the
    item's first line, when short and unpunctuated, is its bold title.
    [bullets-spaced] [numbered-sub-bullets] [numbered-continuation] Bullets at
    the same indent as numbered items, between ``1.`` and ``2.``, are the
    first item's sub-items (the scrape lost their indent); after the last
    numbered item, they nest if earlier items' bullets did. [numbered-bullets-flat]
    So does one plain line between ``1.`` and ``2.``: it explains the item
    above, whose first line becomes its bold title. [numbered-flat-text]
  * A flat list holding group labels is split at them: each label is a bold
    paragraph above its own list, so which effects are common is not left to
    the order (``Common (more than 1 in 10 people)`` / ``Dizziness`` / … / ``Less
    common (up to 1 in 100 people)`` / …), with or without ``•`` bullets. A label
    is unlike its siblings: a parenthesised frequency or condition (``(if your
    kidneys work less well)``), a final colon, a frequency category (``Rare``), a
    time of day (``Evening``), or a form another label shares (``Do`` / ``Don’t``,
    ``Before surgery`` / ``After surgery``). The labels start the list, none follows
    another, the items outnumber them, and a label known only by its words or
    its form heads two items or more. A label known only by its condition
    must share a word with another label (``Usual dose`` / ``Lower dose``), so
    medicine names with conditions (``Aspirin (if you take it for pain)`` /
    ``Warfarin`` / ``Ibuprofen (if not prescribed)``) stay items. [list-group-labels] [article-celecoxib]
    [article-back-care] A list whose first item is merely short, parallel items
    (``Lumbar stenosis`` / ``Cervical stenosis``, ``Before meals`` / ``With water`` /
    ``After meals``) and names with a brand in brackets stay one list. [list-group-labels-plain]
  * A lone ``1.`` line, with no numbered line or sub-item next to it, is a
    sentence starting with a number (``1. and 2. grade slips ...``): a
    paragraph keeping its number, with a warning ``[import-lone-number]``. [lone-number]
  * In layouts without blank lines, plain lines directly after a line ending in
    ``:`` are list items. If some are ``Term: explanation`` items the list ends
    with the last such item; otherwise the last line of the run is the
    section's closing paragraph, unless a multi-sentence paragraph ends the run.
    [lead-in-plain-list] [lead-in-term-list] A ``Term: explanation`` line
    without final punctuation is such an item, never a caption. [lead-in-term-items] Short unpunctuated lines after a
    lead-in, none with a description line, are plain items too. [lead-in-short-lines]
    A last line without final punctuation is an item, never the closing
    paragraph, even when longer than the others. [lead-in-long-last-item] Two
    or more such lines, one starting in lowercase (``same-day MRI and
    consultation``), are items too. [lead-in-lowercase-phrases] Items spaced
    alike by one blank line are a run too (``Passport or Korean ID Card`` is then an
    item, not a heading). [lead-in-spaced-items]
  * A short Title Case line ending such a run, with a paragraph under it, may be
    the list's last item or the next section's heading (``Metformin`` / ``Water
    pills`` / ``Fasting`` / ``Stop eating solid food at midnight. …``); either
    misreading puts an instruction under the wrong heading. It is a heading when
    two signs agree: a topic word in ``-ing`` (``Fasting``, ``Driving``) where no
    item starts with one; its word comes back in the paragraph and in no item
    (``Alcohol`` / ``Do not drink alcohol …``); a paragraph of several sentences,
    not a closing remark. [lead-in-heading-after-items] A paragraph pointing back
    at the list (``Take them at 6 a.m.``) closes it: the line stays an item. With
    one sign it stays an item too (``Warfarin`` under ``Aspirin 100 mg: 7 days
    before``, kept in the list and never a caption), with a warning
    ``[import-heading-or-item]``. [lead-in-last-item-kept]
  * Two or more ``Term: explanation`` lines with no blank line between them
    are a glossary list without a lead-in too (``Ibuprofen: 200–400 mg``; an
    explanation may start with a digit or symbol: ``Maximum: ≤ 4 g``). Terms
    followed by lowercase text need three in a row; blank lines between them
    leave paragraphs (``Tip: …``). ``Q:`` and ``A:`` are not terms. [term-run]
  * ``Term: explanation`` list items (a term of at most 8 words, both parts
    capitalised) get the term in bold, so the list reads as a glossary; a
    sentence that merely contains a colon is left alone. [term-items] In a list
    of mostly such items, ``2 weeks: wound check`` (a term of at most 3 words)
    is one too.
  * Two or more short unpunctuated lines, each optionally followed by a
    one-sentence line, are a list of bold titles with their descriptions; the last
    title takes a description only if the one before it had one. Items the
    site truncated are kept as they are. [title-items] [truncated-items] A
    description of two or three sentences counts when another title follows
    it, or, after the last title, when every title before had one
    (``Day 3`` / ``Discharged home. The incisions were sore.``). [title-items-long-text]
    With no descriptions at all they are a plain list (``Term:`` items in bold). [short-lines-plain]
  * A table flattened to one cell per line starts with a header row of short
    Title Case cells; their number is the column count, and at least two full
    rows of short single-sentence cells must follow. [table-flattened-2col]
    [table-flattened-3col] When a first body cell looks like a header cell
    (``Weeks 1–2``), the widest header leaving only full rows wins; a sentence
    ending in ``.`` in a column without such cells ends the table.
    [table-flattened-width] If several widths leave only full rows, the one
    that reads best wins: rows that start with a word (a row label, not
    ``09:00``) and columns whose cells are of one kind (``15–17`` under
    ``mJOA Score``, never beside ``Mild``), then the widest. [table-row-labels]
    [table-column-kinds] When the first column mixes cells starting with a word
    and with a digit (``Amount of syrup`` / ``150`` / ``16–21``: each weight
    paired with the wrong dose), a header cell in sentence case was missed:
    wider headers ending in short labels are tried, and one whose first column
    holds one kind wins if it reads better. [table-lowercase-header] A Title Case line whose table one line later reads
    better is the table's title, a heading (``Dose Table`` / ``Medicine`` / …).
    [article-pain-medication] Lines whose header cells or row labels repeat
    (doctors' cards: ``Education`` … ``Education``) are records, not a table.
    [profile-card-labels] A run of more than ``MAX_TABLE_COLUMNS`` such
    cells (a weekly timetable) is measured by its values: at the one width
    where the first column holds distinct row labels found nowhere else and
    another column repeats a value (``Outpatient``), it is a table.
    [table-long-run] When no width or several fit, it is not made a table, and
    a warning ``[import-table-unclear]`` says so. [table-unclear] A header cell may be a one- or two-word question
    (``Covered?``). [table-header-question] A note under a table (``Source: …``,
    ``Note: …``) ends it and is no cell, so two tables back to back stay two
    tables. [table-source-note] No column may mix ``Label: value`` cells with
    plain ones (a doctor's name / title / ``Specialties: …`` are records, not rows),
    and row labels are never ``Label: value`` lines (``Address: …`` / ``Main line: …``
    under a hospital's name are its contact card). [table-label-value-rows]
    A header that is not Title Case (``Medicine`` / ``Stop before surgery`` /
    ``Can restart``) is a table's only when, at exactly one width, the first
    column's cells start with a letter and another column's all start with
    a digit (``7 days``), and no header cell does. [table-number-column]
    A table whose chosen reading still has a first column mixing quantities
    and words (``150`` / ``16–21`` / ``10 mL`` beside a header cell too long to be
    tried as one: each dose beside the wrong weight) is kept as read, with a
    warning ``[import-table-unclear]`` so a person checks it; ``Under 3 months``
    above ``3–11 months`` is a quantity, so a right table does not warn. [table-mixed-row-labels]
  * In an article without slug lines every short Title Case line has a
    heading's shape, so flattened tables are looked for first, reading such
    lines as cells; a table whose width leaves only full rows wins over the
    headings (``Cobb Angle`` / ``Category`` / ``Under 10°``). [table-without-slugs]
    There, a Title Case line between two lines of a list (``Spinal stenosis`` /
    ``Spondylolisthesis`` / ``Adult scoliosis``), ``Label: +82-2-…`` (a value after
    the colon) and ``Source: …`` are not headings. [list-line-not-heading]
    Nor are Title Case lines right under a lead-in (``Good choices are:`` /
    ``Walking`` / ``Swimming``): they are its items, up to a Title Case line of
    several words after a sentence-case item of several words (``Lifting more
    than 5 kg`` / ``Core Exercises``), the next heading. [lead-in-title-case-items]
    Of three or more Title Case lines in a row with no text between, only the
    first is a heading, the others are its list (``Career`` / ``Seoul National
    University (M.D., 2002)`` / ``Fellowship, …``); a doctor's name (``Dr. Kim
    Min-jun``) starts the next card, and the line right under it is the role
    (``Director, Spine Center``), not a subheading. [profile-cards] A label
    that recurs (``Education`` in every card) heads the next part of the card,
    and the lines under it are its list, even one alone. [profile-card-labels]
    A Title Case line of several words right after a list line of several
    words in sentence case is the next heading (``Acetaminophen at the usual
    dose`` / ``Treatments to Avoid``), never an item. [list-heading-after-items]
    Two or more time points (``Day 1``, ``Days 2–7``, ``Week 6``, ``3 Months
    After Surgery``) are a timeline, not headings: a list of bold titles with
    their text, so the timeline stays one ordered block under its section and
    the table of contents keeps to the article's sections. [timeline-labels]
    Time points alternating with sentences are never a flattened table: a
    header cell names its column, so a time point under a time point (``His
    Recovery`` / ``Day 1`` / ``He walked …`` / ``Day 3``) shows records, not rows. [timeline-not-table]
  * A pipe table whose delimiter row is broken (``|---|``) is rebuilt as a GFM
    table with one ``---`` per header cell; short rows are padded (warning
    ``[import-table-cells]``). [pipe-table-broken-delimiter]

Output
  * YAML front matter: ``title``, ``description`` (the first paragraph's
    Markdown text, identical to its segment), ``slug``, ``source`` (raw file
    name), ``lang``; all values double-quoted so that YAML 1.1 (MkDocs) and 1.2
    read the same strings.
  * Title: the article's own first line when it is a Title Case heading-like
    line with no slug (a different ``--title`` is then ignored, warning
    ``[import-title-ignored]``); else ``--title`` / the manifest; else the first
    non-generic heading, with a warning ``[import-title-guessed]``; that
    heading is dropped when it is the first block (one h1, not h1 and h2).
    [title-first-line] [title-guessed] [title-guessed-first-heading] A title may hold a question
    (``What Does It Cost? Insurance Explained``). [title-with-question]
  * Text that Markdown would read as markup is escaped (``\\*``, ``\\_``, ``\\[``,
    ``1\\.`` at a block start, ``\\|`` in cells, ``&lt;`` for a ``<`` before a
    non-space, ``&amp;`` for an entity-like ``&``), using only escapes that
    Python-Markdown (MkDocs) and markdown-it-py both understand.
    [markdown-escaping] Lists always start at 1
    (Python-Markdown ignores start numbers; warning ``[import-list-start]``) and
    adjacent lists of different kinds are separated by ``<!-- -->``, which
    Python-Markdown would otherwise merge into one list. [mixed-list-kinds]
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .errors import ArticleImportError, Diagnostic, ErrorList, InputError, Location, PipelineError
from .fsio import read_text, write_text_atomic
from .languages import get_language

MAX_RAW_BYTES = 1_000_000
"""Largest raw article accepted: the site's articles are about 10 kB, and 1 MB converts in ~2 s."""

JUNK_LINES = frozenset(
    {
        "leave a reply",
        "leave a comment",
        "cancel reply",
        "post comment",
        "your email address will not be published.",
        "required fields are marked *",
        "your email address will not be published. required fields are marked *",
    }
)
"""Site footer lines dropped from the end of an article (compared case-insensitively)."""

_BOOKING = r"(click here to )?(book|make|request|schedule) (an? |your )?(free )?(appointment|consultation|visit)( now| today| online)?"
_BOOKING_BUTTON = re.compile(_BOOKING, re.IGNORECASE)
"""A booking button (``Book an appointment``); in sentence case it is a button wherever it stands, never a heading."""
_FOOTER_JUNK = re.compile(
    r"(©|copyright\b).*|.*\bcookies?\b.*\b(use|accept|consent|policy|experience)\b.*"
    r"|((share|post|send)( it)? (on|to|via) \S+\s*)+|(privacy policy|terms of (use|service)).*"
    r"|facebook|twitter|x|linkedin|pinterest|pin|tweet|share|print|kakaotalk|kakao|whatsapp|telegram|copy link"
    r"|공유(하기)?|카카오톡|카카오스토리|네이버\s?블로그|밴드|인쇄(하기)?|(url|링크)\s?복사|목록(으로)?(\s?보기)?|(이전|다음)\s?글(\s?:.*)?"
    r"|(name|e-?mail|phone|website|comment|message|subject|send|submit|accept|decline)\s*\*?"
    rf"|{_BOOKING}"
    r"|(read more|continue reading)\s*(…|\.\.\.|»|→)?"  # see _READ_MORE
    r"|\(?(click|tap)( here| the image| on the image| image)? to (enlarge|zoom|zoom in|view (a )?larger( image)?)\)?"
    r"|((likes?|shares?|comments?|tweets?|좋아요|공유|댓글)\s*:?\s*[\d,]*\s*)+"  # social counters: "Like 12"
    r"|print( this)?( page| article| post| checklist| list| guide)?"
    r"|save my name, email, and website in this browser.*"
    r"|([«‹←<]\s*)?(prev(ious)?|next|older|newer)(\s+(post|article|story|entry))?\s*([»›→>]|:(\s+.*[^.])?)?",
    re.IGNORECASE,
)
"""Lines of the site's template (share buttons, forms, copyright, cookies, call to action)."""

_ENLARGE = r"\(?(click|tap)( here| the image| on the image| image)? to (enlarge|zoom|zoom in|view (a )?larger( image)?)\)?"
_READ_MORE = re.compile(rf"(read more|continue reading)\s*(…|\.\.\.|»|→)?|{_ENLARGE}", re.IGNORECASE)
"""A teaser's link line or an image's zoom link (``Click to enlarge``); dropped wherever it stands."""

_FOOTER_START = re.compile(
    r"(share( this( post| article| page)?)?|related (posts|articles|reading|stories)"
    r"|you (may|might) also like|leave a (reply|comment)|(tags|categories|filed (under|in)|posted in)\b.*)\s*:?",
    re.IGNORECASE,
)
"""A line that opens the site's footer: it and everything after it are not the article."""

GENERIC_HEADINGS = frozenset({"introduction", "overview", "background", "summary", "conclusion"})
"""Headings too generic to be an article's title."""

_SMALL_WORDS = frozenset(
    "a an the and or but nor of for to in on at by with from as vs via into per than using".split()
)
_UNITS = frozenset("mg g kg mcg µg ml mL l cm mm m km min h hr hrs sec s mmol mmHg kcal cc bpm".split())
"""Units keep their own case (``Syrup 120 mg/5 mL`` is Title Case): they are no words for :func:`is_title_case`."""
_BULLETS = "•◦▪●‣"
_OPENERS = "(“\"‘'["
_CASELESS = "\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3"
"""Kana, Hangul and CJK ideographs: the site keeps them in heading ids (``private-insurance-(실손보험)``)."""
_CASELESS_CHAR = re.compile(rf"[{_CASELESS}]")
_SLUG_CHARS = rf"a-z0-9\-:()+'._{_CASELESS}"
_SLUG_LETTER = re.compile(f"[a-z{_CASELESS}]")
"""A slug has a letter (``치료-후-관리`` too); ``2024`` alone is not one."""
_SLUG_LINE = re.compile(rf"[a-z0-9({_CASELESS}][{_SLUG_CHARS}]*")
_GLUED_SLUG = re.compile(rf"([a-z0-9({_CASELESS}][{_SLUG_CHARS}]*[a-z0-9){_CASELESS}])(?=[^{_SLUG_CHARS}\s])")
_TYPED_BULLET = re.compile(r"([-*–])\s+\S.*")
_BULLET_LINE = re.compile(rf"[{_BULLETS}]\s+(\S.*)")
_CHECKBOX_LINE = re.compile(r"[□☐☑☒✓✔]\s+\S.*")
"""A checklist line (``□ Stop aspirin 7 days before``): a list item that keeps its box."""
_NUMBER_LINE = re.compile(r"(\d{1,3})[.)]\s+(\S.*)")
_CIRCLED_LINE = re.compile(r"([\u2460-\u2473])\s*(\S.*)")
"""A numbered line written with a circled number (``① Do not lift …``), as Korean pages number steps."""
_NUMBERED_HEADING = re.compile(r"^\d{1,3}[.)]\s+")
_ABBREVIATIONS = ("vs", "Vs", "VS", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Fig", "approx", "e.g", "i.e", "cf")
"""Words ending in ``.`` that do not end a sentence (``Dr. Lee``, ``RFA vs. Surgery``)."""
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{re.escape(a)})" for a in _ABBREVIATIONS)
_SENTENCE_BREAK = re.compile(rf"({_NOT_AFTER_ABBREVIATION}\.|[!?…])[”\"’)]?\s+[A-Z“\"‘(]")
_DELIMITER_ROW = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NOT_IN_SLUG = re.compile(rf"[^{_SLUG_CHARS}\s]")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"({_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}})"
_BYLINE = re.compile(
    rf"((written|posted|reviewed) by\s+\S|by\s+(?-i:[A-Z])|author:\s*\S)[^.!?]*(\.[^.!?]*)*"
    rf"|((posted|published|updated|last updated|last modified|reviewed)( on)?:?\s+)?{_DATE}(\s+(by|[|·•—–-])\s*.*)?",
    re.IGNORECASE,
)
"""An author or date line: ``By Dr. Kim …``, ``Posted on 2024-11-18 by …``, ``March 3, 2025``."""
_HEADER_CHROME = re.compile(
    r"(home|홈)\s*[>›»]\s*[^>›»]{1,60}([>›»]\s*[^>›»]{1,60})*"
    r"|(views?|hits|조회수?)\s*:?\s*[\d,.]+|[\d,.]+\s+(views?|hits)"
    r"|(?=.*\d)((likes?|shares?|comments?|tweets?|좋아요|공유|댓글)\s*:?\s*[\d,]*\s*)+",
    re.IGNORECASE,
)
"""Navigation above the article: a breadcrumb (``Home > Spine > Stenosis``), a view or like counter (``Like 12  Share``)."""
MENU_LINES = 12
"""The site's menu, printed twice (desktop and mobile), is looked for among the first lines only."""
_DATE_LINE = re.compile(rf"(posted|published|updated|last updated|last modified|last reviewed|reviewed)( on)?:?\s+{_DATE}.*", re.IGNORECASE)
"""A date line that may also end an article (``Last updated: 2025-01-20``)."""
MAX_TABLE_COLUMNS = 8
"""A flattened table's header is a run of 2-8 short Title Case cells; a longer run is ambiguous."""
BYLINE_LINES = 6
"""Bylines are looked for among the first lines only: later, ``By …`` starts ordinary sentences."""
_STEP_TITLE = re.compile(r"(step|stage|phase) \d{1,2}\s*[—–:.-]\s*\S", re.IGNORECASE)
_IMAGE_ALT = re.compile(
    r"(?P<open>\[)?(image|photo|picture|figure|fig\.|illustration|infographic)(\s+\d{1,2})?(?P<alt>\s*[:.]\s+\S.*?)(?(open)\])",
    re.IGNORECASE,
)
"""An image's alt text or caption kept by the scrape (``Image: needle position on fluoroscopy``)."""
_ALT_NAME = re.compile(r"[^\W\d][\w’'‑ -]{0,60} (image|photo|picture|illustration|infographic|diagram|banner|poster|slide)s?", re.IGNORECASE)
"""An image's file-like alt text (``back pain infographic``): a few words naming the kind of image."""
_BARE_NUMBER = re.compile(r"\d{1,2}")
"""A slide's item number on a line of its own (``1`` above ``Pain after a fall``)."""
_OPEN_ENDING = re.compile(
    r".*(,|\b(a|an|the|and|or|but|nor|of|to|in|on|at|by|for|with|within|without|from|into|than|about|between|through|during"
    r"|every|each|your|our|their|its|this|these|that|which|who|if|when|while|because|is|are|was|be|will|can|may|should|must))",
    re.IGNORECASE,
)
"""A line ending where no sentence or phrase ends (``If you notice any of these,``, ``Pain that wakes you up in the``)."""
_CONTINUES = re.compile(
    r"(in|on|at|by|for|with|within|without|from|into|after|before|while|when|because|since|until|unless|or|and|but|nor"
    r"|than|so|if|as|to|of|over|under|during|through|across|around|about|every|each)\b.*"
)
"""A lowercase line that goes on with the sentence above it (``in people over 50.``), unlike a description (``the most common cause.``)."""
_TABLE_NOTE = re.compile(r"\*?(sources?|notes?|adapted from|data|references?)\s*:\s*\S.*", re.IGNORECASE)
"""A note under a table (``Source: HIRA fee schedule, 2025``): it ends the table, it is no cell."""
_PERSON = re.compile(r"(Dr|Prof|Professor)\.?\s+[A-Z][\w’'-]*(\s+[A-Z][\w’'-]*){0,3}(,\s*[A-Z][\w.]*)?")
"""A doctor's name on a line of its own (``Dr. Kim Min-jun``, ``Prof. Lee, MD``): a profile card's heading."""
_LABEL_VALUE = re.compile(r"[^:]{1,40}:\s+\S.*")
"""``Specialty: Endoscopic surgery``, ``상담 예약: 02-555-0123``: a label and its value, a paragraph and never a caption."""
_FAQ_HEADING = re.compile(r"(frequently asked questions|faqs?|common questions)( \(faqs?\))?", re.IGNORECASE)
_TOC_TITLE = re.compile(r"(table of contents|contents|in this article|on this page)\s*:?", re.IGNORECASE)

_TIME_UNIT = r"(hours?|days?|nights?|weeks?|months?|years?)"
_TIMELINE = re.compile(
    rf"((after|by|at|from|within|until)\s+)?"
    rf"({_TIME_UNIT}\s+\d{{1,3}}(\s*[–-]\s*\d{{1,3}})?"
    rf"|\d{{1,3}}(\s*[–-]\s*\d{{1,3}})?\s+{_TIME_UNIT}(\s+(after|post|following)[\s-]?(surgery|the (operation|procedure|injection)|discharge|op)|\s+later)?"
    rf"|(the )?(day|night|morning|evening) (of|after|before) (surgery|the (operation|procedure))"
    rf"|(the )?(first|second|third|fourth) (day|night|week|month|year)( after (surgery|the (operation|procedure)))?)\s*:?",
    re.IGNORECASE,
)
"""A time point on a recovery timeline (``Day 1``, ``Days 2–7``, ``Week 6``, ``3 months after surgery``, ``Day of surgery``)."""

_TOPIC_WORD = re.compile(r"[A-Z][a-z]{2,}ing")
"""A topic heading in ``-ing`` (``Fasting``, ``Bathing``, ``Driving``)."""
_BACK_REFERENCE = re.compile(r"\b(these|those|they|them|both|either|each of|all of|any of|such)\b", re.IGNORECASE)
"""Words by which a paragraph points back at the list above it (``These limits protect the baby.``)."""

LineKind = Literal["text", "slug", "bullet", "number"]


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the raw article (a glued slug line gives two)."""

    number: int
    """1-based line in the raw file."""
    text: str
    """The line without indentation and, for list items, without the marker."""
    kind: LineKind
    indent: int = 0
    """Leading spaces (tabs count 4)."""
    gap: int = 0
    """Blank lines between this line and the previous non-blank one."""
    raw: str = ""
    """The stripped line with its list marker, as written."""


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    line: int
    gap: int
    level: int = 2
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    line: int
    strong: bool = False
    """A step's title (``Step 2 — Nurse assessment``), shown in bold."""


@dataclass(frozen=True, slots=True)
class Caption:
    """An image caption whose image was not scraped."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Item:
    """A list item: its first line, then continuation paragraphs and nested lists in order."""

    text: str
    line: int
    parts: tuple["str | ListBlock", ...] = ()
    style: Literal["plain", "term", "title"] = "plain"


@dataclass(frozen=True, slots=True)
class ListBlock:
    ordered: bool
    items: tuple[Item, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int


@dataclass(frozen=True, slots=True)
class Byline:
    """The author or date line under the title (``By Dr. Kim | Updated March 3, 2025``)."""

    text: str
    line: int


Block = Heading | Paragraph | Caption | Byline | ListBlock | Table


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    title: str | None = None
    slug: str | None = None


@dataclass(frozen=True, slots=True)
class Converted:
    """One raw article turned into a Markdown source."""

    title: str
    slug: str
    description: str
    markdown: str
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(slots=True)
class ImportResult:
    written: list[Path] = field(default_factory=list)
    """Every output file, in input order (including files already up to date)."""
    diagnostics: list[Diagnostic] = field(default_factory=list)


# --------------------------------------------------------------------------- text shape


def words(text: str) -> list[str]:
    return text.split()


def is_heading_shaped(text: str, *, max_words: int = 16) -> bool:
    """Short, one sentence, no final ``.,;:``: how headings, captions and titles look."""
    n = len(words(text))
    unnumbered = _NUMBERED_HEADING.sub("", text, count=1)
    end = text.rstrip("”\"’'") or text  # a quoted sentence ends before its closing quote
    if not 1 <= n <= max_words or end[-1] in ".,;:…" or _SENTENCE_BREAK.search(unnumbered):
        return False
    return _capitalised(text.split()[0]) or text[0].isdigit() or text[0] in _OPENERS


def is_phrase(text: str) -> bool:
    """One phrase of at most 40 words without final punctuation, in any case (``same-day MRI``)."""
    end = text.rstrip("”\"’'") or text
    return len(words(text)) <= 40 and end[-1] not in ".,;:…!" and not is_multi_sentence(text)


def is_title_case(text: str) -> bool:
    """Most significant words capitalised (``Why It Matters``, not ``Proper cell source``).

    A word with a capital inside is an acronym and counts as capitalised (``mJOA Score``).
    """
    tokens = re.findall(r"[^\W\d_][\w’'‑-]*", text)
    significant = [t for t in tokens if t.lower() not in _SMALL_WORDS and t not in _UNITS]
    if not tokens or not _capitalised(tokens[0]) or not significant:
        return False
    capitalised = sum(1 for t in significant if _capitalised(t))
    return capitalised / len(significant) >= 0.7


def _capitalised(word: str) -> bool:
    """``Word``, an acronym (``mJOA``), or a word of a script without case (``증상``)."""
    return word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word[1:])) or bool(_CASELESS_CHAR.match(word))


def split_term(text: str, *, lowercase: bool = False) -> tuple[str, str] | None:
    """``Term: explanation`` -> (``Term:``, ``explanation``) when the term is short.

    ``lowercase`` also accepts a term of at most 3 words before a lowercase
    explanation (``2 weeks: wound check``), for lists whose other items are terms;
    a longer lead is a sentence (``Options may include hybrid therapies: ...``).
    """
    match = re.match(r"([^:]{1,60}?:)\s+(\S.*)", text)
    if not match:
        return None
    term, explanation = match.groups()
    if len(words(term)) > 8 or _SENTENCE_BREAK.search(term) or not _starts_like_a_term(term):
        return None
    if _starts_like_a_term(explanation) or not explanation[0].isalpha() or (lowercase and len(words(term)) <= 3):
        return term, explanation
    return None


def _starts_like_a_term(text: str) -> bool:
    return text[0].isupper() or text[0] in _OPENERS or text[0].isdigit() or bool(_CASELESS_CHAR.match(text))


def is_multi_sentence(text: str) -> bool:
    return bool(_SENTENCE_BREAK.search(text))


def site_slug(heading: str) -> str:
    """The id the site gives a heading (``Challenges & Risks`` -> ``challenges-and-risks``)."""
    text = heading.lower().replace("&", " and ").replace("’", "'").replace("‘", "'")
    text = _NOT_IN_SLUG.sub("", text)
    return re.sub(r"-+", "-", re.sub(r"\s+", "-", text.strip())).strip("-")


def slug_matches(heading: str, slug: str) -> bool:
    """True if ``slug`` is the site's id for ``heading`` (or a longer id starting with it)."""
    expected = site_slug(heading)
    if not expected:
        return False
    if slug == expected or slug.startswith(expected) or expected.startswith(slug):
        return True
    a, b = set(re.findall(f"[a-z0-9{_CASELESS}]+", expected)), set(re.findall(f"[a-z0-9{_CASELESS}]+", slug))
    return bool(a | b) and len(a & b) / len(a | b) >= 0.5  # "공유하기" / "카카오톡": Hangul words only


def heading_from_slug(slug: str) -> str:
    """``evidence-from-related-domains`` -> ``Evidence from related domains``."""
    text = slug.replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def slugify(text: str) -> str:
    """File-name slug: ASCII lowercase words joined by ``-``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower().replace("&", " and ")))


SLUG_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


# --------------------------------------------------------------------------- reading


def read_raw(path: Path) -> str:
    """Read a raw article strictly: UTF-8 text, not empty, not huge, no control characters."""
    try:
        text = read_text(path, limit=MAX_RAW_BYTES)
    except InputError as exc:
        raise ArticleImportError(exc.message, exc.location) from None
    text = text.removeprefix("\ufeff")
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise ArticleImportError(
            f"control character U+{ord(bad.group()):04X}; a raw article must be plain text",
            Location(str(path), line, column),
        )
    if not text.strip():
        raise ArticleImportError("file is empty; nothing to import", Location(str(path), 1))
    return text


def split_lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, indent, stripped text) of every line; blank lines have text ''."""
    result = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r").expandtabs(4).rstrip()
        stripped = line.lstrip(" \u00a0")
        result.append((number, len(line) - len(stripped), stripped))
    return result


def is_footer_junk(text: str) -> bool:
    return text.lower() in JUNK_LINES or bool(_FOOTER_JUNK.fullmatch(text))


def footer_start(rows: list[tuple[int, int, str]]) -> int:
    """Index of the first row of the site's footer (``len(rows)`` if none).

    Scanning up from the end, template lines are dropped; short link titles
    (related posts) are dropped only if a footer heading (``Related Posts``,
    ``Share this:``) stands above them. Any article text stops the scan.
    """
    cut, pending = len(rows), False
    for k in range(len(rows) - 1, -1, -1):
        text = _BULLET_LINE.sub(r"\1", rows[k][2])
        if not text or is_footer_junk(text):
            cut = cut if pending else k
        elif _FOOTER_START.fullmatch(text):
            cut, pending = k, False
        elif is_heading_shaped(text):
            pending = True
        else:
            break
    return cut


def drop_trailing_junk(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    return rows[: footer_start(rows)]


def drop_header_chrome(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Breadcrumb, counter and menu lines among the first lines are the site's navigation."""
    rows = drop_repeated_menu(rows)
    first = [k for k, row in enumerate(rows) if row[2]][:BYLINE_LINES]
    chrome = {k for k in first if _HEADER_CHROME.fullmatch(rows[k][2])}
    return [row for k, row in enumerate(rows) if k not in chrome]


def drop_repeated_menu(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first lines repeated right after themselves (``Home`` / ``Spine Center`` / ``Home`` / ``Spine Center``) are the site's menu.

    Only short unpunctuated lines at the very top count: an article never
    repeats a run of its own lines twice in a row before its title.
    """
    top = [k for k, row in enumerate(rows) if row[2]][:MENU_LINES]
    texts = [rows[k][2] for k in top]
    for size in range(2, len(texts) // 2 + 1):
        menu = texts[:size]
        if menu == texts[size : 2 * size] and all(len(words(t)) <= 4 and t[-1] not in ".,;:!?" for t in menu):
            dropped = set(top[: 2 * size])
            return [row for k, row in enumerate(rows) if k not in dropped]
    return rows


def footer_kept_warnings(text: str, *, path: str) -> list[Diagnostic]:
    """A footer heading followed by article text is kept, with a warning: which part is junk is unclear."""
    return [
        Diagnostic(Location(path, number), f"{line!r} looks like the site's footer but article text follows it; kept", "warning", "import-footer-kept")
        for number, _, line in drop_trailing_junk(split_lines(text))
        if _FOOTER_START.fullmatch(line)
    ]


_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}|\w\))([.!?])(?=[A-Z][a-z])")
"""``pain.The``: the scrape lost the space between two sentences (never in ``e.g.``, ``U.S.``, ``ASP.NET``)."""


def classify(number: int, indent: int, text: str, gap: int) -> Line:
    text = _GLUED_SENTENCE.sub(r"\1 ", text)
    bullet = _BULLET_LINE.fullmatch(text)
    if bullet:
        return Line(number, bullet.group(1), "bullet", indent, gap, text)
    if _CHECKBOX_LINE.fullmatch(text):
        return Line(number, text, "bullet", indent, gap, text)  # the box stays: it is what the reader ticks
    numbered = _NUMBER_LINE.fullmatch(text) or _CIRCLED_LINE.fullmatch(text)
    if numbered:
        return Line(number, numbered.group(2), "number", indent, gap, text)
    return Line(number, text, "text", indent, gap, text)


def is_slug_line(text: str, previous: str | None) -> bool:
    """A whole line that is a slug: its heading precedes it, or it has 3+ words."""
    if not _SLUG_LINE.fullmatch(text) or not _SLUG_LETTER.search(text):
        return False
    if previous is not None and is_heading_of(previous, text):
        return True
    return text.count("-") >= 2


def is_heading_of(text: str, slug: str) -> bool:
    """True if ``text`` is the heading whose id is ``slug``.

    A heading holding two phrases (``요추관 협착증이란? (What Is Lumbar Stenosis?)``)
    has no heading's shape, but a slug that is exactly its id shows it is one.
    """
    if is_heading_shaped(text, max_words=30):
        return slug_matches(text, slug)
    return site_slug(text) == slug and len(words(text)) <= 30 and text[-1] not in ".,;:…"


def split_glued(text: str, previous: str | None) -> tuple[str, str] | None:
    """``slugText of the next block`` -> (slug, text), or None."""
    if previous is not None:
        expected = site_slug(previous)
        rest = text[len(expected) :]
        if expected and text.startswith(expected) and rest and not re.match(rf"[{_SLUG_CHARS}\s]", rest):
            return expected, rest
    match = _GLUED_SLUG.match(text)
    if not match or "-" not in match.group(1):
        return None
    slug = match.group(1)
    if is_slug_line(slug, previous):
        return slug, text[len(slug) :]
    return None


def is_booking_button(rows: Sequence[tuple[int, int, str]], k: int) -> bool:
    """``Book an appointment`` in sentence case, not a heading with its slug under it: the site's button on a doctor's card."""
    text = rows[k][2]
    if not _BOOKING_BUTTON.fullmatch(text) or is_title_case(text):
        return False
    after = next((row[2] for row in rows[k + 1 :] if row[2]), None)
    return after is None or not (after == site_slug(text) or after.startswith(site_slug(text)))


def tokenize(text: str) -> list[Line]:
    """Raw text -> non-blank lines, slugs split off, each line classified."""
    lines: list[Line] = []
    gap = 0
    previous: str | None = None
    rows = drop_header_chrome(drop_trailing_junk(split_lines(text)))
    for k, (number, indent, stripped) in enumerate(rows):
        if not stripped:
            gap += 1
            continue
        if re.fullmatch(rf"[{_BULLETS}]", stripped) or _READ_MORE.fullmatch(stripped) or is_booking_button(rows, k):
            continue  # an empty bullet (its item had no text), a teaser's link, a booking button
        if is_slug_line(stripped, previous):
            lines.append(Line(number, stripped, "slug", indent, gap, stripped))
        elif glued := split_glued(stripped, previous):
            lines.append(Line(number, glued[0], "slug", indent, gap, glued[0]))
            lines.append(classify(number, 0, glued[1], 0))
        else:
            lines.append(classify(number, indent, stripped, gap))
        previous = lines[-1].raw if lines[-1].kind != "slug" else None
        gap = 0
    return join_broken_lines(typed_bullets(lines))


def join_broken_lines(lines: list[Line]) -> list[Line]:
    """A line the layout broke mid-sentence is joined to the line it continues.

    The next line starts in lowercase (or a digit), with no blank line between,
    and the line ends where no phrase ends (``If you notice any of these,`` /
    ``call us today.``); or a capitalised line without final punctuation is
    completed by up to three lowercase lines, the first starting with a
    preposition or conjunction, the last ending the sentence (``Most injuries
    happen`` / ``while lifting`` / ``the wrong way.``), unless a lead-in
    (``…:``) announced them as list items. A lowercase description under a
    title (``Herniated disc`` / ``the most common cause.``) is not joined.
    """
    result: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        above = result[-1] if result else None
        if above is not None and is_broken_before(above, line):
            result[-1] = joined(above, [line])
            k += 1
            continue
        result.append(line)
        k += 1
        end = sentence_end(lines, k)
        if end and is_sentence_start(line) and not in_lead_in_run(result):
            result[-1] = joined(line, lines[k:end])
            k = end
    return result


def joined(line: Line, rest: Sequence[Line]) -> Line:
    text = " ".join([line.text, *(r.text for r in rest)])
    return replace(line, text=text, raw=" ".join([line.raw, *(r.text for r in rest)]))


def is_continuation(line: Line | None, above: Line) -> bool:
    """A plain line right under ``above`` that starts as no sentence starts."""
    return (
        line is not None
        and line.kind == "text"
        and line.gap == 0
        and (line.text[0].islower() or line.text[0].isdigit())
        and line.indent <= above.indent + 1
        and not _SLUG_LINE.fullmatch(line.text)
    )


def is_broken_before(above: Line, line: Line) -> bool:
    """``above`` ends where no phrase ends (``,``, ``the``, ``within``) and ``line`` continues it."""
    return is_continuation(line, above) and above.kind != "slug" and bool(_OPEN_ENDING.fullmatch(above.text))


def is_sentence_start(line: Line) -> bool:
    return line.kind == "text" and line.text[0].isupper() and line.text[-1] not in ".!?:;,…"


def sentence_end(lines: list[Line], k: int) -> int:
    """End (exclusive) of up to three lowercase lines from ``k`` that finish a sentence, or 0."""
    for end in range(k, min(k + 3, len(lines))):
        line = lines[end]
        if not is_continuation(line, lines[end - 1]) or not line.text[0].islower() or (end == k and not _CONTINUES.match(line.text)):
            return 0
        if line.text[-1] in ".!?":
            return end + 1
        if line.text[-1] in ",;:…":
            return 0
    return 0


def in_lead_in_run(lines: list[Line]) -> bool:
    """True if a line ending in ``:`` stands above the last line with no blank line between."""
    k = len(lines) - 1
    while k > 0 and lines[k].gap == 0 and lines[k - 1].kind != "slug":
        if lines[k - 1].text.endswith(":"):
            return True
        k -= 1
    return False


def typed_bullets(lines: list[Line]) -> list[Line]:
    """Lines typed as ``- item`` / ``* item`` / ``– item`` are bullets when a neighbour uses the same marker.

    One such line alone stays text (``- is how some sites start a line``).
    """
    markers = [m.group(1) if line.kind == "text" and (m := _TYPED_BULLET.fullmatch(line.raw)) else None for line in lines]
    result = []
    for n, line in enumerate(lines):
        marker = markers[n]
        paired = marker is not None and marker in (markers[n - 1] if n else None, markers[n + 1] if n + 1 < len(lines) else None)
        text = line.raw[len(marker) :].lstrip() if paired and marker else line.text
        result.append(replace(line, text=text, kind="bullet") if paired else line)
    return result


# --------------------------------------------------------------------------- blocks


class BlockParser:
    """Turns classified lines into blocks; one ``_try_*`` method per rule, tried in order."""

    def __init__(self, lines: list[Line], *, path: str) -> None:
        self.lines = lines
        self.path = path
        self.has_slugs = any(line.kind == "slug" for line in lines)
        self.diagnostics: list[Diagnostic] = []
        self.blocks: list[Block] = []
        self.headings_off = False
        self.limit: int | None = None
        """While looking for tables: the index where cells must end."""
        self.card_items: set[int] = set()
        """Lines under a card's recurring label (``Education`` / ``Yonsei University …``): list items, even one alone."""
        self.lead_in_lines: set[int] = set()
        """Lines a lead-in (``Do not take these:``) announces as its list's items (articles without slug lines)."""
        self.not_headings: frozenset[int] = frozenset() if self.has_slugs else self.find_not_headings()

    def find_not_headings(self) -> frozenset[int]:
        """Title Case lines that are not headings in an article without slug lines.

        Shape alone makes every short Title Case line a heading there, so a
        flattened table's cells (``Cobb Angle`` / ``Category`` / ``Under 10°``) are
        found first, reading every line as a possible cell; a table counts only
        if its width leaves full rows. Then a line between two lines of a list
        (``Spinal stenosis`` / ``Spondylolisthesis`` / ``Adult scoliosis``) is an
        item, and ``Term: +82-2-…`` (a value after the colon) is no heading.
        """
        found: set[int] = set(self.lead_in_items())
        self.headings_off = True
        i = 0
        while i < len(self.lines):
            titles = self.titles_table(i)  # "Dose Table" above "Medicine" / "Dose" / …: a heading, not a cell
            taken = self.exact_table_size(i) if self.is_heading_line(i) and i not in found and not titles else 0
            if not taken and not titles:
                self.limit = self.heading_after_cells(i)  # "Treatment Options" above its paragraph ends the cells
                taken = self.exact_table_size(i) if self.limit is not None else 0
                self.limit = None
            found.update(range(i, i + taken))
            i += taken or 1
        self.headings_off = False
        for i in range(len(self.lines)):
            if self.is_heading_line(i) and (self.is_list_line_between(i) or self.is_value_term(i) or _TABLE_NOTE.fullmatch(self.lines[i].text)):
                found.add(i)
        found.update(self.role_lines(found))
        found.update(self.heading_run_items(found))
        found.update(self.timeline_labels())
        return frozenset(found)

    def timeline_labels(self) -> list[int]:
        """Two or more time points (``Day 1`` / ``Week 6`` / ``3 Months After Surgery``) are a timeline's labels, not headings.

        Read as headings they would stand at the level of the article's sections
        and fill its table of contents; as a list of titles, each with its text,
        the reader sees one timeline in order under its section.
        """
        labels = [i for i, line in enumerate(self.lines) if line.kind == "text" and _TIMELINE.fullmatch(line.text) and self.is_heading_line(i)]
        return labels if len(labels) >= 2 else []

    def role_lines(self, found: set[int]) -> list[int]:
        """The line right under a person's name (``Dr. Kim Min-jun`` / ``Director, Spine Center``) is the role, not a subheading."""
        return [
            i + 1
            for i in range(len(self.lines) - 1)
            if i not in found and _PERSON.fullmatch(self.lines[i].text) and self.is_heading_line(i)
            and self.lines[i + 1].gap == 0 and self.is_heading_line(i + 1)
        ]

    def heading_run_items(self, found: set[int]) -> list[int]:
        """Three or more Title Case lines in a row with no text between cannot all be headings.

        The first heads the run; the others are its items (a doctor's career:
        ``Career`` / ``Seoul National University (M.D., 2002)`` / ``Fellowship, UCLA …``).
        A doctor's name starts the next card, not an item; so does a label that
        recurs in the article (``Education`` / ``Career`` / ``Memberships`` in
        every card): it heads the next part of the card.
        """
        items: list[int] = []
        recurring = self.recurring_lines(found)
        i = 0
        while i < len(self.lines):
            end = i
            while end < len(self.lines) and end not in found and self.is_heading_line(end) and (end == i or (self.lines[end].gap == 0 and not _PERSON.fullmatch(self.lines[end].text) and end not in recurring)):
                end += 1
            if end - i >= (2 if i in recurring else 3):  # a card's label heads even one line ("Education" / "Yonsei University …")
                items += range(i + 1, end)
                self.card_items.update(range(i + 1, end) if i in recurring else ())
            i = max(end, i + 1)
        return items

    def recurring_lines(self, found: set[int]) -> set[int]:
        """Heading lines whose text comes back in the article (a card's ``Career``), with no line of the same text under them."""
        counts = Counter(self.lines[i].text.casefold() for i in range(len(self.lines)) if i not in found and self.is_heading_line(i))
        return {i for i in range(len(self.lines)) if i not in found and counts[self.lines[i].text.casefold()] >= 2 and self.is_heading_line(i)}

    def lead_in_items(self) -> list[int]:
        """Title Case lines listed under a lead-in (``Good choices are:`` / ``Walking`` / ``Swimming``).

        A line ending in ``:`` announces a list, so the unpunctuated lines right
        under it (no blank line) are its items, not headings. A Title Case line
        of several words after an item of several words in sentence case
        (``Lifting more than 5 kg`` / ``Core Exercises``) is the next heading
        and ends the list. Items that hold a flattened table are left to it.
        """
        found: list[int] = []
        for i, line in enumerate(self.lines):
            if line.kind == "text" and line.text.endswith(":") and not self.is_heading_line(i):
                run = self.lead_in_run(i + 1)
                self.headings_off, self.limit = True, i + 1 + len(run)
                table = self.exact_table_size(i + 1) if run else 0
                self.headings_off, self.limit = False, None
                if len(run) >= 2 and not table:
                    run = self.without_next_heading(run)
                    found += [j for j in run if self.is_heading_line(j)]
                    self.lead_in_lines.update(run)
        return found

    def without_next_heading(self, run: list[int]) -> list[int]:
        """The run of a lead-in's items without its last line when that line heads the next section.

        ``Metformin`` / ``Water pills`` / ``Fasting`` / ``Do not eat after midnight. …``:
        a short Title Case line followed by a paragraph may end the list or head
        the paragraph, and shape cannot tell. Two signs (:meth:`heading_signs`)
        make it a heading; one keeps it an item, with a warning, since either
        misreading puts an instruction under the wrong heading.
        """
        signs = self.heading_signs(run)
        if len(signs) >= 2:
            return run[:-1]
        if signs:
            line = self.lines[run[-1]]
            message = f"{line.text!r} ends the list above but may head the paragraph under it ({signs[0]}); kept as an item, check it"
            self.warn(line.number, message, "import-heading-or-item")
        return run

    def heading_signs(self, run: list[int]) -> list[str]:
        """Signs that the last line of a lead-in's run is the next section's heading, not an item.

        It must be a short Title Case line (at most 3 words, no number) under
        two or more items, with a paragraph under it that does not point back
        at the list (``These limits protect the baby.``). The signs: it is a
        topic word in ``-ing`` (``Fasting``, ``Driving``) where no item starts
        with one; its word comes back in that paragraph and in no item or the
        lead-in (``Alcohol`` / ``Do not drink alcohol …``); the paragraph is a
        section's body of two or more sentences, not a closing remark.
        """
        *items, last = run
        line, body = self.lines[last], self.line(last + 1)
        if len(items) < 2 or not self.is_heading_line(last) or len(words(line.text)) > 3 or any(c.isdigit() for c in line.text):
            return []
        if body is None or body.kind != "text" or body.gap > 1 or body.text[-1] not in ".!:" or _BACK_REFERENCE.search(first_sentence(body.text)):
            return []
        listed = [self.lines[j].text for j in items] + [self.lines[items[0] - 1].text]
        signs = []
        if _TOPIC_WORD.fullmatch(line.text) and not any(_TOPIC_WORD.fullmatch(words(text)[0]) for text in listed[:-1]):
            signs.append("a topic word in -ing among items that are not")
        if stems(line.text) & stems(body.text) and not stems(line.text) & stems(" ".join(listed)):
            signs.append("its word comes back in that paragraph")
        if is_multi_sentence(body.text):
            signs.append("that paragraph has several sentences")
        return signs

    def lead_in_run(self, i: int) -> list[int]:
        """The unpunctuated lines from ``i`` that a lead-in above announces (see :meth:`lead_in_items`)."""
        run: list[int] = []
        sentence_case = False
        spacing = line.gap if (line := self.line(i)) is not None and line.gap <= 1 else 0  # the items are spaced alike
        while (line := self.line(i)) is not None and line.kind == "text" and line.gap == spacing and is_phrase(line.text) and not line.text.endswith("?"):
            if sentence_case and ends_sentence_case_items(self.lines[i - 1].text, line.text):
                break
            sentence_case = sentence_case or (len(words(line.text)) > 1 and not is_title_case(line.text))
            run.append(i)
            i += 1
        return run

    def titles_table(self, i: int) -> bool:
        """Line ``i`` is the title above a flattened table (``Dose Table`` / ``Medicine`` / ``Dose`` / …), not its first cell.

        Both readings may leave full rows; the table starting one line later reads better (:func:`fit_score`).
        """
        size, score = self.exact_table(i + 1)
        return size > 0 and score > self.exact_table(i)[1]

    def exact_table(self, i: int) -> tuple[int, float]:
        """(lines taken, :func:`fit_score`) of a table at ``i`` leaving full rows; a heading line above a paragraph ends its cells."""
        limit = self.limit
        size = self.exact_table_size(i)
        if not size and limit is None:
            self.limit = self.heading_after_cells(i)
            size = self.exact_table_size(i) if self.limit is not None else 0
        score = self.table_score(i) if size else -1.0
        self.limit = limit
        return size, score

    def exact_table_size(self, i: int) -> int:
        """Lines taken by a flattened table at ``i`` whose width leaves only full rows (0 if none)."""
        shape = self.flat_table_shape(i)
        return shape[0] * (shape[1] // shape[0] + 1) if shape and shape[2] else 0

    def heading_after_cells(self, i: int) -> int | None:
        """The last of the cell-like lines from ``i`` when it is a heading line above a paragraph."""
        j = i
        while self.is_cell(j + 1):
            j += 1
        return j if j > i and self.is_heading_line(j) and self.line(j + 1) is not None else None

    def is_heading_line(self, i: int) -> bool:
        """A heading by shape in an article without slug lines: short, one phrase, Title Case."""
        line = self.line(i)
        return line is not None and line.kind == "text" and is_heading_shaped(line.raw) and is_title_case(line.raw)

    def is_list_line_between(self, i: int) -> bool:
        """A Title Case line between two list lines is an item, unless it follows items in sentence case (see :func:`ends_sentence_case_items`)."""
        above, line, below = self.line(i - 1), self.lines[i], self.line(i + 1)
        return (
            above is not None
            and below is not None
            and not ends_sentence_case_items(above.text, line.text)
            and line.gap == 0
            and below.gap == 0
            and all(n.kind == "text" and is_phrase(n.text) and not n.text.endswith("?") and not self.is_heading_line(j) for j, n in ((i - 1, above), (i + 1, below)))
        )

    def is_value_term(self, i: int) -> bool:
        term = split_term(self.lines[i].text)
        return term is not None and not term[1][0].isalpha()

    def parse(self) -> list[Block]:
        rules = (
            self._try_orphan_slug,
            self._try_byline,
            self._try_toc,
            self._try_heading,
            self._try_slide_numbers,
            self._try_pipe_table,
            self._try_step_title,
            self._try_image_alt,
            self._try_flat_table,
            self._try_list,
            self._try_plain_list,
            self._try_card_items,
            self._try_term_run,
            self._try_title_items,
            self._try_caption,
            self._paragraph,
        )
        i = 0
        while i < len(self.lines):
            i += next(taken for rule in rules if (taken := rule(i)))
        return self.blocks

    def after_lead_in(self) -> bool:
        """True if the last block is a paragraph ending in ``:`` (it announces a list)."""
        last = self.blocks[-1] if self.blocks else None
        return isinstance(last, Paragraph) and last.text.endswith(":")

    # -- predicates ------------------------------------------------------------

    def line(self, i: int) -> Line | None:
        return self.lines[i] if 0 <= i < len(self.lines) else None

    def is_heading(self, i: int) -> bool:
        line = self.line(i)
        if line is None or line.kind == "slug" or line.kind == "bullet":
            return False
        if self.has_slugs:
            after = self.line(i + 1)
            return (
                after is not None
                and after.kind == "slug"
                and is_heading_of(line.raw, after.text)
            )
        return not self.headings_off and i not in self.not_headings and self.is_heading_line(i)

    def is_title_like(self, i: int) -> bool:
        """A short unpunctuated line that is not a heading: caption or list title."""
        line = self.line(i)
        return (
            (self.limit is None or i < self.limit)
            and line is not None
            and line.kind == "text"
            and is_heading_shaped(line.text, max_words=12)
            and not self.is_heading(i)
            and not self.is_byline(i)
            and not _IMAGE_ALT.fullmatch(line.text)
        )

    def is_header_cell(self, i: int) -> bool:
        line = self.line(i)
        return (
            self.is_title_like(i)
            and line is not None
            and len(line.text) <= 40
            and len(words(line.text)) <= 6
            and is_title_case(line.text)
            and (not line.text.endswith("?") or len(words(line.text)) <= 2)  # "Covered?", not a question
        )

    def is_cell(self, i: int) -> bool:
        line = self.line(i)
        return (
            (self.limit is None or i < self.limit)
            and line is not None
            and line.kind == "text"
            and line.gap <= 1
            and len(line.text) <= 120
            and not is_multi_sentence(line.text)
            and not line.text.endswith(":")
            and not _TABLE_NOTE.fullmatch(line.text)
            and not self.is_heading(i)
        )

    def is_pipe_table_start(self, i: int) -> bool:
        line, delimiter = self.line(i), self.line(i + 1)
        return (
            line is not None
            and delimiter is not None
            and "|" in line.raw
            and delimiter.gap <= 1
            and "-" in delimiter.raw
            and bool(_DELIMITER_ROW.fullmatch(delimiter.raw))
            and len(split_cells(line.raw)) >= 2
        )

    # -- rules -----------------------------------------------------------------

    def _try_orphan_slug(self, i: int) -> int:
        line = self.lines[i]
        if line.kind != "slug":
            return 0
        text = heading_from_slug(line.text)
        self.blocks.append(Heading(text, line.number, line.gap))
        self.warn(line.number, f"heading lost, recovered from its slug line {line.text!r} as {text!r}", "import-heading-from-slug")
        return 1

    def _try_byline(self, i: int) -> int:
        if not self.is_byline(i):
            return 0
        self.blocks.append(Byline(self.lines[i].text, self.lines[i].number))
        return 1

    def is_byline(self, i: int) -> bool:
        """An author or date line among the first lines, or a date line (``Last updated: …``) ending the article."""
        line = self.line(i)
        if line is None or line.kind != "text" or not (i < BYLINE_LINES or i == len(self.lines) - 1):
            return False
        text = line.text
        shaped = bool(_BYLINE.fullmatch(text)) if i < BYLINE_LINES else bool(_DATE_LINE.fullmatch(text))
        return shaped and not text.endswith(".") and len(words(text)) <= 20 and not (self.has_slugs and self.is_heading(i))

    def _try_toc(self, i: int) -> int:
        """A "Table of Contents" line and the headings it lists are dropped: the site has its own."""
        if not _TOC_TITLE.fullmatch(self.lines[i].text):
            return 0
        headings = {self.lines[j].text.casefold() for j in range(len(self.lines)) if self.is_heading(j)}
        count, listed = 1, set()
        while (entry := self.line(i + count)) is not None and entry.gap <= 1 and entry.text.casefold() in headings - listed:
            listed.add(entry.text.casefold())  # a repeated entry is the first heading itself, right after the list
            count += 1
        return count if count >= 3 else 0

    def _try_heading(self, i: int) -> int:
        if not self.is_heading(i):
            return 0
        line = self.lines[i]
        numbered = bool(_NUMBERED_HEADING.match(line.raw))
        self.blocks.append(Heading(line.raw, line.number, line.gap, numbered=numbered))
        return 2 if self.has_slugs else 1

    def _try_slide_numbers(self, i: int) -> int:
        """``1`` / ``Pain after a fall`` / ``or accident`` / ``2`` / …: a slide's numbered items.

        Each bare number (counting from 1) opens an item: its next line, with the
        lowercase lines that continue it. Lines between that and the next number
        are the item's text; after the last number only the continued line belongs to it.
        """
        items: list[Item] = []
        j = i
        while self.is_bare_number(j, len(items) + 1) and self.line_kind(j + 1) == "text" and not self.is_bare_number(j + 1, len(items) + 2):
            text, k = self.continued_text(j + 1)
            end = k
            while (line := self.line(end)) is not None and line.kind == "text" and line.gap <= 1 and not _BARE_NUMBER.fullmatch(line.text) and not self.is_heading(end):
                end += 1
            parts: list[str] = []
            if end > k and self.is_bare_number(end, len(items) + 2):
                while k < end:
                    part, k = self.continued_text(k)
                    parts.append(part)
            style = "title" if parts and is_heading_shaped(text) else "plain"
            items.append(Item(text, self.lines[j + 1].number, tuple(parts), style))
            j = k
        if len(items) < 2:
            return 0
        self.blocks.append(ListBlock(True, tuple(items), self.lines[i].number))
        return j - i

    def is_bare_number(self, j: int, number: int) -> bool:
        line = self.line(j)
        return line is not None and line.kind == "text" and bool(_BARE_NUMBER.fullmatch(line.text)) and int(line.text) == number and (number == 1 or line.gap <= 1)

    def continued_text(self, j: int) -> tuple[str, int]:
        """Line ``j`` with the lowercase lines right under it (a phrase the layout broke), and the next index."""
        text, k = self.lines[j].text, j + 1
        while (line := self.line(k)) is not None and line.kind == "text" and line.gap == 0 and line.text[0].islower():
            text, k = f"{text} {line.text}", k + 1
        return text, k

    def _try_pipe_table(self, i: int) -> int:
        if not self.is_pipe_table_start(i):
            return 0
        header = tuple(split_cells(self.lines[i].raw))
        rows, j = [], i + 2
        while self.is_pipe_row(j, len(header)):
            line = self.lines[j]
            rows.append(self.fit_row(split_cells(line.raw), len(header), line.number))
            j += 1
        self.blocks.append(Table(header, tuple(rows), self.lines[i].number))
        return j - i

    def is_pipe_row(self, j: int, width: int) -> bool:
        """Rows follow without blank line; after one blank line only a row of the header's width."""
        line = self.line(j)
        if line is None or line.kind != "text" or "|" not in line.raw or line.gap > 1:
            return False
        return line.gap == 0 or len(split_cells(line.raw)) == width

    def fit_row(self, cells: list[str], width: int, number: int) -> tuple[str, ...]:
        if len(cells) == width:
            return tuple(cells)
        self.warn(number, f"table row has {len(cells)} cells, the header has {width}", "import-table-cells")
        if len(cells) < width:
            return tuple(cells + [""] * (width - len(cells)))
        return tuple(cells[: width - 1] + [" | ".join(cells[width - 1 :])])

    def _try_step_title(self, i: int) -> int:
        line = self.lines[i]
        if not (_STEP_TITLE.match(line.text) and self.is_title_like(i)):
            return 0
        self.blocks.append(Paragraph(line.text, line.number, strong=True))
        return 1

    def _try_image_alt(self, i: int) -> int:
        line = self.lines[i]
        named = line.kind == "text" and bool(_ALT_NAME.fullmatch(line.text)) and len(words(line.text)) <= 6 and not self.is_heading(i) and not self.after_lead_in()
        alt = _IMAGE_ALT.fullmatch(line.text) if line.kind == "text" else None
        if not named and (not alt or is_multi_sentence(alt.group("alt").lstrip(" :.")) or len(words(line.text)) > 20):
            return 0
        self.blocks.append(Caption(line.text, line.number))
        return 1

    def _try_flat_table(self, i: int) -> int:
        shape = self.flat_table_shape(i)
        if shape is None or self.titles_table(i):
            return 0
        width, count, _ = shape
        rows = count // width
        if rows < 2:
            return 0
        cells = [line.text for line in self.lines[i : i + width * (rows + 1)]]
        grid = tuple(tuple(cells[r * width : (r + 1) * width]) for r in range(rows + 1))
        self.blocks.append(Table(grid[0], grid[1:], self.lines[i].number))
        self.warn_mixed_row_labels(self.blocks[-1])
        return width * (rows + 1)

    def warn_mixed_row_labels(self, table: Table) -> None:
        """A first column mixing quantities and words is a reading no width made right: a person must check it.

        Rows are labelled by one kind of cell (weights, ages, or names). Read at
        the wrong width, a dose table's first column holds ``150``, ``16–21`` and
        ``10 mL`` beside a header cell: each dose stands beside the wrong weight.
        The best reading is kept, since no other reading was better.
        """
        labels = [row[0] for row in table.rows]
        if first_column_kinds(labels, 1) < 2:
            return
        word = next(cell for cell in labels if not _NUMBER_FIRST.match(cell))
        number = next(cell for cell in labels if _NUMBER_FIRST.match(cell))
        message = (
            f"table read {len(table.header)} columns wide, but its first column mixes words and numbers "
            f"({shortened(word)!r}, {shortened(number)!r}): a value may stand in the wrong row; check it against the source"
        )
        self.warn(table.line, message, "import-table-unclear")

    def flat_table_shape(self, i: int) -> tuple[int, int, bool] | None:
        """(columns, body cells, whether the width leaves only full rows) of a flattened table at line ``i``."""
        longest = 0
        while self.is_header_cell(i + longest) and (longest == 0 or self.lines[i + longest].gap <= 1):
            longest += 1
        if longest > MAX_TABLE_COLUMNS:
            if self.is_header_cell(i - 1):
                return None
            widths = self.consistent_widths(i)
            if len(widths) != 1:
                if not self.headings_off:
                    self.warn(self.lines[i].number, f"{longest} short Title Case lines in a row may be a flattened table, but its width cannot be told; not made a table", "import-table-unclear")
                return None
            width, count = widths[0]
            exact = True
        elif longest < 2:
            return self.number_column_shape(i)
        else:
            width, count, exact = self.table_shape(i, longest)
        if count // width < 2 or self.header_repeated(i, width, count):
            return None
        return width, count, exact

    def header_repeated(self, i: int, width: int, count: int) -> bool:
        """Repeated records, not a table: a header cell's text again among the body cells, or a row label in another column.

        Doctor cards (``Dr. Choi`` / ``Chief of Spine Surgery`` / ``Education`` / …
        / ``Education``) repeat their labels; a table's header names each column
        once, and a row label (``Acetaminophen``) names one row and is never another row's value.
        A header cell or row label standing twice as a line outside is a card's label too.
        """
        header = {line.text.casefold() for line in self.lines[i : i + width]}
        body = [line.text.casefold() for line in self.lines[i + width : i + width + count]]
        labels = set(body[::width])
        outside = Counter(line.text.casefold() for line in self.lines[:i] + self.lines[i + width + count :])
        recurring = any(outside[cell] >= 2 for cell in header | labels)  # the cards' "Education" before the last card
        if recurring or len(labels) < len(body[::width]):
            return True
        if any(cell in header or (n % width and cell in labels) for n, cell in enumerate(body)):
            return True
        timeline = [bool(_TIMELINE.fullmatch(line.text)) for line in self.lines[i : i + width + count]]
        return any(timeline[c] and any(timeline[c + width :: width]) for c in range(width))  # "Day 1" / … / "Day 3": a timeline

    def table_score(self, i: int) -> float:
        """How well the flattened table at line ``i`` reads as one (see :func:`fit_score`); -1 if none."""
        shape = self.flat_table_shape(i)
        if shape is None:
            return -1.0
        width, count, _ = shape
        return fit_score([line.text for line in self.lines[i + width : i + width + count]], width)

    def number_column_shape(self, i: int) -> tuple[int, int, bool] | None:
        """A table whose header is not Title Case (``Medicine`` / ``Stop before surgery`` / ``Can restart``).

        Shape cannot tell such a header from text, so the body must: at exactly
        one width, the first column's cells start with a letter (row labels),
        another column's cells all start with a digit (``7 days``, ``45,000``),
        and no header cell does.
        """
        found = []
        for width in range(2, MAX_TABLE_COLUMNS + 1):
            header = [self.line(i + c) for c in range(width)]
            if not all(self.is_short_label(i + c) for c in range(width)) or any(h is not None and h.gap > 1 for h in header[1:]):
                continue
            cells = self.body_cells(i + width, width)
            rows = len(cells) // width
            if rows < 2 or len(cells) % width or not columns_agree(cells, width):
                continue
            columns = [cells[c::width] for c in range(width)]
            if all(cell[0].isalpha() for cell in columns[0]) and any(all(cell[0].isdigit() for cell in column) for column in columns[1:]):
                found.append((width, len(cells), True))
        return found[0] if len(found) == 1 else None

    def is_short_label(self, i: int) -> bool:
        line = self.line(i)
        return self.is_title_like(i) and line is not None and len(line.text) <= 40 and len(words(line.text)) <= 6 and line.text[0].isalpha()

    def table_shape(self, i: int, longest: int) -> tuple[int, int, bool]:
        """(columns, body cells): the header width that leaves only full rows, else ``longest``.

        A first body cell can look like a header cell (``Weeks 1–2``, ``Monday–Friday``),
        so the header run may be too long; full rows tell the true width. If
        several widths fit, the one that reads best wins (:func:`fit_score`: rows
        that start with a word, a row label and not ``09:00``; columns whose cells
        are of one kind), then the widest. A width whose body repeats a header cell
        is no table's (:meth:`header_repeated`). A sentence
        ending in ``.`` is the next paragraph, and ends the table, unless cells
        above it in its column (for the first row: any in its column) end in ``.`` too.
        """
        fits = []
        for width in [*range(longest, 1, -1), *self.lowercase_header_widths(i, longest)]:
            cells = self.body_cells(i + width, width)
            if len(cells) // width >= 2 and len(cells) % width == 0 and columns_agree(cells, width) and not self.header_repeated(i, width, len(cells)):
                fits.append((fit_score(cells, width), width, len(cells)))
        if fits:
            _, width, count = max(fits)
            return width, count, True
        cells = self.body_cells(i + longest, longest, trim=False)
        full = cells[: len(cells) // longest * longest]
        return longest, len(cells) if columns_agree(full, longest) else 0, False

    def lowercase_header_widths(self, i: int, longest: int) -> list[int]:
        """Wider headers whose last cells are short labels in sentence case (``Weight (kg)`` / ``Dose (mg)`` / ``Amount of syrup``).

        Read two columns wide, such a table pairs each weight with the wrong dose:
        its first column mixes cells starting with a word and with a digit
        (``Amount of syrup``, ``150``, ``16–21``). Only then is a wider header
        tried, one whose first column holds one kind; the reading that fits
        best wins (:func:`fit_score`).
        """
        if first_column_kinds(self.body_cells(i + longest, longest), longest) != 2:
            return []
        widths, width = [], longest
        while width < MAX_TABLE_COLUMNS and self.is_short_label(i + width) and self.lines[i + width].gap <= 1:
            width += 1
            if first_column_kinds(self.body_cells(i + width, width), width) == 1:
                widths.append(width)
        return widths

    def consistent_widths(self, i: int) -> list[tuple[int, int]]:
        """(columns, body cells) of each width at which a long run of Title Case cells reads as a table.

        With more than ``MAX_TABLE_COLUMNS`` such cells the header cannot be told
        by shape (``Day`` / ``Morning`` / ``Monday`` / ``Surgery`` …); the values
        can: at the true width the first column's body cells are row labels
        (each distinct, found in no other column and not in the header) while
        some value repeats in the other columns (``Outpatient``). Without a
        repeated value every width would pass, so none is trusted.
        """
        found = []
        for width in range(2, MAX_TABLE_COLUMNS + 1):
            cells = self.body_cells(i + width, width)
            if len(cells) // width < 2 or len(cells) % width:
                continue
            header = {line.text.casefold() for line in self.lines[i : i + width]}
            labels = [c.casefold() for c in cells[::width]]
            values = [c.casefold() for n, c in enumerate(cells) if n % width]
            if (
                len(set(labels)) == len(labels)
                and not set(labels) & set(values)
                and not header & set(labels + values)
                and len(set(values)) < len(values)
            ):
                found.append((width, len(cells)))
        return found

    def body_cells(self, start: int, width: int, *, trim: bool = True) -> list[str]:
        cells: list[str] = []
        gap = self.lines[start - 1].gap if start - 1 >= 0 else 0
        while self.is_cell(start + len(cells)) and self.lines[start + len(cells)].gap == gap:
            cells.append(self.lines[start + len(cells)].text)  # the cells of one table are spaced alike
        if not trim:
            return cells
        sentences = Counter(n % width for n, cell in enumerate(cells) if cell.endswith("."))
        seen: set[int] = set()
        for k, cell in enumerate(cells):
            if cell.endswith("."):
                alone = sentences[k % width] < 2 if k < width else k % width not in seen
                if alone:
                    return cells[:k]
                seen.add(k % width)
        return cells

    def _try_list(self, i: int) -> int:
        if self.lines[i].kind not in ("bullet", "number"):
            return 0
        if self.is_lone_number(i):
            line = self.lines[i]
            self.warn(line.number, f"numbered line {line.raw[:30]!r} has no list around it; kept as a paragraph with its number", "import-lone-number")
            self.blocks.append(Paragraph(line.raw, line.number))
            return 1
        block, end = self.parse_list(i, floor=-1)
        self.blocks += grouped(block)
        return end - i

    def is_lone_number(self, i: int) -> bool:
        """A ``1.`` line with no other numbered line or sub-item next to it starts a sentence, not a list."""
        line, after = self.lines[i], self.line(i + 1)
        if line.kind != "number" or self.line_kind(i - 1) == "number" or self.next_number_after(i, i + 2):
            return False
        return after is None or (after.kind in ("text", "slug") and after.indent <= line.indent + 1)

    def next_number_after(self, start: int, end: int) -> bool:
        """True if line ``end`` continues the numbering of line ``start`` at its level (``2.`` after ``1.``)."""
        item, after = self.lines[start], self.line(end)
        return (
            after is not None
            and after.kind == "number"
            and abs(after.indent - item.indent) <= 1
            and list_number(after) == list_number(item) + 1
        )

    def line_kind(self, i: int) -> LineKind | None:
        line = self.line(i)
        return line.kind if line is not None else None

    def parse_list(self, i: int, *, floor: int) -> tuple[ListBlock, int]:
        """Items of the kind of line ``i`` with indent in (floor, base]; deeper lines nest."""
        first = self.lines[i]
        base, items = first.indent, []
        adopts: LineKind | None = None
        while (line := self.line(i)) is not None and line.kind == first.kind and floor < line.indent <= base + 1:
            if self.is_heading(i):
                break
            start = i
            item, i = self.parse_item(i, base)
            if first.kind == "number" and i == start + 1:
                item, i, adopted = self.adopt_flat_lines(item, start, floor=floor, adopted_before=adopts)
                adopts = adopts or adopted
            items.append(item)
        if first.kind == "number" and list_number(first) != 1:
            self.warn(first.number, "numbered list does not start at 1; renumbered from 1 (MkDocs always starts at 1)", "import-list-start")
        return ListBlock(first.kind == "number", unify_terms(items), first.number), i

    def adopt_flat_lines(self, item: Item, start: int, *, floor: int, adopted_before: LineKind | None) -> tuple[Item, int, LineKind | None]:
        """Lines at the level of a numbered item belong to it when the numbering goes on after them.

        The scrape lost their indentation: ``1. X-rays`` / ``• Cobb angle`` / ``2. MRI``
        (sub-items), or ``1. Stop blood thinners`` / ``Your doctor will …`` / ``2. …``
        (one explaining paragraph). After the last numbered item they belong to
        it if earlier items adopted lines of the same kind.
        """
        base, i = self.lines[start].indent, start + 1
        end = i
        while (line := self.line(end)) is not None and line.kind == "bullet" and floor < line.indent <= base + 1 and line.gap <= 1:
            end += 1
        text = self.line(i)
        if end == i and text is not None and text.kind == "text" and text.gap <= 1 and abs(text.indent - base) <= 1 and not self.is_heading(i):
            end = i + 1  # one explaining line
        kind = self.lines[i].kind if end > i else None
        if kind is None or not (self.next_number_after(start, end) or adopted_before == kind):
            return item, i, None
        if kind == "bullet":
            child, i = self.parse_list(i, floor=floor)
            return replace(item, parts=(*item.parts, child)), i, kind
        style = "title" if is_heading_shaped(item.text) else item.style
        return replace(item, parts=(self.lines[i].text,), style=style), i + 1, kind

    def parse_item(self, i: int, base: int) -> tuple[Item, int]:
        line, parts = self.lines[i], []
        i += 1
        while (nxt := self.line(i)) is not None and nxt.indent > base + 1 and not self.is_heading(i):
            if nxt.kind in ("bullet", "number"):
                child, i = self.parse_list(i, floor=base + 1)
                parts.append(child)
            elif nxt.kind == "text":
                parts.append(nxt.text)
                i += 1
            else:
                break
        has_text = any(isinstance(p, str) for p in parts)
        style = "title" if has_text and is_heading_shaped(line.text) else "term" if split_term(line.text) else "plain"
        return Item(line.text, line.number, tuple(parts), style), i

    def plain_run(self, i: int) -> list[int]:
        """Lines directly after a lead-in that may be list items (no blank line, plain text)."""
        run = []
        while (line := self.line(i)) is not None and line.kind == "text" and line.gap == 0:
            caption = self.is_title_like(i) and not split_term(line.text)  # "Celecoxib: 200 mg …" is an item, never a caption
            if self.is_heading(i) or self.is_pipe_table_start(i) or line.text.endswith(":") or caption:
                break
            run.append(i)
            i += 1
        return run

    def _try_plain_list(self, i: int) -> int:
        if not self.after_lead_in():
            return 0
        phrases = 0
        while self.is_unpunctuated_line(i + phrases) and self.lines[i + phrases].gap == 0:
            phrases += 1
        lowercase = any(self.lines[j].text[0].islower() for j in range(i, i + phrases))
        if phrases >= 2 and lowercase:  # "We offer:" / "same-day MRI" / "English interpreters": items, not captions
            self.blocks += grouped(ListBlock(False, unify_terms([self.plain_item(j) for j in range(i, i + phrases)]), self.lines[i].number))
            return phrases
        run = self.plain_run(i)
        ended_by_paragraph = False
        for k, j in enumerate(run):
            if is_multi_sentence(self.lines[j].text) and not split_term(self.lines[j].text):
                run, ended_by_paragraph = run[:k], True
                break
        terms = [k for k, j in enumerate(run) if split_term(self.lines[j].text)]
        if terms:
            run = run[: terms[-1] + 1]
            while run[-1] in self.lead_in_lines and run[-1] + 1 in self.lead_in_lines:
                run.append(run[-1] + 1)  # "Warfarin" after "Aspirin 100 mg: 7 days before": the lead-in's item still
        elif not ended_by_paragraph and not (len(run) >= 2 and self.is_unpunctuated_line(run[-1])):
            run = run[:-1] if len(run) >= 3 else []
        if not run:
            return 0
        items = tuple(self.plain_item(j) for j in run)
        self.blocks += grouped(ListBlock(False, unify_terms(items), self.lines[run[0]].number))
        return len(run)

    def plain_item(self, j: int) -> Item:
        line = self.lines[j]
        return Item(line.text, line.number, (), "term" if split_term(line.text) else "plain")

    def _try_card_items(self, i: int) -> int:
        """The lines under a card's recurring label are its list, even one line alone (never a caption)."""
        end = i
        while end in self.card_items:
            end += 1
        if end == i:
            return 0
        self.blocks.append(ListBlock(False, unify_terms([self.plain_item(j) for j in range(i, end)]), self.lines[i].number))
        return end - i

    def _try_term_run(self, i: int) -> int:
        """Lines of ``Term: explanation`` with no blank line between them are a glossary list.

        Two suffice if most terms are capitalised on both sides (``Ibuprofen: 200 mg``),
        else three (``Injections: steroid into the joint``). Separated by blank
        lines they stay paragraphs (``Tip: …`` notes).
        """
        run: list[int] = []
        while self.is_term_line(i + len(run)) and (not run or self.lines[i + len(run)].gap == 0):
            run.append(i + len(run))
        strict = sum(split_term(self.lines[j].text) is not None for j in run)
        if len(run) < 2 or (strict * 2 <= len(run) and len(run) < 3):
            return 0
        items = tuple(Item(self.lines[j].text, self.lines[j].number, (), "term") for j in run)
        self.blocks.append(ListBlock(False, items, self.lines[i].number))
        return len(run)

    def is_term_line(self, i: int) -> bool:
        """``Ibuprofen: 200 mg``; a lowercase ``Please note: on …`` only if it is not a sentence."""
        line = self.line(i)
        if line is None or line.kind != "text" or self.is_heading(i) or self.is_byline(i):
            return False
        term = split_term(line.text, lowercase=True)
        if term is None or len(term[0]) <= 2:
            return False  # "Q:" and "A:" start questions and answers, not glossary terms
        return split_term(line.text) is not None or not line.text.endswith(".")

    def _try_title_items(self, i: int) -> int:
        items: list[Item] = []
        previous_had_text: bool | None = None
        while self.is_title_like(i) and (not items or self.lines[i].gap <= 1) and not self.lines[i].text.endswith("?"):
            title, text = self.lines[i], self.line(i + 1)  # a question and its answer are paragraphs, not a title and its text
            pattern = len(items) >= 2 and all(item.parts for item in items)  # every title so far had its text
            takes = (self.is_description(i + 1) and (self.is_title_like(i + 2) or bool(previous_had_text))) or self.is_long_description(i + 1, last=pattern)
            parts = (text.text,) if takes and text is not None else ()
            items.append(Item(title.text, title.number, parts, "title"))
            previous_had_text = takes
            i += 2 if takes else 1
        if len(items) < 2:
            return 0
        if not any(item.parts for item in items):
            items = [Item(item.text, item.line, (), "term" if split_term(item.text) else "plain") for item in items]
            while self.after_lead_in() and self.is_unpunctuated_line(i) and self.lines[i].gap == 0:
                items.append(self.plain_item(i))  # a longer item after short ones: the list goes on
                i += 1
        self.blocks += grouped(ListBlock(False, unify_terms(items), items[0].line))
        return sum(1 + len(item.parts) for item in items)

    def is_unpunctuated_line(self, i: int) -> bool:
        """One phrase without final punctuation: a list item, never a closing paragraph."""
        line = self.line(i)
        return line is not None and line.kind == "text" and is_phrase(line.text) and not self.is_heading(i)

    def is_long_description(self, i: int, *, last: bool = False) -> bool:
        """Two or three sentences between two titles (``Day 3`` / ``Discharged home. …`` / ``Week 2``) describe the first.

        After the last title (``last``) too, when every title before it had its text.
        """
        line, title = self.line(i), self.lines[i - 1]
        return (
            line is not None
            and not title.text.endswith("?")  # a question and its answer are paragraphs
            and len(_SENTENCE_BREAK.findall(line.text)) in (1, 2)
            and self.is_description_shaped(i)
            and (last or self.is_title_like(i + 1))
        )

    def is_description(self, i: int) -> bool:
        return self.is_description_shaped(i) and not is_multi_sentence(self.lines[i].text)

    def is_description_shaped(self, i: int) -> bool:
        line = self.line(i)
        return (
            line is not None
            and line.kind == "text"
            and line.gap <= 1
            and not self.is_title_like(i)
            and not self.is_heading(i)
            and not line.text.endswith(":")
        )

    def _try_caption(self, i: int) -> int:
        if not self.is_title_like(i) or self.lines[i].text.endswith("?") or self.is_label_value(i):
            return 0  # a question ("Q: Should I stay in bed?") or a label's value ("Specialty: …") is a paragraph, not a caption
        line, after = self.lines[i], self.line(i + 1)
        if after is not None and after.kind in ("bullet", "number") and after.gap <= 1:
            self.blocks.append(Paragraph(line.text, line.number, strong=True))  # "Key points" above its list: a label
            return 1
        self.blocks.append(Caption(line.text, line.number))
        return 1

    def is_label_value(self, i: int) -> bool:
        """``Specialty: Endoscopic surgery``; a note under a table (``Source: …``) stays a caption."""
        text = self.lines[i].text
        return bool(_LABEL_VALUE.fullmatch(text)) and not _TABLE_NOTE.fullmatch(text)

    def _paragraph(self, i: int) -> int:
        line = self.lines[i]
        if line.kind == "text" and _SLUG_LINE.fullmatch(line.text) and _SLUG_LETTER.search(line.text):
            message = f"{line.text!r} looks like a heading id (slug line) that matches no heading; kept as text"
            self.warn(line.number, message, "import-slug-unmatched")
        self.blocks.append(Paragraph(line.raw if line.kind != "text" else line.text, line.number))
        return 1

    def warn(self, line: int, message: str, code: str) -> None:
        self.diagnostics.append(Diagnostic(Location(self.path, line), message, "warning", code))


def first_sentence(text: str) -> str:
    match = _SENTENCE_BREAK.search(text)
    return text[: match.start() + 1] if match else text


def stems(text: str) -> set[str]:
    """Words of 3+ letters without a plural or verb ending (``Driving``, ``drive`` -> ``driv``)."""
    found = set()
    for word in re.findall(r"[^\W\d_]{3,}", text.lower()):
        suffix = next((s for s in ("ing", "es", "ed", "s", "e") if word.endswith(s) and len(word) - len(s) >= 3), "")
        found.add(word[: len(word) - len(suffix)])
    return found


def columns_agree(cells: Sequence[str], width: int) -> bool:
    """No column mixes ``Label: value`` cells with plain ones: such rows are records, not a table's rows.

    Nor are the row labels ``Label: value`` lines (``Address: 123 Teheran-ro`` /
    ``Main line: +82-2-…``): a row label names its row, a labelled value is a record's field.
    """
    labelled = [split_term(cell, lowercase=True) is not None for cell in cells]
    return all(len(set(labelled[c::width])) == 1 for c in range(width)) and not all(labelled[::width])


def ends_sentence_case_items(above: str, text: str) -> bool:
    """A Title Case line of several words after an item of several words in sentence case is the next heading.

    ``Acetaminophen at the usual dose`` / ``Treatments to Avoid``; ``Spinal stenosis`` /
    ``Spondylolisthesis`` (one word) stays an item.
    """
    several = len(words(text)) > 1 and len(words(above)) > 1
    return several and is_title_case(text) and not is_title_case(above)


_NUMBER_FIRST = re.compile(r"([<>≤≥~]|(under|over|up to|less than|more than|below|above|about|at least|at most|from)\s)?\s*\d", re.IGNORECASE)
"""A cell that starts with a quantity: ``16–21``, ``Under 3 months``, ``≤ 4 g``."""


def shortened(text: str, *, limit: int = 30) -> str:
    """``text`` cut at a word to at most ``limit`` characters, for a message."""
    return text if len(text) <= limit else text[: limit].rsplit(" ", 1)[0] + " …"


def first_column_kinds(cells: Sequence[str], width: int) -> int:
    """How many kinds of first cell the rows have: starting with a quantity (``16–21``, ``Under 3 months``), or not."""
    return len({bool(_NUMBER_FIRST.match(cell)) for cell in cells[::width]})


def fit_score(cells: Sequence[str], width: int) -> float:
    """How well ``cells`` read as a table's body ``width`` columns wide: 0 to 2.

    The share of rows whose first cell starts with a word (a row label, not
    ``09:00``) plus the share of columns whose cells are all of one kind (a number
    or a word first; Title Case or not): at a wrong width, ``15–17`` and ``Mild``
    or ``Dose`` and ``4,000 mg`` share a column.
    """
    rows = len(cells) // width
    if not rows:
        return 0.0
    labelled = sum(cell[0].isalpha() for cell in cells[::width]) / rows
    kinds = [{(cell[0].isdigit(), is_title_case(cell)) for cell in cells[c::width]} for c in range(width)]
    return labelled + sum(len(k) == 1 for k in kinds) / width


def unify_terms(items: Sequence[Item]) -> tuple[Item, ...]:
    """In a list made mostly of terms, ``2 weeks: wound check`` is a term too (one look per list)."""
    if sum(item.style == "term" for item in items) * 2 <= len(items):
        return tuple(items)
    lenient = [item.style == "plain" and split_term(item.text, lowercase=True) for item in items]
    return tuple(replace(item, style="term") if ok else item for item, ok in zip(items, lenient))


_FREQUENCY_WORD = re.compile(r"(very |less )?common|uncommon|(very )?rare|(frequency )?not known", re.IGNORECASE)
"""Side effects' frequency categories: a label by its words alone."""
_TIME_OF_DAY = re.compile(r"(in the )?(morning|afternoon|evening)|(at )?night", re.IGNORECASE)
_WHEN_WORD = frozenset({"before", "after", "during", "until"})
_QUALIFIER = re.compile(r"(?P<head>[^()]*\S)\s*\((?P<inside>[^()]+)\)")
_FREQUENCY_CONDITION_ONLY = re.compile(r"(if|when|unless|while|during|before|after)\b.*", re.IGNORECASE)
"""A bracket holding a condition: a label by it only when another label shares its head (:func:`group_labels`)."""
_FREQUENCY_OR_CONDITION = re.compile(
    r".*(\d[\d,.]*\s*(in|out of)\s*\d[\d,]*|\d\s*%|\b(people|patients|users)\b).*|(if|when|unless|while|during|before|after)\b.*",
    re.IGNORECASE,
)


def label_core(text: str) -> list[str]:
    """A label's words without a final colon or qualifier, ``n't`` as ``not`` (``Don’t:`` -> ``do not``)."""
    text = text.removesuffix(":").replace("’", "'")
    if qualified := _QUALIFIER.fullmatch(text):
        text = qualified.group("head")
    return re.sub(r"n't\b", " not", text.casefold()).split()


def is_parallel(a: str, b: str) -> bool:
    """Two labels in parallel form: the same with ``not`` (``Do`` / ``Don't``), or at
    another time (``Before surgery`` / ``After surgery``)."""
    x, y = sorted((label_core(a), label_core(b)), key=len)
    if not x or len(y) > 4 or any(c.isdigit() for c in a + b):
        return False
    if len(y) == len(x) + 1:
        return y == [*x, "not"] or y == ["not", *x]
    return len(x) == len(y) >= 2 and x[0] != y[0] and {x[0], y[0]} <= _WHEN_WORD and x[1:] == y[1:]


def label_strength(texts: Sequence[str]) -> list[int]:
    """How surely each line of a list labels a group: 2 by its own shape, 1 by its words, 0 not at all.

    Strong: a final colon (``Morning:``), a parenthesised frequency or condition
    (``Common (more than 1 in 10 people)``, ``(if you are over 65)``), a
    frequency category (``Rare``). Weak: a time of day (``Evening``), or a form
    another line shares (``Do`` / ``Don't``, ``Before surgery`` / ``After surgery``).
    """
    found = []
    for n, text in enumerate(texts):
        qualified = _QUALIFIER.fullmatch(text.removesuffix(":"))
        core = " ".join(label_core(text))
        if (text.endswith(":") and len(words(text)) <= 6) or _FREQUENCY_WORD.fullmatch(core) or (
            qualified and _FREQUENCY_OR_CONDITION.fullmatch(qualified.group("inside").strip())
        ):
            found.append(2)
        elif _TIME_OF_DAY.fullmatch(core) or any(is_parallel(text, other) for m, other in enumerate(texts) if m != n):
            found.append(1)
        else:
            found.append(0)
    return found


def group_labels(texts: Sequence[str]) -> tuple[int, ...]:
    """Indexes of the lines that label groups inside one flat list, or ``()``.

    ``Common (more than 1 in 10 people)`` / ``Dizziness`` / ``Sleepiness`` /
    ``Less common (up to 1 in 100 people)`` / ``Blurred vision``: read as one
    list, which effects are common is only clear from the order. A label is
    unlike its siblings (:func:`label_strength`). The labels must start the
    list, none may follow another, and the items must outnumber them; with a
    weak sign each needs two items. So a list whose first item is merely short
    (``Dizziness`` / ``Blurred vision in one eye``) or alternating phrases
    (``Before meals`` / ``With water`` / ``After meals`` / ``At bedtime``) stay one list.
    """
    strength = label_strength(texts)
    labels = tuple(n for n, sign in enumerate(strength) if sign)
    if len(labels) < 2 or labels[0] != 0 or len(texts) - len(labels) <= len(labels):
        return ()
    least = 1 if all(strength[n] == 2 for n in labels) else 2
    if any(b - a <= least for a, b in zip(labels, [*labels[1:], len(texts)])):
        return ()
    if any(t.endswith(".") or len(words(t)) > 8 for t in (texts[n] for n in labels)):
        return ()
    if any(_by_condition_only(texts[n]) and not _shares_a_head(texts[n], [texts[m] for m in labels if m != n]) for n in labels):
        return ()  # medicine names with conditions (``Aspirin (if you take it for pain)``) are items, not labels
    return labels


def _by_condition_only(text: str) -> bool:
    """A label only by its bracketed condition (``Lower dose (if your kidneys work less well)``)."""
    qualified = _QUALIFIER.fullmatch(text)
    return bool(qualified) and not text.endswith(":") and _FREQUENCY_CONDITION_ONLY.fullmatch(qualified.group("inside").strip()) is not None


def _shares_a_head(text: str, others: Sequence[str]) -> bool:
    """Whether another label's words share one with ``text``'s head (``Usual dose`` / ``Lower dose``)."""
    head = set(label_core(text)) - _SMALL_WORDS
    return any(head & (set(label_core(other)) - _SMALL_WORDS) for other in others)


def grouped(block: ListBlock) -> list[Block]:
    """A flat bullet list split at its group labels: each label a bold paragraph above its own list."""
    plain = not block.ordered and all(not item.parts for item in block.items)
    labels = group_labels([item.text for item in block.items]) if plain else ()
    if not labels:
        return [block]
    out: list[Block] = []
    for start, end in zip(labels, [*labels[1:], len(block.items)]):
        label, items = block.items[start], block.items[start + 1 : end]
        out += [Paragraph(label.text, label.line, strong=True), ListBlock(False, tuple(items), items[0].line)]
    return out


def list_number(line: Line) -> int:
    """The number of a numbered line (``3.`` -> 3)."""
    if circled := _CIRCLED_LINE.fullmatch(line.raw):
        return ord(circled.group(1)) - 0x2460 + 1
    match = _NUMBER_LINE.fullmatch(line.raw)
    return int(match.group(1)) if match else 0


def split_cells(row: str) -> list[str]:
    cells = [cell.strip() for cell in row.strip().split("|")]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def assign_levels(blocks: list[Block]) -> list[Block]:
    """``##`` by default, ``###`` where layout, numbering, adjacency or recurrence shows nesting."""
    headings = [b for b in blocks if isinstance(b, Heading)]
    deep_gap = _section_gap(headings)
    recurring = {text for text, n in Counter(h.text.casefold() for h in headings).items() if n >= 2}
    shapes = _section_shapes(blocks)
    result: list[Block] = []
    seen_unnumbered = in_faq = seen_card = False
    faq_gap = 0
    run: SubsectionRun | None = None
    for n, block in enumerate(blocks):
        if isinstance(block, Heading):
            # a question as far from the text above as the FAQ heading is the next section ("WHY CHOOSE US?")
            question = block.text.endswith("?") and not (faq_gap >= 2 and block.gap >= faq_gap)
            adjacent = bool(result and isinstance(result[-1], Heading) and result[-1].level == 2)
            label = block.text.casefold() in recurring
            nested = (
                (deep_gap is not None and result and block.gap < deep_gap)
                or (block.numbered and seen_unnumbered)
                or adjacent
                or (in_faq and question)
                or (label and seen_card)
                or (run is not None and run.continues(block, shapes[n]))
            )
            if adjacent and isinstance(result[-1], Heading):
                run = SubsectionRun(result[-1].gap, block, shapes[n])
            elif not nested:
                run = None
            seen_unnumbered = seen_unnumbered or not block.numbered
            seen_card = seen_card or not label
            in_faq = bool(_FAQ_HEADING.fullmatch(block.text)) or (in_faq and question)
            faq_gap = block.gap if _FAQ_HEADING.fullmatch(block.text) else faq_gap
            block = Heading(block.text, block.line, block.gap, 3 if nested else 2, block.numbered)
        result.append(block)
    return result


@dataclass(frozen=True, slots=True)
class SubsectionRun:
    """``###`` headings opened by a ``##`` heading with no text of its own (``Side Effects`` / ``Constipation``)."""

    parent_gap: int
    """Blank lines before the ``##`` heading."""
    first: Heading
    """Its first subheading."""
    shape: tuple[str, ...]
    """The kinds of the blocks under the first subheading."""

    def continues(self, heading: Heading, shape: tuple[str, ...]) -> bool:
        """True if ``heading`` is the first subheading's sibling (numbered like it).

        When the layout sets the ``##`` heading further apart than its first
        subheading, a heading as close as that subheading is a sibling and a
        wider one is the next section. Without such layout, a sibling must be
        a short label like the first (at most 3 words, no question) whose
        section starts with the same blocks (``Pelvic Tilt`` / a paragraph,
        ``Bridge`` / a paragraph; the last may go on with the article's closing
        paragraph), a parallel the next section rarely shares.
        """
        if heading.numbered != self.first.numbered:
            return False  # after "1. Better scaffolds" / "2. …", "Outlook" is the next section
        if self.parent_gap > self.first.gap:
            return heading.gap <= self.first.gap
        return _is_label(self.first.text) and _is_label(heading.text) and shape[: len(self.shape)] == self.shape


def _is_label(text: str) -> bool:
    return len(words(text)) <= 3 and not text.endswith("?")


def _section_shapes(blocks: list[Block]) -> list[tuple[str, ...]]:
    """For each heading, the kinds of the blocks up to the next heading (empty for other blocks)."""
    shapes: list[tuple[str, ...]] = []
    for n, block in enumerate(blocks):
        kinds: list[str] = []
        for after in blocks[n + 1 :] if isinstance(block, Heading) else ():
            if isinstance(after, Heading):
                break
            kinds.append(type(after).__name__)
        shapes.append(tuple(kinds))
    return shapes


def _section_gap(headings: list[Heading]) -> int | None:
    """The blank-line gap before top sections, if the article uses a wider one for them."""
    gaps = [h.gap for h in headings[1:]]
    if not gaps or max(gaps) < 2:
        return None
    widest = max(gaps)
    return widest if gaps.count(widest) * 2 >= len(gaps) and min(gaps) < widest else None


# --------------------------------------------------------------------------- Markdown


def escape_inline(text: str) -> str:
    """Escape what Python-Markdown or markdown-it-py would read as inline markup."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*\[\]{])", r"\\\1", text)
    text = re.sub(r"(?<![^\W_])_|_(?![^\W_])", r"\\_", text)
    text = re.sub(r"&(?=#|\w+;)", "&amp;", text)  # Python-Markdown reads "&#1" as a character reference
    return re.sub(r"<(?=\S)", "&lt;", text)


def escape_block(text: str) -> str:
    """:func:`escape_inline` plus what would start another block at the start of a line."""
    text = escape_inline(text)
    if re.match(r"[#>]|[-+](\s|$)|!!!", text) or re.fullmatch(r"(-\s*){3,}", text):
        return "\\" + text
    if text.startswith("~~~"):
        return "&#126;" + text[1:]
    return re.sub(r"^(\d+)([.)])(?=\s|$)", r"\1\\\2", text)


def render_item_text(item: Item) -> str:
    if item.style == "title":
        return f"**{escape_inline(item.text)}**"
    term = split_term(item.text, lowercase=True) if item.style == "term" else None
    if term:
        return f"**{escape_inline(term[0])}** {escape_inline(term[1])}"
    return escape_block(item.text)


def _needs_blank_lines(item: Item) -> bool:
    """A paragraph, or two lists in a row (separated by a comment), make the list loose."""
    pairs = zip(item.parts, item.parts[1:])
    return any(isinstance(p, str) for p in item.parts) or any(isinstance(a, ListBlock) and isinstance(b, ListBlock) for a, b in pairs)


def render_list(block: ListBlock, indent: str = "") -> list[str]:
    loose = any(_needs_blank_lines(item) for item in block.items)
    out: list[str] = []
    for n, item in enumerate(block.items, start=1):
        if loose and n > 1:
            out.append("")
        marker = f"{n}. " if block.ordered else "- "
        out.append(f"{indent}{marker}{render_item_text(item)}")
        for previous, part in zip((None, *item.parts), item.parts):
            if isinstance(part, str):
                out += ["", f"{indent}    {escape_block(part)}"]
                continue
            if isinstance(previous, ListBlock):
                out += ["", f"{indent}    <!-- -->"]
            out += ([""] if loose else []) + render_list(part, indent + "    ")
    return out


def render_table(table: Table) -> list[str]:
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(escape_inline(c).replace("|", "\\|") for c in cells) + " |"

    return [row(table.header), "|" + "|".join(" --- " for _ in table.header) + "|"] + [row(r) for r in table.rows]


def render_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        text = escape_inline(block.text)
        return ["#" * block.level + " " + (text[:-1] + "\\#" if text.endswith("#") else text)]
    if isinstance(block, Paragraph):
        return [f"**{escape_inline(block.text)}**" if block.strong else escape_block(block.text)]
    if isinstance(block, (Caption, Byline)):
        return [f"*{escape_inline(block.text)}*"]
    if isinstance(block, Table):
        return render_table(block)
    return render_list(block)


def render_body(blocks: list[Block]) -> str:
    chunks: list[str] = []
    for previous, block in zip([None, *blocks], blocks):
        if isinstance(block, ListBlock) and isinstance(previous, ListBlock):
            chunks.append("<!-- -->")
        chunks.append("\n".join(render_block(block)))
    return "\n\n".join(chunks) + "\n"


def render_front_matter(fields: dict[str, str]) -> str:
    yaml = YAML()
    yaml.width = 1_000_000
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump({key: DoubleQuotedScalarString(value) for key, value in fields.items()}, buffer)
    return f"---\n{buffer.getvalue()}---\n"


# --------------------------------------------------------------------------- one article


def take_title_line(lines: list[Line]) -> tuple[str | None, list[Line]]:
    """The article's own title: a first line that looks like a Title Case heading without slug."""
    if len(lines) < 2 or lines[0].kind != "text" or lines[1].kind == "slug":
        return None, lines
    first = lines[0].text
    one_phrase = re.sub(r"[?!](?=\s+[A-Z])", ",", first)  # "What Does It Cost? Insurance Explained"
    is_title = is_heading_shaped(one_phrase) and is_title_case(first) and first.lower() not in GENERIC_HEADINGS and not _TOC_TITLE.fullmatch(first)
    if is_title and not BlockParser(lines, path="")._try_flat_table(0):  # not a table's first header cell
        return first, without_repeated_title_line(lines[1:], first)
    return None, lines


def without_repeated_title_line(lines: list[Line], title: str) -> list[Line]:
    """The title printed again right under it as plain text (a profile page's name above its card) is the same h1."""
    again = lines[0] if lines else None
    heading = len(lines) > 1 and lines[1].kind == "slug"  # a repeated heading: drop_repeated_title's
    if again is not None and again.kind == "text" and again.text.casefold() == title.casefold() and not heading:
        return lines[1:]
    return lines


def drop_repeated_title(blocks: list[Block], title: str | None) -> list[Block]:
    """The site repeats the page title as the first heading; the front matter already holds it."""
    first = blocks[0] if blocks else None
    if title and isinstance(first, Heading) and first.text.casefold() == title.casefold():
        return blocks[1:]
    return blocks


def resolve_title(own: str | None, given: str | None, blocks: list[Block], *, path: str, fallback: str) -> tuple[str, list[Diagnostic]]:
    """Own title line, else the given title, else a guess from the first specific heading (warned)."""
    where = Location(path, 1)
    if own:
        if given and given != own:
            message = f"the article has its own title {own!r}; given title {given!r} not used"
            return own, [Diagnostic(where, message, "warning", "import-title-ignored")]
        return own, []
    if given:
        return given, []
    headings = (b.text for b in blocks if isinstance(b, Heading) and b.text.lower() not in GENERIC_HEADINGS)
    guess = next(headings, fallback)
    message = f"no title line, --title or manifest entry; guessed {guess!r}"
    return guess, [Diagnostic(where, message, "warning", "import-title-guessed")]


def convert(
    text: str,
    *,
    source: str,
    path: str,
    lang: str,
    title: str | None = None,
    slug: str | None = None,
) -> Converted:
    """Turn one raw article's text into a Markdown source (pure: no I/O).

    ``source`` is the raw file's name (front matter), ``path`` how diagnostics name it.
    """
    own_title, lines = take_title_line(tokenize(text))
    parser = BlockParser(lines, path=path)
    blocks = drop_repeated_title(parser.parse(), own_title)
    final_title, notes = resolve_title(own_title, title, blocks, path=path, fallback=Path(source).stem)
    if not (own_title or title):
        blocks = drop_repeated_title(blocks, final_title)  # the title was guessed from this heading: one h1, not h1 + h2
    blocks = assign_levels(blocks)
    final_slug = slug or slugify(final_title) or slugify(Path(source).stem) or "article"
    description = next((escape_block(b.text) for b in blocks if isinstance(b, Paragraph) and not b.strong), "")
    fields = {"title": final_title, "description": description, "slug": final_slug, "source": source, "lang": lang}
    if not description:
        del fields["description"]
    markdown = render_front_matter(fields) + "\n" + render_body(blocks)
    diagnostics = sorted([*parser.diagnostics, *notes, *footer_kept_warnings(text, path=path)], key=lambda d: d.location.line or 0)
    return Converted(final_title, final_slug, description, markdown, tuple(diagnostics))


# --------------------------------------------------------------------------- manifest


def load_manifest(path: Path) -> dict[str, ManifestEntry]:
    """``sources/manifest.yaml``: raw file name -> ``{title, slug}``; every problem reported."""
    text = read_text(path)
    try:
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"invalid YAML: {exc.problem or exc.context}", Location(str(path), line)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("manifest must map raw file names to {title, slug}", Location(str(path), 1))
    errors = ErrorList()
    entries = {str(name): _manifest_entry(path, data, name, errors) for name in data}
    errors.raise_if_any()
    return entries


def _manifest_entry(path: Path, data: dict, name: object, errors: ErrorList) -> ManifestEntry:
    line = data.lc.key(name)[0] + 1 if hasattr(data, "lc") else None
    value = data[name]
    where = Location(str(path), line)
    if not isinstance(value, dict):
        errors.add(f"{name}: expected a mapping with 'title' and/or 'slug'", where)
        return ManifestEntry()
    for key in value:
        if key not in ("title", "slug"):
            errors.add(f"{name}.{key}: unknown key (expected 'title' or 'slug')", where)
    title, slug = value.get("title"), value.get("slug")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        errors.add(f"{name}.title: expected a non-empty string", where)
        title = None
    if slug is not None and (not isinstance(slug, str) or not SLUG_RE.fullmatch(slug)):
        errors.add(f"{name}.slug: {slug!r} is not a slug (lowercase a-z, 0-9 and single '-')", where)
        slug = None
    return ManifestEntry(title.strip() if title else None, slug)


# --------------------------------------------------------------------------- command


def import_articles(
    paths: Sequence[Path],
    *,
    out_dir: Path,
    titles: Sequence[str] | None = None,
    manifest: Path | None = None,
    lang: str = "en",
) -> ImportResult:
    """Convert every raw article, then write ``out_dir/<slug>.md`` for each.

    Nothing is written unless every input converts: all errors are reported
    together first.
    """
    if titles and len(titles) != len(paths):
        raise InputError(f"--title given {len(titles)} times for {len(paths)} input files; give one per input, in order")
    code = get_language(lang).code
    entries = load_manifest(manifest) if manifest else {}
    errors = ErrorList()
    converted: list[Converted] = []
    for n, path in enumerate(paths):
        entry = entries.get(path.name, ManifestEntry())
        title = titles[n] if titles else entry.title
        try:
            text = read_raw(path)
            converted.append(convert(text, source=path.name, path=str(path), lang=code, title=title, slug=entry.slug))
        except PipelineError as exc:
            errors.errors.append(exc)
    errors.raise_if_any()
    _check_unique_slugs(paths, converted)
    result = ImportResult()
    for article in converted:
        target = out_dir / f"{article.slug}.md"
        write_text_atomic(target, article.markdown)
        result.written.append(target)
        result.diagnostics.extend(article.diagnostics)
    return result


def _check_unique_slugs(paths: Sequence[Path], converted: Sequence[Converted]) -> None:
    counts = Counter(article.slug for article in converted)
    errors = ErrorList()
    for path, article in zip(paths, converted):
        if counts[article.slug] > 1:
            errors.add(f"slug {article.slug!r} is used by another input too; give distinct slugs in the manifest", Location(str(path)))
    errors.raise_if_any()
