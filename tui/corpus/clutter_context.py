"""Clutter told by where a line sits: its neighbours, its place on the page, its repeats.

``boilerplate.classify`` first gives each line and sentence a reason from its own wording and shape;
these rules then look around. Each needs two signals, one of them structural: a caption is a line
that ends with a photo credit, or a sentence the page repeats next to a credit; a masthead is a
short brand line above the headline; an author's bio starts with the name of a byline line. The
headline (the first line of four words or more that is not clutter and ends no sentence) is never
touched, and a rule that could catch a sentence asks for more than its shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.corpus.clutter_bounds import (
    agency_credited_above_the_story,
    around_the_article,
    box_after_a_closing_note,
    breadcrumb_over_headline,
    headline_printed_twice,
    other_script_labels,
    repeated_captions,
    repeats_on_page,
    teasers,
    title_with_hashtags,
)
from tui.corpus.clutter_boxes import CAPTION_MAX_WORDS, bulleted_labels, labelled_captions, sidebars
from tui.corpus.clutter_page import CAPTIONS, CREDITS, Page, Reasons, clutter, mark
from tui.corpus.clutter_readers import readers_corner
from tui.corpus.page_clutter import NOT_IN_NAMES, line_rule
from tui.corpus.text import ends_sentence

# Lines that sit under a headline: who wrote it, when, with what picture.
_HEADER_REASONS = {"byline", "timestamp", "photo credit", "name line"}

# A credit at the end of a caption line: "(Jane Doe/Agency)", "(Agency courtesy of Jane Doe)";
# not a headline's note of what it holds, "(PHOTOS)", "(video)".
_CREDIT_TAIL_RE = re.compile(
    r"\((?!(\s*(photos?|pictures?|videos?|gallery|slideshow)\s*[,&+/]?)+\))"
    r"(?=[^()]{0,120}(/|\bphoto|\bcourtesy\b|\bgetty\b|\bcredit\b|\bimage\b|\bprovided by\b|\bwikimedia\b))"
    r"(?=[^()]{0,120}[A-Z][a-z])[^()]{2,120}\)"
    r"(\s*\|\s*\w[\w ]{0,24})*\s*$",
    re.IGNORECASE,
)
_LONG_CAPTION_WORDS = 160

# A masthead: a short line of a news brand ("Daily Herald", "CBCnews", "Wiki News en").
_BRAND_RE = re.compile(
    r"(news|times|post|daily|herald|tribune|journal|gazette|telegraph|chronicle|online|wiki|today"
    r"|review|observer|guardian|express|mail|press|wire|magazine|media|radio|tv|edition)\b",
    re.IGNORECASE,
)
# Words only a brand line has, so that it needs no clutter line below it ("Press", "Review" and
# "Today" start headlines too).
_STRONG_BRAND_RE = re.compile(
    r"(news|daily|herald|tribune|journal|gazette|telegraph|chronicle|online|wiki|edition)\b", re.IGNORECASE
)
_MASTHEAD_WORD_RE = re.compile(r"^([A-Z0-9][\w.&'’-]*|[a-z]{1,2})$")

_NAME_ONLY_RE = re.compile(r"^[A-Z][\w.'’&-]*( [A-Z(][\w.'’&()-]*){1,2}$")
_NAME_RE = re.compile(r"^[A-Z][\w'’-]+( [A-Z][\w.'’-]*){1,3}$")
_BIO_START_RE = re.compile(
    r"^([A-Z][\w'’-]+(?: [A-Z][\w.'’-]*){1,3}) (is|was|has been|covers|writes|reports)\b"
)
_BIO_PRONOUN_RE = re.compile(r"^\W*(she|he|they|her|his|their)\b", re.IGNORECASE)

# Lines near the top where the header's captions can sit.
_HEADER_LINES = 12
_CAPITAL_LINK_WORDS = 6
_TITLE_BAR_RE = re.compile(r"\s*\||\s+[-–—]+(\s|$)")  # "Headline | Site", "Headline - - Site"
_TITLE_SITE_WORDS = 12
# A share bar's label glued before the headline it shares: "SHARE Mayor Quits Over Flood".
_SHARE_LABEL_RE = re.compile(r"^(SHARE|Share|TWEET|Tweet|E-?MAIL|E-?mail|PRINT|Print)\s+")
_STAMPS = {"timestamp", "byline"}
_STAMP_WORDS = {"on", "at", "by"}


def _captions_and_names(page: Page) -> None:
    """A line that ends no sentence right above a credit (or below a picture) is its caption; a
    line that is only a name or an outlet, below the first line, is a byline ("Jane Doe",
    "Daily Post (Accra)"; one word alone may be a section heading, so two to three)."""
    first_line = page.lines[page.filled[0]].strip() if page.filled else ""
    for index in page.filled:
        line = page.lines[index]
        if clutter(page.reasons[index]) or page.ends[index]:
            continue
        after = page.reason_at(page.neighbour(index, 1))
        before = page.reason_at(page.neighbour(index, -1))
        # The headline stays, and so does a copy of the page's first line over the picture.
        pictured = after in CREDITS or before == "photo placeholder"
        first_copy = index != page.filled[0] and line.strip() == first_line
        if pictured and index != page.headline and not first_copy:
            mark(page.reasons[index], "photo caption")
        elif (
            index != page.filled[0]
            and _name_only(line)
            and _placed_like_a_name(page, index, before, after)
            and not _untitled_page_title(page, index)
        ):
            mark(page.reasons[index], "name line")


def _untitled_page_title(page: Page, index: int) -> bool:
    """The first line of text above the body of a page with no longer title is the page's title,
    however short: "Sad News" under a blog post's date (a byline sits under a title)."""
    if page.headline >= 0 and page.headline < page.body:
        return False
    first = next((i for i in page.filled if not clutter(page.reasons[i])), -1)
    return index == first and index < page.body


def _placed_like_a_name(page: Page, index: int, before: str | None, after: str | None) -> bool:
    """Bylines sit in the header or after the text; in the body, a name alone is a pull quote's
    speaker (in a run of short lines, or beside clutter), while a lone capitalised line between
    paragraphs is a crosshead ("Rescue Crews Return")."""
    if index < page.body or index > page.tail or before or after:
        return True
    following = page.neighbour(index, 1)
    if following is not None and page.lines[following].startswith(page.lines[index] + " "):
        return True  # the author's bio follows: "Jane Doe" / "Jane Doe is a reporter ..."
    return any(
        0 <= near < len(page.lines) and page.lines[near] and not page.ends[near]
        for near in (index - 1, index + 1)
    )


def _physical_lines(group: Sequence[str]) -> list[tuple[str, list[int]]]:
    """The lines of the file within one paragraph (broken lines were joined), each with the
    sentences that lie wholly on it."""
    found: list[tuple[str, list[int]]] = []
    text: list[str] = []
    members: list[int] = []
    for position, sentence in enumerate(group):
        pieces = sentence.split("\n")
        text.append(pieces[0])
        if len(pieces) == 1:
            members.append(position)
            continue
        found.append((" ".join(text).strip(), members))
        text, members = [pieces[-1]], []
    found.append((" ".join(text).strip(), members))
    return found


def _name_only(line: str) -> bool:
    """A name or an outlet alone: capitalised words, no digits, and (unless in capitals, as a
    kicker is) none of the small words a title-case crosshead is made with."""
    if not _NAME_ONLY_RE.match(line) or any(c.isdigit() for c in line):
        return False
    return line.isupper() or not any(word.lower() in NOT_IN_NAMES for word in line.split())


def _credit_captions(page: Page) -> None:
    """A line that ends with a photo credit is a caption, all of it: "Rescuers dig. (Jane Doe/AP)"."""
    for index in page.filled:
        reasons, line = page.reasons[index], page.lines[index]
        if clutter(reasons):
            continue
        credited = (
            reasons[-1] in CREDITS or _credit_tail(line) or agency_credited_above_the_story(page, index)
        )
        # A wire caption may run long ("..., July 10, 2017. They were among ... (AP Photo/Jo Lee)"):
        # it opens as a caption and ends with a credit, two signals for one paragraph.
        opens = reasons[0] in CAPTIONS and page.words[index] <= _LONG_CAPTION_WORDS
        if credited and (page.words[index] <= CAPTION_MAX_WORDS or opens):
            mark(reasons, "photo caption")
        elif any("\n" in sentence for sentence in page.sentences[index]):
            for text, members in _physical_lines(page.sentences[index])[:-1]:
                if members and len(text.split()) <= CAPTION_MAX_WORDS and _credit_end(text):
                    for member in members:
                        reasons[member] = reasons[member] or "photo caption"


# What follows a caption: a credit, another caption, or the photographer's name (a line the
# gallery repeats under every picture).
_UNDER_A_CAPTION = CAPTIONS | {"name line", "byline", "repeated page chrome"}


def _caption_paragraphs(page: Page) -> None:
    """A paragraph that opens with a caption by its shape ("Flames consume a shed near Alden, on
    Sunday, July 9, 2017.") and is followed by a credit, another caption or a name is the caption,
    all of it: AP's captions run on with a sentence of the story ("Winds drove the fire ..."). Other
    clutter after it ("Advertisement") says nothing: a story sentence may end with a date too."""
    for index in page.filled:
        reasons = page.reasons[index]
        if reasons[0] != "photo caption" or clutter(reasons) or page.words[index] > CAPTION_MAX_WORDS:
            continue
        after = page.neighbour(index, 1)
        if after is not None and page.reasons[after] and page.reasons[after][0] in _UNDER_A_CAPTION:
            mark(reasons, "photo caption")


def _credit_tail(line: str) -> bool:
    """Whether a line ends with a credit in brackets (looked for only if a bracket closes near the end)."""
    return ")" in line[-40:] and bool(_CREDIT_TAIL_RE.search(line))


def _credit_end(text: str) -> bool:
    """Whether a line ends with a photo credit (its last sentence-like piece is one)."""
    tail = text.rsplit(". ", 1)[-1]
    return line_rule(tail) in CREDITS or _credit_tail(text)


def _sandwiched(page: Page) -> None:
    """A short line that ends no sentence, between two clutter lines, is clutter too. In the body
    one of them must be a picture's or a name's (a crosshead may sit between an advert and a link
    box; a caption sits between a picture's lines)."""
    for index in page.filled:
        if not page.open(index) or page.ends[index] or page.words[index] > 25:
            continue
        before = page.reason_at(page.neighbour(index, -1))
        after = page.reason_at(page.neighbour(index, 1))
        if index > page.body and not {before, after} & (CAPTIONS | _HEADER_REASONS):
            continue
        if after in _STAMPS and before in _STAMPS and page.words[index] >= 2:
            continue  # a headline between its date and its byline ("Then again —", a blog's title)
        if index > page.body and after in _STAMPS and page.words[index] >= 2:
            continue  # a listed story's headline above its date or byline
        if before and after:
            caption = before in CAPTIONS or after in CAPTIONS
            mark(page.reasons[index], "photo caption" if caption else "page furniture")


def _header_caption(page: Page) -> None:
    """Under the headline, a line that ends no sentence between a sentence and a byline or date
    is the picture's caption: "Rescuers search the rubble in Cebu" / "By Jane Doe". (A line
    ending with a colon introduces what follows, a video or a quotation: it is the story's.)"""
    for index in page.filled[:_HEADER_LINES]:
        if not page.open(index) or index < page.headline or page.ends[index]:
            continue
        if page.lines[index].rstrip().endswith(":"):
            continue
        before, after = page.neighbour(index, -1), page.neighbour(index, 1)
        if before is None or not page.ends[before] or page.reason_at(before):
            continue
        if page.reason_at(after) in _HEADER_REASONS:
            mark(page.reasons[index], "photo caption")


def _mastheads(page: Page) -> None:
    """Above the headline, a short line naming a news brand is the site's masthead."""
    for index in page.filled[:_HEADER_LINES]:
        if index >= page.body:
            break
        line = page.lines[index]
        group = page.sentences[index]
        if len(group) == 1 and "\n" in group[0]:
            # A brand line the file ran into the next one: "Example News" / "watch Live TV".
            line, *rest = (piece.strip() for piece in group[0].split("\n"))
            if not all(line_rule(piece) for piece in rest):
                continue
        words = line.split()
        if clutter(page.reasons[index]) or len(words) > 4 or ends_sentence(line):
            continue
        if not _BRAND_RE.search(line) or not all(_MASTHEAD_WORD_RE.match(w) for w in words):
            continue
        # Only when a headline follows: the brand line then is not the page's only title.
        later = [
            i for i in page.filled[:_HEADER_LINES] if index < i < page.body and not clutter(page.reasons[i])
        ]
        below = page.reason_at(page.neighbour(index, 1))
        if not below and not _STRONG_BRAND_RE.search(line):
            continue
        if any(not page.ends[i] and page.words[i] >= 4 for i in later):
            mark(page.reasons[index], "masthead")
            if index == page.headline:
                page.headline = next((i for i in later if not page.ends[i]), -1)


def _labels(page: Page) -> None:
    """A label line belongs to what it labels: "Sources:" / "Agency", "Asia" / "More from Asia"."""
    for index in page.filled:
        if not page.open(index) or page.ends[index] or page.words[index] > 3:
            continue
        before, after = page.neighbour(index, -1), page.neighbour(index, 1)
        label = page.reason_at(before)
        if label and before is not None and page.lines[before].endswith(":"):
            mark(page.reasons[index], label)
        elif label in _STAMPS and page.lines[index].lower() in _STAMP_WORDS and page.words[before or 0] <= 2:
            mark(page.reasons[index], label)  # "Published" / "on": a stamp whose date the page left out
        elif page.reason_at(after) == "related link" and after == index + 1:
            mark(page.reasons[index], "related link")


def _page_title(page: Page) -> None:
    """A line "Headline | Site" (or "Headline - Site", "Headline | its keywords") whose headline
    the page also shows alone is the browser's title."""
    alone = {line.strip() for line in page.lines} - {""}
    for index in page.filled:
        line = page.lines[index]
        if clutter(page.reasons[index]) or page.ends[index]:
            continue
        label = _SHARE_LABEL_RE.match(line)
        if label and line[label.end() :].strip() in alone:
            mark(page.reasons[index], "share buttons")
            continue
        for bar in _TITLE_BAR_RE.finditer(line):
            title, site = line[: bar.start()].strip(), line[bar.end() :]
            if title in alone and title != line.strip() and len(site.split()) <= _TITLE_SITE_WORDS:
                mark(page.reasons[index], "page title")
                break


def _author_bio(page: Page) -> None:
    """Right under a byline line with a name, a paragraph that starts with that name is the
    author's bio, and so are the paragraphs after it that start with a pronoun. (Only right
    under: a person of the story named alone, a pull quote's speaker, is described in the body.)"""
    for rank, index in enumerate(page.filled[:-1]):
        name = page.lines[index]
        if not clutter(page.reasons[index]) or not _NAME_RE.match(name):
            continue
        first = page.filled[rank + 1]
        start = _BIO_START_RE.match(page.lines[first])
        if not start or start.group(1) != name:
            continue
        for member in page.filled[rank + 1 :]:  # rare: only under a name its bio starts with
            if member != first and not _BIO_PRONOUN_RE.match(page.lines[member]):
                break
            if page.open(member):
                mark(page.reasons[member], "author bio")


def _capital_links(page: Page) -> None:
    """Between two paragraphs of prose, a long line all in capitals that ends no sentence is a
    link to another story ("FLOODWATERS CLOSE THE RIVER ROAD FOR A SECOND WEEK"); a crosshead in
    capitals is short."""
    for index in page.filled:
        # Below the first paragraph, so never the headline (even one taken for it on a page whose
        # title is missing).
        if not page.body < index < page.tail or clutter(page.reasons[index]) or page.ends[index]:
            continue
        line = page.lines[index]
        if page.words[index] < _CAPITAL_LINK_WORDS or not line.isupper():
            continue
        around = [page.neighbour(index, step) for step in (-1, 1)]
        # A page all in capitals (a wire bulletin, a weather warning) has no prose to stand out of.
        if all(n is not None and not page.lines[n].isupper() for n in around):
            mark(page.reasons[index], "related link")


def mark_by_context(lines: Sequence[str], sentences: Sequence[Sequence[str]], reasons: Reasons) -> None:
    """Add reasons (in place) to lines that their surroundings show to be clutter."""
    page = Page(lines, sentences, reasons)
    breadcrumb_over_headline(page)
    _captions_and_names(page)
    _page_title(page)
    page.find_headline()
    teasers(page)
    _credit_captions(page)
    _caption_paragraphs(page)
    labelled_captions(page)
    bulleted_labels(page)
    page.find_headline()  # a caption over the headline, taken for it until now, is marked
    _mastheads(page)
    repeated_captions(page)
    _labels(page)
    _sandwiched(page)
    _header_caption(page)
    _author_bio(page)
    readers_corner(page)
    _capital_links(page)
    sidebars(page)
    repeats_on_page(page)
    around_the_article(page)
    box_after_a_closing_note(page)
    headline_printed_twice(page)
    title_with_hashtags(page)
    other_script_labels(page)
