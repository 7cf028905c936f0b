"""What a page says to its readers beside the article: its comment forms and the headings of its
comment lists, appeals for their stories, newsletter boxes, share buttons and icons, and pointers
to more ("See the full text here", "Looking for more?"). Worded the same from site to site, each is
a strong signal on its own.

``READER_RULES`` join ``page_furniture.KEYED_FURNITURE_RULES`` (in its order, where the first
that matches names the reason): each has keywords (lower case) that every match contains, and a
line with none of them is not searched.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
# A blog's comment header's verb, as Blogger prints it in the languages met so far.
COMMENTER_SAID = r"(said|berkata|dijo|disse|sagte|a dit|zei|schreef)(\.\.\.|…)"

READER_RULES: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # A newsletter box anywhere in the line: "... headlines delivered straight to your email inbox".
    (
        "newsletter appeal",
        re.compile(r"\b(delivered|sent) (straight |right |directly )?to your (e-?mail )?inbox\b", _I),
        ("inbox",),
    ),
    # The comment form of blog software, word for word on every WordPress and Blogger page.
    (
        "comment prompt",
        re.compile(
            r"^\W*(your e-?mail address will not be published|required fields are marked"
            r"|this site uses akismet to reduce spam|learn how your comment data is processed"
            r"|save my name, e-?mail,? and website in this browser"
            r"|notify me of (new|follow-up) (posts|comments)"
            # Drupal's comment form, word for word
            r"|no html tags allowed|web page addresses and e-?mail addresses turn into links automatically"
            r"|lines and paragraphs break automatically"
            r"|fill in your details below or click an icon to log in"
            r"|.{0,80}\bplease (adhere to|read|follow) our (commenting|comment|community) guidelines\b.{0,10}"
            r"|you are commenting using your [\w.+]+ account|log out\s*/\s*change\s*\)"
            r"|comments? (\(\d+\)|/\s*\d+)$|use the comment form below\b.{0,80}"
            # a comment list's heading: "2 Responses", "14 thoughts on “Alden floods”"
            r"|\d+ (responses?|replies|thoughts)( (to|on) .{1,80})?$)",
            _I,
        ),
        tuple(
            "published|required fields|akismet|comment|save my name|notify me|html tags|turn into links"
            "|paragraphs break|fill in|guidelines|log out|response|repl|thoughts".split("|")
        ),
    ),
    # A blog's comment header: "Anonymous said...", "Jo Lee said…" (prose says "said." or "said:"),
    # as Blogger prints it in other languages too ("-syah- berkata…").
    (
        "comment prompt",
        re.compile(rf"^\W*[\w.'’ -]{{1,40}} {COMMENTER_SAID}\s*$"),
        ("...", "…"),
    ),
    # Share and reblog buttons: "Share via", "Reblog this post [with Zemanta]".
    (
        "share buttons",
        re.compile(r"^\W*(share via|reblog this( post)?\b.{0,30})\W*$", _I),
        ("share via", "reblog"),
    ),
    # A newsletter's sign-up line: "Get the Valley Times Politics newsletter".
    ("newsletter appeal", re.compile(r"^\W*get (the|our) .{1,50}newsletters?\W*$", _I), ("newsletter",)),
    # An appeal to the reader: "Send us your story.", "Share your photos with us".
    (
        "reader appeal",
        re.compile(
            r"^\W*((send|e-?mail|tell|show) us|share) your (\w+ ){0,2}(story|stories|photos?|pictures?"
            r"|videos?|views|thoughts|opinions?|tips?|experiences?)( with us)?\b[^.!?]{0,60}[.!]?\W*$",
            _I,
        ),
        ("us your", "share your"),
    ),
    # A share bar's icons by their alt text: "Facebook icon", "Twitter icon e-mail icon".
    (
        "share buttons",
        re.compile(
            r"^(\W*(facebook|twitter|x|e-?mail|print|whatsapp|linkedin|pinterest|reddit|google\+?|rss|share)"
            r"\s+(icon|logo|button)\W*)+$",
            _I,
        ),
        ("icon", "logo", "button"),
    ),
    # A pointer to more, as a link's words: "See the official transcript here.", "Also, see the
    # council's report here", "full article here" (prose ends "..., the mayor said.").
    (
        "related link",
        re.compile(
            r"^\W*((also,?\s+)?(see|read|watch|view|listen to|click)\b[^.!?]{0,100}"
            r"|(read )?(the )?full (article|story|text|report|transcript|interview))\s+here\W*$",
            _I,
        ),
        ("here",),
    ),
    # A link's words ending in capitals ("Reuters report w/video HERE") or a heading for links
    # ("Links to Media Coverage:").
    ("related link", re.compile(r"^.{0,60}\bHERE\W*$"), ("here",)),
    ("related link", re.compile(r"^\W*links?\b[^.!?]{0,40}:\s*$", _I), ("link",)),
    # An empty comment section, and its heading cut short: "There are no comments yet.", "Comments ..."
    (
        "comment prompt",
        re.compile(
            r"^\W*(there are no comments( yet)?|no comments yet|be the first to comment\b.{0,30}"
            r"|comments?\s*(\.\.\.|…))\W*$",
            _I,
        ),
        ("comment",),
    ),
    # A gallery's label and a share button: "In Pics", "Share story".
    (
        "related link",
        re.compile(r"^\W*in (pics|pictures|photos|images)\W*$|^\W*in pictures\s*:\s*\S.{0,100}$", _I),
        ("in pic", "in photo", "in image"),
    ),
    # A live blog's and a box's pointers: "Follow GlobalPost's Live Blog on the vote", "More: <title>".
    (
        "related link",
        re.compile(
            r"^\W*follow [\w'’ ]{1,30}live (blog|coverage|updates)\b.{0,80}$|^\W*more\s*:\s*\S.{0,100}$", _I
        ),
        ("live blog", "live coverage", "live updates", "more:", "more :"),
    ),
    # An appeal to share: "If you liked this article, please give it a quick review on ...".
    (
        "social prompt",
        re.compile(r"^\W*if you (liked|enjoyed) this (article|post|story)\b.{0,120}$", _I),
        ("if you",),
    ),
    # A comment list's heading in words: "One Response to “<title>”".
    (
        "comment prompt",
        re.compile(
            r"^\W*(one|two|three|no) (responses?|replies|comments?|thoughts?) (to|on) [“\"‘'].{1,100}$", _I
        ),
        ("response", "repl", "comment", "thought"),
    ),
    # A blog's pager: "« Previous Post | L.A. NOW Home | Next Post »".
    (
        "navigation",
        re.compile(r"^\W*previous (post|article|story)\b.{0,60}\bnext (post|article|story)\W*$", _I),
        ("previous",),
    ),
    # A warning over a picture: "WARNING: Graphic photo appears below."
    (
        "editor's note",
        re.compile(r"^\W*warning\s*:\s*graphic (photo|image|video|content)\b.{0,60}$", _I),
        ("graphic",),
    ),
    ("share buttons", re.compile(r"^\W*share (this |the )?(story|article|post|page)\W*$", _I), ("share",)),
    ("social prompt", re.compile(r"^\W*click to follow\W*$", _I), ("click to follow",)),
    # An agency's part in the story: "- With inputs from IANS", "Source - Valley Wire | BBC".
    (
        "source credit",
        re.compile(
            r"^\W*[-–—]?\s*with (additional )?inputs? (from|fom|by) (?-i:[A-Z])[\w .&/|-]{1,40}$"
            r"|^\W*source\s*[-–—]\s*[A-Z][\w .|&/,'-]{1,40}$",
            _I,
        ),
        ("input", "source"),
    ),
    # An offer with the week's price: "This week, save 90% on digital access."
    (
        "paywall",
        re.compile(
            r"^\W*(this (week|month|weekend)\W+)?save \d+ ?% on (digital |unlimited )?"
            r"(access|subscriptions?)\b.{0,30}$",
            _I,
        ),
        ("save",),
    ),
    # A station's comment form: "You must be logged in to post comments.", "Password (case
    # sensitive):", "Remember Me:", "Read Comments", "Comments are posted from viewers like you ...".
    (
        "comment prompt",
        re.compile(
            r"^\W*(you must be (logged|signed) in to (post|leave|add|write|read) (a )?comments?"
            r"|read comments|comments are (posted|submitted|written) (by|from)\b.{0,120}"
            r"|(password|user ?name|e-?mail|screen name)\s*(\([^)]{0,30}\))?\s*:|remember me\s*:?)\W*$",
            _I,
        ),
        ("comment", "password", "user", "mail", "screen name", "remember me"),
    ),
    # A story's pager and an empty box: "Previous articleThe next story's title", "No posts to
    # display", "See more of the story".
    (
        "navigation",
        re.compile(
            r"^\W*(previous|next) (article|post|story)((?-i:[A-Z])|\s*:)"
            r"|^\W*no (posts|articles|stories) to (display|show)\W*$",
            _I,
        ),
        ("previous", "next", "to display", "to show"),
    ),
    ("related link", re.compile(r"^\W*see more of (the|this) (story|article)\W*$", _I), ("see more of",)),
    # An archive's note over an old story: "This article is more than 9 years old", "This was
    # published 13 years ago"; a feature the copy lost: "We're sorry, this feature is currently
    # unavailable."
    (
        "site notice",
        re.compile(
            r"^\W*(this (article|story|page) is (more than|over) \d+ (years?|months?) old"
            r"|this (article |story )?was published (more than |over )?\d+ (years?|months?) ago"
            r"|(we[’']re|we are) sorry,? (but )?this (feature|content|video|page|service) is (currently "
            r"|temporarily )?(unavailable|not available))\W*$",
            _I,
        ),
        ("years old", "months old", "year old", "month old", " ago", "sorry"),
    ),
    # "READ SOME MORE", and a live blog's credits heading: "THANKS:".
    ("related link", re.compile(r"^\W*read some more\W*$", _I), ("read some more",)),
    (
        "source credit",
        re.compile(r"^\W*(thanks|many thanks|acknowledge?ments?)\s*:\s*$", _I),
        ("thanks", "acknowledg"),
    ),
    # A blog's pager and home link: "Back to previous post: <title>", "Forward to next post:
    # <title>", "Go to Making Light's front page.", "link to Home Page".
    (
        "navigation",
        re.compile(
            r"^\W*((back|forward|go) to (the )?(previous|next) (post|article|story|entry)\b.{0,100}"
            r"|(go|back|return) to [\w'’ ]{1,40} front page|(link|back|go|return) to (the )?home ?page)\W*$",
            _I,
        ),
        ("previous", "next", "front page", "home page", "homepage"),
    ),
    # Where a story's facts came from: "Some information for this story provided by AP and
    # Reuters.", "(Originally published by the Daily News on August 31, 2005.)".
    (
        "source credit",
        re.compile(
            r"^\W*((some )?(information|material|reporting) (for|in) this (story|report|article) (was )?"
            r"(provided|contributed|supplied) by\b.{1,60}|originally published (by|in|on)\b.{1,80})$",
            _I,
        ),
        ("provided by", "contributed by", "supplied by", "originally published"),
    ),
    # A paper's appeal to subscribe: "Read the Sun Sentinel's award-winning journalism".
    (
        "paywall",
        re.compile(
            r"^\W*(read|support|subscribe to) [\w'’ ]{1,40}award-winning (journalism|coverage|reporting)\W*$",
            _I,
        ),
        ("award-winning",),
    ),
    # A picture credits line: "Credits (L-R): AP Photo/Jo Lee".
    ("photo credit", re.compile(r"^\W*credits?\s*\((l-r|left to right)\)\s*:", _I), ("credit",)),
    # A post's excerpt pointer: "Click on post title to read more…".
    (
        "related link",
        re.compile(
            r"^\W*click (on )?(the )?(post )?(title|headline|link|here) to read"
            r" (more|the (full )?(story|post))\W*$",
            _I,
        ),
        ("click",),
    ),
    # A box of more stories by its heading: "Looking for more?"
    ("related link", re.compile(r"^\W*looking for more\W*$", _I), ("looking for more",)),
    # A site's note that its comments are shut: "Comments are closed.", "Due to increased amount of
    # spamming, comments may no longer be left."
    (
        "comment prompt",
        re.compile(
            r"^\W*([^.!?]{0,60},\s*)?(comments|commenting) (are|is|have been|has been|may no longer be"
            r"|can no longer be) (now )?(closed|disabled|turned off|left|posted|accepted)\b[^.!?]{0,40}\W*$",
            _I,
        ),
        ("comment",),
    ),
    # A newsletter's blurb: "A free daily email with the biggest news stories of the day".
    (
        "newsletter appeal",
        re.compile(
            r"^\W*(an? |our )?free (daily|weekly|morning|evening) (e-?mail|newsletter|briefing)\b", _I
        ),
        ("free",),
    ),
    # A wiki's archive notice under an old story: "This page is archived, and is no longer publicly
    # editable.", "Articles presented on Valleypedia reflect the specific time at which they were
    # written", "... due to our archival policy ...", "Note that some listed sources or external
    # links may no longer be available"; a paper's: "This story is from April 8, 2013".
    (
        "site notice",
        re.compile(
            r"^\W*(this page is archived\b.{0,60}"
            r"|articles presented on [\w .'’-]{1,30} reflect the specific time\b.{0,200}"
            r"|(please )?note that,? due to our archival policy\b.{0,200}"
            r"|(please )?note that some (listed )?sources or external links may no longer be"
            r" available\b.{0,40}"
            r"|this (story|article) is from (?-i:[A-Z])\w+ \d{1,2}, \d{4}"
            r"|this (story|article) is from the archives? of\b.{0,60}"
            r"|this is an archived (article|story|page)\b.{0,100}"
            r"|wikipedia has more about this subject:?)\W*$",
            _I,
        ),
        (
            "archiv",
            "wikipedia has more",
            "reflect the specific time",
            "external links",
            "this story is from",
            "this article is from",
        ),
    ),
    # A station's appeal: "Valley News is your trusted resource for the news you need."
    (
        "reader appeal",
        re.compile(r"^\W*[\w .&'’-]{1,40} is your trusted (source|resource)\b[^.!?,]{0,80}[.!]?\W*$", _I),
        ("trusted",),
    ),
    # A shop's offer: "Boost your energy today with Sunny Tonic, now at 50% off!"
    ("advert", re.compile(r"\b(now|today|only)\b[^.!?]{0,20}\b\d{1,2} ?% off\s*!", _I), ("% off",)),
    # A newsletter's and a comment form's sign-up: "Get the Valley Times' Morning Call email.",
    # "Please, sign in to leave your comment".
    (
        "newsletter appeal",
        re.compile(r"^\W*get (the|our) (?-i:[A-Z]).{0,50}\b(e-?mail|briefing|bulletin|digest)s?\W*$", _I),
        ("mail", "briefing", "bulletin", "digest"),
    ),
    (
        "comment prompt",
        re.compile(r"^\W*(please,? )?(sign|log) ?in to (leave|post|add|write) (a |your )?comments?\W*$", _I),
        ("in to",),
    ),
    # Where a syndicated story came from, and its terms: "Article originally appeared on the Valley
    # Observer (http://...).", "See website for complete article licensing information."
    (
        "source credit",
        re.compile(
            r"^\W*((this )?(article|story) (originally |first )?appeared (first )?(on|in)\b.{1,120}"
            r"|see (the )?website for (complete )?(article )?licensing information)\W*$",
            _I,
        ),
        ("appeared", "licensing"),
    ),
    # A live post's promise and an archive's labels: "We'll update this post as we find
    # out more…", "Publisher | Valley Radio |", "Cite as | ...", "Disclaimer | ...", "Based on
    # reporting by AP and Reuters".
    (
        "editor's note",
        re.compile(r"^\W*we(['’]ll| will) (update|be updating) this (post|story|article|page)\b.{0,60}$", _I),
        ("update this", "updating this"),
    ),
    (
        "document label",
        re.compile(r"^\W*(publisher|cite as|disclaimer|author|document type|country|topics?)\s*\|", _I),
        ("|",),
    ),
    (
        "source credit",
        re.compile(
            r"^\W*(based on|compiled from) (reporting|reports) (by|from) (?-i:[A-Z])[\w.&/'’-]*"
            r"(,? (and )?(?-i:[A-Z])[\w.&/'’-]*)*\W*$",
            _I,
        ),
        ("reporting", "reports"),
    ),
    # A comment box's opener and its software: "Start the conversation", "blog comments powered by
    # Disqus".
    (
        "comment prompt",
        re.compile(
            r"^\W*((start|join) the (conversation|discussion)|(blog )?comments powered by \w+)\W*$", _I
        ),
        ("conversation", "discussion", "powered by"),
    ),
    # A paper's appeal for support: "Support the independent voice of Alden and help keep the
    # future of the Valley Voice free."
    (
        "reader appeal",
        re.compile(r"^\W*support (the |our )?independent (voice|journalism|news|reporting)\b.{0,120}$", _I),
        ("independent",),
    ),
]
