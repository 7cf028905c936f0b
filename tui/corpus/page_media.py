"""The furniture of media around an article: a video player's own words, a programme's credits,
the labels over a transcript or a speech's text, a video list's durations, posts embedded from a
social network, a release's letterhead and its links to more. A picture's captions, credits and
placeholders are in ``page_captions``, spliced in at the end of both lists.

``MEDIA_RULES`` join ``page_furniture.KEYED_FURNITURE_RULES``: each has keywords (lower case) that
every match contains, and a line with none of them is not searched; the keywords are phrases a
line of prose seldom holds, so most lines skip all of them. ``MEDIA_LINE_RULES`` open with a token
no keyword can name (a digit, a bracket, a capital) and are anchored at the line's start, so each
fails at once on prose: ``media_line_rule`` tries them all on a line in one search.
"""

from __future__ import annotations

import re

from tui.corpus.page_captions import CAPTION_LINE_RULES, CAPTION_RULES
from tui.corpus.page_stamps import BYLINE_LINE_RULES, BYLINE_RULES, MONTH

_I = re.IGNORECASE

MEDIA_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A video player's own words: "Please log in to update your video settings", "Video will
    # begin in 5 seconds.", "please wait", "No media source currently available".
    (
        "video player",
        re.compile(
            r"^\W*((please )?(log ?in|sign ?in) to (update|change|manage) your (video|player) settings"
            r"|(the )?(next )?(video|ad|advertisement) will (begin|start|play|resume) in \d+ seconds?"
            r"|please wait|no media source (is )?currently available)\W*$",
            _I,
        ),
        ("video settings", "player settings", "seconds", "please wait", "media source"),
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
    # A video's duration and its source: "02:58 - Source: CNN".
    ("video link", re.compile(r"^\W*\d{1,2}:\d{2}\s*[-–—]\s*source:\s*\S.{0,30}$", _I), ("source:",)),
    # A post embedded from a social network: its short link, a trailing hashtag, or its HTML.
    (
        "social embed",
        re.compile(
            r"https?://t\.co/\w+\W*$|pic\.twitter\.com/\w+\W*$|(^|\s)#[A-Za-z]\w+\s*$"
            r"|^\s*<blockquote class=\"twitter-tweet\""
        ),
        ("t.co/", "pic.twitter", "#", "twitter-tweet"),
    ),
    # A release's pointer to more: "A statement ... is online at:".
    ("related link", re.compile(r"\bis (now )?(available )?online at\s*:\s*$", _I), ("online at",)),
    # A live page's link and the ends of a gallery: "Scottish Independence: As it happened",
    # "Before you go, we thought you'd like these...".
    ("related link", re.compile(r"^\W*[^.!?]{1,80}:\s*as it happened\W*$", _I), ("as it happened",)),
    ("related link", re.compile(r"^\W*before you go\b.{0,60}$", _I), ("before you go",)),
    ("comment prompt", re.compile(r"^\W*have your say\W*$", _I), ("have your say",)),
    # An archive's citation under a presidential document.
    (
        "source credit",
        re.compile(
            r"\bonline by [A-Z][\w. ]{1,40} and [A-Z][\w. ]{1,40}, the american presidency project\b", _I
        ),
        ("american presidency project",),
    ),
    # A news page's section label: CNN's "Story highlights".
    ("section label", re.compile(r"^\W*story highlights\W*$", _I), ("story highlights",)),
    # A forum post's stamp: "« on: August 24, 2012, 10:48:31 AM »".
    ("timestamp", re.compile(r"^\W*«?\s*on:\s*\w+ \d{1,2}, \d{4}\b.{0,30}»?\s*$", _I), ("on:",)),
    # A link in a story's text, its arrow after it: "See photos of the disaster »".
    ("related link", re.compile(r"^\W*(see|watch|read|view|listen to|hear)\b[^.!?]{0,80}»\s*$", _I), ("»",)),
    # A site's own promotions: "Take Valley News's quiz.", "Full coverage of the flood at Valley
    # Watch", "Get browser notifications for breaking news".
    (
        "related link",
        re.compile(
            r"^\W*(take (our|the|[\w.'’ ]{1,30}['’]s?) quiz\b.{0,40}"
            r"|([^.!?]{1,60}: )?full coverage (of [^.!?]{1,60} )?at [A-Z][\w.' ]{1,30}"
            r"|get (browser|push|desktop) notifications\b.{0,100})$",
            _I,
        ),
        ("quiz", "full coverage", "notifications"),
    ),
    # A site's note on its comments and its software: "Comment count on this article reflects
    # comments made on Valley.com and Facebook.", "More in this section", "Powered by ...".
    (
        "comment prompt",
        re.compile(r"^\W*comment count (on|for) this (article|story|post)\b", _I),
        ("comment count",),
    ),
    ("related link", re.compile(r"^\W*more in this (section|category|series)\W*$", _I), ("more in this",)),
    ("site notice", re.compile(r"^\W*powered by\b[^.!?]{1,40}$", _I), ("powered by",)),
    # A site's app, featured video and tag pages: "Valley AM Mobile App 2020", "Valley News
    # Featured Video", "Posts Tagged ‘floods’", "Also see:", "Video at Valley News online: ...".
    ("social prompt", re.compile(r"^\W*[\w&' ]{0,40}\bmobile app( \d{4})?\W*$", _I), ("mobile app",)),
    (
        "related link",
        re.compile(r"^\W*[\w&' ]{0,40}\bfeatured (video|videos|story|stories)\W*$", _I),
        ("featured",),
    ),
    ("navigation", re.compile(r"^\W*posts tagged\b.{0,60}$", _I), ("posts tagged",)),
    ("related link", re.compile(r"^\W*also see\s*:?\s*$", _I), ("also see",)),
    (
        "related link",
        re.compile(r"^\W*(video|photos?|audio|slideshow) (at|from|on) [A-Z][\w .'’-]{1,40}:", _I),
        ("video at", "video from", "video on", "photos at", "photo at", "audio at", "slideshow at"),
    ),
    # A paywall's and a newsletter's lines: "Become a digitalPLUS subscriber.", "Don't miss the big
    # stories."
    ("paywall", re.compile(r"^\W*become an? [\w+ ]{0,25}(subscriber|member)\W*$", _I), ("become a",)),
    (
        "newsletter appeal",
        re.compile(r"^\W*don'?t miss (the|our) (big |top |latest )?(stories|news|headlines)\W*$", _I),
        ("miss the", "miss our"),
    ),
    # A weather widget's icon label: "weather icon Clear".
    ("weather widget", re.compile(r"^\W*weather icon\b.{0,30}$", _I), ("weather icon",)),
    # A transcript's and a live page's notes: "THIS IS A RUSH TRANSCRIPT.", "Return to Transcripts
    # main page", "Aired July 05, 2011 - 15:00 ET", "Editor's note: For more on ... read our story".
    ("editor's note", re.compile(r"^\W*this is a rush transcript\b", _I), ("rush transcript",)),
    ("navigation", re.compile(r"^\W*return to\b.{0,40}\b(page|home|index|top)\W*$", _I), ("return to",)),
    ("timestamp", re.compile(r"^\W*aired\b.{0,40}\d{4}\b.{0,30}$", _I), ("aired",)),
    ("editor's note", re.compile(r"^\W*editor['’]s note\s*:", _I), ("editor's note", "editor’s note")),
    # A site's own lines: "Make us your home page", "A project of Valley Media", "Watch the full
    # story on Valley TV".
    (
        "site notice",
        re.compile(r"^\W*make (us|this( site)?|[\w.]+) your home ?page\W*$", _I),
        ("home page", "homepage"),
    ),
    (
        "masthead",
        re.compile(r"^\W*an? (project|service|publication|division) of [A-Z][\w .&'’-]{1,40}\W*$", _I),
        ("project of", "service of", "publication of", "division of"),
    ),
    (
        "related link",
        re.compile(
            r"^\W*(watch|read|see) the full (story|video|interview|report) (on|at) [A-Z][\w .&'’-]{1,40}\W*$",
            _I,
        ),
        ("the full",),
    ),
    # A clip's or picture's source and description: "This video clip is from Valley TV.",
    # "This image shows the north wall of the crater."
    (
        "source credit",
        re.compile(
            r"^\W*this (video|video clip|clip|photo|picture|image) (is|was|comes) from"
            r" [A-Z][\w .&'’-]{1,30}\.?$",
            _I,
        ),
        ("this video", "this clip", "this photo", "this picture", "this image"),
    ),
    # A page's skip link and a player's notice: "Main content", "Sorry, this episode is not
    # currently available".
    ("navigation", re.compile(r"^\W*main content\W*$", _I), ("main content",)),
    (
        "video player",
        re.compile(
            r"^\W*sorry,? this (episode|video|clip|programme|program|content) is (not|no longer)"
            r" (currently )?available\b.{0,40}$",
            _I,
        ),
        ("currently available", "longer available"),
    ),
    # A page's script settings printed as text: '{ "vars" : { "gtag_id": "UA-1" } }'.
    ("page code", re.compile(r'^\s*\{\s*"[\w$.-]{1,40}"\s*:\s*.*[}\]]\s*$'), ('"',)),
    # Forum spam in BBCode: "[url=]Buy cheap ...[/url]".
    ("spam link", re.compile(r"\[url=[^\]]*\].{0,120}\[/url\]", _I), ("[url=",)),
    # A video's embed credit: "The flood explained from Valley Comics on Vimeo."
    (
        "video link",
        re.compile(r"\bfrom [A-Z][\w .'’&-]{1,60} on (?i:vimeo|youtube)\.?\s*$"),
        ("vimeo", "youtube"),
    ),
    # A broadcaster's video under the story, described with no sentence end: "The BBC's Jo Lee
    # explains the flood", "Prof Jo Lee tells the BBC's Sam Hale the dam was sound".
    (
        "video link",
        re.compile(
            r"^\W*((?i:the )?[A-Z][\w&]*['’]s [A-Z][\w'’-]+( [A-Z][\w'’-]+){1,2}"
            r" (explains|reports on|looks at|examines|assesses|analyses|analyzes|considers)\b"
            r"|.{0,60}\btells (the )?[A-Z][\w&]*( [A-Z][\w&]*)?['’]s [A-Z][\w'’-]+ [A-Z][\w'’-]+\b)"
            r"[^.!?]{0,120}$"
        ),
        (
            "explains",
            "reports on",
            "looks at",
            "examines",
            "assesses",
            "analys",
            "analyz",
            "considers",
            "tells ",
        ),
    ),
    # A link to a video or an interactive under its kicker in title case, with no sentence end
    # ("Video: Destruction in Alden", "Interactive: Flood map"; in capitals, ``page_furniture``).
    (
        "related link",
        re.compile(
            r"^\W*(Video|Videos|Photos?|Gallery|Interactive|Audio|Audio slideshow|Slideshow)"
            r"\s*:\s*\S.{0,100}[^.!?\s]\s*$"
        ),
        ("video", "photo", "gallery", "interactive", "audio", "slideshow"),
    ),
    # A news service's name alone on a line: "American Forces Press Service".
    (
        "source credit",
        re.compile(r"^\W*([A-Z][\w.'’-]* ){0,4}(Press|News|Wire|Information) (Service|Agency)\W*$"),
        ("service", "agency"),
    ),
    # A video's introduction: "Here is a full video of the president's speech:".
    (
        "video link",
        re.compile(
            r"^\W*here (is|are) (a |the )?([\w-]+ ){0,2}(video|clip|footage)\b.{0,120}:\s*$"
            r"|\bin this (video|clip|footage)\s*:\s*$",
            _I,
        ),
        ("video", "clip", "footage"),
    ),
    # A report's video under the story: "Watch Jo Lee's Companion TV Report:".
    (
        "video link",
        re.compile(r"^\W*watch [\w'’ ]{1,40}\b(report|video|interview|clip)\s*:\s*$", _I),
        ("watch",),
    ),
    # A clip's credit: "Video from CNN.", and the source of a copied post: "via Yahoo!".
    (
        "video link",
        re.compile(r"^\W*(video|footage|audio) (from|courtesy( of)?|via) [A-Z][\w .&'-]{1,30}\.?$", _I),
        ("video", "footage", "audio"),
    ),
    ("source credit", re.compile(r"^via [A-Z][\w.&! ]{1,30}\.?\s*$"), ("via ",)),
    # A headline with its player's button glued on: "Floods Kill 40 »Play Video".
    ("video link", re.compile(r"\W\s*play video\W*$", _I), ("play video",)),
    # A report's pointer and kicker: "Read the report by Jo Lee and Sam Hale:", "Special Report:
    # Floods in the valley".
    (
        "related link",
        re.compile(
            r"^\W*(read (the )?(full )?(report|story|article|text|interview)\b.{0,120}:"
            r"|special (reports?|coverage)\s*:\s*\S.{0,100}[^.!?\s])\s*$",
            _I,
        ),
        ("read", "special"),
    ),
    # A government page's label over a statement: "STATEMENT BY THE PRESIDENT".
    (
        "document label",
        re.compile(
            r"^\W*(statement|remarks|press release|fact sheet|readout) (by|of|from) the (president|vice"
            r" president|prime minister|press secretary|secretary of state)\W*$",
            _I,
        ),
        ("statement by", "remarks by", "press release", "fact sheet", "readout", " of the ", " from the "),
    ),
    # A live page's closing note: "10:08 UTC: Our live updates on this story have now ended."
    (
        "editor's note",
        re.compile(r"\blive (updates|coverage|blog)\b.{0,40}\b(have|has) (now )?ended\b", _I),
        ("ended",),
    ),
    *BYLINE_RULES,
    *CAPTION_RULES,
]

MEDIA_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    # A video's embed line, its duration and the player's address: "PT1M54S http://... 620 349".
    ("video player", re.compile(r"^\W*PT(\d+H)?(\d+M)?\d+S\s+https?://\S+[\d ]{0,20}$")),
    # A video list's item, its duration first: "(00:50) Rough Cut Reuters Video".
    ("video link", re.compile(r"^\W*\(\d{1,2}:\d{2}\)\s+\S.{0,80}$")),
    # A link to a document under its kicker: "Read Dr Lee's statement to the press".
    (
        "related link",
        re.compile(
            r"^\W*(?i:read|watch|see|view|listen to) [\w.’' ]{0,40}\b(?i:statement|speech|remarks"
            r"|transcript|full text)\b[^.!?]{0,40}$"
        ),
    ),
    # A government release's letterhead: "The White House" / "Office of the Press Secretary".
    ("masthead", re.compile(r"^\W*(?i:the white house|office of the press secretary)\W*$")),
    # A release's or a blog's pointer to more: "For information about NASA's role, visit:",
    # "To learn more about the mission, visit: http://...", "For more on the vote, visit Valley News."
    (
        "related link",
        re.compile(
            r"^\W*(?i:(for (more )?information|to learn more|for more (on|about|details|news)"
            r"|more information)\b.{0,120}\b(visit|go to|see)\b[^.!?,]{0,60}[.:]?(\s*https?://\S+)?)\s*$"
        ),
    ),
    # A place and its outlet over the story, the dash alone after them: "London CNN —".
    ("dateline", re.compile(r"^[A-Z][\w.'’ ]{1,30}\s(CNN|AP|AFP|Reuters|BBC)\s*[—–-]{1,2}\s*$")),
    # A wire story's note of what its new version changed: "(Updates with the ruling)",
    # "(Corrects typographical error in second paragraph)".
    (
        "editor's note",
        re.compile(
            r"^\W*\((?i:updates?|corrects?|adds?|recasts?|refiles?|repeats?|changes|fixes|rewrites?)\b"
            r"[^()]{0,150}\)\W*$"
        ),
    ),
    # A dateline alone on a line, with its agency: "ALDEN, March 4 (Valley Wire)".
    (
        "dateline",
        re.compile(
            rf"^[A-Z][\w .'’-]{{1,30}}, (?i:{MONTH} \d{{1,2}}|\d{{1,2}} {MONTH})(, \d{{4}})?"
            r" \([A-Z][\w .-]{1,30}\)\W*$"
        ),
    ),
    # A menu's item with its arrow: "- NEWS >".
    ("navigation", re.compile(r"^[-•·]\s*\w[\w &]{0,30}\s*>\s*$")),
    # A dateline alone on its line, with a colon: "BERLIN, Germany:".
    ("dateline", re.compile(r"^[A-Z][A-Z .'’-]{1,30}, [A-Z][\w .'’-]{1,30}:$")),
    # A wire agency's name alone as a list item: "• Kyodo News" (alone, "Reuters" is a byline).
    (
        "source credit",
        re.compile(
            r"^[•·*-]\s*(Kyodo News|Jiji Press|Press Trust of India|Xinhua News Agency|Yonhap News Agency"
            r"|Agence France-Presse|Associated Press|Reuters|Bernama|ANI|IANS|PTI)$"
        ),
    ),
    # A weather box with its town: "| -1.3°C Alden".
    ("weather widget", re.compile(r"^[|\s]*-?\d{1,2}(\.\d)?\s*°\s*[CF]?\s+[A-Z][\w .'’-]{0,30}$")),
    # A clock time alone, a live page's stamp: "07:55 PM ET"; a gallery's counter alone: "1 of 2".
    ("timestamp", re.compile(r"^\W*\d{1,2}:\d{2}\s*(?i:[ap]\.?m\.?)\s*[A-Z]{0,4}\W*$")),
    (
        "timestamp",
        re.compile(r"^\W*\d{1,2}:\d{2}\s+(BST|GMT|UTC|CET|CEST|EST|EDT|PST|PDT|ET|PT|IST|JST)\W*$"),
    ),
    # A page's title with its bar and nothing after ("Blackout |"), a section between bars ("Sun |
    # Nation & World", "Log in | Become a member"): a few words, no sentence.
    ("navigation", re.compile(r"^[\w&'’ ]{1,30}\s\|(\s[\w&'’ ]{1,30}|\s*\?)?$")),
    # A site's social page: "Visit Valley News's Facebook Page."
    (
        "social prompt",
        re.compile(
            r"^\W*(?i:visit [\w.'’ -]{1,40}['’]s? (facebook|twitter|instagram|youtube|x)"
            r"( page| account| channel)?)\W*$"
        ),
    ),
    *BYLINE_LINE_RULES,
    *CAPTION_LINE_RULES,
]

# One search for all of them: each rule is a named alternative, anchored, with its flags inline, so
# the first that matches (in the list's order) names the reason.
_MEDIA_LINE_RE = re.compile(
    "|".join(f"(?P<r{n}>{pattern.pattern})" for n, (_, pattern) in enumerate(MEDIA_LINE_RULES))
)
_MEDIA_REASONS = {f"r{n}": reason for n, (reason, _) in enumerate(MEDIA_LINE_RULES)}


def media_line_rule(line: str) -> str | None:
    """The reason for a stripped line by ``MEDIA_LINE_RULES``, or None."""
    found = _MEDIA_LINE_RE.match(line)
    return None if found is None or found.lastgroup is None else _MEDIA_REASONS[found.lastgroup]
