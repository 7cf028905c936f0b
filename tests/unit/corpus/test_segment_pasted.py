"""Text as pages and page stores deliver it. Wrapped at a fixed width (wire copy, press releases):
line breaks inside a sentence are joined, headings, bullets and lists of like-length lines are
not. Saved with a store's date stamp in front: the stamp is a sentence apart."""

from __future__ import annotations

import textwrap

import pytest

from tui.corpus.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_a_fixed_width_wrap_is_joined_even_before_a_capital() -> None:
    wrapped = (
        "ALDEN, Ore. -- The regional flood office said on Monday that the water in\n"
        "the Alden valley had risen faster than at any time since the records of\n"
        "Oregon began, and that the town would stay closed until the levee held.\n"
        "Crews worked through the night to fill sandbags along the east bank of\n"
        "the river."
    )
    assert sentences(wrapped) == [
        "ALDEN, Ore. -- The regional flood office said on Monday that the water in\nthe Alden valley had "
        "risen faster than at any time since the records of\nOregon began, and that the town would stay "
        "closed until the levee held.",
        "Crews worked through the night to fill sandbags along the east bank of\nthe river.",
    ]


def test_a_title_case_heading_in_wrapped_text_stays_its_own_line() -> None:
    wrapped = (
        "The regional flood office said on Monday that the water in the valley\n"
        "had risen faster than at any time since records began, and that it\n"
        "would stay closed until the levee held along the whole east bank.\n"
        "Flood Crews Praise Flawless Work At The Alden Valley Pumping Station\n"
        "Engineers will spend the week checking every pump, officials said.\n"
    )
    assert "Flood Crews Praise Flawless Work At The Alden Valley Pumping Station" in sentences(wrapped)


def test_a_list_of_teaser_headlines_of_like_length_is_not_joined() -> None:
    teasers = [
        "Why rivers in the valley flood every single spring",
        "The lost bridges of the old valley road, revisited",
        "How one town learned to live with its wild river",
    ]
    assert sentences("\n".join(teasers)) == teasers


# A wire story wrapped at about 64 characters, paragraphs of two to four lines and blank lines
# between them, as pasted from a news site's plain-text copy.
WRAPPED_PAGE = (
    "Flood waters close the Alden valley road\n"
    "\n"
    "* Levee holds after a night of sandbagging\n"
    "* Schools stay shut until Friday\n"
    "\n"
    "ALDEN, Oregon, March 4 (Valley Wire Services) - At least\n"
    "300 homes were flooded and 12 people hurt when the river broke\n"
    "its banks on the outskirts of the small valley town of North\n"
    "Alden on Monday in the region's worst flood in decades.\n"
    "\n"
    "Crews worked through the night to fill sandbags along the east\n"
    "bank while pumps ran at the old station beside the rail bridge.\n"
    "\n"
    "Governor Ana Ruiz, who grew up in the small town of North\n"
    "Alden, will visit the flooded valley on Tuesday morning, her\n"
    "spokeswoman said.\n"
    "\n"
    "Video from a traffic camera showed the flood water, with\n"
    "cars floating in it, running over the road near the school.\n"
)


def test_a_page_wrapped_at_one_width_joins_short_paragraphs_and_near_full_lines() -> None:
    found = sentences(WRAPPED_PAGE)
    lead = [
        "ALDEN, Oregon, March 4 (Valley Wire Services) - At least",
        "300 homes were flooded and 12 people hurt when the river broke",
        "its banks on the outskirts of the small valley town of North",
        "Alden on Monday in the region's worst flood in decades.",
    ]
    assert "\n".join(lead) in found
    governor = [
        "Governor Ana Ruiz, who grew up in the small town of North",
        "Alden, will visit the flooded valley on Tuesday morning, her",
        "spokeswoman said.",
    ]
    assert "\n".join(governor) in found
    video = "Video from a traffic camera showed the flood water, with\ncars floating in it, running over"
    assert f"{video} the road near the school." in found


def test_headlines_and_bullets_of_a_wrapped_page_stay_their_own_sentences() -> None:
    found = sentences(WRAPPED_PAGE)
    assert found[:3] == [
        "Flood waters close the Alden valley road",
        "* Levee holds after a night of sandbagging",
        "* Schools stay shut until Friday",
    ]


def test_short_lines_of_an_unwrapped_page_are_not_joined() -> None:
    # Paragraphs one per line (no wrap): a name and a title on two lines are two lines.
    prose = "The river broke its banks on Monday and flooded the road, officials said, and more. " * 2
    page = f"Jane Roe\nValley Correspondent\n\n{prose}\n\n{prose}\n\n{prose}\n"
    assert sentences(page)[:2] == ["Jane Roe", "Valley Correspondent"]


# Blocks on a page wrapped at 64 columns whose lines come near the width but are not wrapped prose.
NOT_WRAPPED = {
    "a list": [
        "The dead were named as:",
        "Jane Roe, 45, a teacher at the Alden valley primary school",
        "John Doe, 61, a retired farmer from the North Alden district",
        "Ana Ruiz, 33, a nurse at the Mercer hospital in Riverton town",
    ],
    "a poem": [
        "The river came at night and took the bridge we built in spring",
        "And every field our fathers kept lay under it by morning",
        "We stood upon the levee wall and watched the water rising",
    ],
    "an address": [
        "Valley Flood Office, Regional Department of Water Resources",
        "1200 North River Road, Suite 400, Alden, Oregon 97000 USA",
        "Telephone 555-0100, open weekdays from nine until five",
    ],
    "a standfirst over its byline": [
        "Levee holds after a night of sandbagging by hundreds of neighbours",
        "By Jane Roe, Valley Correspondent",
    ],
    "a bullet after a near-full line": [
        "Flood waters close the valley road as the river breaks its banks",
        "* Levee holds after a night of sandbagging by the volunteers",
        "* Schools in the valley stay shut until Friday, officials say",
    ],
}
STORY = "\n".join(
    textwrap.wrap(
        "The river broke its banks on Monday and flooded the valley road near the school, officials"
        " said, and crews worked through the night to fill sandbags along the east bank while pumps"
        " ran at the old station beside the rail bridge.",
        64,
    )
)


@pytest.mark.parametrize("kind", list(NOT_WRAPPED))
def test_lines_near_the_width_that_are_not_wrapped_prose_stay_lines(kind: str) -> None:
    lines = NOT_WRAPPED[kind]
    found = sentences("\n\n".join([STORY, STORY, "\n".join(lines), STORY]))
    for line in lines:
        assert line in found, (kind, line)


def test_a_date_stamp_saved_in_front_of_the_text_is_apart_from_the_first_sentence() -> None:
    text = " date 2021-03-04 Floodwater closed the Alden road on Monday. Crews worked all night."
    assert sentences(text) == [
        "date 2021-03-04",
        "Floodwater closed the Alden road on Monday.",
        "Crews worked all night.",
    ]


def test_a_press_releases_contact_block_is_not_welded_to_its_headline() -> None:
    # A release pasted as one run: contacts with e-mail addresses, its number, the headline in
    # capitals, the dateline. pySBD cuts inside the addresses; joining those cuts made the
    # contacts and the headline one sentence, which the clutter rules marked as contacts.
    text = (
        "March 4, 2019 Jo Lee Headquarters, Alden 555-358-3749 jo.k.lee@example.gov Ann Roe Valley "
        "Center, Fla. 555-867-2468 ann.k.roe@example.gov RELEASE: 19-077 VALLEY BRIDGE REOPENS AFTER "
        "THE FLOOD ALDEN, Fla. - The bridge over the Alden river reopened on Monday."
    )
    got = [text[s.start : s.end] for s in split_sentences(text)]
    headline = next(s for s in got if "VALLEY BRIDGE REOPENS" in s)
    assert "555-358-3749" not in headline
    assert "".join(got).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("end", ["An", "according to", "the mayor and", "a report of"])
def test_a_line_ending_with_a_word_no_sentence_ends_with_goes_on_on_the_next(end: str) -> None:
    # Even before a capital, and even before a bare agency credit.
    text = f"{end}\nAP.\nThe river rose by a metre overnight."
    assert sentences(text) == [f"{end}\nAP.", "The river rose by a metre overnight."]


def test_a_brand_in_camel_case_starts_its_own_line() -> None:
    text = "Don't Miss\niReport.com: Send your photos of the flood\n\nThe river rose by a metre."
    assert sentences(text)[:2] == ["Don't Miss", "iReport.com: Send your photos of the flood"]
