"""What a page points its readers to beside the article: the site's other stories on the event,
players and recordings, a box's headings and buttons, and links put as instructions ("Read about
...", "Watch ... below"). The words of a link or a label, never a story's sentence.

``POINTER_RULES`` join ``page_furniture.KEYED_FURNITURE_RULES`` right after
``page_readers.READER_RULES``, with keywords (lower case) in the same way.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

POINTER_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A pointer to the site's other stories on the event: "Complete coverage of the floods", "For
    # all of our coverage on the vote.", "Read more of the Valley Times' coverage of the storm.",
    # "For more City Hall coverage, follow @jdoe." (a story says what was covered, not "our coverage").
    (
        "related link",
        re.compile(
            r"^\W*((complete|full|more|all|latest) coverage (of|on)( [^\s.!?,]+){1,6}\s*$"
            r"|for (all of |more of |all |more |full |complete )?(our |the )?([\w'’]+ ){0,3}coverage\b"
            r"[^!?]{0,80}"
            r"|(read|see|view) (more|all) of [^.!?]{1,40}\bcoverage\b[^.!?]{0,60})[.!]?\W*$",
            _I,
        ),
        ("coverage",),
    ),
    # A player's pointer: "Watch the whole briefing below.", "Watch the video below:".
    (
        "video player",
        re.compile(r"^\W*watch (the|our|his|her|their|this)( [\w'’-]+){0,4} (below|above)\W*$", _I),
        ("below", "above"),
    ),
    # A quiz's pointer: "Now Test Your Knowledge", "Test your knowledge of the week's news".
    ("related link", re.compile(r"^\W*(now )?test your knowledge\b[^.!?]{0,60}$", _I), ("knowledge",)),
    # A link put as an instruction: "Watch video from the courthouse as the jury met.", "Read about
    # the dispute at the courthouse.", "Visit ValleyNews.com for breaking news".
    (
        "related link",
        re.compile(
            r"^\W*(watch (the )?(video|footage|photos)\b[^.!?,]{0,100}|read about\b[^.!?,]{0,100}"
            r"|visit [\w-]+\.(com|org|net|co\.uk|tv)\b[^.!?]{0,100})[.!]?\W*$",
            _I,
        ),
        ("watch", "read about", "visit"),
    ),
    # A pointer to a recording: "Listen to an interview with our correspondent in Alden", "Watch
    # Tuesday's news conference on the flood" (a link's words: no full stop; "Watch the full press
    # conference." may be the story's).
    (
        "related link",
        re.compile(
            r"^\W*(listen to (an? |the |our )?(interview|report|story|podcast|audio|segment)\b[^.!?]{0,120}"
            r"|watch\b[^.!?,]{0,40}\b(news conference|press conference|briefing|interview|speech|remarks)"
            r"\b[^!?,]{5,100}(?<!\.))$",
            _I,
        ),
        ("listen to", "watch"),
    ),
    # An agency's audio cuts by their numbers: "279-a-15-(Dr. Jo Lee, ...)".
    (
        "audio link",
        re.compile(r"^\W*\d{3}-[a-z]-\d{2}-\s*\("),
        ("-a-", "-b-", "-c-", "-d-", "-e-", "-f-", "-g-"),
    ),
    # A link to the story's source: "Link to original story on the Valley Radio website".
    (
        "related link",
        re.compile(r"^\W*link to (the )?original (story|article|post)\b.{0,80}$", _I),
        ("original",),
    ),
    # A player's fallback and its pointer: "Your browser doesn't support HTML5", "The mayor's full
    # speech below."
    (
        "video player",
        re.compile(
            r"^\W*(your browser (does not|doesn['’]t) support\b.{0,60}"
            r"|[^.!?]{0,60}\b(full|entire|complete) ([\w'’-]+ )?(speech|video|statement|remarks|interview"
            r"|transcript) below)\W*$",
            _I,
        ),
        ("browser", "below"),
    ),
    # A page's pager and a picture's placeholder: "(Continued from page 1)", "click image to enlarge".
    ("navigation", re.compile(r"^\W*\(?continued from page \d+\)?\W*$", _I), ("continued from",)),
    (
        "photo placeholder",
        re.compile(r"^\W*click (on )?(the )?(image|photo|picture) to (enlarge|zoom|expand)\W*$", _I),
        ("click",),
    ),
    # A box's heading over a story's summary: "What you need to know:".
    ("section label", re.compile(r"^\W*what you need to know\s*:?\s*$", _I), ("need to know",)),
    # A radio station's player and a box's button: "Listen Live", "CLOSE".
    ("navigation", re.compile(r"^\W*(listen live|watch live|close( x)?)\W*$", _I), ("live", "close")),
    # A gallery's or a box's link, its title cut short under a bullet: "• The mayor talks to
    # residents at the flooded..." (a story's list item says its whole thing).
    ("teaser", re.compile(r"^\s*[•·▪]\s+\S.{5,150}(\.\.\.|…)$"), ("...", "…")),
    # A pointer to a player or a clip: "See the video the suspect posted to YouTube below".
    (
        "video player",
        re.compile(
            r"^\W*(see|watch|view)\b[^.!?]{0,80}\b(video|footage|clip|interview|speech|statement)\b[^.!?]{0,60}"
            r"\b(below|above)\W*$",
            _I,
        ),
        ("below", "above"),
    ),
]
