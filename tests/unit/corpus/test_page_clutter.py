"""Page clutter by kind: each rule on lines written for these tests, and real sentences it spares.

Every line here is made up in the style of pasted news pages; none is copied from the dev set.
"""

from __future__ import annotations

import pytest
from page_support import BODY, HEADLINE, assert_body_kept, assert_kept, assert_marked, page, sentences_of

# --- lines told by their own shape ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("/ 11:45 PM March 3, 2019", "timestamp"),
        ("7:05 a.m. EST | Friday, June 5, 2020", "timestamp"),
        ("2019-03-04 Live updates", "navigation"),
        ("updated", "timestamp"),
        ("Developing story", "editor's note"),
        ("Story developing...", "editor's note"),
        ("This story is still developing.", "editor's note"),
        ("Related Content", "related link"),
        ("Publication date: March 4, 2019", "timestamp"),
        ("Tue 4 Mar 2019 11.38 EST", "timestamp"),
        ("All Headlines 15:56 March 4, 2019", "timestamp"),
        ("Published: .", "timestamp"),
        ("10:30 p.m. update:", "timestamp"),
        ("Saturday, March 4, 2019; 6:13 PM", "timestamp"),
        ("By JO LEE – 34 minutes ago", "byline"),
        ("PUBLISHED: | UPDATED:", "timestamp"),
        ("Tuesday July 25 by Jo LeeValley News", "byline"),
        ("Engadget 11:32", "timestamp"),
        ("Posted by Jo at 07:57 AM * 33 comments", "byline"),
        ("By Jo Lee; The Associated Press", "byline"),
        ("By Jo Lee and Sam Hale/The Associated Press", "byline"),
        ("on March 4, 2019 at 9:25 AM, updated March 4, 2019 at 9:40 AM", "timestamp"),
        ("by on March 4th, 2019", "byline"),
        ("Posted by on March 4, 2019 1 Comment", "byline"),
        ("By From staff and wire reports", "byline"),
        ("The Associated Press By The Associated Press", "byline"),
        ("— Jo Lee, Sam Hale, Ana de Souza and Tim Kay", "byline"),
        ("STORY CONTINUES BELOW SLIDESHOW", "ad marker"),
        ("Map locates the town of Alden in the river valley; 2c x 4 inches; 96 mm x 101 mm;", "map caption"),
        ("A map showing the location of Alden", "map caption"),
        ("Location of Alden", "map caption"),
        ("More stories from the valley", "teaser"),
        ("Latest headlines", "related link"),
        ("live", "section label"),
        ("Other news from the region", "related link"),
        ("To read, discuss or add reports on floods, visit the Weather Portal", "reader instruction"),
        ("Skip to: content, search", "navigation"),
        ("Printer-friendly version of this story", "navigation"),
        ("via Riverside Wire", "source credit"),
        ("Sources:", "source credit"),
        ("Lakeview, Ontario  Est. June 2, 1871", "masthead"),
        ("From Newspedia, the free encyclopedia of current events", "masthead"),
        ("Flood Desk Situation Report #14", "report number"),
        ("Valley Rescue, Alden, Northern Province", "dateline"),
        ("watch Morning Briefing", "video link"),
        ("Rescuers wade through a flooded street in Alden (Reuters)", "photo caption"),
        ("3 of 12 | Rescuers wade through a flooded street in Alden on Wednesday.", "photo caption"),
        ("(Jo Lee/Valley Times Photo) | Buy Photo", "photo credit"),
        ("Alden river gauge.svg", "photo file name"),
        ("The next flood bulletin will be issued at 6 p.m. local time.", "editor's note"),
        ("— Mara Venn (@maravenn) May 4, 2021", "social embed"),
        ("- Jo Lee and Sam Hale", "byline"),
        ("Jo Lee, Ann Moss and Sam Hale", "byline"),
        ("ALDEN —", "dateline"),
        ("48213", "layout marks"),
        ("Send Facebook Twitter WhatsApp LinkedIn Copy link", "share buttons"),
        ("Read more", "related link"),
        ("Continue reading", "related link"),
        ("Comments (17)", "comment prompt"),
        ("Log in to comment", "comment prompt"),
        ("Leave a reply", "comment prompt"),
        ("No comments :", "comment prompt"),
        ("Comments are closed.", "comment prompt"),
        ("X", "layout marks"),
        ("www.valleytimes.com", "link"),
        ("Reuters, 4 May 2021 Text size:", "byline"),
        ("Associated Press", "byline"),
        ("ENDS", "layout marks"),
        ("ALDEN, Ont.", "dateline"),
        ("May 4, 2021 / 6:10 AM / 3 years ago", "timestamp"),
        ("04 May,2021 06:10 AM IST | | PTI", "timestamp"),
        ("Adjust font size:", "navigation"),
        ("Agency news releases are available by e-mail from the press office.", "subscription notice"),
        (
            "Media contacts: Ann Moss, press office, 555-201-3344 ann.moss@example.org Ben Roe, "
            "field office, 555-201-3345 ben.roe@example.org",
            "press contacts",
        ),
    ],
)
def test_a_clutter_line_is_marked_with_its_kind(line: str, reason: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_marked(article, line, reason)
    assert_body_kept(article)


@pytest.mark.parametrize(
    "line",
    [
        "A map released by the agency shows the districts under water.",
        "Location data from phones helped rescuers find 12 people, officials said.",
        "The next round of talks will be held in Geneva next week.",
        "To see the damage, reporters climbed the church tower.",
        "Updated figures released on Thursday put the toll at 52.",
        "The Daily Herald first reported the evacuation on Monday.",
        "Other countries sent boats and helicopters.",
        "More than 300 homes were destroyed.",
        "Watch crews worked through the night to shore up the levee.",
        "From Alden, the official death toll was relayed to the capital by radio.",
        "Top News Anchor Joins Flood Relief Drive",
        "Latest Reports Show Rising Toll In Alden",
        "Play Resumes At Alden Stadium After Flood",
        "Via Rail Halts Trains",
        "Police asked anyone with information to call 555-201-9000.",
        "Officials said the dam was established in 1961 and last inspected in 2015.",
        "The governor, speaking in Alden, Northern Province, said help was coming.",
        "Emergency response",
        "Residents return",
        "He shared the video on Facebook, Twitter and WhatsApp.",
        "Jo Lee and Sam Hale were rescued from the roof of their home.",
        "Comments from residents were overwhelmingly angry, the council said.",
        "The situation is still developing, the mayor said.",
        "Related content was removed from the council's site on Monday.",
    ],
)
def test_a_real_sentence_or_crosshead_is_kept(line: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_kept(article, line)
    assert_body_kept(article)


def test_a_lead_glued_after_an_update_stamp_stays_content() -> None:
    lead = "The river crested at nine metres overnight, the highest level in a century."
    article = page(HEADLINE, f"(Updated 6:10 a.m. May 4, 2021) {lead}", BODY[0])
    reasons = {s.text: s.boilerplate_reason for s in article.sentences}
    assert reasons == {
        HEADLINE: None,
        "(Updated 6:10 a.m. May 4, 2021)": "timestamp",
        lead: None,
        BODY[0]: None,
    }


# --- captions and credits ------------------------------------------------------------------------


def test_a_line_ending_with_a_photo_credit_is_a_caption_all_of_it() -> None:
    caption = "Volunteers fill sandbags outside the town hall. Many shops stayed shut. (Kim Ode/Valley Press)"
    article = page(HEADLINE, caption, "", *BODY)
    assert_marked(article, caption, None)
    assert {s.boilerplate_reason for s in sentences_of(article, caption)} <= {"photo caption", "photo credit"}
    assert_body_kept(article)


def test_a_sentence_ending_with_units_in_brackets_is_not_a_caption() -> None:
    line = "Winds reached 120 kilometres an hour (75 mph/h) as the storm passed."
    other = "Gusts topped the old record for the valley (a reading of 98 km/h)."
    article = page(HEADLINE, "", BODY[0], "", line, "", other, "", BODY[1])
    assert_kept(article, line)
    assert_kept(article, other)


def test_a_caption_the_page_repeats_beside_a_credit_is_marked_every_time() -> None:
    caption = "A rescue boat carries a family past a submerged bus in Alden on Wednesday."
    article = page(HEADLINE, caption, "By Sam Hale, Valley Press, via AP", caption, "", *BODY)
    assert len(sentences_of(article, BODY[0])) == 1
    for sentence in article.sentences:
        if sentence.text == caption:
            assert sentence.boilerplate_reason == "photo caption"
    assert_body_kept(article)


def test_a_repeated_headline_stays_content() -> None:
    article = page(
        HEADLINE, HEADLINE, "Volunteers fill sandbags outside the town hall. (Kim Ode/Valley Press)", *BODY
    )
    for sentence in article.sentences:
        if sentence.text == HEADLINE:
            assert not sentence.boilerplate
    assert article.title == HEADLINE


def test_a_line_between_two_caption_pieces_is_part_of_the_caption() -> None:
    article = page(
        HEADLINE,
        "",
        BODY[0],
        "",
        "A boat on the flooded square. Photograph: Kim Ode/Valley Press",
        "Boats on the square",
        "",
        "the town hall behind. Photograph: Kim Ode/Valley Press",
        "",
        BODY[1],
    )
    assert_marked(article, "Boats on the square")
    assert_body_kept(article)


def test_a_caption_between_the_standfirst_and_the_byline_is_marked() -> None:
    standfirst = "Rescuers say dozens are still missing after the worst flood in a century."
    caption = "Rescuers search a flooded street in Alden"
    article = page(HEADLINE, "", standfirst, "", caption, "By Sam Hale", "Published 4 May 2021", *BODY)
    assert_marked(article, caption, "photo caption")
    assert_kept(article, standfirst)
    assert article.title == HEADLINE


# --- the page around the article -----------------------------------------------------------------


def test_a_brand_line_above_the_headline_is_the_masthead() -> None:
    article = page("Valley Daily News", "Share | Email | Print | Comment", HEADLINE, "By Sam Hale", *BODY)
    assert_marked(article, "Valley Daily News", "masthead")
    assert article.title == HEADLINE


def test_a_headline_with_a_brand_word_alone_at_the_top_stays() -> None:
    article = page("Good News For Alden Farmers", "By Sam Hale", *BODY)
    assert_kept(article, "Good News For Alden Farmers")


def test_a_headline_between_a_kicker_and_a_byline_stays() -> None:
    article = page("FLOOD CRISIS", HEADLINE, "By Sam Hale", "", *BODY)
    assert_kept(article, HEADLINE)


def test_a_browser_title_with_the_site_name_is_marked_when_the_headline_stands_alone() -> None:
    article = page(f"{HEADLINE} | Valley Times", "FLOOD CRISIS", HEADLINE, "4 May 2021", *BODY)
    assert_marked(article, f"{HEADLINE} | Valley Times", "page title")
    assert_kept(article, HEADLINE)
    assert article.title == HEADLINE


def test_a_titled_line_with_a_bar_is_kept_when_nothing_repeats_it() -> None:
    line = "Floods: what we know | Valley Times"
    article = page(line, "By Sam Hale", *BODY)
    assert_kept(article, line)


def test_a_label_takes_the_short_line_it_labels() -> None:
    article = page(HEADLINE, "", *BODY, "", "Source:", "", "VALLEYWIRE")
    assert_marked(article, "VALLEYWIRE", "source credit")


def test_a_section_word_over_a_related_box_is_navigation() -> None:
    article = page(HEADLINE, "", BODY[0], "", "Floods", "More stories about floods", "", BODY[1], "", BODY[2])
    assert_marked(article, "Floods", "related link")
    assert_body_kept(article)


def test_the_author_bio_after_a_name_line_is_marked() -> None:
    bio = "Sam Hale is a reporter who has covered the valley for a decade. He lives in Alden."
    more = "His book on river towns came out in 2019."
    article = page(HEADLINE, "", *BODY, "", "Sam Hale", "", bio, "", more)
    assert_marked(article, bio, "author bio")
    assert_marked(article, more, "author bio")
    assert_body_kept(article)


def test_a_sentence_about_a_journalist_without_a_byline_is_kept() -> None:
    line = "Sam Hale is a reporter who was detained by police while covering the flood."
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1])
    assert_kept(article, line)


def test_a_pull_quote_box_in_the_body_is_a_sidebar() -> None:
    box = ["Boats on the square", "We lost everything in one night", "Mara Venn", "Alden shopkeeper"]
    article = page(HEADLINE, "", BODY[0], "", BODY[1], "", *box, "", BODY[2])
    for line in box:
        assert_marked(article, line)
    assert_body_kept(article)


def test_an_article_header_after_the_text_is_not_a_sidebar() -> None:
    # Some pages print the story's headline, date and byline in one block after its text.
    header = ["Valley Floods Close Alden Schools", "Tuesday March 4, 2:33 pm ET", "By Jane Roe, AP Writer"]
    article = page(*BODY, *header)
    assert_kept(article, "Valley Floods Close Alden Schools")
    assert_marked(article, "By Jane Roe, AP Writer", "byline")
    assert_body_kept(article)


def test_crossheads_between_paragraphs_are_kept() -> None:
    article = page(HEADLINE, "", BODY[0], "", "Emergency response", "", BODY[1], "", "What next", "", BODY[2])
    assert_kept(article, "Emergency response")
    assert_kept(article, "What next")


# --- sentences that run over a line break --------------------------------------------------------


def test_a_sentence_that_carries_prose_after_a_credit_piece_stays_content() -> None:
    # The next line began in lower case, so the file's line break fell inside one sentence.
    prose = "key facts: the river rose nine metres in six hours on Tuesday night."
    article = page(HEADLINE, "Volunteers fill sandbags by the hall. [Photo/Valley TV] |", prose, "", *BODY)
    carried = next(s for s in article.sentences if "key facts" in s.text)
    assert not carried.boilerplate
    caption = next(s for s in article.sentences if s.text.startswith("Volunteers"))
    assert caption.boilerplate_reason == "photo caption"


def test_a_brand_line_run_into_a_video_link_is_the_masthead() -> None:
    article = page("Valley Times", "watch Evening Bulletin", "Updated 4 May 2021", HEADLINE, "", *BODY)
    first = article.sentences[0]
    assert "Valley Times" in first.text and first.boilerplate
    assert article.title == HEADLINE


def test_a_short_title_case_headline_with_a_common_brand_word_stays() -> None:
    deck = "Reporters in the valley say officials blocked roads to the flooded towns"
    article = page("Press Freedom Under Threat", deck, "By Sam Hale", "", *BODY)
    assert_kept(article, "Press Freedom Under Threat")
    assert_kept(article, deck)


def test_a_crosshead_between_an_advert_and_a_link_box_stays() -> None:
    article = page(HEADLINE, "", BODY[0], "", "Advertisement", "", "Rescue efforts", "", "Read more", BODY[1])
    assert_kept(article, "Rescue efforts")


def test_a_person_of_the_story_named_in_a_pull_quote_is_not_given_a_bio() -> None:
    later = "Mara Venn is a shopkeeper whose store on the square was flooded to the ceiling."
    box = ["We lost everything in one night", "Mara Venn", "Alden shopkeeper"]
    article = page(HEADLINE, "", BODY[0], "", *box, "", BODY[1], "", later, "", "She said she would rebuild.")
    assert_kept(article, later)
    assert_kept(article, "She said she would rebuild.")


def test_a_headline_between_clutter_lines_under_a_one_word_section_label_stays() -> None:
    article = page(
        "Valley",
        "Get the latest news from the valley, every morning.",
        "",
        HEADLINE,
        "",
        "A rescue boat on the square. (Kim Ode/Valley Press)",
        *BODY,
    )
    assert_kept(article, HEADLINE)


@pytest.mark.parametrize("crosshead", ["What Happens Next", "Aid Arrives", "Rescue Crews Return"])
def test_a_title_case_crosshead_is_not_taken_for_a_name(crosshead: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", crosshead, "", BODY[1], "", BODY[2])
    assert_kept(article, crosshead)


def test_a_name_alone_under_the_headline_is_a_byline() -> None:
    article = page(HEADLINE, "Mara Venn", "", *BODY)
    assert_marked(article, "Mara Venn", "name line")


def test_a_headline_right_above_a_photo_credit_stays() -> None:
    article = page(HEADLINE, "(Kim Ode/Valley Press)", "", *BODY)
    assert_kept(article, HEADLINE)
    assert_marked(article, "(Kim Ode/Valley Press)")


def test_a_box_of_dated_related_stories_is_still_a_sidebar() -> None:
    # One stamp under each headline: a box of other stories, not this article's header.
    box = [
        "Related stories",
        "Flood closes the Alden valley road again",
        "March 3, 2021",
        "Schools in the valley stay shut until Friday",
        "March 4, 2021",
    ]
    article = page(HEADLINE, "", BODY[0], "", "\n".join(box), "", BODY[1], "", BODY[2])
    assert_marked(article, "Flood closes the Alden valley road again")
    assert_marked(article, "Schools in the valley stay shut until Friday")
    assert_body_kept(article)


def test_a_story_sentence_after_a_dated_sentence_stays_content_before_an_advert() -> None:
    # A sentence that ends with a date has a caption's shape; an advert after it makes it no caption.
    paragraph = (
        "The vote in the valley is on Sunday, October 29, 2023. Polls open at seven across the state"
        " and close at eight, the county clerk said on Monday."
    )
    article = page(HEADLINE, "", BODY[0], "", paragraph, "", "Advertisement", "", BODY[1])
    assert not sentences_of(article, paragraph)[1].boilerplate
