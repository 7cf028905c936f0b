"""The web's furniture around an article: share bars, menus, link boxes, paywalls, adverts,
widgets (what a page says to its readers, its comment forms and appeals, is in
``page_readers``). Whole-line shapes that the software of news sites and blogs prints on
every page, worded the same from site to site ("Leave a Reply", "Continue reading ...", "Your email
address will not be published."), so each is a strong signal on its own.

``tui.corpus.page_clutter`` tries these in its ``LINE_RULES``, between its notes and its numbers;
the first rule that matches names the reason. A rule here matches a whole line, or a line's start
with words no article sentence begins with.
"""

from __future__ import annotations

import re

from tui.corpus.page_media import MEDIA_RULES
from tui.corpus.page_pointers import POINTER_RULES
from tui.corpus.page_readers import READER_RULES

_I = re.IGNORECASE

WEB_FURNITURE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "share buttons",
        re.compile(
            r"^\W*(share ?this( page| story| article)?|story tools\b|help keep family .{0,40} sharing"
            r"|(e-?mail|print|comment|recommend|tweet|share)(\s*[|/•·]\s*(e-?mail|print|comment|recommend"
            r"|tweet|share|save))+)",
            _I,
        ),
    ),
    (
        "navigation",
        re.compile(
            r"^\W*(accessibility links"
            r"|((skip|go|jump) to (the )?(main )?(content|contents|navigation|menu)\s*)+"
            r"|skip navigation"
            r"|breaking news"
            r"|live updates,?|homepage\s*>.*|[A-Z]+\s*>\s*\w+|arrow-right\b.*|(xs|sm|md|lg|xl|s|m|l)"
            r"|(adjust )?(text|font) size:?|(-\s*)?a\s+a\s+a(\s*\+)?"
            r"|main menu|left menu|news feed\b.*|world news|(show|hide) (thumbnails|captions)"
            r"|available on air stations)\W*$",
            _I,
        ),
    ),
    ("navigation", re.compile(r"^\W*[A-Z][\w ]{1,20} / [A-Z][\w ]{1,20}\W*$")),  # "News / Asia"
    ("navigation", re.compile(r"^\W*[A-Z][\w ]{1,20}\s+/\s*$")),  # a breadcrumb's last slash: "News /"
    ("navigation", re.compile(r"^\W*\w[\w ]{0,20}(\s*[»›]\s*\w[\w ]{0,20})+\W*$")),  # "News » World"
    ("tag", re.compile(r"^\s*[•·]\s*[A-Z][A-Z0-9 &'’-]{1,30}$")),  # a topic tag in capitals: "• WAR CRIMES"
    ("related link", re.compile(r"^\W*(read|see|watch|view) (more|all|the full story|full story)\W*$", _I)),
    (
        "navigation",
        # Up to three capitalised words may name the list first: "Politics Topics:", "More Tags:".
        re.compile(
            r"^\W*([A-Z][\w&'’-]* ){0,3}(?i:edition|filtered by|filed under|tagged( as| with)?|tags?|topics?"
            r"|categor(y|ies)"
            r"|sections?)\s*:"
        ),
    ),
    (
        "site notice",
        re.compile(
            r"\b(this|our) (site|website)\b.{0,60}\b(browser|compatible)|better experience this site", _I
        ),
    ),
    (
        "related link",
        re.compile(
            # "Live:" ("LIVE UPDATES:") over a link, not a live blog's opening sentence ("Live:
            # Scientists have ...").
            r"^\W*((full coverage|live( updates| blog)?(?=\s*:[^.!?]{0,100}$)|watch more|read more"
            r"|related)\s*:"
            r"|read the original article on)",
            _I,
        ),
    ),
    (
        "newsletter appeal",
        re.compile(
            r"^\W*(get the latest .{0,60}(news|updates)|or with:|sign up for .{0,40}newsletter"
            r"|your support (makes|helps)|please (consider )?(donat|support)|donate( now| today)?\b"
            r"|subscribe\b|become a (member|subscriber|supporter)"
            r"|stay (updated|informed|up to date|in the loop)\b"
            # a blog's follow box: "Get every new post delivered to your Inbox." / "Join 28 other followers"
            r"|get (every|each) new post\b|join [\d,]+ other (followers|subscribers)"
            r"|enter your e-?mail address to (subscribe|follow|receive))",
            _I,
        ),
    ),
    (
        "paywall",
        re.compile(
            r"^\W*((create|start|get|open|sign up for|register for) (a |your )?(free )?(account|subscription)"
            r"|or get a|subscribe (now|today|for)|already a subscriber|unlimited (digital )?access"
            r"|no credit card|don'?t miss the rest|subscriber[- ]exclusive"
            r"|save \d+ ?%( on (a|an|your) [\w ]{0,30}subscription\b.{0,20})?\W*$"
            r"|\$?\d+(\.\d+)?\s*(¢|cents?)?\s*(per|a|/)\s*(month|week|year)\W*$"
            r"|this is an? (premium|exclusive) (article|story)\b|to read \S+ (such )?premium articles\b"
            r"|for (full )?access to this (article|story|content)\b)"
            # a short line that ends so, with no full stop ("Create your free account to continue reading")
            r"|^(?=.{0,80}$).*(to continue reading|to keep reading|the rest of this (story|article))[^.\w]*$",
            _I,
        ),
    ),
    (
        "advert",
        re.compile(
            r"^\W*(advertise\b.*\|.*|adchoices|free traffic exchange|sponsored( links| content"
            r"| stories)?|paid (content|post)|promoted( content| stories)?)\W*$",
            _I,
        ),
    ),
]

# Rules for short lines that end no sentence (``page_clutter.SHORT_LINE_RULES`` splices them in
# among its own): share bars, a post's links, comment counts.
_NETWORKS = (
    r"(facebook|twitter|x\.com|whatsapp|linkedin|reddit|tumblr|pinterest|telegram|google\+|digg|e-?mail)"
)
SHORT_FURNITURE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "share buttons",
        re.compile(rf"(?i:{_NETWORKS}\W+(\w+\W+){{0,6}}?{_NETWORKS}\W+(\w+\W+){{0,6}}?{_NETWORKS})"),
    ),
    (
        "related link",
        re.compile(
            r"^\W*(full (article|story|coverage)|(read|see|view|show|load) (more|all)"
            r"( stories| news| articles)?"
            r"|continue reading)\W*$",
            _I,
        ),
    ),
    (
        "comment prompt",
        re.compile(
            r"^\W*((\d+\s+|no\s+)?comments?(\s*\(\d+\))?( (for|on|to) this (article|story|post))?"
            r"|comment on this (article|story|post)|\d+ comments?\W{0,4}read them\b.{0,30}"
            r"|(log ?in|sign ?in|register) to (comment|reply|vote)\b.*"
            r"|(add|leave|post|write|view|show|hide) (a |your |all )?(comments?|reply|replies)"
            r"|.{0,10}bloggers like this:?)\W*$",
            _I,
        ),
    ),
    ("link", re.compile(r"^\W*(https?://)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,6}(/\S*)?\W*$")),
    (
        "section label",
        re.compile(r"^\W*(update[sd]?|live( updates?)?|exclusive|developing( story)?|just in)\W*$", _I),
    ),
]

# Rules with a keyword prefilter of their own (``page_clutter`` tries them after its line rules): a
# line without one of the lower-cased strings is not searched, so the many lines of prose skip them.
KEYED_FURNITURE_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A breadcrumb of two steps or more: "Valley Times > News > Crime".
    ("navigation", re.compile(r"^\W*\w[\w .'’&-]{0,40}(\s+>\s+\w[\w .'’&-]{0,30}){2,6}\W*$"), (" > ",)),
    # A blog's archive heading: "Archive for March 4th, 2019", "Archives for March 2019".
    ("navigation", re.compile(r"^\W*archives? for\b.{0,30}\b\d{4}\W*$", _I), ("archive",)),
    # Provenance at the foot of a story: "The Associated Press contributed to this report."
    (
        "source credit",
        re.compile(
            r"^(?=.{0,240}$).{0,200}\bcontributed (to this (report|story|article)"
            r"|(some of )?the (information|reporting) (used )?in this (report|story|article|update))\W*$",
            _I,
        ),
        ("contributed",),
    ),
    *READER_RULES,
    *POINTER_RULES,
    # A box of other stories by its heading alone: "Recommended Videos", "Up next", "Don't miss",
    # "You may also like".
    (
        "related link",
        re.compile(
            r"^\W*(recommended (videos?|stories|articles|for you|reading)( for you)?|up next|watch next"
            r"|read next"
            r"|most (read|popular|viewed|shared|commented|e-?mailed)( in [\w &]{1,20})?"
            r"|more videos|more to read|don.?t miss|coming up|you (may|might) also (like|enjoy))\W*$",
            _I,
        ),
        tuple(
            "recommended|most |up next|watch next|read next|more videos|more to read|miss|coming up"
            "|also".split("|")
        ),
    ),
    # "(Read more Federal Reserve stories.)"
    (
        "related link",
        re.compile(r"^\W*read more\b[^.!?]{0,50}\b(stories|articles|news|coverage|reports)\W*$", _I),
        ("read more",),
    ),
    # A blog's source line before a quoted story: "From USA Today:", "Via Reuters:".
    ("source credit", re.compile(r"^\W*(?i:from|via) (the )?[A-Z][\w.&'’ -]{1,40}:\s*$"), ("from ", "via ")),
    # A link put as an instruction: "To read the full letter, click here.", "Photos: click here".
    (
        "related link",
        re.compile(r"^(?=.{0,100}$)\W*((to|for) \w+\b.{0,70}?,?\s*)?(click|tap) here\W*$", _I),
        ("here",),
    ),
    # A stock picture's credit: "Image by Jo Lee on Unsplash", "Photo by Jo Lee".
    (
        "photo credit",
        re.compile(
            r"^\W*(?i:(image|photo|picture|illustration)s? (by|from|via))\s+[A-Z@][\w .'’@/&-]{0,60}"
            r"( \([^()]{1,40}\))?$"
        ),
        ("image", "photo", "picture", "illustration"),
    ),
    # WordPress's embed box, word for word.
    (
        "embed code",
        re.compile(r"^\W*copy and paste this (url|code) into your (wordpress )?site to embed\W*$", _I),
        ("embed",),
    ),
    # A post's excerpt ends with its link: "Continue reading...", "… Continue reading <its title>",
    # "[Read more…] about <its title>", "read the story here". (Case as written: "Continue reading to
    # learn more" is not a title.)
    (
        "related link",
        re.compile(
            r"^\W*(?i:continue reading)(\s*(\.\.\.|…)?\W*$|\s+[A-Z‘“\"'].{0,150}$)"
            r"|^\W*(?i:read more)\s*(\.\.\.|…)?\W*(?i:about)\s+\S"
        ),
        ("continue reading", "read more"),
    ),
    (
        "related link",
        re.compile(
            r"^\W*(read|see|view|watch) (the |this )?(full |whole |complete |original )?(story|article|report"
            r"|post|video)( here)?\W*$",
            _I,
        ),
        ("story", "article", "report", "post", "video"),
    ),
    # A share plugin's tail on copied text: "- See more at: http://example.com/story#sthash.x".
    ("related link", re.compile(r"^\W*see more at:?\s*(https?://|www\.)\S+\W*$", _I), ("see more",)),
    # A script's placeholder, a style sheet's comment, a counter's alt text.
    ("layout marks", re.compile(r"^\W*loading\W*$|^\s*/\*.*\*/\s*$", _I), ("loading", "/*")),
    (
        "layout marks",
        re.compile(r"^\W*(web analytics|free (web )?counter|hit counter|site meter)\W*$", _I),
        ("analytics", "counter", "site meter"),
    ),
    # A weather box: "63°", "H 76° L 63°".
    (
        "weather widget",
        re.compile(r"^\W*-?\d{1,3}\s*°\s*[CF]?\W*$|^\W*(h|high):?\s*-?\d{1,3}\s*°\s*(l|low):?\s*-?\d", _I),
        ("°",),
    ),
    (
        "reading time",
        re.compile(r"^\W*(estimated )?read(ing)? time\s*:?\s*(about |under )?\d{1,3}\b", _I),
        ("read",),
    ),
    (
        "release label",
        re.compile(r"^\W*for immediate release\b\W*(:.{0,40})?$|^\W*embargoed (until|till)\b", _I),
        ("immediate release", "embargoed"),
    ),
    # A site that would rather run in another browser: "Example.com works better on other browsers".
    (
        "site notice",
        re.compile(
            r"\bworks (best|better) (on|in|with)\b.{0,40}\bbrowsers?\b"
            r"|\bwe recommend using (google )?(chrome|firefox|safari|(microsoft )?edge)\b",
            _I,
        ),
        ("browser", "recommend using"),
    ),
    # Syndication at the foot of a story: "This article originally appeared on Example News."
    (
        "source credit",
        re.compile(
            r"^\W*this (article|story|post|report) (was )?(originally |first )?(appeared|published|ran)"
            r" (on|in)\b.{0,60}$",
            _I,
        ),
        ("originally", "first appeared", "first published", "appeared on", "appeared in"),
    ),
    # The site's legal small print, addressed to the reader or naming the site's own policy: "By
    # using this site, you agree to our Terms of Use", "Our Privacy Policy is also available there."
    (
        "legal notice",
        re.compile(
            r"\b(you (signify|agree|accept|consent)|your (agreement|consent|acceptance))\b.{0,80}"
            r"\b(terms|privacy|polic(y|ies)|conditions)\b"
            r"|^\W*(read |see |view )?our (privacy|cookie|cookies) polic(y|ies)\b",
            _I,
        ),
        ("terms", "privacy", "policy", "policies", "conditions"),
    ),
    # A social widget's heading and a redirecting page's notice, word for word on every page.
    ("social prompt", re.compile(r"^\W*tweets by @\w+\W*$", _I), ("tweets by",)),
    (
        "site notice",
        re.compile(r"^\W*you will (now )?be redirected\b.{0,60}\b(page|site|website|seconds?)\b", _I),
        ("redirected",),
    ),
    # A link under a kicker in capitals: "SPEECH: Read the text of the mayor's address",
    # "VIDEO: Watch the rescue".
    (
        "related link",
        re.compile(r"^\W*[A-Z]{3,}( [A-Z]{2,})?:\s*(?i:read|watch|see|listen to|view)\b.{0,100}[^.!?\s]\s*$"),
        (": read", ": watch", ": see", ": listen", ": view"),
    ),
    # A link to a video or gallery under its kicker: "VIDEO: Pluto flyby a success", "PHOTOS: ...",
    # "Photo gallery: The flood in pictures.", described in a sentence of its own ("VIDEO: Jo Lee
    # on the vote." but not "VIDEO: the council will publish it, a spokesman said.").
    (
        "related link",
        re.compile(
            r"^\W*(VIDEO|VIDEOS|PHOTOS?|PICTURES|GALLERY|SLIDESHOW|PODCAST|LISTEN|WATCH|TIMELINE|QUIZ|POLL|STORY"
            r"|Photos|Pictures"
            r"|(?i:photo|picture|video|image) (?i:gallery|galleries|slideshow))"
            r"\s*:\s*(\S.{0,100}[^.!?\s]|[A-Z][^.!?]{0,140}[.!?])\s*$"
        ),
        (
            "video",
            "photo",
            "picture",
            "gallery",
            "slideshow",
            "podcast",
            "listen",
            "watch",
            "timeline",
            "quiz",
            "poll",
            "story",
        ),
    ),
    # The agency alone on a line under a story, with its article ("Associated Press" alone is
    # taken for a byline already): its credit.
    ("source credit", re.compile(r"^\W*the associated press\W*$", _I), ("associated press",)),
    # A caption that ends with its agency in brackets or after a copyright sign (Al Jazeera, UEFA):
    # "Spain's captain lifts the trophy [AFP]", "Players celebrate ©AFP".
    (
        "photo caption",
        re.compile(
            r"(\[(AFP|AP|Reuters|EPA|EPA-EFE|Getty Images|Getty|Xinhua|Gallo/Getty)\]"
            r"|©\s*(AFP|AP|Reuters|EPA|Getty Images|Getty|Xinhua))\s*$"
        ),
        ("[", "©"),
    ),
    *MEDIA_RULES,
]


_KEYWORDS = {word for _, _, needs in KEYED_FURNITURE_RULES for word in needs}
# The keywords of all of them, none inside another ("read" covers "read more"), for one check per line.
_FURNITURE_WORDS = tuple(sorted(w for w in _KEYWORDS if not any(o != w and o in w for o in _KEYWORDS)))


def keyed_furniture_rule(line: str, lowered: str) -> str | None:
    """The reason for a stripped line by ``KEYED_FURNITURE_RULES`` (``lowered``: the line in lower
    case), or None."""
    if not any(map(lowered.__contains__, _FURNITURE_WORDS)):  # most lines have none of the keywords
        return None
    for reason, pattern, needs in KEYED_FURNITURE_RULES:
        if any(map(lowered.__contains__, needs)) and pattern.search(line):
            return reason
    return None


def link_bar(line: str) -> bool:
    """Three or more short items between bars or dots: "Posted | Comment | Recommend | Print",
    "Multimedia · User Galleries · Send us your stories"."""
    bar = max("|·•", key=line.count)
    if line.count(bar) < 3:
        return False
    items = [item.strip() for item in line.split(bar)]
    items = [item for item in items if item]
    return len(items) >= 2 and all(len(item.split()) <= (3 if bar == "|" else 6) for item in items)
