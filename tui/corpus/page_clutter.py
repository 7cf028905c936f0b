"""Clutter that text pasted from a news page carries: the shapes of lines no article sentence has.

Each rule is a whole-line shape with a strong signal (a label at the start, a line that is only a
date, only layout marks, only a credit in brackets), so a real sentence is not caught: when a line
could be prose, it is kept. ``tui.corpus.boilerplate`` tries these after its own phrase rules. The
furniture of the web at large (share bars, menus, link boxes, comment forms, widgets) lives in
``tui.corpus.page_furniture`` and is spliced into these lists in its place.
"""

from __future__ import annotations

import re

from tui.corpus.page_furniture import (
    SHORT_FURNITURE_RULES,
    WEB_FURNITURE_RULES,
    keyed_furniture_rule,
    link_bar,
)
from tui.corpus.page_media import media_line_rule
from tui.corpus.page_stamps import DATE as _DATE
from tui.corpus.page_stamps import DAY as _DAY
from tui.corpus.page_stamps import MONTH as _MONTH
from tui.corpus.page_stamps import STAMP_RULES
from tui.corpus.page_stamps import TIME as _TIME
from tui.corpus.text import ends_sentence

_I = re.IGNORECASE
_AGENCY = (
    r"(AP|AFP|Reuters|Xinhua|IANS|PTI|ANI|dpa|UPI|EFE|ANSA|Kyodo|Yonhap|TASS|Bernama|Associated Press"
    r"|Agence France-Presse)"
)
# (reason, pattern) tried on a whole line, after it is stripped.
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    *STAMP_RULES,
    ("layout marks", re.compile(r"^[\s|!\[\]()_*#>=~.…,-]*$")),
    # A server's clock, as C's ctime writes it: "Mon Mar 22 20:33:53 EST 2010".
    (
        "timestamp",
        re.compile(
            rf"^\W*(mon|tue|wed|thu|fri|sat|sun)\w*\s+{_MONTH}\s+\d{{1,2}}"
            rf"\s+\d{{1,2}}:\d{{2}}(:\d{{2}})?(\s+[A-Z]{{2,5}})?\s+\d{{4}}\W*$",
            _I,
        ),
    ),
    ("layout marks", re.compile(r"^\W*(left|right) corner( (left|right) corner)*\W*$", _I)),
    ("layout marks", re.compile(r"^\W*-+\s*end\s*-+\W*$", _I)),
    # "[Agencies]", a server error in brackets; not a blog's update with the news ("[Updated at
    # 12:21 a.m.: The Coast Guard was searching ...]")
    ("page note", re.compile(r"^\s*\[(?!(?i:updated?\b)[^\]]{0,30}:\s*\S+( \S+){7})[^\]]{1,160}\]\s*$")),
    (
        "byline",
        re.compile(
            r"^\W*(?i:by|written by|words by|edited by|reporting by|text by|story by|reported by|posted by"
            r"|submitted by)"
            r"\s*[:|]?"
            r"\s*([A-Z][\w.'’-]+|our)"
            r"(,?\s+([A-Z][\w.'’-]*|and|our|staff|reporter|correspondent|in|for))*"
            r"(\s*\(\s*[^()]{1,40}\))?"  # and the outlet: "By Jane Doe ( China Daily)"
            # and the date: "By Jane Doe, March 4, 2019" ("By DPA, IANSTuesday, April 6, 2010")
            rf"(,?\s*(?i:{_MONTH})\s+\d{{1,2}},?\s+\d{{4}})?[\s•·|,]*$"
        ),
    ),
    ("byline", re.compile(r"^\W*(editor|author|reporter|source)\s*:\s*\S.{0,60}$", _I)),
    # A byline whose name the page left out: "By  |", "By | 2015-07-14".
    ("byline", re.compile(r"^\W*by\s*[|:]?\s*([|:]\s*\d{4}-\d{2}-\d{2})?\s*$", _I)),
    ("byline", re.compile(r"^[a-z]{2,4}(/[a-z]{2,4})+\s*\(.*\)\W*$")),  # DW-style "mkg/hc (AFP, AP)"
    (
        "byline",
        re.compile(r"^\s*[([]\s*(agencies|xinhua|afp|ap|reuters|dpa|ians|pti|ani)[^)\]]{0,40}[)\]]\W*$", _I),
    ),
    (
        "photo credit",
        re.compile(
            r"^\s*[([].{0,80}(photo|credit|getty|associated press|courtesy|/\s*ap|/\s*afp|reuters|epa|via ap)"
            r".{0,40}[)\]](\s*\|\s*\w[\w ]{0,24})*\W*$",  # and a licence link after a bar
            _I,
        ),
    ),
    ("photo credit", re.compile(r"^\W*(enlarge\s*)?(by\s+)?[A-Z][\w.'’ -]{1,60},\s*(AP|AFP|Reuters)\W*$")),
    ("photo credit", re.compile(r"^\W*(AP|AFP|Reuters|EPA|Getty Images)( File)? Photos?\W*$")),
    ("photo credit", re.compile(r"^\W*[A-Z][\w.'’ -]{1,40} via (AP|AFP|Reuters|Getty Images)\W*$")),
    ("photo credit", re.compile(r"^\W*(by\s+)?[A-Z][\w .'’-]{1,60},.{0,60}\bvia (AP|AFP|Reuters|Getty)\W*$")),
    ("photo credit", re.compile(r"^\s*[(\[]\s*photos?\s*/\s*[^\])]{1,40}[\])]\W*\|?\W*$", _I)),
    ("photo credit", re.compile(r"^\W*(photo|image|picture|video)\s+credits?\b", _I)),
    ("photo credit", re.compile(r"^\W*(photograph|photo|picture|image)\s*:\s*\S", _I)),
    ("photo credit", re.compile(r"^\W*(\w+ )?(image|photo|picture)s? courtesy\b", _I)),
    # AP-style captions end with the place and the date: "..., Bohol, Oct. 15, 2013."
    # Prose dates a thing by "today" ("... with reporters today, Feb. 17, 2011."), and a short title
    # ending in its date ("Newscast - Monday, Aug. 19, 2019") is no picture's description.
    (
        "photo caption",
        re.compile(
            # The comma first, then the checks behind it: the search skips to commas.
            rf",(?<=.{{31}})(?<!today,)(?<!tonight,)(?<!yesterday,)\s*({_DAY},?\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?"
            r"\s*(\([^)]*\))?\s*$",
            _I,
        ),
    ),
    ("photo placeholder", re.compile(r"^\W*!\[[^\]]*\]\([^)]*\)[\s|]*$")),
    # A post embedded from a social network ends with its author, handle and date.
    (
        "social embed",
        re.compile(rf"^\W*[^()]{{1,60}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}\W*$", _I),
    ),
    ("subscription notice", re.compile(r"\b(press|news) releases?\b.{0,60}\b(are|is) available\b", _I)),
    (
        "editor's note",
        re.compile(
            r"^\W*(this is a breaking news update|check back (soon )?for (further|more) (information|updates)"
            r"|(ap|afp|reuters)'s earlier story is below|details (to follow|later)|more to follow"
            r"|developing( story)?|(this )?(story|situation) (is )?(still )?developing)\W*$",
            _I,
        ),
    ),
    *WEB_FURNITURE_RULES,
    (
        "press release number",
        re.compile(r"^\W*(news |press )?release\s*(no\.?|number|#)?\s*:?\s*\d[\w-]*\W*$", _I),
    ),
    ("masthead", re.compile(r"^\W*(the )?[\w.-]+( [\w.-]+){0,3} (newspaper|website|news media:?)\W*$", _I)),
    ("masthead", re.compile(r"^\W*est(ablished)?\.? (in )?\w* ?\d{0,2},? ?\d{4}\W*$", _I)),
    ("weather widget", re.compile(r"^\W*-?\d{1,2}(\.\d)?\s*°?\s*[CF]\W*$")),
]

# Rules for brief lines, ended or not (a stamp, an agency, an end mark): tried only on lines of at
# most BRIEF_CHARS, so the long lines of prose skip them.
BRIEF_CHARS = 120
_BRIEF_RULES: list[tuple[str, re.Pattern[str]]] = [
    # A date and a time, then more of the page's stamp: "4 May 2021 / 10:05 AM / 2 years ago".
    (
        "timestamp",
        re.compile(rf"^\W*({_DAY},?\s*)?{_DATE}(\s*[/|,-]|\s+at)?\s*{_TIME}(?=(\s+\S+){{0,12}}\s*$)", _I),
    ),
    # An agency and a date: "Xinhua, 4 May 2021", "AP | May 4, 2021".
    ("byline", re.compile(rf"^\W*{_AGENCY}\s*[,|/-]\s*({_DAY},?\s*)?{_DATE}(?=(\s+\S+){{0,6}}\s*$)", _I)),
    ("byline", re.compile(rf"^\W*{_AGENCY}\W*$", _I)),
    # An outlet's name and a date: "Valley News March 4, 2019".
    (
        "byline",
        re.compile(
            rf"^\W*[A-Z][\w&.'’-]*( [A-Z][\w&.'’-]*){{0,2}}( online)?,?\s*(?i:({_DAY},?\s*)?{_DATE})\W*$"
        ),
    ),
    # The date first: "July 24, 2013|Reuters".
    ("byline", re.compile(rf"^\W*({_DAY},?\s*)?{_DATE}\s*[,|/-]\s*{_AGENCY}\W*$", _I)),
    # A post's date and its categories: "May 1, 2024 | Home, News".
    (
        "timestamp",
        re.compile(
            rf"^\W*(?i:({_DAY},?\s*)?{_DATE})\s*\|\s*[A-Z][\w&'’ -]{{0,20}}(,\s*[\w&'’ -]{{1,20}}){{0,4}}$"
        ),
    ),
    ("layout marks", re.compile(r"^\W*(-+\s*)?(ends?|endit|###|-30-)(\s*-+)?\W*$", _I)),  # end of copy
    ("layout marks", re.compile(r"^\W*[^\W\d]\W*$")),  # one letter alone: a close button, an icon
    ("comment prompt", re.compile(r"^\W*comments? (are|is) (now )?(closed|disabled|turned off)\W*$", _I)),
    (
        "comment prompt",
        re.compile(
            r"^\W*(log ?in|sign ?in|register)( or (join|register|sign ?up))? to (comment|reply)\b\W*$", _I
        ),
    ),
    # A day, a month's day and a time, no year: "Tuesday March 4, 2:33 pm ET".
    ("timestamp", re.compile(rf"^\W*{_DAY},?\s*{_MONTH}\s+\d{{1,2}},?\s*{_TIME}(\s*[A-Z]{{2,4}})?\W*$", _I)),
    # A section's stamp between bars: "Pictures | Fri Jul 27, 2012 | 7:15pm EDT".
    (
        "timestamp",
        re.compile(
            rf"^\W*[A-Z][\w ]{{0,20}}\|\s*((mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*)?{_DATE}\s*\|\s*{_TIME}",
            _I,
        ),
    ),
    # A place line in capitals: "RIVERTON, Ont." (the dateline set apart from the lead).
    ("dateline", re.compile(r"^[A-Z]{3,}( [A-Z]{2,})*,( [A-Z][a-z]*\.?){1,2}\s*[—–-]*\s*$")),
    # A release's place and date on a line of their own: "ALDEN, N.P., March 4, 2019 /Wire/ --".
    (
        "dateline",
        re.compile(
            rf"^[A-Z]{{3,}}( [A-Z]{{2,}})*,[\w. ,]{{0,20}}?(?i:{_DATE})(\s*/[\w ]{{1,30}}/)?\s*[—–-]*\s*$"
        ),
    ),
]

# Rules for short lines that do not end a sentence (a headline's shape, never a sentence's): tried
# only on such lines, so prose is never searched by them.
SHORT_LINE_WORDS = 60
_NAME = r"[A-Z][\w'’-]+( [A-Z][\w.'’-]*){1,3}"
SHORT_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    # Authors after a dash, or two or more joined: "- Jane Roe and Sam Hale".
    (
        "byline",
        re.compile(rf"^([-–—]\s*{_NAME}|{_NAME}(,? and |, ?| & ){_NAME})((,? and |, ?| & ){_NAME})*$"),
    ),
    ("dateline", re.compile(r"^[A-Z][A-Z .,'’-]{1,40}\s*[—–-]+\s*$")),  # "LAGOS —" alone on its line
    ("layout marks", re.compile(r"^[\d\s.,:/-]*\d{2}[\d\s.,:/-]*$")),  # counters, ids
    *SHORT_FURNITURE_RULES,
    (
        "map caption",
        re.compile(r"^\W*(an? )?(locator )?(map|graphic) (locates|locating|showing|shows|of)\b", _I),
    ),
    ("map caption", re.compile(r"^\W*location of \S+( \S+){0,4}$", _I)),
    # A map's or a chart's title as a link: "Map: The storm's path" (no full stop).
    ("map caption", re.compile(r"^\W*(map|graphic|chart|interactive)\s*:\s*\S[^.!?]{0,80}$", _I)),
    # A place line under a headline: "Mission Control, Houston, Texas" (capitalised words only).
    ("dateline", re.compile(r"^[A-Z][\w.'’-]*( [A-Z][\w.'’-]*)*(, [A-Z][\w.'’-]*( [A-Z][\w.'’-]*)*){2,3}$")),
    (
        "related link",
        re.compile(
            r"^\W*((other|more|related|latest|top|featured) (stories|articles|news|headlines|coverage|videos"
            r"|reports|content|links)( (from|about|on|in) .{1,40})?"
            r"|.{0,30}\bmore (stories|articles|news) here)\W*$",
            _I,
        ),
    ),
    (
        "reader instruction",
        re.compile(
            r"^\W*to (read|write|edit|view|see|start|comment|contribute|find)\b.{0,100}"
            r"\b(see|visit|click|go to|tap)\b",
            _I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^\W*([\w-]+ )?(jump|skip) to\s*:?\s*(the )?(main )?(navigation|content|search|menu)\b", _I
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^\W*(text[- ]only|printer[- ]friendly|printable|print|mobile|plain[- ]text)"
            r" (version|edition|view|page)\b",
            _I,
        ),
    ),
    (
        "source credit",
        re.compile(r"^\W*via\s+\S+(\s+\S+){0,4}$"),
    ),  # lower case: "Via Rail Halts Trains" stays
    ("source credit", re.compile(r"^\W*((original|news)\s+)*(source|sources|credits?)\s*:\s*$", _I)),
    ("masthead", re.compile(rf"\b(est\.|established)\s*(in\s+)?({_MONTH}\s+\d{{1,2}},?\s+)?\d{{4}}\W*$", _I)),
    (
        "report number",
        re.compile(r"\b(report|release|bulletin|advisory|update)\s*(#|no\.\s*|number\s+)\d+\W*$", _I),
    ),
    ("video link", re.compile(r"^\W*(watch|listen|video|audio)\s*:?\s+[A-Z0-9][^.!?]*$")),
    # A caption that ends with its agency: "Rescuers search the rubble (Reuters)".
    (
        "photo caption",
        re.compile(
            # (not "(AP):", which introduces what the agency says)
            r"\w.*\((reuters|ap|afp|getty( images)?|epa|xinhua|file( photo)?|(ap|afp|reuters) photo)\)"
            r"[^\w:]*$",
            _I,
        ),
    ),
]
_SHORT_LINE_MAX_WORDS: dict[str, int] = {
    "map caption": 40,
    "share buttons": 60,
    "dateline": 8,
    "source credit": 6,
    "masthead": 8,
    "report number": 8,
    "video link": 8,
}

# Contact details (e-mail addresses, phone numbers): three in one sentence are a press-contact block.
_CONTACT_RE = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b", _I)

# A line in a script no English article sentence is written in (a page's own interface words).
_CJK_RE = re.compile(r"^[\s\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef+\-|]+$")


# Keyword prefilters for the costly rules: every match contains one of these (lower-cased), so a
# line with none of them is not searched (see ``boilerplate._NEEDS``).
_NEEDS: dict[str, tuple[str, ...]] = {
    "site notice": ("site",),
    "photo caption": (",",),
    "masthead": ("newspaper", "website", "news media", "est"),
    "editor's note": ("story", "details", "more", "breaking", "check", "developing"),
    "subscription notice": ("available",),
    "social embed": ("(@",),
}


_FILTERED_RULES = [(reason, pattern, _NEEDS.get(reason)) for reason, pattern in LINE_RULES] + [
    # AP's captions open so: "FILE - In this May 4, 2021, file photo, ...", "This photo provided by ...".
    ("photo caption", re.compile(r"^\W*FILE\s*[-–—]+\s+\S"), None),  # fails at once on prose: no keyword
    (
        "photo caption",
        re.compile(
            r"^\W*(in )?this (\w+,? ){0,4}(photo|image|picture|frame grab)( \w+){0,3}"
            r" (provided|released|taken|made available|distributed|obtained)\b",
            _I,
        ),
        None,
    ),
    # Rules with a prefilter of their own: a line without one of the strings is not searched.
    (
        "photo caption",  # a gallery's counter before its caption: "2 of 9 | ...", "Photo 3/5: ..."
        re.compile(
            r"^\W*((image|photo|picture|slide)\s*\d{1,3}\s*(of|/)\s*\d{1,3}\b|\d{1,3} of \d{1,3}\s*[|•·])", _I
        ),
        ("|", "•", "·", "image", "photo", "picture", "slide"),
    ),
    (
        "masthead",  # a wiki's tagline: "From Examplepedia, the free encyclopedia"
        re.compile(r"^\W*(?i:from) [A-Z][\w.-]+, the free\b"),
        (", the ",),
    ),
    (
        "editor's note",
        re.compile(
            r"^\W*the next (\w+ ){0,3}(report|update|bulletin)s? (will|is expected to|is scheduled to) be"
            r" (issued|posted|published|released|sent)\b",
            _I,
        ),
        ("the next",),
    ),
]


# A date (or "date 2024-07-29", as some page stores write it) glued before a short label.
_LEADING_DATE_RE = re.compile(rf"^\W*(date\s+)?{_DATE}\s+", _I)


# Small words a title-case headline or crosshead is made with and a name is not ("Pope To
# Abdicate", "What Happens Next", "Aid Arrives").
NOT_IN_NAMES = frozenset(
    "the a an what why how who when where which is are was were be to in on of for with at by from as"
    " and or but not no next new more after before over under up down out into this that it its our"
    " your their his her we you they will can may has have had do does did arrives begins ends"
    " continues returns off amid against despite says near"
    # a count of people is no name: "Three Britons", "One Australian"
    " one two three four five six seven eight nine ten".split()
)


def _short_line_rule(line: str) -> str | None:
    """A reason for a short line that does not end a sentence, or None."""
    if ends_sentence(line):
        return None
    words = line.split()
    if len(words) > SHORT_LINE_WORDS:
        return None
    for reason, pattern in SHORT_LINE_RULES:
        if len(words) <= _SHORT_LINE_MAX_WORDS.get(reason, 20) and pattern.search(line):
            if reason == "byline" and any(word.lower() in NOT_IN_NAMES for word in words if word != "and"):
                continue  # "Citing His Health, Pope To Abdicate" is a headline, not two names
            return reason
    return None


def line_rule(line: str) -> str | None:
    """The clutter reason for one whole line by its shape, or None."""
    stripped = line.strip()
    if not stripped:
        return None
    if link_bar(stripped):
        return "link bar"
    lowered = stripped.lower()
    for reason, pattern, needs in _FILTERED_RULES:
        if needs is not None and not any(map(lowered.__contains__, needs)):
            continue
        if pattern.search(stripped):
            return reason
    found = media_line_rule(stripped) or keyed_furniture_rule(stripped, lowered)
    if found is not None:
        return found
    if _CJK_RE.match(stripped):
        return "interface text"
    if len(stripped) <= BRIEF_CHARS:
        for reason, pattern in _BRIEF_RULES:
            if pattern.search(stripped):
                return reason
    short = _short_line_rule(stripped)
    if short is not None:
        return short
    if "@" in stripped and len(stripped.split()) <= 40 and len(_CONTACT_RE.findall(stripped)) >= 3:
        return "press contacts"
    label = label_after_date(stripped)
    return line_rule(label) if label else None  # "22-02-2024 Live updates": the label decides


def label_after_date(line: str) -> str | None:
    """What follows a date glued before a short label ("22-02-2024 Live updates"), or None."""
    dated = _LEADING_DATE_RE.match(line) if line.count(" ") < 8 else None
    return line[dated.end() :] if dated and dated.end() < len(line) else None
