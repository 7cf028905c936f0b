"""Page clutter told by the article's bounds (``tui/corpus/clutter_bounds.py``) and the web's
furniture: each rule on made-up pages, and the article sentences it must spare."""

from __future__ import annotations

import pytest
from page_support import BODY, HEADLINE, assert_body_kept, assert_kept, assert_marked, page


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


def test_a_headline_printed_as_the_page_title_and_again_over_the_story_stays_both_times() -> None:
    # A reprint site: its menu comes first (and is taken for the headline), then the story's
    # title as the page's, a section label, the title again over its source and date.
    title = "Mayor presents flood plan after Alden dam failure"
    article = page(
        "Home Page About Us Contribute", "", title, "", "Valley Reference Desk", "", title, "",
        "Valleypedia", "March 4, 2019", "", *BODY,
    )  # fmt: skip
    copies = [s for s in article.sentences if s.text == title]
    assert len(copies) == 2 and not any(s.boilerplate for s in copies)
    assert_body_kept(article)


def test_a_run_of_headlines_after_the_last_paragraph_is_a_teaser_box() -> None:
    teasers = [
        "Top 10 secrets of a long life in the valley",
        "Who says farmers cannot be trendy?",
        "Stunning photos of the old harbour",
        "Eight fruits that grow best by the river",
    ]
    article = page(HEADLINE, "", *BODY, *teasers)
    for line in teasers:
        assert_marked(article, line, "teaser")
    assert_body_kept(article)


def test_a_short_list_after_the_last_paragraph_stays() -> None:
    # Three lines, not a box of four or more headlines: an article may end with a short list.
    items = [
        "Bridges closed in the valley: 3",
        "Roads closed in the valley: 12",
        "Schools closed in Alden: 40",
    ]
    article = page(HEADLINE, "", *BODY, *items)
    for line in items:
        assert_kept(article, line)


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


def test_after_a_closing_note_a_box_of_titles_and_blurbs_is_the_pages() -> None:
    box = [
        "Guess The River Town",
        "These towns have been flooded more times than you think -- see which ones!",
        "Boats With Style",
        "Who needs a car when the street is a river? Meet the valley's rowers!",
        "Ready for Spring?",
        "Mud season is over and the gardens are back.",
        "Ten Bridges You Must",
    ]
    article = page(HEADLINE, "", *BODY, "", "Story developing...", "", *box)
    assert_marked(article, "Story developing...", "editor's note")
    for line in box:
        assert_marked(article, line, "teaser")
    assert_body_kept(article)


def test_an_update_after_a_closing_note_stays_the_storys() -> None:
    update = [
        "Update",
        "The governor arrived in Alden on Thursday evening and met families in the shelter.",
        "She promised that the main road would reopen within a week, officials said.",
        "What next",
        "Engineers will inspect the dam on Friday.",
    ]
    article = page(HEADLINE, "", *BODY, "", "More to follow", "", *update)
    for line in update[1:]:
        assert_kept(article, line)


def test_a_short_title_printed_above_its_stamp_and_again_over_the_story_stays_both_times() -> None:
    title = "Alden Mayor Quits"
    article = page(title, "", "6/25/2019 6:31 PM PDT", "", title, "", *BODY)
    copies = [s for s in article.sentences if s.text == title]
    assert [bool(s.boilerplate) for s in copies] == [False, False]
    assert_body_kept(article)


def test_a_number_alone_above_the_headline_is_a_count_not_the_storys() -> None:
    article = page("0", "", HEADLINE, "", *BODY)
    assert_marked(article, "0", "page furniture")
    assert_kept(article, HEADLINE)
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
        ("Latest update : 2019-03-04", "timestamp"),
        ("Date created : 2019-03-04", "timestamp"),
        ("4 Mar 2019 at 06:57hrs | Views", "timestamp"),
        ("Text by News Wires", "byline"),
        ("News » World", "navigation"),
        ("Read more", "related link"),
        ("March 4, 2019|Reuters", "byline"),
        ("date 2019-03-04", "timestamp"),
        ("Article Continued Below", "ad marker"),
        ("Get every new post delivered to your Inbox.", "newsletter appeal"),
        ("Join 1,204 other followers", "newsletter appeal"),
        (
            "Enter your email address to follow this blog and receive notifications of new posts.",
            "newsletter appeal",
        ),
    ],
)
def test_furniture_of_the_web_is_marked_with_its_kind(line: str, reason: str) -> None:
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


def test_a_wire_caption_that_runs_on_with_a_sentence_of_the_story_is_the_caption_all_of_it() -> None:
    caption = (
        "Rescuers wade through a flooded street in Alden, Northern Province, on Wednesday, March 6, 2019. "
        "Floodwater rose through the night across the valley."
    )
    article = page(HEADLINE, "", BODY[0], "", caption, "Jo Lee", "AP Photo", "", BODY[1], "", BODY[2])
    assert_marked(article, caption, "photo caption")
    assert_body_kept(article)


def test_a_paragraph_that_opens_with_a_dated_sentence_and_goes_on_in_prose_keeps_its_prose() -> None:
    paragraph = (
        "The river peaked at nine metres in Alden, Northern Province, on Wednesday, March 6, 2019. "
        "It was the highest level in a century."
    )
    article = page(HEADLINE, "", BODY[0], "", paragraph, "", BODY[1], "", BODY[2])
    prose = next(s for s in article.sentences if s.text.startswith("It was the highest"))
    assert not prose.boilerplate, prose.boilerplate_reason
    assert_body_kept(article)


def test_the_word_left_of_a_stamp_whose_date_the_page_dropped_is_the_stamps() -> None:
    article = page("Connect with us", "", HEADLINE, "", "Published", "", "on", "", *BODY)
    assert_marked(article, "Published", "timestamp")
    assert_marked(article, "on", "timestamp")
    assert_kept(article, HEADLINE)
    assert_body_kept(article)


@pytest.mark.parametrize(
    "title",
    [
        f"{HEADLINE} - Valley News Online",
        f"{HEADLINE} | Alden, floods, river, rescue, Valley News",
        f"{HEADLINE} |",
        f"{HEADLINE} - - Alden, Riverside |Valley News",
    ],
)
def test_the_browsers_title_with_a_dash_or_keywords_is_the_pages(title: str) -> None:
    article = page(title, "", HEADLINE, "", *BODY)
    assert_marked(article, title, "page title")
    assert_kept(article, HEADLINE)


def test_a_blog_posts_short_title_under_its_date_is_not_a_byline() -> None:
    article = page("Friday, March 8, 2019", "", "Sad Week", "", *BODY)
    assert_kept(article, "Sad Week")
    assert_marked(article, "Friday, March 8, 2019", "timestamp")


def test_a_listed_storys_headline_above_its_date_stays() -> None:
    listed = "Bridge reopens as the floods recede in Alden"
    article = page(
        "River News",
        "",
        HEADLINE,
        "",
        BODY[0],
        "",
        "Read More",
        "",
        listed,
        "March 8, 2019",
        "",
        BODY[1],
        "",
        BODY[2],
    )
    assert_kept(article, listed)
    assert_marked(article, "March 8, 2019", "timestamp")


def test_a_sites_label_with_and_above_the_headline_is_navigation() -> None:
    article = page("Search and Categories", "", HEADLINE, "", *BODY)
    assert_marked(article, "Search and Categories", "navigation")
    assert_kept(article, HEADLINE)


def test_a_breadcrumb_glued_to_the_headline_printed_below_is_navigation() -> None:
    crumbs = f"Home World Europe news {HEADLINE}"
    article = page(crumbs, "", HEADLINE, "", *BODY)
    assert_marked(article, crumbs, "navigation")
    assert_kept(article, HEADLINE)
    assert_body_kept(article)


def test_a_headline_starting_with_home_stays() -> None:
    headline = "Home Office says Alden families will be rehoused by June"
    article = page(headline, "", *BODY)
    assert_kept(article, headline)


def test_a_short_line_in_another_script_on_an_english_page_is_the_interface() -> None:
    article = page("অ্যাকসেসিবিলিটি লিংক", "", HEADLINE, "", *BODY)
    assert_marked(article, "অ্যাকসেসিবিলিটি লিংক", "interface text")
    assert_body_kept(article)


def test_a_page_in_another_script_keeps_its_lines() -> None:
    lines = [
        "আলডেনে বন্যা",
        "নদীর জল রাতভর বাড়তে থাকায় শত শত পরিবার ছাদে আশ্রয় নেয় এবং বুধবার ভোরে উদ্ধারকারী নৌকা পৌঁছায়।",
        "আঞ্চলিক গভর্নর বলেছেন যে অন্তত চল্লিশজন মারা গেছেন এবং মৃতের সংখ্যা আরও বাড়তে পারে।",
    ]
    article = page(*lines)
    assert not any(s.boilerplate for s in article.sentences)


def test_a_box_of_related_coverage_ends_at_the_storys_own_date() -> None:
    box = [
        "Latest related coverage",
        "Mayor: the flood was the worst in a century",
        "Video: The mayor tells the council the town will rebuild.",
        "Other related coverage",
    ]
    lead = "Alden has been paralysed by the flood."
    article = page(HEADLINE, *box, "March 4, 2019", lead, *BODY)
    for line in box:
        assert_marked(article, line)
    assert_kept(article, lead)
    assert_body_kept(article)


def test_a_lead_ending_with_a_note_in_brackets_stays() -> None:
    # "(Updated)" is the story's note, not an agency's credit: the lead is no caption.
    lead = BODY[0] + " (Updated)"
    article = page(HEADLINE, "", lead, "", BODY[1], "", BODY[2])
    first = next(s for s in article.sentences if s.text == BODY[0])
    assert not first.boilerplate, first.boilerplate_reason


def test_the_lead_printed_again_beside_a_caption_stays_the_storys() -> None:
    caption = "A police officer stands guard at the station in Alden on Wednesday. (Jo Lee/Valley Wire)"
    crosshead = "'The river is still rising': mayor"
    article = page(HEADLINE, "", BODY[0], "", crosshead, "", caption, "", BODY[0], "", BODY[1], "", BODY[2])
    assert not any(s.boilerplate for s in article.sentences if s.text == BODY[0])
    assert_kept(article, crosshead)
    assert_marked(article, caption)


def test_the_headline_printed_again_over_a_credited_caption_stays() -> None:
    caption = "Guests take cover at the front of a hotel in Alden. (JO LEE/AP)"
    article = page(HEADLINE, "", HEADLINE, caption, "", *BODY)
    assert not any(s.boilerplate for s in article.sentences if s.text == HEADLINE)
    assert_marked(article, caption)


def test_a_blog_posts_short_title_between_its_date_and_byline_stays() -> None:
    article = page(
        "Go to Valley Notes's front page.", "March 4, 2019", "Then again —",
        "Posted by Jo at 07:57 AM * 33 comments", "— the levee may not hold after all:", *BODY,
    )  # fmt: skip
    assert_kept(article, "Then again —")
    assert_body_kept(article)


def test_a_blogs_introduction_ending_with_the_agencys_name_and_a_colon_stays() -> None:
    intro = "It is just horrific. The toll will surely rise. (AP):"
    article = page(HEADLINE, "", intro, "", *BODY)
    kept = [s for s in article.sentences if s.text == "It is just horrific."]
    assert kept and not kept[0].boilerplate, kept


def test_a_pages_first_line_printed_again_under_it_stays_both_times() -> None:
    title = "Mourners gathered in the square to honour 'a marvellous man.'"
    article = page(title, title, "", *BODY)
    assert not any(s.boilerplate for s in article.sentences if s.text == title)
    assert_body_kept(article)


def test_a_blogs_bracketed_update_with_the_news_stays() -> None:
    # Under 160 characters, as a page's bracketed note is, and over 90 after "Updated", as no stamp is.
    update = (
        "[Updated at 12:21 a.m.: The coast guard was searching for a man who was swept out to sea near"
        " the old bridge, officials said.]"
    )
    article = page(HEADLINE, "", BODY[0], "", update, "", BODY[1], "", BODY[2])
    assert_kept(article, update)
    assert_marked(page(HEADLINE, "", *BODY, "[Agencies]"), "[Agencies]", "page note")


def test_a_numbered_comment_with_its_date_under_its_heading_is_the_readers() -> None:
    comments = [
        "One Response to “The flood in Alden”",
        "1. Jolee4u March 4, 2019",
        "Finally the town is safe.",
    ]
    article = page(HEADLINE, "", *BODY, "", *comments)
    for line in comments:
        assert_marked(article, line)
    assert_body_kept(article)
