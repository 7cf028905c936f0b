"""Page clutter by kind: each rule on lines written for these tests, and real sentences it spares.

Every line here is made up in the style of pasted news pages; none is copied from the dev set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article
from tui.corpus.model import Article, Sentence

BODY = [
    "Floodwater rose through the night in the river town of Alden, forcing hundreds of families "
    "onto rooftops before rescue boats arrived at dawn on Wednesday.",
    "The regional governor said at least 40 people had died and that the toll was expected to rise "
    "as crews reached villages cut off by landslides.",
    "Aid agencies warned that clean water would run short within days unless the main road reopened.",
]
HEADLINE = "Floods kill dozens in Alden as river bursts its banks"


def page(*lines: str) -> Article:
    text = "\n".join(lines)
    return build_article(RawArticle("test", Path("test.txt"), text, "0" * 64, "utf-8"))


def sentences_of(article: Article, line: str) -> list[Sentence]:
    """The sentences of the first line that is exactly ``line``."""
    lines = article.text.split("\n")
    start = sum(len(earlier) + 1 for earlier in lines[: lines.index(line)])
    return [s for s in article.sentences if start <= s.start < start + len(line)]


def assert_marked(article: Article, line: str, reason: str | None = None) -> None:
    found = sentences_of(article, line)
    assert found, line
    for sentence in found:
        assert sentence.boilerplate, (sentence.text, "kept")
        if reason is not None:
            assert sentence.boilerplate_reason == reason, sentence.boilerplate_reason


def assert_kept(article: Article, line: str) -> None:
    for sentence in sentences_of(article, line):
        assert not sentence.boilerplate, (sentence.text, sentence.boilerplate_reason)


def assert_body_kept(article: Article) -> None:
    for line in BODY:
        if line in article.text:
            assert_kept(article, line)


# --- lines told by their own shape ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("/ 11:45 PM March 3, 2019", "timestamp"),
        ("7:05 a.m. EST | Friday, June 5, 2020", "timestamp"),
        ("2019-03-04 Live updates", "navigation"),
        ("updated", "timestamp"),
        ("Developing story", "editor's note"),
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


# --- lines told by the page around the article ---------------------------------------------------


def test_a_line_the_page_prints_three_times_is_furniture_every_time() -> None:
    caption = "Rescue boats line the flooded main street of Alden on Wednesday."
    article = page(
        HEADLINE, "", BODY[0], "", f"• {caption}", "", caption, "", BODY[1], "", caption, "", BODY[2]
    )
    copies = [s for s in article.sentences if s.text.endswith(caption)]
    # The first copy may be the article's own sentence (a picture's caption repeats it): it stays.
    assert [s.boilerplate_reason for s in copies] == [None, "repeated on the page", "repeated on the page"]
    assert_body_kept(article)


def test_a_teaser_printed_twice_is_furniture_but_a_sentence_printed_twice_stays() -> None:
    teaser = "How rivers shape the towns beside them"
    quote = "We lost everything in one night, said a shopkeeper."
    article = page(HEADLINE, "", BODY[0], "", quote, "", BODY[1], "", quote, "", teaser, "", teaser)
    assert_marked(article, teaser, "repeated on the page")
    assert_kept(article, quote)  # a pull quote repeats a sentence of the article: when unsure, keep


def test_short_labels_above_the_headline_and_after_the_last_paragraph_are_navigation() -> None:
    article = page("World", "Search This Site", "", HEADLINE, "", *BODY, "Next Story", "Share it")
    for line in ("World", "Search This Site", "Next Story", "Share it"):
        assert_marked(article, line, "navigation")
    assert_kept(article, HEADLINE)
    assert_body_kept(article)


def test_a_short_headline_with_a_figure_above_a_longer_standfirst_stays() -> None:
    article = page("Floods kill 40", "Rescue boats reach the cut-off villages of the valley", "", *BODY)
    assert_kept(article, "Floods kill 40")


def test_a_crosshead_before_the_last_paragraph_stays() -> None:
    article = page(HEADLINE, "", BODY[0], "", BODY[1], "", "What next", "", BODY[2], "Share it")
    assert_kept(article, "What next")
    assert_marked(article, "Share it")


def test_after_a_paywall_the_teasers_and_their_labels_are_the_pages() -> None:
    teasers = ["Read This Next", "Why rivers flood in spring", "The lost bridges of the valley"]
    article = page(
        HEADLINE, "", BODY[0], "", BODY[1], "", "Create a free account to continue reading", "", *teasers
    )
    assert_marked(article, "Create a free account to continue reading", "paywall")
    for line in teasers:
        assert_marked(article, line, "after the article")
    assert_body_kept(article)


def test_sentences_after_the_last_paragraph_stay_the_articles() -> None:
    # Short closing sentences look like a page's labels by length alone.
    article = page(HEADLINE, "", *BODY, "He was 84.", "Nobody was arrested.", "Share")
    assert_kept(article, "He was 84.")
    assert_kept(article, "Nobody was arrested.")
    assert_marked(article, "Share")


def test_a_short_headline_above_a_body_with_a_longer_crosshead_stays() -> None:
    article = page(
        "Alden Mayor Resigns", "", BODY[0], "", BODY[1], "", "What happens next for the town", "", BODY[2]
    )
    assert_kept(article, "Alden Mayor Resigns")


@pytest.mark.parametrize(
    "line",
    [
        "The mayor urged children to continue reading at home while schools stay shut.",
        "The company said its premium subscription would cost $4 more a month from June.",
        "Update: 12 more bodies were found overnight in the valley.",
        "She told the children she wanted them to continue reading.",
    ],
)
def test_sentences_with_a_pages_words_stay_content(line: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_kept(article, line)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Sponsored Links", "advert"),
        ("Paid Content", "advert"),
        ("RELEASE: 12-161", "press release number"),
        ("By Jane Doe and John Roe ( Alden Daily)", "byline"),
        ("No credit card required.", "paywall"),
    ],
)
def test_furniture_of_the_web_is_marked_with_its_kind(line: str, reason: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_marked(article, line, reason)
    assert_body_kept(article)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Latest update : 2019-03-04", "timestamp"),
        ("Date created : 2019-03-04", "timestamp"),
        ("4 Mar 2019 at 06:57hrs | Views", "timestamp"),
        ("Text by News Wires", "byline"),
        ("News » World", "navigation"),
        ("Read more", "related link"),
    ],
)
def test_more_web_furniture_is_marked_with_its_kind(line: str, reason: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_marked(article, line, reason)
    assert_body_kept(article)


def test_a_title_case_headline_with_a_comma_is_not_two_names() -> None:
    headline = "Fearing Floods, Alden To Evacuate"
    article = page(headline, "", *BODY)
    assert_kept(article, headline)


def test_a_headline_printed_again_as_a_caption_stays_the_headline() -> None:
    headline = "Floods Kill Dozens in the Alden Valley"
    article = page(headline, "", f"  {headline}", "  Photo: Valley TV", "", *BODY)
    assert_kept(article, headline)
    assert_body_kept(article)


def test_teasers_above_the_article_are_links_and_the_headline_is_found_below_them() -> None:
    teasers = ["Why the dam on the upper river was never finished", "Ten towns that moved away from rivers"]
    article = page(
        "LATEST", "", teasers[0], "", "Read more", "", teasers[1], "", "Read more", "", HEADLINE, "", *BODY
    )
    for line in teasers:
        assert_marked(article, line, "teaser")
    assert_kept(article, HEADLINE)
    assert_body_kept(article)
