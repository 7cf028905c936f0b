"""Where the pieces pySBD cuts are joined again, or cut once more, and the span they make.

pySBD (and the easy-paragraph rule in ``tui.corpus.segment``) cut a paragraph into pieces; real
pages have pieces that belong together (a clock time and its zone, a quoted exclamation and who
said it, a dateline and its dash, an address cut at its dots or a web address at its "?", an
abbreviation, title or place name pySBD does not know, a list item's number) and a few sentences
that pySBD leaves together (an attribution between two quotations whose marks do not pair up, a
page store's date stamp before the first sentence).
Every rule keeps offsets exact: spans are only merged or cut, never moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.corpus.text import STORE_DATE_RE, ends_sentence


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence's place in the text: ``text[start:end]``, and the paragraph it is in."""

    start: int
    end: int
    paragraph: int


# A page saved by a page store with its date in front of the text (" date 2020-12-09 Ghana's
# president ..."): the stamp, glued to the first sentence, is a sentence of its own, which the
# clutter rules mark.
def date_apart(text: str, spans: list[Span]) -> list[Span]:
    """The first sentence without a date stamp glued in front of it."""
    if not spans:
        return spans
    first = spans[0]
    stamp = STORE_DATE_RE.match(text, first.start, first.end)
    if stamp is None or stamp.end() >= first.end:
        return spans
    date_end = first.start + len(stamp.group().rstrip())
    date, sentence = (
        Span(first.start, date_end, first.paragraph),
        Span(stamp.end(), first.end, first.paragraph),
    )
    return [date, sentence, *spans[1:]]


# A clock time's "a.m."/"p.m." is not a sentence end when a time zone, a day or a month follows:
# "at 3:44 a.m. ET from the Cape", "as of 4 p.m. Monday, 411 aftershocks".
CLOCK_END_RE = re.compile(r"\b\d{1,2}([:.]\d{2})?\s*[ap]\.m\.$", re.IGNORECASE)
# A zone may be spelt out ("at 5:27 a.m. Eastern carrying ...", "3 p.m. Pacific time", "8 p.m.
# Eastern Standard Time"), but
# "Pacific" or "Central" before a capital may open the next sentence ("Pacific Gas said ...").
_TIME_ZONE = (
    r"([ECMP][SD]?T|[ECMP]DT|GMT|UTC|BST|CES?T|IST|JST|HKT|local time|Beijing time"
    r"|(Eastern|Central|Mountain|Pacific|Atlantic)(?=\s+(?i:time|standard|daylight)\b|[.,;)]|\s+[a-z]|\s*$))\b"
)
_AFTER_CLOCK_RE = re.compile(
    rf"^({_TIME_ZONE}|(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!['’])"
    r"|((Jan|Febr)uary|March|April|May|June|July|August|September|October|November|December)\s+\d)"
)
TIME_ZONE_RE = re.compile(rf"^{_TIME_ZONE}")
# A quotation that ends with "!" or "?" and the line that says who said it: '"We did it!" the
# chief executive tweeted from California.' is one sentence, as it is with a comma.
_QUOTE_END_RE = re.compile(r"[!?][\"”’']$")
_REPORTING = r"(said|says|tweeted|wrote|told|added|asked|posted|declared|exclaimed|replied|shouted|explained)"
# The speaker: lower case ("the chief executive tweeted"), or a name and title in capitals
# ("SpaceX Chief Executive Elon Musk tweeted"); "The minister said nothing" is a sentence.
_ATTRIBUTION_RE = re.compile(
    rf"^([a-z][^\"“”]{{0,80}}|([A-Z][\w.'’-]*,?\s+){{1,7}}){_REPORTING}\b[^\"“”.!?,;]{{0,40}}\.$"
)


_DASH_START_RE = re.compile(r"^(--|[—–])(\s|(?=[A-Z]))")  # "CAPE CANAVERAL, Fla.—By NASA's ..." too
# A dateline's agency before its dash: "MONTCOAL, W.Va. (AP) — A huge explosion ...".
_AGENCY_DASH_START_RE = re.compile(r"^\([A-Z][\w .&-]{0,30}\)\s*(--|[—–-])\s")
# A dotted abbreviation that ends a piece: "W.Va.", "N.Y.", "Mont.", "Gov." (pySBD knows some, not
# all of them: it ends a sentence after "W.Va.").
_ABBREVIATION_END_RE = re.compile(r"(^|[\s,(])([A-Z][a-z]{0,3}\.){1,3}$")
_LOWER_START_RE = re.compile(r"^[a-z]")
_TITLE_WORD_RE = re.compile(r"^[A-Z0-9$£€]")
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .'’-]+(,\s*[A-Z][\w.]*){0,2}$")  # "CAPE CANAVERAL, Fla."
# A dateline with no dash, a place in capitals and its state's abbreviation, opening a paragraph:
# "NEAR VENICE, La. The search ..." (pySBD ends a sentence at "La.").
_OPENING_DATELINE_RE = re.compile(
    r"^([A-Z][A-Z .'’-]+,\s*([A-Z][a-z]{0,4}\.){1,2}"
    # or an agency's credit in brackets, cut from its lead: "(CBS/AP) The agency said ..."
    r"|\([A-Z][\w./& -]{0,30}\))$"
)
_ADDRESS_HEAD_RE = re.compile(r"(^|\s)[\w+-]+(\.[\w+-]+)*\.$")
_ADDRESS_TAIL_RE = re.compile(r"^[\w.+-]*@[\w-]+(\.[\w-]+)+\s*$")  # the rest of the address, alone
# A list item's number, which pySBD cuts off as a sentence of its own ("... during the week. 1.
# Bill to reopen the departments: passed, 241-190").
_LIST_NUMBER_RE = re.compile(r"^\(?\d{1,2}[.)]$")
# A word pySBD does not know that goes before a name, so ends no sentence before a capitalised
# word: a plural title ("Fire Capts. Dana Ortiz and Lee Park"), a South Asian title or honorific
# ("Mohd. Suleman", "Smt. Nirmala Sitharaman", "Sh. Rajnath Singh"), or a place name's first
# word, as pySBD knows "St." and "Mt." ("Sault Ste. Marie", "Ft. Myers", a dateline's "FT. WORTH,
# Texas --"). Only these: "Mars." or "Md." (Maryland) may well end a sentence.
_NAME_PREFIX_RE = re.compile(
    r"(^|[\s(])((Capt|Lt|Sgt|Gen|Col|Maj|Gov|Det|Cpl|Pvt|Adm|Cmdr|Supt|Insp|Prof|Rev|Dr)s"
    r"|Mohd|Smt|Shri|Sh|Kum|Hon|Adv|Ste|Ft|Pt|STE|FT|PT)\.$"
)
_NAME_START_RE = re.compile(r"^[A-Z][A-Za-z]")
# A date line cut at its abbreviations: "Thu." / "August." / "2 2007 10:05 AM ET".
_DATE_WORD = (
    r"(Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(day|nesday|rsday|urday)?"
    r"|Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sept?(ember)?|Oct(ober)?"
    r"|Nov(ember)?|Dec(ember)?"
)
_DATE_WORDS_RE = re.compile(rf"^(({_DATE_WORD})\.?,?\s+){{0,2}}({_DATE_WORD})\.$")
_DATE_GOES_ON_RE = re.compile(rf"^(\d|({_DATE_WORD})\b)")


def rejoined(text: str, spans: list[Span]) -> list[Span]:
    """Join the pieces of one sentence the segmentation above cut apart (see ``_one_sentence``)."""
    result: list[Span] = []
    for span in spans:
        last = result[-1] if result else None
        opens = last is not None and (len(result) < 2 or result[-2].paragraph != last.paragraph)
        if (
            last
            and last.paragraph == span.paragraph
            and (
                (opens and _OPENING_DATELINE_RE.match(text[last.start : last.end]) is not None)
                or
                # pySBD cut a web address at its "?" before lower case ("options.php?" /
                # "page=2"). Only there: an e-mail address cut at a dot ("candrea.k." /
                # "thomas@nasa.gov RELEASE: ...") joined so welded a press release's contact
                # block to its headline, which the clutter rules then marked with the contacts.
                (last.end == span.start and text[last.end - 1] == "?" and text[span.start].islower())
                or _one_sentence(text[last.start : last.end], text[span.start : span.end])
            )
        ):
            result[-1] = Span(last.start, span.end, span.paragraph)
            continue
        result.append(span)
    return result


def _one_sentence(before: str, after: str) -> bool:
    """Do two pieces cut apart make one sentence? A clock time and its zone or day, a list
    item's number and its text, a date's day and month names and the rest of it ("Thu." /
    "August." / "2 2007"), a title or a place name's first word and the name after it ("Sault
    Ste." / "Marie"), a quoted exclamation and who said it, a dateline and its dash ("CAPE
    CANAVERAL, Fla. -- The mission ..."), an address cut at its dots ("trent.j." /
    "perrotto@nasa.gov"), an abbreviation and what goes on after it (see
    ``_after_abbreviation``)."""
    # The patterns that end at the piece's end are searched for only where its last characters
    # allow them, and those of bounded length only in its tail (``_TAIL``): searched through a
    # whole piece, they were tried at every character of every sentence (a 20 MB text: 0.75 s).
    # A piece that ends with a line break (which ``$`` may stand before) takes the full searches.
    full = before[-1:] == "\n"
    mark = before[-1:]
    tail = max(0, len(before) - _TAIL)
    if (full or before[-2:] in ("m.", "M.")) and CLOCK_END_RE.search(before):
        return bool(_AFTER_CLOCK_RE.match(after))
    if _LIST_NUMBER_RE.match(before):
        return True
    if _DATE_WORDS_RE.match(before):
        return bool(_DATE_GOES_ON_RE.match(after))
    if (full or mark == ".") and _NAME_PREFIX_RE.search(before, 0 if full else tail):
        return bool(_NAME_START_RE.match(after))
    if (full or mark in _QUOTES) and _QUOTE_END_RE.search(before, 0 if full else tail):
        return len(after.split()) <= 14 and bool(_ATTRIBUTION_RE.match(after))
    if _DASH_START_RE.match(after) or _AGENCY_DASH_START_RE.match(after):
        return bool(_DATELINE_RE.match(before))
    if (full or mark == ".") and _ABBREVIATION_END_RE.search(before, 0 if full else tail):
        return _after_abbreviation(before, after)
    return (full or mark == ".") and bool(_address_head(before, full) and _ADDRESS_TAIL_RE.match(after))


# Longer than any match of the bounded patterns above (``_NAME_PREFIX_RE``: 8 characters,
# ``_QUOTE_END_RE``: 2, ``_ABBREVIATION_END_RE``: 16), with the character before it.
_TAIL = 24
_QUOTES = "\"”’'"


def _address_head(before: str, full: bool) -> bool:
    """``_ADDRESS_HEAD_RE.search(before)``: its match holds no white space, so it is the last
    word (after the last white space, or the whole piece) or nothing."""
    if full or before[-1:].isspace():
        return _ADDRESS_HEAD_RE.search(before) is not None
    last = before.rsplit(None, 1)[-1]
    return _ADDRESS_HEAD_RE.search(before, len(before) - len(last) - (len(last) < len(before))) is not None


def _after_abbreviation(before: str, after: str) -> bool:
    """After an abbreviation, no sentence starts in lower case ("25 dead in W.Va. coal mine
    blast"), and a headline goes on in title case to its end with no full stop ("25 Dead After
    W.Va. Coal Mine Blast"); "He lives in Charleston, W.Va. He said no." stays two."""
    if _LOWER_START_RE.match(after):
        return True
    words = [word for word in (before + " " + after).split() if len(word) > 3]
    return (
        not ends_sentence(after)
        and len(after.split()) <= 12
        and bool(words)
        and all(_TITLE_WORD_RE.match(word) for word in words)
    )


# A quotation's attribution ends its sentence before the next quotation opens: '"... a piece,"
# Adler said. "Backstory will ...'. pySBD misses that end when the quotation marks do not pair
# up (a curly one opened, a straight one closed).
_ATTRIBUTION_END_RE = re.compile(rf"\b{_REPORTING}\.(?=\s+[\"“][A-Z])")


def attributions_apart(text: str, spans: list[Span]) -> list[Span]:
    """Spans cut after an attribution that pySBD left inside a sentence (see above)."""
    result: list[Span] = []
    for span in spans:
        start = span.start
        if text.find('"', start, span.end) < 0 and text.find("“", start, span.end) < 0:
            # No quotation mark for the pattern's look-ahead: it cannot match (and tried at
            # every character, it cost a 20 MB text 0.7 s).
            result.append(span)
            continue
        for match in _ATTRIBUTION_END_RE.finditer(text, span.start, span.end):
            result.append(Span(start, match.end(), span.paragraph))
            start = match.end() + 1
            while text[start].isspace():
                start += 1
        result.append(Span(start, span.end, span.paragraph))
    return result
