"""What a page shows its readers beside the article: their comments under it and the appeals to
them ("Send us your story."). Each rule needs a marked heading or appeal to start from."""

from __future__ import annotations

import re

from tui.corpus.clutter_page import Page, clutter, mark
from tui.corpus.page_readers import COMMENTER_SAID

_COMMENT_HEADER_RE = re.compile(rf"\b{COMMENTER_SAID}\s*$")
_COMMENT_MAX_WORDS = 150
# A commenter's name as a list item: "• Jo Lee", "• GuestLee".
# Or numbered, with the verb: "1. Jo Lee says:".
_COMMENTER_RE = re.compile(
    r"^[•·*-]\s*[A-Z]?[\w.'’-]+( [\w.'’-]+){0,2}$|^(\d+\.\s*)?[A-Z][\w.'’-]*( [\w.'’-]+){0,3} says:$"
    r"|^[•·*-]?\s*by .{1,60} on .{4,30} at \d{1,2}:\d{2}\s*[AaPp][Mm]$"
    r"|^\d+\.\s*[\w.'’-]{2,30} (January|February|March|April|May|June|July|August|September|October"
    r"|November|December) \d{1,2}, \d{4}$"
)
_APPEAL_QUESTION_WORDS = 10
_YOU = {"you", "your"}


def readers_corner(page: Page) -> None:
    """Mark (in place) readers' comments and the questions beside an appeal."""
    _appeal_questions(page)
    _blog_comments(page)
    _comment_list(page)


def _appeal_questions(page: Page) -> None:
    """A short question to the reader beside an appeal is the appeal's: "Were you on the flight?
    Send us your story." (Alone, "Were you there?" may be a quotation's.)"""
    for index in page.filled:
        reasons = page.reasons[index]
        if "reader appeal" not in reasons or clutter(reasons):
            continue
        for number, sentence in enumerate(page.sentences[index]):
            words = sentence.split()
            question = sentence.rstrip().endswith("?") and len(words) <= _APPEAL_QUESTION_WORDS
            if reasons[number] is None and question and any(w.lower().strip("?,") in _YOU for w in words):
                reasons[number] = "reader appeal"


def _blog_comments(page: Page) -> None:
    """The paragraph under a blog's comment header ("Anonymous said...") is the reader's comment."""
    for index in page.filled:
        if page.reason_at(index) != "comment prompt" or not _COMMENT_HEADER_RE.search(page.lines[index]):
            continue
        below = page.neighbour(index, 1)
        if below is not None and page.open(below) and page.words[below] <= _COMMENT_MAX_WORDS:
            mark(page.reasons[below], "reader comment")


def _comment_list(page: Page) -> None:
    """Under a comment section's heading ("Comment on this Story") after the article's prose,
    commenters' names as list items ("• Jo Lee") show a list of comments: all of it is theirs."""
    heading = next(
        (i for i in page.filled if i > page.body and page.reason_at(i) == "comment prompt"),
        None,
    )
    if heading is None:
        return
    after = [i for i in page.filled if i > heading]
    # The list starts with a name right under its heading, or under the rest of the comment form
    # ("Password:", "Remember Me:", "Read Comments").
    start = next((n for n, i in enumerate(after) if not clutter(page.reasons[i])), len(after))
    if not any(_COMMENTER_RE.match(page.lines[i]) for i in after[start : start + 2]):
        return
    for index in after[start:]:
        if page.open(index):
            mark(page.reasons[index], "reader comment")
