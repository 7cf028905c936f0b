"""A picture's words around an article: its captions by their formulas ("In this March 4, 2019,
file photo, ...", "This image shows ...", "... is seen on Tuesday"), its credits and its
placeholders ("photo", "49 PHOTOS", "1 of 12"), and a gallery's controls ("+Read Caption").

As in ``page_media``, of which these are a part: ``CAPTION_RULES`` have keywords (lower case) that
every match contains, and ``CAPTION_LINE_RULES`` are anchored at the line's start and open with a
token no keyword can name.
"""

from __future__ import annotations

import re

from tui.corpus.page_stamps import DAY

_I = re.IGNORECASE
_PLACES = "(?:left|right|centre|center|top|bottom|inset|far left|far right|pictured)"
_PICTURE = (
    r"(rendering|illustration|concept illustration|image|photo|photograph|picture|view|graphic"
    r"|full-resolution version|labell?ed version)"
)
_PICTURE_VERB = r"(shows|was (taken|acquired|released|captured|snapped))"

CAPTION_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A caption's verb: "Fidel Castro is shown at the airport in 2004" (no sentence end), and a
    # photo named in a sentence: "Castro, shown in an undated file photo, took power in 1959."
    (
        "photo caption",
        re.compile(
            r"^[^.!?]{0,150}\b(is|are) (shown|pictured)\b[^.!?]{0,150}$"
            r"|\b(shown|seen|pictured) in (an? |this )?(undated )?(file )?(photo|picture|image)\b",
            _I,
        ),
        ("shown", "pictured", "seen in"),
    ),
    ("photo caption", re.compile(r"^\W*(a|an) handout (photo|image|picture)\b", _I), ("handout",)),
    # "A file photo shows an airliner taking off." (a photo named in prose is "a photo posted on
    # Twitter shows ...": no file, handout or undated picture there).
    (
        "photo caption",
        re.compile(
            r"^\W*(a|an|this) (file|handout|undated) (photo|image|picture|photograph)"
            r" (shows?|from|provided by)\b",
            _I,
        ),
        ("file", "handout", "undated"),
    ),
    # A still from a video: "A screenshot from a video said to show the crash site."
    (
        "photo caption",
        re.compile(
            r"^\W*(a|this) (screenshot|screen grab|screengrab|frame grab|still) (from|of|taken)\b", _I
        ),
        ("screen", "grab", "still"),
    ),
    # A picture's credit by its label or its maker: "Photographer: Jo Lee/AFP via Getty Images",
    # "Image used with permission by copyright holder", "YouTube: Valley TV".
    (
        "photo credit",
        re.compile(
            r"^\W*(photographer\s*:\s*[A-Z].{1,80}|images? used with permission\b.{0,60}"
            r"|(youtube|twitter|facebook|instagram|flickr)\s*:\s*[\w@][\w@'’-]*( [\w@'’-]+){0,3})$",
            _I,
        ),
        ("photographer", "permission", "youtube", "twitter", "facebook", "instagram", "flickr"),
    ),
    # A caption with its credit at the end or its photographer first: "The mayor on the bridge
    # Credit: Valley Wire/Jo Lee", "PHOTO | JO LEE The bridge at dawn".
    (
        "photo caption",
        re.compile(r"[a-z]\s+Credit:\s*[A-Z][\w/ .&'’-]{1,60}$|^\W*(?i:photo)\s*\|\s*[A-Z]"),
        ("credit:", "photo"),
    ),
    # A picture's credit by its label: "Image source: YouTube", "Photo courtesy: City Hall".
    (
        "photo credit",
        re.compile(
            r"^\W*(image|photo|picture|photograph|video)s? (source|credit|courtesy)s?\s*[:–—-]\s*\S.{0,40}$",
            _I,
        ),
        ("source", "credit", "courtesy"),
    ),
    (
        "photo caption",
        re.compile(r"^\W*file (photo|image|picture)( from \d{4})? of\b", _I),
        ("file photo", "file image", "file picture"),
    ),
    # A picture's file name before its caption: "7bridge.112368.jpg The wreckage ...".
    (
        "photo caption",
        re.compile(r"^\W*[\w.-]+\.(jpe?g|png|gif|webp)\s", _I),
        (".jp", ".png", ".gif", ".webp"),
    ),
    (
        "photo caption",
        re.compile(
            r"^\W*this (image|photo|picture|still|view|animation still) (shows|was taken)\b[^!?]{0,250}$", _I
        ),
        ("this image", "this photo", "this picture", "this still", "this view", "this animation"),
    ),
    # "This image of the comet was acquired by the lander ...", "This artist's rendering shows the
    # probe ...", "The image shows ...": a picture described by what it shows or how it was taken
    # ("The photo provided by a neighbour shows ...", "This image, the mayor said, shows ..." are a
    # story's sentences about a photo).
    (
        "photo caption",
        re.compile(
            rf"^\W*this (artist['’]s )?{_PICTURE}\b[^.!?,]{{0,80}}\b{_PICTURE_VERB}\b"
            rf"|^\W*the {_PICTURE} {_PICTURE_VERB}\b",
            _I,
        ),
        ("shows", "was taken", "was acquired", "was released", "was captured", "was snapped"),
    ),
    # The people in a picture placed by a word between commas: "The mayor, left, greets ...".
    (
        "photo caption",
        re.compile(
            r"^[^.!?]{3,120}, (left|right|centre|center|far left|far right|second from (left|right)),\s", _I
        ),
        (
            ", left,",
            ", right,",
            ", centre,",
            ", center,",
            "far left,",
            "far right,",
            "from left,",
            "from right,",
        ),
    ),
    # A caption placing its people: "The mayor (left) with the governor (right)" or, with one
    # place, a line that ends no sentence: "Crowds outside the hall (pictured)".
    (
        "photo caption",
        re.compile(
            rf"^[^.!?]{{0,200}}\({_PLACES}\)[^.!?]{{0,200}}$|\({_PLACES}\).{{0,200}}\({_PLACES}\)", _I
        ),
        tuple(f"({place})" for place in _PLACES[3:-1].split("|")),
    ),
    # An agency caption's formula: "A destroyed building is seen on Tuesday, ..." ("is seen as" is
    # prose's).
    (
        "photo caption",
        re.compile(rf"\b(is|are) seen (?!as\b)[^.!?]{{0,80}}\b(on|in|during) {DAY}\b", _I),
        ("seen",),
    ),
]

CAPTION_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    # A wire photo's id glued before its caption: "capt.1fd1270c8c1043c0b27c5faa010b20f9 ...".
    ("photo file name", re.compile(r"^capt\.[0-9a-f]{16,}\b")),
    # An agency and its photographer: "Reuters/Jo Lee".
    ("photo credit", re.compile(r"^(Reuters|AP|AFP|EPA|Getty Images|Xinhua)\s?/\s?[A-Z][\w.'’ -]{1,40}$")),
    # A photographer and an agency or paper: "Jo Lee/Associated Press", "Sam Hale / Globe Staff".
    (
        "photo credit",
        re.compile(
            r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}\s?/\s?(The )?([A-Z][\w.&'’]* ){0,4}"
            r"(Press|Images|Staff|Photos?|Pictures|Reuters|AFP|AP|EPA|NASA|Getty|Bloomberg|Corbis|Xinhua"
            r"|Shutterstock|Alamy|Agency|Service|Times|Post|Herald|Tribune|Journal|Globe)"
            r"( via [A-Z][\w ]{1,20})?$"
        ),
    ),
    # A gallery's count and an agency's caption header ("DARMSTADT, GERMANY - NOVEMBER 12: ...",
    # "AUGUST 3: In this handout ..."): the month in capitals, as Getty Images writes it.
    ("photo caption", re.compile(r"^\W*\d{1,4}\s+(?i:photos|pictures|images|slides)\W*$")),
    (
        "photo caption",
        re.compile(
            r"^\W*([A-Z][A-Z .,'’-]{1,40} [-–—] )?(JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST"
            r"|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER) \d{1,2}:\s"
        ),
    ),
    # A picture's credit in brackets, however long: "(Photo by A/B/C via Getty Images)".
    (
        "photo credit",
        re.compile(r"^\s*\(\s*(?i:photo|image|picture)s? (?i:by|courtesy of)\b[^()]{1,240}\)\W*$"),
    ),
    # A US military photo's id (its VIRIN) before the caption: "100421-G-XXXXL-010A Coast Guard ...".
    ("photo caption", re.compile(r"^\W*\d{6}-[A-Z]-[A-Z0-9]{4,8}-\d{3,4}[A-Z]?\s")),
    # An AP caption's formula: "In this July 24, 2005, file photo, ...".
    (
        "photo caption",
        re.compile(
            r"^\W*(?i:in this (\w+,? ){0,4}(file )?(photo|image|picture|frame grab)"
            r"( provided by [^,]{1,60})?,)"
        ),
    ),
    # A picture's alt text: "Jo Lee photo", "Valley Times masthead".
    ("photo caption", re.compile(r"^[A-Z][\w.'’ -]{1,40} (photo|image|picture|masthead|logo)\s*$")),
    ("photo caption", re.compile(r"^\W*\d{1,3} of \d{1,3}\W*$")),
    # A gallery's controls and a picture's label alone: "+Read Caption", "Hide caption", "photo".
    ("photo caption", re.compile(r"^\W*(?i:(read|show|hide|view|expand|close) caption)\W*$")),
    ("photo placeholder", re.compile(r"^\W*(?i:photos?|images?|pictures?)\W*$")),
]
