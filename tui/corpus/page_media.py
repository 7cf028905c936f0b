"""The furniture of broadcast, video and transcript pages: a player's own words, a programme's
credits, the labels over a transcript or a speech's text, a video list's durations. Each rule has
keywords (lower case) that every match contains, as ``page_furniture.KEYED_FURNITURE_RULES``,
whose list these join."""

from __future__ import annotations

import re

_I = re.IGNORECASE

MEDIA_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A video player's own words and its embed line, a duration and the player's address: "Please
    # log in to update your video settings", "Video will begin in 5 seconds.", "PT1M54S http://...".
    (
        "video player",
        re.compile(
            r"^\W*((please )?(log ?in|sign ?in) to (update|change|manage) your (video|player) settings"
            r"|(the )?(next )?(video|ad|advertisement) will (begin|start|play|resume) in \d+ seconds?"
            r"|please wait|no media source (is )?currently available"
            r"|PT(\d+H)?(\d+M)?\d+S\s+https?://\S+[\d ]{0,20})\W*$",
            _I,
        ),
        ("settings", "seconds", "http", "please wait", "media source"),
    ),
    # A programme page's credits over the names ("Hosted by"), and a broadcaster's over its
    # reporters' copy: "ABC News' Jo Lee and Sam Hale report:".
    ("byline", re.compile(r"^\W*(hosted|presented|produced|moderated|anchored) by\W*$", _I), (" by",)),
    (
        "byline",
        re.compile(r"^\W*[A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3}[’']s? [A-Z][^.!?:]{2,120} reports?:\s*$"),
        ("report:", "reports:"),
    ),
    # A broadcaster's credit after its reporter's copy: "VOA's Jo Lee reports from Alden."
    (
        "byline",
        re.compile(
            r"^\W*[A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3}[’']s? [A-Z][\w.'’ -]{2,60}"
            r" reports? from [A-Z][\w .,'’-]{1,40}\.?\s*$"
        ),
        ("reports from", "report from"),
    ),
    # A broadcast's opening line: "This is IN THE NEWS in VOA Special English."
    (
        "programme label",
        re.compile(r"^\W*this is\b.{0,40}\bvoa special english\b.{0,20}$", _I),
        ("special english",),
    ),
    # The label over a transcript or a speech's text: "Text of the President's Remarks",
    # "Transcript of earlier radio broadcast:".
    (
        "document label",
        re.compile(
            r"^\W*(full )?(text|transcript) of (the |an? |his |her |earlier )?[\w’' ]{0,40}"
            r"(remarks|speech|statement|broadcast|address|interview|letter)\b[^.!?]{0,20}:?\s*$",
            _I,
        ),
        ("text of", "transcript of"),
    ),
    # A video list's item, its duration first: "(00:50) Rough Cut Reuters Video".
    ("video link", re.compile(r"^\W*\(\d{1,2}:\d{2}\)\s+\S.{0,80}$"), (":",)),
    # A link to a document under its kicker: "Read Dr Lee's statement to the press".
    (
        "related link",
        re.compile(
            r"^\W*(read|watch|see|view|listen to) [\w.’' ]{0,40}\b(statement|speech|remarks|transcript"
            r"|full text)\b[^.!?]{0,40}$",
            _I,
        ),
        ("statement", "speech", "remarks", "transcript", "full text"),
    ),
    # Forum spam in BBCode: "[url=]Buy cheap ...[/url]".
    ("spam link", re.compile(r"\[url=[^\]]*\].{0,120}\[/url\]", _I), ("[url=",)),
]
