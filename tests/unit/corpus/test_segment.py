"""Sentence segmentation: the Golden Rules, news text, and offsets that always hold."""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from repository_texts import GOLDEN_RULES, SEEDS, repository_texts

from tui.corpus.page_clutter import line_rule
from tui.corpus.segment import join_broken_lines, split_sentences

# The issue asks for at least 46 of the 48 English Golden Rules.
GOLDEN_RULES_FLOOR = 46


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as the reader shows them."""
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_golden_rules(capsys: pytest.CaptureFixture[str]) -> None:
    if not GOLDEN_RULES.is_file():
        message = f"Golden Rules test data not found at {GOLDEN_RULES} (it lives beside the repo)"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI always has shared/ beside the checkout: missing data is a bug
        pytest.skip(message)
    cases = json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))["cases"]
    failed = [case for case in cases if sentences(case["text"]) != case["expected"]]
    passed = len(cases) - len(failed)
    with capsys.disabled():  # shown in every run, not only with -s
        print(f"\ngolden rules: {passed}/{len(cases)}")
        for case in failed:
            print(f"  failed rule {case['rule']} ({case['name']}): {sentences(case['text'])!r}")
    assert len(cases) == 48
    assert passed >= GOLDEN_RULES_FLOOR, [case["rule"] for case in failed]
    # pySBD itself fails only rule 18 (a.m. before a capital); anything more is our own doing.
    assert {case["rule"] for case in failed} <= {18}, [case["rule"] for case in failed]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The U.S. backed him in Washington. The vote is due soon.",
            ["The U.S. backed him in Washington.", "The vote is due soon."],
            id="U.S. mid-sentence",
        ),
        pytest.param(
            "The decision was taken in the U.S. It was welcomed in Europe.",
            ["The decision was taken in the U.S.", "It was welcomed in Europe."],
            id="U.S. ending a sentence",
        ),
        pytest.param(
            "Leaders met on Feb. 22 in Brussels. No deal was reached.",
            ["Leaders met on Feb. 22 in Brussels.", "No deal was reached."],
            id="Feb. abbreviation",
        ),
        pytest.param(
            '"President (Joe) Biden strongly endorses PM Rutte\'s candidacy," a U.S. official said. '
            "Talks continue.",
            [
                '"President (Joe) Biden strongly endorses PM Rutte\'s candidacy," a U.S. official said.',
                "Talks continue.",
            ],
            id="(Joe) in a quote",
        ),
        pytest.param(
            'A spokesperson praised him as "an outstanding candidate." Still, no deal was reached.',
            ['A spokesperson praised him as "an outstanding candidate."', "Still, no deal was reached."],
            id='quote ending in ."',
        ),
        pytest.param(
            "He called it a “very interesting” job. Others disagreed.",
            ["He called it a “very interesting” job.", "Others disagreed."],
            id="curly quotes",
        ),
        pytest.param(
            "The ferry left at 6:15 a.m. EST from the north pier. It sank an hour later.",
            ["The ferry left at 6:15 a.m. EST from the north pier.", "It sank an hour later."],
            id="a.m. before a time zone",
        ),
        pytest.param(
            "As of 4 p.m. Tuesday, 212 people had been rescued. Searches go on.",
            ["As of 4 p.m. Tuesday, 212 people had been rescued.", "Searches go on."],
            id="p.m. before a weekday",
        ),
        pytest.param(
            "The shop shut at 5 p.m. The next day was calm.",
            ["The shop shut at 5 p.m.", "The next day was calm."],
            id="p.m. at a sentence end",
        ),
        pytest.param(
            '"We made it!" Captain Ann Lee told reporters in Alden. "Everyone is safe."',
            ['"We made it!" Captain Ann Lee told reporters in Alden.', '"Everyone is safe."'],
            id="exclamation and its attribution",
        ),
        pytest.param(
            '"Why now?" The council voted again, and the motion passed.',
            ['"Why now?"', "The council voted again, and the motion passed."],
            id="a question and the next sentence",
        ),
        pytest.param(
            '"Why now?" The minister said nothing more about the timing.',
            ['"Why now?"', "The minister said nothing more about the timing."],
            id="a question, then a sentence with said",
        ),
        pytest.param(
            "Polls closed at 8 p.m. Sunday's turnout was the highest in years.",
            ["Polls closed at 8 p.m.", "Sunday's turnout was the highest in years."],
            id="p.m. before a day's",
        ),
        pytest.param(
            "The store closes at 9 p.m. May is the busiest month.",
            ["The store closes at 9 p.m.", "May is the busiest month."],
            id="p.m. before May",
        ),
        pytest.param(
            "She paused. — Then she spoke again.",
            ["She paused.", "— Then she spoke again."],
            id="a dash after a sentence",
        ),
        pytest.param(
            "ALDEN, Ore. -- The river crested on Monday. Crews stood by.",
            ["ALDEN, Ore. -- The river crested on Monday.", "Crews stood by."],
            id="dateline dash",
        ),
        pytest.param(
            "ALDEN, W.Va. (AP) — The river crested on Monday. Crews stood by.",
            ["ALDEN, W.Va. (AP) — The river crested on Monday.", "Crews stood by."],
            id="dateline with an agency before its dash",
        ),
        pytest.param(
            "ALDEN, Fla.—By the council's count, the river rose a metre. Crews stood by.",
            ["ALDEN, Fla.—By the council's count, the river rose a metre.", "Crews stood by."],
            id="dateline with an unspaced dash",
        ),
        pytest.param(
            "12 hurt in W.Va. bridge collapse",
            ["12 hurt in W.Va. bridge collapse"],
            id="lower case after an abbreviation",
        ),
        pytest.param(
            "12 Hurt, 3 Missing After W.Va. Bridge Collapse",
            ["12 Hurt, 3 Missing After W.Va. Bridge Collapse"],
            id="a title-case headline through an abbreviation",
        ),
        pytest.param(
            "She grew up in Alden, W.Va. Her family still lives there.",
            ["She grew up in Alden, W.Va.", "Her family still lives there."],
            id="an abbreviation at a sentence end",
        ),
        # Classes of faults found on unseen web pages (a survey of 128 pages, 2026-11-24).
        pytest.param(
            "The Senate held no votes this week. 2. Budget for the parks: passed, 230-190.",
            ["The Senate held no votes this week.", "2. Budget for the parks: passed, 230-190."],
            id="a list item's number stays with its text",
        ),
        pytest.param(
            "Comments:\n\n  1. Nice work on this story",
            ["Comments:", "1. Nice work on this story"],
            id="a list item's number at a paragraph start",
        ),
        pytest.param(
            "The team finished the season ranked No. 1. The coach was pleased.",
            ["The team finished the season ranked No. 1.", "The coach was pleased."],
            id="a number ending a sentence is no list item",
        ),
        pytest.param(
            "Fire Capts. Dana Ortiz and Lee Park inspect the levee.",
            ["Fire Capts. Dana Ortiz and Lee Park inspect the levee."],
            id="a plural title before names",
        ),
        pytest.param(
            "The rover looked for ice on Mars. The results come next week.",
            ["The rover looked for ice on Mars.", "The results come next week."],
            id="a plural-looking word that is no title ends a sentence",
        ),
        pytest.param(
            "Crews reached Sault Ste. Marie by noon. FT. MYERS, Fla. — The bridge reopened.",
            ["Crews reached Sault Ste. Marie by noon.", "FT. MYERS, Fla. — The bridge reopened."],
            id="a place name's first word pySBD does not know",
        ),
        pytest.param(
            "The wave was 10 ft. The boats stayed in port.",
            ["The wave was 10 ft.", "The boats stayed in port."],
            id="a unit before a new sentence is no place name",
        ),
        pytest.param(
            "Joint Secretary Mohd. Rafiq and Smt. Lata Rao met Sh. Anil Das on Monday.",
            ["Joint Secretary Mohd. Rafiq and Smt. Lata Rao met Sh. Anil Das on Monday."],
            id="South Asian titles before names",
        ),
        pytest.param(
            "The rocket lifted off at 5:27 a.m. Eastern carrying two weather satellites.",
            ["The rocket lifted off at 5:27 a.m. Eastern carrying two weather satellites."],
            id="a time zone spelt out after a clock time",
        ),
        pytest.param(
            "The storm came ashore at about 8 p.m. Eastern Standard Time, forecasters said.",
            ["The storm came ashore at about 8 p.m. Eastern Standard Time, forecasters said."],
            id="a time zone's full name in capitals after a clock time",
        ),
        pytest.param(
            "The outage began at 4 p.m. Pacific Gas and Electric sent crews.",
            ["The outage began at 4 p.m.", "Pacific Gas and Electric sent crews."],
            id="a zone's name opening the next sentence",
        ),
        pytest.param(
            "The team flew to Baltimore, Md. Rain delayed the game.",
            ["The team flew to Baltimore, Md.", "Rain delayed the game."],
            id="a state abbreviation that is no title ends a sentence",
        ),
        pytest.param(
            "The first quake measured 6.1.Both were shallow. The index closed at 42.Trading was thin.",
            [
                "The first quake measured 6.1.",
                "Both were shallow.",
                "The index closed at 42.",
                "Trading was thin.",
            ],
            id="a sentence end glued after a number",
        ),
        pytest.param(
            "See part 1.Introduction for the terms.",
            ["See part 1.Introduction for the terms."],
            id="a single figure before a glued word is no sentence end",
        ),
        pytest.param(
            "Read the rules at: http://example.org/rules.php?page=2#top",
            ["Read the rules at: http://example.org/rules.php?page=2#top"],
            id="a web address cut at its question mark",
        ),
        pytest.param(
            "In this bulletin:\n  • the mayor signs the budget,\n  • schools reopen on Monday.",
            ["In this bulletin:", "• the mayor signs the budget,", "• schools reopen on Monday."],
            id="bullets ending with commas stay apart",
        ),
        pytest.param(
            "The mayor, who spoke on Monday,\nsaid the budget was balanced.",
            ["The mayor, who spoke on Monday,\nsaid the budget was balanced."],
            id="a line ending with a comma still goes on",
        ),
        pytest.param(
            " date 2021-05-04 DENVER, Colo. – Snow closed two mountain passes on Tuesday.",
            ["date 2021-05-04", "DENVER, Colo. – Snow closed two mountain passes on Tuesday."],
            id="a dateline behind a page store's date stamp",
        ),
        pytest.param(
            '“We will explain how we covered the story," Ruiz said. "It will be a short note.”',
            ['“We will explain how we covered the story," Ruiz said.', '"It will be a short note.”'],
            id="an attribution between quotations whose marks do not pair up",
        ),
        pytest.param(
            '"We are ready," she said, "and the road opens Monday."',
            ['"We are ready," she said, "and the road opens Monday."'],
            id="an attribution that goes on with a comma",
        ),
        pytest.param(
            "Thu. August. 2 2007 10:05 AM ET\n\nRescuers searched the river on Thursday.",
            ["Thu. August. 2 2007 10:05 AM ET", "Rescuers searched the river on Thursday."],
            id="a date line cut at its abbreviated day and month",
        ),
        pytest.param(
            "The council met on a Sun. Then it voted.",
            ["The council met on a Sun.", "Then it voted."],
            id="a sentence ending with a day's short name stays apart",
        ),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_never_crosses_a_paragraph() -> None:
    text = "Rutte is the only official candidate for the post\n\nDiplomats say talks continue."
    assert sentences(text) == [
        "Rutte is the only official candidate for the post",
        "Diplomats say talks continue.",
    ]


def test_line_broken_mid_sentence_is_joined_with_offsets_into_original() -> None:
    text = (
        "NATO countries choose the secretary-general “by consensus”,\n"
        "according to Politico, so Rutte must secure the support of all countries.\n"
        "Allies should aim to finish in the first quarter of this year, some\n"
        "ten allies are reportedly still holding back.\n"
        "A new paragraph starts here.\n"
    )
    spans = split_sentences(text)
    got = [text[s.start : s.end] for s in spans]
    assert got == [
        "NATO countries choose the secretary-general “by consensus”,\n"
        "according to Politico, so Rutte must secure the support of all countries.",
        "Allies should aim to finish in the first quarter of this year, some\n"
        "ten allies are reportedly still holding back.",
        "A new paragraph starts here.",
    ]
    # Joining replaces the newline by one space: same length, so offsets still fit the original.
    assert len(join_broken_lines(text)) == len(text)


def test_seed_002_broken_lines_are_joined() -> None:
    text = (SEEDS / "002_9c0fb8a2d43390aa.txt").read_text(encoding="utf-8")
    got = sentences(text)
    consensus = next(s for s in got if "by consensus”," in s)
    assert consensus.endswith("so Rutte must secure the support of all countries.")
    assert "\naccording to Politico" in consensus  # the shown text keeps its line break
    some = next(s for s in got if "year, some\nten allies" in s)
    assert some.startswith("Although US Ambassador to NATO Julianne Smith")
    assert some.endswith("holding back from backing Rutte for various reasons.")


def test_headline_line_without_full_stop_is_its_own_sentence() -> None:
    text = "US and European powers back Dutch PM Rutte as next NATO head\nThe backing came on Thursday."
    assert sentences(text) == [
        "US and European powers back Dutch PM Rutte as next NATO head",
        "The backing came on Thursday.",
    ]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\n  ") == []


def test_very_long_paragraph_is_fully_covered() -> None:
    text = " ".join(["word"] * 5000)  # no punctuation at all: cut into pieces, nothing lost
    assert_spans_valid(text)


def assert_spans_valid(text: str) -> None:
    """The offset contract every view relies on."""
    spans = split_sentences(text)
    previous_end = 0
    owner = [0] * len(text)
    for span in spans:
        piece = text[span.start : span.end]
        assert piece, span
        assert piece == piece.strip(), (span, piece)
        assert span.start >= previous_end, "spans overlap or go backwards"
        previous_end = span.end
        for position in range(span.start, span.end):
            owner[position] += 1
    for position, char in enumerate(text):
        if not char.isspace():
            assert owner[position] == 1, (position, char, text)


# Pieces of news-like text, heavy on the punctuation and abbreviations that trip segmenters.
_news_alphabet = st.sampled_from(
    [
        *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'\"()[]-–—“”‘’…\n\t\r",
        *("U.S.", "Mr.", "Feb.", " e.g. ", "...", ". . .", "\u00a0", "\u2028", "\x0b", "\x1c", "\u3000"),
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_spans_cover_arbitrary_unicode(text: str) -> None:
    assert_spans_valid(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_news_alphabet, max_size=120).map("".join))
def test_spans_cover_punctuation_heavy_text(text: str) -> None:
    assert_spans_valid(text)


# --- sentences whose separating space was lost in copying from a page ------------------------------

_WORDS = st.sampled_from(["the", "port", "council", "said", "ministers", "agreed", "talks", "today"])


@given(st.lists(st.lists(_WORDS, min_size=2, max_size=8), min_size=2, max_size=5))
def test_glued_sentences_are_split_with_exact_offsets(sentences: list[list[str]]) -> None:
    """ "...the top job.During the meeting..." is two sentences; offsets stay exact."""
    parts = [" ".join(words).capitalize() + "." for words in sentences]
    text = "".join(parts)  # no space after any full stop
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == parts


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and Britain agreed.",
        "It rose 3.5 percent on Feb. 3 after the vote.",
        "Ranked No.5 in the world, she won.",
        "Mr. J. R. Smith came.",
        "Write to Jane.Doe@example.com today.",
        "See www.Example.org for more.",
    ],
)
def test_dots_inside_words_are_not_sentence_ends(text: str) -> None:
    assert len(split_sentences(text)) == 1, [text[s.start : s.end] for s in split_sentences(text)]


def test_easy_paragraphs_split_by_rule_exactly_as_pysbd_would(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain rule for easy paragraphs is only a shortcut: spans are pySBD's on every text."""
    import tui.corpus.segment as segment

    texts = repository_texts()
    fast = [split_sentences(text) for text in texts]
    monkeypatch.setattr(segment, "_easy_cuts", lambda block: None)
    assert [split_sentences(text) for text in texts] == fast
    monkeypatch.undo()
    blocks = [b for t in texts for b in join_broken_lines(t).split("\n") if b.strip()]
    assert sum(segment._easy_cuts(b) is not None for b in blocks) > len(blocks) // 3  # the shortcut is used


def _pysbd_blocks(texts: list[str]) -> list[str]:
    import tui.corpus.segment as segment

    lines = [line for text in texts for line in join_broken_lines(text).split("\n") if line.strip()]
    return [piece for line in lines for piece in segment._pieces(line)]


REPEATS = [
    "Yes. Yes. Yes.",
    'He said "No." Then: "No."  No.',
    "It fell 3.5 per cent. It fell 3.5 per cent.\u00a0It fell.",
    "The U.S. said so at 9 a.m. The U.S. said so.",
    "Wait... what? Wait... what?",
]


def test_pysbd_pieces_found_by_string_search_are_pysbds_own() -> None:
    """``_pysbd_segment`` finds pySBD's sentences back in the text with ``str.find`` instead of
    one regular expression per sentence: on every text in the repo, the Golden Rules and
    repeated sentences, it returns exactly what ``Segmenter.segment`` returns."""
    import tui.corpus.segment as segment

    segmenter = segment._segmenter()
    blocks = _pysbd_blocks(repository_texts() + REPEATS)
    assert len(blocks) > 100
    for block in blocks:
        assert segment._pysbd_segment(segmenter, block) == segmenter.segment(block), block


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(["It rose.", "It rose!", "Mr. Smith left.", '"Go."', "a.m.", "3.5", "(AP)", "…"]),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([" ", "  ", "\u00a0", "\t"]),
)
def test_pysbd_pieces_match_on_repeated_and_odd_sentences(parts: list[str], space: str) -> None:
    import tui.corpus.segment as segment

    segmenter = segment._segmenter()
    block = space.join(parts)
    assert segment._pysbd_segment(segmenter, block) == segmenter.segment(block)


_LINES = st.lists(
    st.sampled_from(
        [
            "",
            " ",
            "The talks",
            "ended.",
            "and then",
            "Ministers met,",
            "said “no”",
            "x;",
            "according to",
            "iReport",
        ]
    ),
    max_size=8,
).map("\n".join)


@given(st.one_of(_LINES, st.text(alphabet="ab.,;\n A")))
def test_joining_broken_lines_only_turns_line_breaks_into_spaces(text: str) -> None:
    joined = join_broken_lines(text)
    assert len(joined) == len(text)
    for before, after in zip(text, joined, strict=True):
        assert after == before or (before, after) == ("\n", " ")
    # Between two lines, a break is joined exactly when the line does not end a sentence and the
    # next starts in lower case but not in camel case ("iReport"), or the line ends with a comma, a
    # semicolon, "the", "of", "an", "to" or "and": the lines as ``split_sentences`` sees them. A
    # blank line's two breaks go together.
    lines = text.split("\n")
    kept = [joined[sum(len(line) + 1 for line in lines[: n + 1]) - 1] == "\n" for n in range(len(lines) - 1)]
    for n, keep in enumerate(kept):
        line, following = lines[n], lines[n + 1]
        if line.strip() and not following.strip() and n + 1 < len(kept):
            assert keep == kept[n + 1] or not lines[n + 2].strip(), (line, following, lines[n + 2])
        breaks = bool(line.strip() and following.strip()) and not line.rstrip().endswith((".", "!", "?"))
        open_end = re.search(r"(^|[ ,;.])(the|The|of|an|An|to|and)\s*$", line) or line.rstrip().endswith(
            (",", ";")
        )
        lower = following.lstrip()[:1].islower() and not re.match(r"[a-z]{1,2}[A-Z]", following.lstrip())
        breaks = breaks and bool(lower or open_end)
        # ... unless the next line is short page furniture on its own ("please wait") after a line
        # that could end there.
        furniture = len(following.split()) <= 3 and line_rule(following) is not None
        breaks = breaks and not (furniture and not open_end)
        assert keep != breaks or not (line.strip() and following.strip()), (line, following)


def test_a_page_wrapped_and_then_double_spaced_keeps_its_sentences_whole() -> None:
    text = (
        "The mayor said the river would\n\ncrest on Friday, and that the\n\nNorth Bank would flood"
        " first.\n\nResidents were told to leave\n\nby noon.\n\nThe council met.\n\nSchools closed."
    )
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "The mayor said the river would\n\ncrest on Friday, and that the\n\nNorth Bank would flood first.",
        "Residents were told to leave\n\nby noon.",
        "The council met.",
        "Schools closed.",
    ]


def test_a_label_before_a_blank_line_and_its_value_stay_apart() -> None:
    # Once on a page is a label and its value, not a wrapped page: "Published" / "on".
    text = "Published\n\non\n\nThe mayor said the river would crest on Friday.\n\nSchools closed."
    first = split_sentences(text)[0]
    assert text[first.start : first.end] == "Published"


def test_split_sentences_given_the_joined_text_is_the_same() -> None:
    text = (SEEDS / sorted(os.listdir(SEEDS))[0]).read_text(encoding="utf-8")
    assert split_sentences(text, join_broken_lines(text)) == split_sentences(text)


_PIECES = st.sampled_from(
    [
        "the", "talks", "NATO", "US", "A", "It", "Then", "don't", "students'", "'90", "3.5", "Mr.",
        ".", ". ", "! ", "? ", "... ", '"', "“", "”", "‘", "’", "'", " -- ", ", ", " ", "  ", "no.",
        "ended. The", 'said "We', 'won." He', "(AP)", "U.S.", "e.g.", "2024.", "Britain’s", "’s",
        "“No.”", "“Yes,” he", "--no", "said:", "I", "Ukraine’.", "OK! Then", "1990s’", "A1. B",
        'countries".', "deal”.", '. "We', ". “We", 'it"? Yes', "AB”.",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, min_size=1, max_size=24).map(" ".join))
# Found by a search of 200,000 paragraphs: pySBD ends a sentence after a quotation that opens a
# paragraph, and closes a single quotation at the apostrophe of "It's".
@example("'90 students' A and. So US")
@example(",  “ “ ' It's A ” ended. The It's")
@example('He called it a "deal". Then he said. "We won". It ended.')
@example("The “by of all countries”. NATO leaders agreed. “PM Rutte is ready”. He left.")
def test_a_paragraph_split_by_rule_is_split_as_pysbd_splits_it(block: str) -> None:
    import tui.corpus.segment as segment

    if segment._easy_cuts(block) is None:
        return
    by_rule = split_sentences(block)
    original = segment._easy_cuts
    try:
        segment._easy_cuts = lambda block: None  # type: ignore[assignment]
        assert split_sentences(block) == by_rule
    finally:
        segment._easy_cuts = original


# The pieces the join and cut rules look at (sentence_joins.py), in any order and spacing.
_JOIN_PIECES = st.sampled_from(
    [
        "1.",
        "(2)",
        "Fire Capts.",
        "Dana Ortiz",
        "Sault Ste.",
        "Marie",
        "FT.",
        "WORTH, Texas",
        '"We won,"',
        "Ruiz said.",
        '"It was hard."',
        "“Go!”",
        "the coach shouted.",
        "at 4 p.m.",
        "EDT",
        "W.Va.",
        "coal mine",
        "—",
        "http://a.org/x.php?",
        "page=2",
        " date 2021-05-04",
        "• the budget,",
        "jane.doe@",
        "example.com",
        "Officials said.",
        "ft.",
        "Mars.",
    ]
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_JOIN_PIECES, st.sampled_from([" ", "", "\n", "\n\n", "  "])), max_size=14))
def test_joins_and_cuts_keep_offsets_and_paragraphs(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    assert_spans_valid(text)
    lines = join_broken_lines(text)
    for span in split_sentences(text):
        assert "\n" not in lines[span.start : span.end], "a sentence crosses a paragraph"


def test_a_dateline_without_a_dash_stays_with_the_lead() -> None:
    text = "NEAR ALDEN, Fla. The search for 11 missing workers went on into Wednesday.\n\nIt was cold."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "NEAR ALDEN, Fla. The search for 11 missing workers went on into Wednesday.",
        "It was cold.",
    ]


def test_a_state_abbreviation_inside_a_paragraph_still_ends_its_sentence() -> None:
    # Only a paragraph's opening place line is a dateline: later, "Fla." may end a sentence.
    text = "The crew flew home to ORLANDO, Fla. The search went on."
    assert len(split_sentences(text)) == 2


def test_an_agencys_credit_in_brackets_stays_with_the_lead() -> None:
    text = "(Valley Wire) The river burst its banks on Tuesday. Rescuers worked all night."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        "(Valley Wire) The river burst its banks on Tuesday.",
        "Rescuers worked all night.",
    ]


def test_a_players_notice_under_a_title_is_not_the_titles_end() -> None:
    text = "Alden Reopens Its Bridge\nplease wait\n\nThe bridge reopened on Tuesday."
    assert [text[s.start : s.end] for s in split_sentences(text)][:2] == [
        "Alden Reopens Its Bridge",
        "please wait",
    ]


def test_a_short_lower_case_line_that_goes_on_the_sentence_is_joined() -> None:
    text = "The mayor said the bridge\nwas safe.\n\nIt reopened on Tuesday."
    first = split_sentences(text)[0]
    assert text[first.start : first.end] == "The mayor said the bridge\nwas safe."
