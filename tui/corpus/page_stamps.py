"""When a page says its story was written: time stamps, dates and "Updated ..." lines, alone on a
line or with a label ("Posted on:", "Publication date:"), and the vocabulary of dates the other
line rules share. ``page_clutter.LINE_RULES`` tries ``STAMP_RULES`` first.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
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
    # A live page's entry label: "10:30 p.m. update:".
    ("timestamp", re.compile(rf"^\W*{TIME}\s+(update|updated)\s*:?\s*$", _I)),
]
