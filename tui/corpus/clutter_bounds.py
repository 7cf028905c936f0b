"""Clutter told by the article's bounds on the page: what the page prints again and again, and the
short labels above the headline and after the last paragraph (a page's sections, links, paywall
and teasers), which no article sentence is."""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice, pairwise

from tui.corpus.clutter_page import CAPTIONS, Page, clutter, mark
from tui.corpus.page_clutter import line_rule
from tui.corpus.text import without_store_date

_ARTICLE_OVER = {"paywall", "related link", "share buttons", "newsletter appeal", "navigation", "advert"}
_LEADING_MARKS_RE = re.compile(r"^[\s•·*>|-]+")
TEASER_WORDS = 14  # a headline in a box of other stories
TEASER_RUN = 4  # so many headlines after the last paragraph, and nothing else: the box
_FULL_STOPS = (".", '."', ".”", ".'", ".’")
_CRUMB_LINES = 6  # a breadcrumb sits at the top of the page
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_STRAIGHT = str.maketrans("‘’“”", "''\"\"")
# Words that attribute a statement in the past tense, or report it in the present perfect ("has been
# charged", "have been found"): a story's sentence (a caption, written in the present tense, may
# say "X says he will step down").
_REPORTED_RE = re.compile(r"\b(said|told|reported|according to|(has|have) been)\b")
_STORY_SENTENCES = 4
_TITLE_MIN_WORDS = 4
_EMBED_LINK_RE = re.compile(r"t\.co/|pic\.twitter|<blockquote|https?://")
_OPENING_QUOTES = ("“", '"', "‘")
# An agency's credit alone in brackets: "(AP)", "(AP file)", "(Reuters/Getty Images)".
# Not a note on the story ("(Updated)", "(Video)").
_BRACKET_CREDIT_RE = re.compile(
    r"^\((?!(?i:updated?|updates|corrected|corrects|video|photos?|live|watch|listen|audio|graphic"
    r"|analysis|opinion|exclusive|breaking|developing)\))[A-Z][\w./&' -]{0,30}\)$"
)


def repeats_on_page(page: Page) -> None:
    """A line the page prints three times (a caption under a gallery, a teaser list shown twice),
    or twice when it ends no sentence, is the page's furniture, never the article's: an article
    states a thing once. The headline may be printed again (a post title), and stays."""
    # Curly and straight quotes folded: a page's two copies of a caption may differ by one.
    key = {
        i: " ".join(_LEADING_MARKS_RE.sub("", page.lines[i]).translate(_STRAIGHT).split())
        for i in page.filled
    }
    copies = Counter(key.values())
    title = page.title_over_body()
    headlines = {key.get(page.headline), None if title is None else key.get(title)}
    kept: set[str] = set()
    for index in page.filled:
        text = key[index]
        if _printed_twice_in_line(text) and page.open(index) and index != page.headline:
            # A picture's alt text and caption run together on one line: "A. A."
            mark(page.reasons[index], "repeated on the page")
            continue
        if copies[text] < 2 or text in headlines or not page.open(index) or len(text.split()) < 2:
            continue
        # Blank lines apart, only a line printed twice in all: a third copy elsewhere makes the
        # first the story's own sentence, which a gallery repeats (below).
        twins = {key.get(index - 1), key.get(index + 1)}
        if copies[text] == 2:
            twins |= {key[i] for i in (page.neighbour(index, -1), page.neighbour(index, 1)) if i is not None}
        # The page's first line printed again under it is its title and the story's headline.
        title = index in page.filled[:2] and key[page.filled[0]] == text
        # A paragraph of four sentences or more is the story's, pasted twice (a caption, even with its
        # credit and an inset's, is shorter).
        story = _REPORTED_RE.search(text) or len(page.sentences[index]) >= _STORY_SENTENCES
        if page.ends[index] and text in twins and not title and not story:
            # Printed twice in a row: a picture's alt text and its caption, not a sentence of the
            # story (which says a thing once, and never twice running). A sentence that says who
            # said it is a story's lead pasted twice: a caption describes, it quotes no one.
            mark(page.reasons[index], "repeated on the page")
            continue
        if page.ends[index] and page.body <= index <= page.tail and text not in kept:
            kept.add(text)  # a sentence of the article, printed again beside it: its first copy stays
            continue
        if copies[text] >= 3 or not page.ends[index]:
            mark(page.reasons[index], "repeated on the page")


def _printed_twice_in_line(text: str) -> bool:
    """Is the line one sentence of five words or more printed twice, a space between?"""
    half = (len(text) - 1) // 2
    return (
        len(text) % 2 == 1
        and text[half] == " "
        and text[:half] == text[half + 1 :]
        and text.endswith(_FULL_STOPS)
        and len(text[:half].split()) >= 5
        and not _REPORTED_RE.search(text)
    )


def teasers(page: Page) -> None:
    """Above or below the article's prose, a short line followed by a bare "Read more" is a link
    to another story (a list of them may stand above the article, so the headline is looked for
    again after). Between paragraphs such a line may be a crosshead, and stays."""
    for index in page.filled:
        if page.body <= index <= page.tail:
            continue
        after = page.neighbour(index, 1)
        # By its words, not its reason: a "Read more" the page repeats is marked as a repeat.
        if after is None or page.words[after] > 3 or line_rule(page.lines[after]) != "related link":
            continue
        # Even the line taken for the headline: a headline is not followed by "Read more".
        if (
            not clutter(page.reasons[index])
            and page.words[index] <= 20
            and not page.lines[index].endswith(".")
        ):
            mark(page.reasons[index], "teaser")
    page.find_headline()


def around_the_article(page: Page) -> None:
    """Short lines that end no sentence above the headline ("World", "Search This Blog") are
    the site's labels, and so are those after the article's last paragraph of prose with nothing
    but such lines after them ("Next Story", "Share it", "Read more.")."""
    for index in page.filled:
        # Above the headline and any prose; when the line taken for the headline comes after the
        # first prose (a crosshead), the page's real headline may be one of these: none is marked.
        if index >= page.headline or page.headline < 0 or page.headline > page.body:
            break
        words = without_store_date(page.lines[index]).split()
        # A number alone there is a count (of comments, of shares), never the story's.
        short_label = len(words) <= 3 and not any(w[:1].isdigit() for w in words)
        if len(words) == 1 and words[0].isdigit() and page.open(index):
            mark(page.reasons[index], "page furniture")
            continue
        title_like = len(words) == 1 or all(w[:1].isupper() or w in ("and", "&") for w in words)
        if page.open(index) and not page.ends[index] and short_label and title_like:
            mark(page.reasons[index], "navigation")
    if page.tail < 0:
        return
    after = [i for i in page.filled if i > page.tail]
    # Once the page says the article is over (a paywall, "Read more", a link list), what follows
    # that is not a paragraph of prose is the page's: teasers, their labels, the rest of the box.
    ended = next((i for i in after if page.reason_at(i) in _ARTICLE_OVER), None)
    if ended is not None:
        for index in after:
            # A sentence there may still be the article's ("The death toll may rise."): kept.
            if index > ended and page.words[index] < 12 and not page.ends[index] and page.open(index):
                mark(page.reasons[index], "after the article")
    # A run of headlines after the last paragraph, nothing else there: a box of other stories
    # with no "Read more" ("Top 10 secrets of longevity", "Who says moms cannot be trendy?").
    titles = [
        i
        for i in after
        if page.open(i) and page.words[i] <= TEASER_WORDS and not page.lines[i].rstrip().endswith(_FULL_STOPS)
    ]
    if len(titles) >= TEASER_RUN and len(titles) == sum(page.open(i) for i in after):
        for index in titles:
            mark(page.reasons[index], "teaser")
    # From the page's end back to the first line that is neither short nor clutter.
    for index in reversed(after):
        if page.words[index] > 3 and not clutter(page.reasons[index]):
            break
        # "He was 84." stays, and so does a quotation the page store cut short ("“It seems it’").
        quoted = page.lines[index].lstrip()[:1] in _OPENING_QUOTES
        if page.words[index] <= 3 and not page.ends[index] and page.open(index) and not quoted:
            mark(page.reasons[index], "navigation")


# Notes that close a story before its page goes on: "Story developing...", "More to follow".
_CLOSING_NOTES = {"editor's note"}
_BLURB_WORDS = 40


def box_after_a_closing_note(page: Page) -> None:
    """After the story's closing note ("Story developing..."), a run of other stories' titles,
    each with at most one blurb under it, is a box of teasers, blurbs and all. An update printed
    after the note is prose whose paragraphs follow each other, and stays."""
    note = next((i for i in page.filled if i > page.body and page.reason_at(i) in _CLOSING_NOTES), None)
    if note is None:
        return
    # The first title there may have been taken for the headline (the story's own was short).
    after = [i for i in page.filled if i > note and (page.open(i) or i == page.headline)]
    titles = [
        page.words[i] <= TEASER_WORDS and not page.lines[i].rstrip().endswith(_FULL_STOPS) for i in after
    ]
    if sum(titles) < TEASER_RUN or any(page.words[i] > _BLURB_WORDS for i in after):
        return
    if any(not title and not next_title for title, next_title in pairwise(titles)):
        return  # two paragraphs running: prose, not a box
    for index in after:
        mark(page.reasons[index], "teaser")


def headline_printed_twice(page: Page) -> None:
    """A page may print a short title twice above the story, as the page's title and again over
    the story ("Singer Dies", a stamp, "Singer Dies"). The rule for a page's repeated labels took
    both for chrome; both are the story's headline (as a headline printed twice is, however long),
    and stay."""
    first = page.filled[0] if page.filled else None
    if first is None or page.reason_at(first) != "repeated page chrome" or page.words[first] < 3:
        return
    copies = [i for i in page.filled if page.lines[i].strip() == page.lines[first].strip()]
    if len(copies) == 2 and copies[1] < page.body:
        for index in copies:
            page.reasons[index][:] = [None] * len(page.reasons[index])


def title_with_hashtags(page: Page) -> None:
    """A blog's title may end with a hashtag ("Twenty dead at Alden school #Floods"), as an
    embedded post does: the page's first line is its title, and so is a line that prints it again
    (once more, or twice run together). An embedded post's link ("t.co/...") still tells it."""
    first = page.filled[0] if page.filled else None
    if first is None or page.reason_at(first) != "social embed" or page.words[first] < _TITLE_MIN_WORDS:
        return
    title = page.lines[first].strip()
    if _EMBED_LINK_RE.search(title):
        return
    for index in page.filled:
        if page.lines[index].strip().startswith(title) and page.reason_at(index) == "social embed":
            page.reasons[index][:] = [None] * len(page.reasons[index])


def agency_credited_above_the_story(page: Page, index: int) -> bool:
    """Whether a paragraph ends with an agency's bare credit ("... in 1993. (AP)") above the
    story's first paragraph: a picture's caption. At a story's end ("... he said. (IANS)") the
    credit is the story's source, and no prose follows it."""
    group = page.sentences[index]
    if index > page.body or len(group) < 2 or not _BRACKET_CREDIT_RE.match(group[-1].strip()):
        return False
    prose_after = (
        i
        for i in page.filled
        if i > index and page.ends[i] and page.words[i] >= 12 and not clutter(page.reasons[i])
    )
    return next(prose_after, None) is not None and next(prose_after, None) is not None


_CRUMB_START = "Home "


def breadcrumb_over_headline(page: Page) -> None:
    """A breadcrumb glued to the title it leads to ("Home World Africa news <headline>") is the
    site's menu when the page prints that title on a line of its own: the line after it, mostly."""
    crumbs = [
        i
        for i in page.filled[:_CRUMB_LINES]
        if page.lines[i].lstrip().startswith(_CRUMB_START) and not clutter(page.reasons[i])
    ]
    if not crumbs:
        return  # most pages: no set of their lines is built
    titles = {page.lines[i].strip() for i in page.filled if page.words[i] >= 4}
    for index in crumbs:
        words = page.lines[index].split()
        # The crumbs: one to six words after "Home"; the title: four words at least.
        if any(" ".join(words[cut:]) in titles for cut in range(2, min(len(words) - 3, 8))):
            mark(page.reasons[index], "navigation")
            page.find_headline()


def other_script_labels(page: Page) -> None:
    """On a page whose prose is in the Latin alphabet, a short line with no Latin letter at all
    ("অ্যাকসেসিবিলিটি লিংক", a menu of a site in another language) is the interface's. A page in
    another script keeps its lines: its prose is not Latin."""
    latin_prose = (
        i for i in page.filled if page.words[i] >= 12 and page.ends[i] and _LATIN_RE.search(page.lines[i])
    )
    if len(list(islice(latin_prose, 3))) < 3:  # three are enough: not every line of a long page
        return
    for index in page.filled:
        line = page.lines[index]
        if (
            page.words[index] <= 6
            and page.open(index)
            and not _LATIN_RE.search(line)
            and _LETTER_RE.search(line)
        ):
            mark(page.reasons[index], "interface text")


def repeated_captions(page: Page) -> None:
    """A sentence a page repeats next to a credit or caption is the picture's (alt text, gallery)."""
    pictures = [i for i in page.filled if page.reasons[i] and page.reasons[i][0] in CAPTIONS]
    candidates = [
        index
        for picture in pictures
        if page.reason_at(picture) in CAPTIONS
        for step in (-1, 1)
        if (index := page.neighbour(picture, step)) is not None
        # A caption of this kind is a sentence; a repeated headline is not, and stays.
        and page.open(index)
        and page.sentences[index]
        and page.ends[index]
    ]
    if candidates:
        counts = Counter(s.strip() for group in page.sentences for s in group)
        # The story's first paragraph printed again beside a picture is the story's lead, pasted
        # twice, not the picture's words (unless the first copy is beside a picture too: a
        # gallery, whose first sentence is a caption).
        lead = (
            page.lines[page.body].strip()
            if page.body not in candidates and page.body < len(page.lines)
            else None
        )
        for index in candidates:
            if page.lines[index].strip() == lead:
                continue
            if all(counts[s.strip()] >= 2 for s in page.sentences[index]):
                mark(page.reasons[index], "photo caption")
    # Every other copy of a caption sentence is the caption again.
    captions = {
        s.strip()
        for index in page.filled
        if "photo caption" in page.reasons[index]
        for s, reason in zip(page.sentences[index], page.reasons[index], strict=True)
        if reason == "photo caption" and len(s.split()) >= 6
    }
    if not captions:
        return
    for index, (group, reasons) in enumerate(zip(page.sentences, page.reasons, strict=True)):
        if index == page.headline:
            continue  # a headline the page prints again as its picture's caption stays the headline
        for position, sentence in enumerate(group):
            if reasons[position] is None and sentence.strip() in captions:
                reasons[position] = "photo caption"
