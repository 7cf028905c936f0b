"""Who wrote a story and when, as a page prints it: time stamps, dates and "Updated ..." lines,
alone on a line or with a label ("Posted on:", "Publication date:"), and the vocabulary of dates the
other line rules share; bylines in a broadcaster's or a paper's words ("Hosted by", "Jo Lee The
Associated Press", "Valley Times Staff Writers").

``page_clutter.LINE_RULES`` tries ``STAMP_RULES`` first; ``BYLINE_RULES`` (with keywords) and
``BYLINE_LINE_RULES`` (anchored) join ``page_media``'s lists, before the captions.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
_NAME_WORD = r"([A-Z][\w.'’-]+|de|da|van|von|der|la|al|bin)"  # a word of a person's name
_NAME = rf"{_NAME_WORD}( {_NAME_WORD}){{1,3}}"
MONTH = (
    r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?"
    r"|nov(ember)?|dec(ember)?)\.?"
)
DAY = r"(mon|tues|wednes|thurs|fri|satur|sun)day"
TIME = r"\d{1,2}([:.]\d{2}(:\d{2})?\s*([ap]\.?m\.?|hrs?\b)?|\s*[ap]\.m\.)(\s*[A-Z]{2,4}\b)?"
_ORDINAL = r"(st|nd|rd|th)?"  # "March 22nd, 2010"
DATE = (
    rf"(\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}{_ORDINAL}\s+{MONTH},?\s*\d{{4}}"
    rf"|{MONTH}\s+\d{{1,2}}{_ORDINAL},?\s+\d{{4}})"
)

STAMP_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "timestamp",
        re.compile(
            rf"^\W*((article )?((last |latest )?(updated|modified)|(last|latest) update|posted"
            rf"|published( on)?|issued on)(\s+the)?"
            rf"|first published|date (created|published|modified|updated)|(publication|release) date"
            rf"|date of publication)\b(?=.{{0,90}}$)[\s:,]*"
            rf"((on|at)\s*:?\s+)?({DAY},?\s*)?({DATE}|{MONTH}|{TIME}|\d|$|,|\.\s*$|\|)",
            _I,
        ),
    ),
    ("timestamp", re.compile(rf"^\W*(({DAY}),?\s*)?{DATE}(\s*[|,;-]?\s*{TIME})?\W*$", _I)),
    ("timestamp", re.compile(rf"^\W*{DATE}\s+\d{{1,4}}\W*$", _I)),
    ("timestamp", re.compile(rf"^\W*date:?\s*{DATE}\W*$", _I)),  # a saved page's "date 2020-12-09"
    # The time, then the date (and a link or two: "4:22 PM, Jan 14, 2019 | comments").
    ("timestamp", re.compile(rf"^\W*{TIME}\s*[|,-]?\s*({DAY},?\s*)?{DATE}(\s*\|\s*\w+)*\W*$", _I)),
    ("timestamp", re.compile(r"^\W*\d{1,3}\s*(min(ute)?s?|hours?)\s+(read|ago)\W*$", _I)),
    # The day's short name, the date and the time: "Tue 19 Feb 2008 11.38 EST".
    (
        "timestamp",
        re.compile(rf"^\W*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+{DATE}(\s*[|,-]?\s*{TIME})?\W*$", _I),
    ),
    # A label, then the time and the date: "All Headlines 15:56 December 19, 2011".
    ("timestamp", re.compile(rf"^\W*([a-z]\w*\s+){{1,3}}{TIME}\s*[|,-]?\s*({DAY},?\s*)?{DATE}\W*$", _I)),
    # A byline with its age: "By JO LEE – 34 minutes ago".
    (
        "byline",
        re.compile(
            r"^\W*by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}\s*[-–—|]\s*\d+ (minutes?|hours?|days?) ago\W*$", _I
        ),
    ),
    # A day and date glued to the byline: "Tuesday July 25 by Jo LeeValley News".
    ("byline", re.compile(rf"^\W*{DAY},?\s+{MONTH}\s+\d{{1,2}}(,?\s+\d{{4}})?\s+by\s+\S.{{0,60}}$", _I)),
    # A live blog's source and time: "Engadget 11:32".
    ("timestamp", re.compile(r"^[A-Z][\w.]*( [A-Z][\w.]*)? \d{1,2}:\d{2}$")),
    # A byline with the agency after a semicolon: "By Jo Lee; The Associated Press".
    (
        "byline",
        re.compile(
            r"^\W*by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( (and|&) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,2})?"
            r"\s*[;|/]\s*(the )?(associated press|reuters|afp"
            r"|bloomberg|ap)\W*$",
            _I,
        ),
    ),
    # A stamp's second line and an empty byline: "on October 20, 2011 at 9:25 AM, updated ...",
    # "by on April 2nd, 2005", "By From staff and wire reports", "The Associated Press By The
    # Associated Press".
    ("timestamp", re.compile(rf"^\W*on {DATE} at {TIME}(,? updated\b.{{0,60}})?$", _I)),
    ("byline", re.compile(rf"^\W*(posted )?by\s+on\s+{DATE}(\s+\d+ comments?)?\W*$", _I)),
    # A byline with its date after a bar: "By Jo Lee | May 23, 2011"; a stamp's empty labels: "Posted:
    # Updated:".
    (
        "byline",
        re.compile(rf"^\W*by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){{0,3}}\s*[|,–—-]\s*({DAY},?\s*)?{DATE}\W*$", _I),
    ),
    ("timestamp", re.compile(r"^\W*((posted|updated|published)\s*:\s*){1,3}$", _I)),
    # An outlet's name and the date after a bar, and a date with its update: "Valley News |
    # September 30, 2014", "December 17, 2014 — Updated 1453 GMT (2253 HKT)".
    ("timestamp", re.compile(rf"^(?!By\b)[A-Z][\w .&'’-]{{1,40}}\s*\|\s*(?i:({DAY},?\s*)?{DATE})\W*$")),
    ("timestamp", re.compile(rf"^\W*{DATE}\s*[—–|-]\s*updated\b.{{0,40}}$", _I)),
    # A station's stamp with its city: "November 6, 2012 (CHICAGO)"; a blog's with an empty byline
    # and its comment link: "February 14, 2013 By Leave a Comment".
    ("timestamp", re.compile(rf"^\W*(?i:{DATE})\s*\([A-Z][A-Z .'’-]{{1,30}}\)\W*$")),
    ("byline", re.compile(rf"^\W*{DATE}\s+by\b.{{0,40}}\bleave a (comment|reply)\W*$", _I)),
    # A blog's post stamp with its author: "~ by jlee26 on June 4, 2009."
    ("byline", re.compile(rf"^\W*(posted |written )?by [\w.'’-]+( [\w.'’-]+){{0,3}} on {DATE}\W*$", _I)),
    # A dateline over the story with its date and nothing else: "ALDEN, N.J. - October 29, 2012".
    ("dateline", re.compile(rf"^[A-Z][A-Z .,'’-]{{1,40}}\s*[—–-]+\s*(?i:({DAY},?\s*)?{DATE})\W*$")),
    ("byline", re.compile(r"^\W*(by\s+)?(from\s+)?staff and (wire|news service) reports\W*$", _I)),
    ("byline", re.compile(r"^((the )?associated press|by)(\s+((the )?associated press|by))+\W*$", _I)),
    # The reporters credited under the story after a dash: "— Jo Lee, Sam Hale and Ana de Souza".
    (
        "byline",
        re.compile(rf"^\s*[—–]\s*{_NAME}(,? (and )?{_NAME}){{1,6}}$"),
    ),
    # A blog's post footer: "Posted by Jo at 07:57 AM * 33 comments".
    ("byline", re.compile(rf"^\W*posted by [\w.'’ -]{{1,40}} at {TIME}\b.{{0,40}}$", _I)),
    # A live page's entry label: "10:30 p.m. update:".
    ("timestamp", re.compile(rf"^\W*{TIME}\s+(update|updated)\s*:?\s*$", _I)),
]

BYLINE_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A programme page's credits over the names ("Hosted by"), and a broadcaster's over its
    # reporters' copy: "ABC News' Jo Lee and Sam Hale report:", "VOA's Jo Lee reports from Alden."
    (
        "byline",
        re.compile(r"^\W*(hosted|presented|produced|moderated|anchored) by\W*$", _I),
        ("hosted by", "presented by", "produced by", "moderated by", "anchored by"),
    ),
    (
        "byline",
        re.compile(r"^\W*[A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3}[’']s? [A-Z][^.!?:]{2,120} reports?:\s*$"),
        ("report:", "reports:"),
    ),
    (
        "byline",
        re.compile(
            r"^\W*[A-Z][\w.&-]*( [A-Z][\w.&-]*){0,3}[’']s? [A-Z][\w.'’ -]{2,60}"
            r" reports? from [A-Z][\w .,'’-]{1,40}\.?\s*$"
        ),
        ("reports from", "report from"),
    ),
    # A reporter's credit and title lines: "Jo Lee reports for Valley Wire March 4, 2019.",
    # "Editor-in-Chief, Valley Times", "Jo Lee, Staff ."
    (
        "byline",
        re.compile(
            r"^[A-Z][\w'’-]+( [A-Z][\w'’-]+){1,2} (reports|reported|writes|wrote) for [A-Z][\w .&'’-]{1,40}"
            r"(,? [A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})?\.?$"
        ),
        ("reports for", "reported for", "writes for", "wrote for"),
    ),
    # A date and its byline between bars: "March 4, 2019|By Jo Lee, Valley staff reporter."
    (
        "byline",
        re.compile(r"^\W*\w+ \d{1,2}, \d{4}\s*\|\s*by\b.{0,100}$", _I),
        ("|by", "| by"),
    ),
]

BYLINE_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    # An author's title under the name: "Editor-in-Chief, Valley Times", "Jo Lee, Staff ."
    (
        "byline",
        re.compile(
            r"^\W*((?i:editor-in-chief|editor|senior editor|managing editor|staff writer|contributing editor"
            r"|correspondent|reporter)\s*,\s*[A-Z][\w .&'’-]{1,40}"
            r"|[A-Z][\w'’-]+ [A-Z][\w'’-]+,\s*(?i:staff|staff writer|staff reporter)\s*\.?)$"
        ),
    ),
    # An author's title after the name: "Jo Lee White House Correspondent", "Jo Lee Senior Editor".
    (
        "byline",
        re.compile(
            r"^[A-Z][\w'’-]+ [A-Z][\w'’-]+ ((White House|Senior|Chief|Foreign|Political|Washington|National"
            r"|Staff|Science|Business|Sports|Health|Diplomatic|Legal|Defen[cs]e|Economics|Environment"
            r"|Technology|Deputy|Managing|Associate|Contributing|Special|Investigative) )*"
            r"(Correspondent|Reporter|Editor|Writer|Columnist|Producer)$"
        ),
    ),
    # A reporter and the agency: "Jo Lee The Associated Press", "Jo Lee, Reuters".
    (
        "byline",
        re.compile(
            r"^[A-Z][\w'’-]+( [A-Z][\w.'’-]+){1,2},? (The )?(Associated Press|Reuters|Agence France-Presse"
            r"|AFP|Bloomberg News|Xinhua)$"
        ),
    ),
    # A paper's byline for its staff: "Washington Post Staff Writers"; a page's author field:
    # "Author`s name Editorial Team".
    ("byline", re.compile(r"^[A-Z][\w.&'’ ]{1,40} Staff (Writers?|Reporters?)$")),
    # A role alone under a byline: "Editor", "Staff Writer".
    ("byline", re.compile(r"^(Editor|Reporter|Correspondent|Contributor|Staff Writer|Staff Reporter)$")),
    # A reporter's beat under the byline: "Geopolitics reporter", "Senior Europe correspondent".
    (
        "byline",
        re.compile(
            r"^(?!(?i:the|a|an|our|this|one|every) )[A-Z][\w&'’-]*( [\w&'’-]+)? (?i:reporter|correspondent"
            r"|editor|writer|columnist|producer)$"
        ),
    ),
    ("byline", re.compile(r"^\W*(?i:author[`'’]?s name)\b.{0,40}$")),
]
