"""Telling page clutter from article text.

Boilerplate is marked with a short reason and never deleted: the reader dims it, hides it on
request, and keeps it out of alignment. The rules are deliberately conservative (a real sentence
marked as clutter would vanish from the comparison), so each one needs a strong signal: a known
phrase at the start of a line, a notice addressed to the site's visitor, a line of file names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tui.corpus.clutter_context import mark_by_context
from tui.corpus.page_clutter import label_after_date, line_rule
from tui.corpus.text import ends_sentence, without_store_date

_I = re.IGNORECASE

# (reason, pattern) pairs tried on each paragraph and each sentence; first match wins.
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "cookie notice",
        re.compile(
            r"\bcookies?\b.*\b(our|this) (site|website)\b|\b(our|this) (site|website)\b.*\bcookies?\b"
            r"|\bwe use cookies\b|\bcookie (settings|preferences|policy)\b|\baccept (all )?cookies\b",
            _I,
        ),
    ),
    (
        "legal notice",
        re.compile(
            r"\ball rights reserved\b|^\W*(privacy policy|terms of (use|service)|cookie policy|imprint"
            r"|legal notice|disclaimer)\W*$",
            _I,
        ),
    ),
    ("copyright line", re.compile(r"^\W*(copyright\b|©|\(c\)\s*\d{4})|©\s*\d{4}", _I)),
    (
        "ad marker",
        re.compile(
            r"^\W*(advertisement|advertisment|advertising|advert|ad|sponsored( content| by)?|promoted"
            r"|(story|article) continue[sd]? below"
            r"( advertisement| slideshow| video| (the )?(photos?|gallery))?"
            r"|continue reading below)\W*$",
            _I,
        ),
    ),
    (
        "teaser",
        re.compile(
            r"^\W*(also read|read also|read more|more on this|related( stories| articles)?|see also"
            r"|watch|listen|recommended|most read|trending( now)?|you may also like|don'?t miss)"
            r"\s*[:|–—-]",
            _I,
        ),
    ),
    ("teaser", re.compile(r"^\W*more (from|on|stories from) [\w .’'-]{1,40}$", _I)),
    # A box of another site's stories by its heading: "More space news from Valley TV Science".
    ("teaser", re.compile(r"^\W*more ([\w'’-]+ ){1,2}(news|stories|headlines) from\b.{1,100}$", _I)),
    # A box's heading alone: "The Latest" (AP's "The Latest: ..." is a headline; "Latest news" is
    # a related link, ``page_clutter``).
    ("teaser", re.compile(r"^\W*(the )?latest\W*$", _I)),
    # A blog's list of other posts: "Popular posts from this blog", "Related Posts Plugin for ...".
    ("teaser", re.compile(r"^\W*(popular|recent|related|similar) posts\b", _I)),
    # A box's heading: "Latest related coverage", "Other related coverage".
    (
        "teaser",
        re.compile(r"^\W*(latest|other) related (coverage|stories|articles|news)\W*$", _I),
    ),
    # A box of facts about a country beside the story, its bullets following: "Tunisia Country Profile".
    ("teaser", re.compile(r"^\W*([A-Z][\w'’ -]{1,30} )?country profile\W*$", _I)),
    (
        "social prompt",
        re.compile(
            r"^\W*(follow us|like us on|find us on|join us on|share (this|on)|subscribe (to|for|now)"
            r"|sign up (for|to)|download (our|the) app|click here|tap here)\b"
            r"|^\W*(connect with us|get the [\w ]{1,30} app)\W*$",
            _I,
        ),
    ),
    (
        "photo credit",
        re.compile(
            # Labels in any case ("Photo:", "FILE PHOTO:"); agency names only in their own case.
            r"(?i:^\W*(file photo|photo|picture|image|caption|credit|cover)\s*(\(|:|/))"
            r"|\b(REUTERS|AFP|AP|EPA|CFP|UPI|Getty Images|Xinhua|Shutterstock|ANP)\s*/\s*[A-Z]"
            r"|/\s*(CFP|AFP|Reuters|REUTERS|Getty Images|EPA|AP)\s*\)?\W*$",
        ),
    ),
    (
        # Provenance ("With input from Reuters"): not article prose, but not clutter either; the
        # reader names it as the source credit it is.
        "source credit",
        re.compile(
            r"^\W*(with (input|inputs|reporting) from|reporting by|editing by|writing by"
            r"|compiled by|additional reporting by)\b",
            _I,
        ),
    ),
    (
        "site navigation",
        re.compile(
            r"^\W*(sitemap|site map|menu|home|skip to (main )?content|back to top|log ?in|sign in"
            r"|newsletters?|search|share|print|e-?mail|top stories)\W*$",
            _I,
        ),
    ),
]

# A photo or screenshot file name left in the page: camera/agency ids, image extensions.
_FILE_NAME_RE = re.compile(
    r"\d{8}T\d{6}Z|\bRC[0-9A-Z]{10}\b|\.(jpe?g|png|gif|webp|avif|svg|tiff?|bmp)\b|^Screenshot \d{4}\b"
    r"|\bscaled$|^(IMG|DSC|DSCN|PXL)[_ -]?\d{3,}",
    _I,
)
_PHONE_RE = re.compile(r"\d{3,}[-\s]\d{4,}")
_BYLINE_RE = re.compile(
    r"^(by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}|(published|updated|last updated)\b.*\d)$", _I
)

# After "More from ...", headlines and section labels follow until real prose resumes.
_BLOCK_OPENERS = re.compile(
    r"^\W*(more (from|on|stories)|((latest|other) )?related|recommended|most read|trending"
    r"|([\w'’ -]{1,30} )?country profile"
    r"|(popular|recent|similar) posts)\b",
    _I,
)
# "The Latest" opens a box only with its list right under it: over a page's header, "Latest News:"
# stands alone, and the headline comes after a blank line.
_LIST_OPENERS = re.compile(r"^\W*(the )?latest\b", _I)
_PROSE_WORDS = 25
_HEADER_STAMPS = frozenset({"timestamp", "byline"})
_PROSE_PIECE_WORDS = 7


def _line_rule(line: str, repeated: bool) -> str | None:
    """A reason from the shape of a whole paragraph, or None."""
    stripped = without_store_date(line.strip())
    words = stripped.split()
    if not words:
        return None
    ends = ends_sentence(stripped)
    if not ends and len(words) <= 20 and _FILE_NAME_RE.search(stripped):
        return "photo file name"
    if len(words) <= 12 and not ends and _PHONE_RE.search(stripped):
        return "footer contact line"
    if len(words) <= 8 and _BYLINE_RE.match(stripped):
        return "byline"
    # A line a page repeats (a section label) is chrome; a repeated headline is still the headline.
    if repeated and len(words) <= 3 and not ends:
        return "repeated page chrome"
    found = line_rule(stripped)
    if found is None:
        # A date glued before a label ("June 15, 2022 Advertisement") names the label's kind.
        label = label_after_date(stripped)
        found = match_rule(label) if label else None
    return found


# Keyword prefilters for the costly rules (a few microseconds each on a prose line, tried on every
# line and sentence: 8 s of a 20 MB file). Every match of the rule contains one of these strings
# (lower-cased), so a line with none of them is skipped: the same reasons, far fewer searches.
_NEEDS: dict[str, tuple[str, ...]] = {
    "cookie notice": ("cookie",),
    "legal notice": ("reserved", "privacy", "terms of", "cookie", "imprint", "legal", "disclaimer"),
    "copyright line": ("copyright", "©", "(c)"),
    "photo credit": ("(", ":", "/"),
}


_FILTERED_RULES = [(reason, pattern, _NEEDS.get(reason)) for reason, pattern in _RULES]


def match_rule(text: str) -> str | None:
    """The boilerplate reason for one sentence or paragraph by its wording, or None."""
    lowered = text.lower()
    for reason, pattern, needs in _FILTERED_RULES:
        if needs is not None and not any(map(lowered.__contains__, needs)):
            continue
        if pattern.search(text):
            return reason
    return None


def _sentence_rule(sentence: str) -> str | None:
    """A reason for one sentence of a paragraph that no rule marked as a whole.

    A sentence can run over a line break (the next line began in lower case): "[Photo/Agency] |"
    then "key points: the quake struck at ...". It is clutter when every line of it is, and
    content when one of its lines is prose, whatever the first line looks like.
    """
    if "\n" in sentence:
        pieces = [piece.strip() for piece in sentence.split("\n") if piece.strip()]
        reasons = [match_rule(piece) or line_rule(piece) for piece in pieces]
        if all(reasons):
            return reasons[0]
        if any(
            reason is None and len(piece.split()) >= _PROSE_PIECE_WORDS
            for reason, piece in zip(reasons, pieces, strict=True)
        ):
            return None
    sentence = without_store_date(sentence)
    return match_rule(sentence) or line_rule(sentence)


def classify(
    paragraphs: Sequence[str], sentences_by_paragraph: Sequence[Sequence[str]]
) -> list[list[str | None]]:
    """A reason (or None) for every sentence, grouped like ``sentences_by_paragraph``.

    ``paragraphs`` are the article's lines once broken lines are joined.
    """
    lines = [p.strip() for p in paragraphs]
    counts = Counter(line for line in lines if line)
    # The rules are functions of the text alone, and a page repeats lines (a 20 MB dump its
    # paragraphs): each distinct line and sentence is tried once.
    by_line: dict[str, str | None] = {}
    by_sentence: dict[str, str | None] = {}
    line_reasons: list[str | None] = []
    in_teaser_block = False
    # On a page that puts a blank line between its paragraphs, lines that follow each other are a
    # list: a box's teasers stay in the box even when each is a long sentence.
    filled = [i for i, line in enumerate(lines) if line]
    spaced = sum(not lines[i + 1] for i in filled if i + 1 < len(lines)) * 2 > len(filled)
    for index, stripped in enumerate(lines):
        if in_teaser_block and not (spaced and index > 0 and lines[index - 1]):
            # Long prose ends the box, unless it is a list item (no blank line above it).
            in_teaser_block = not (ends_sentence(stripped) and len(stripped.split()) >= _PROSE_WORDS)
        if stripped in by_line:
            reason = by_line[stripped]
        else:
            shown = without_store_date(stripped)
            reason = by_line[stripped] = match_rule(shown) or _line_rule(shown, counts[stripped] > 1)
        if reason in _HEADER_STAMPS:
            in_teaser_block = False  # a story's own date or byline: its text follows, not the box's
        if reason is None and in_teaser_block and stripped:
            reason = "teaser block"
        if reason == "teaser" and (
            _BLOCK_OPENERS.match(stripped)
            or (_LIST_OPENERS.match(stripped) and index + 1 < len(lines) and lines[index + 1])
        ):
            in_teaser_block = True
        line_reasons.append(reason)

    def sentence_rule(sentence: str) -> str | None:
        if sentence in by_sentence:
            return by_sentence[sentence]
        found = by_sentence[sentence] = _sentence_rule(sentence)
        return found

    reasons: list[list[str | None]] = [
        [reason] * len(sentences)
        if reason is not None
        # A paragraph that is one sentence was just tried by the same rules as a line (and
        # ``_line_rule`` ends with ``line_rule``): nothing matched, so nothing will.
        else [None if s == line else sentence_rule(s) for s in sentences]
        for reason, sentences, line in zip(line_reasons, sentences_by_paragraph, lines, strict=True)
    ]
    mark_by_context(lines, sentences_by_paragraph, reasons)
    return reasons


# Site furniture: a short line that several sources carry word for word ("Breaking News") is the
# page's, not the story's. Headlines are longer, and wire copy ends its sentences; a short wire
# headline two sites print ("Egyptians celebrate Morsi's ouster") says something in lower case.
FURNITURE_MAX_WORDS = 4


def repeated_across_sources(lines_by_source: Sequence[Sequence[str]]) -> set[str]:
    """Short lines without a sentence end that two or more sources carry word for word."""
    seen: Counter[str] = Counter()
    for lines in lines_by_source:
        seen.update(
            {
                line.strip()
                for line in lines
                if 0 < len(line.split()) <= FURNITURE_MAX_WORDS
                and not ends_sentence(line.strip())
                and not any(ch.isdigit() for ch in line)
                and sum(word[:1].islower() for word in line.split()[1:]) < 2
            }
        )
    return {line for line, count in seen.items() if count >= 2}
