"""The furniture of media pages (``tui/corpus/page_media.py``): video players, programme and
broadcast credits, transcript labels, galleries and agency captions, embedded posts, a release's
links to more. Each rule on a made-up page, and the article sentences worded like it that must stay.

Every line here is made up in the style of pasted news pages; none is copied from a page.
"""

from __future__ import annotations

import pytest
from page_support import BODY, HEADLINE, assert_body_kept, assert_kept, assert_marked, page


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Please Log in to update your video settings", "video player"),
        ("Video will begin in 5 seconds.", "video player"),
        ("PT2M10S http://www.valleytimes.example/player?id=v-9k2 640 360", "video player"),
        ("Hosted by", "byline"),
        ("Valley TV's Jo Lee, Sam Hale and Ana de Souza report:", "byline"),
        ("VIDEO: Jo Lee on what the flood means for the valley's farms.", "related link"),
        ("Photo gallery: The worst flood in Alden since 1871", "related link"),
        ("please wait", "video player"),
        ("No media source currently available", "video player"),
        ("The White House", "masthead"),
        ("Office of the Press Secretary", "masthead"),
        ("190304-G-AB123-010A Coast Guard crews search the river near Alden.", "photo caption"),
        ("UPI/Jo Lee/Valley Police/HO", "photo credit"),
        ("Show Thumbnails", "navigation"),
        ("Show Captions", "navigation"),
        ("Available On Air Stations", "navigation"),
        ("Valley TV's Jo Lee reports from Alden.", "byline"),
        ("This is IN THE NEWS in VOA Special English.", "programme label"),
        ("Text of the Mayor’s Remarks", "document label"),
        ("Transcript of earlier radio broadcast:", "document label"),
        ("(01:20) Rough Cut: the flood in Alden", "video link"),
        ("Read Dr Lee's statement to the press", "related link"),
        ("[url=]Buy cheap sandbags[/url].", "spam link"),
        ("02:58 - Source: Valley TV", "video link"),
        ("49 PHOTOS", "photo caption"),
        (
            "ALDEN, NORTHLAND - MARCH 4: (EDITORIAL USE ONLY) Rescuers wade through the main street.",
            "photo caption",
        ),
        ("MARCH 4: In this handout from the fire service, the bridge is seen under water.", "photo caption"),
        ("(Photo by Jo Lee/Valley Fire Service/Northland Police via Getty Images)", "photo credit"),
        ("A handout photo released on March 4, 2019 by the fire service shows the bridge.", "photo caption"),
        ("File photo of the Alden bridge in 2006.", "photo caption"),
        ("The water is still rising here, stay safe everyone #AldenFlood", "social embed"),
        ("We made it to the shelter https://t.co/Ab12Cd34", "social embed"),
        ('<blockquote class="twitter-tweet" lang="en">Stay safe, Alden.</blockquote>', "social embed"),
        ("For information about the council's flood plan, visit:", "related link"),
        ("To learn more about the dam, visit: http://www.valley.example/dam", "related link"),
        ("A statement from the mayor on the flood is online at:", "related link"),
        ("For more on the flood, visit Valley News.", "related link"),
        ("Alden floods: As it happened", "related link"),
        ("Before you go, we thought you'd like these...", "related link"),
        ("London CNN  —", "dateline"),
        ("Story highlights", "section label"),
        ("(Updates with the council's vote on the dam)", "editor's note"),
        ("(Corrects typographical error in second paragraph)", "editor's note"),
        ("In this March 4, 2019, file photo, rescuers carry a boy from the flooded school.", "photo caption"),
        ("« on: March 04, 2019, 10:48:31 AM »", "timestamp"),
        ("See photos of the flood »", "related link"),
        ("Jo Lee photo", "photo caption"),
        ("4alden_flood.112368.jpg The wreckage on the west bank.", "photo caption"),
        ("Valley Times masthead", "photo caption"),
        (
            "Comment count on this article reflects comments made on Valley.com and Facebook.",
            "comment prompt",
        ),
        ("Visit Valley News's Facebook Page.", "social prompt"),
        ("More in this section", "related link"),
        ("Powered by automated translation", "site notice"),
        ("Jo Lee reports for Valley Wire March 4, 2019.", "byline"),
        ("Editor-in-Chief, Valley Times", "byline"),
        ("Jo Lee, Staff .", "byline"),
        ("Valley AM Mobile App 2020", "social prompt"),
        ("Valley News Featured Video", "related link"),
        ("Posts Tagged ‘Alden floods’", "navigation"),
        ("Also see:", "related link"),
        ("Video at Valley News online:Flood closes the bridge", "related link"),
        ("Become a digitalPLUS subscriber.", "paywall"),
        ("Don't miss the big stories.", "newsletter appeal"),
        ("weather icon Clear", "weather widget"),
        ("THIS IS A RUSH TRANSCRIPT.", "editor's note"),
        ("Return to Transcripts main page", "navigation"),
        ("Aired March 04, 2019 - 15:00 ET", "timestamp"),
        ("Editor's note: For more on the council's vote read our full story.", "editor's note"),
        ("Make us your home page", "site notice"),
        ("A project of Valley Media", "masthead"),
        ("Watch the full story on Valley TV", "related link"),
        ("07:55 PM ET", "timestamp"),
        ("1 of 2", "photo caption"),
        ("This video clip is from Valley TV.", "source credit"),
        ("This image shows the north bank of the river where the bridge stood.", "photo caption"),
        ("March 4, 2019|By Jo Lee and Sam Hale, Valley staff reporters.", "byline"),
        ("Main content", "navigation"),
        ("Sorry, this episode is not currently available", "video player"),
        ("Floods |", "navigation"),
        ("Valley | Nation & World", "navigation"),
        ("Take Valley News's quiz.", "related link"),
        ("Full coverage of the flood at Valley Watch", "related link"),
        ("Alden flood: Full coverage at Valley Watch", "related link"),
        (
            "Get browser notifications for breaking news, live events, and exclusive reporting.",
            "related link",
        ),
        ("+Read Caption", "photo caption"),
        ("Video: Floods in Alden", "related link"),
        ("Interactive: Alden flood map", "related link"),
        ("The mayor (left) with the governor (right) at the dam", "photo caption"),
        ("Crowds outside the town hall (pictured)", "photo caption"),
        ("A flooded street near the town hall is seen on Tuesday after the river rose", "photo caption"),
        ("The Flood Explained from Valley Comics on Vimeo.", "video link"),
        ("The BBC's Jo Lee explains the flood defences", "video link"),
        ("Prof Jo Lee tells Valley TV's Sam Hale the dam was sound", "video link"),
        ("Valley Forces Press Service", "source credit"),
        ("14:02 UTC: Our live updates on the flood have now ended.", "editor's note"),
        ("ALDEN, March 4 (Valley Wire)", "dateline"),
        ("Jo Lee Chief Political Correspondent", "byline"),
        ("| 3.5°C Alden", "weather widget"),
        ("The mayor is shown at the Alden bridge in 2004", "photo caption"),
        ("The mayor, shown in an undated file photo, led the town for 20 years.", "photo caption"),
        ("Alden, March 4 (Valley Wire)", "dateline"),
        ("Jo Lee/Associated Press", "photo credit"),
        ("Sam Hale/Valley Times Staff", "photo credit"),
        ("ALDEN, Northland:", "dateline"),
        ("Here is a full video of the mayor's speech on the flood:", "video link"),
        ("Valley Times Staff Writers", "byline"),
        ("Author`s name Editorial Team", "byline"),
        ("• Kyodo News", "source credit"),
        ("Videos | ?", "navigation"),
        ("- NEWS >", "navigation"),
        ("Video from Valley TV.", "video link"),
        ("via Valley Links!", "source credit"),
        ("via Yahoo! News.", "source credit"),
        ("capt.1fd1270c8c1043c0b27c5faa010b20f9 0 Mayor resigns after the flood", "photo file name"),
        ("Special coverage: The flood in Alden", "related link"),
        ("Watch Jo Lee's Companion TV Report:", "video link"),
        ("Reuters/Jo Lee", "photo credit"),
        ("Jo Lee The Associated Press", "byline"),
        ("Floods Kill 40 In Alden »Play Video", "video link"),
        ("Special Report: Floods in the valley", "related link"),
        ("Read the report by Jo Lee and Sam Hale:", "related link"),
        ("Here is a frightening video taken during the flood by a student:", "video link"),
        ("The flood is seen from several different angles in this video:", "video link"),
        ("Audio slideshow: Inside the flooded hotel", "related link"),
        ("07:19 BST", "timestamp"),
        ("STATEMENT BY THE PRESIDENT", "document label"),
        ("Hide caption", "photo caption"),
        ("photo", "photo placeholder"),
    ],
)
def test_media_furniture_is_marked_with_its_kind(line: str, reason: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_marked(article, line, reason)
    assert_body_kept(article)


@pytest.mark.parametrize(
    "line",
    [
        "Video will be shown to the inquiry in 10 days, the mayor said.",
        "Hosted by the mayor, the meeting ran for three hours.",
        "The council's report: the river rose by a metre.",
        "Photo galleries of the flood were shared thousands of times, the council said.",
        "Please wait for the boats, the rescuers told the family on the roof.",
        "The White House said the aid would reach Alden on Friday.",
        "Office of the Press Secretary staff flew to Alden on Monday.",
        "The text of the mayor's remarks was published on Tuesday.",
        "Read the statement again, the judge told the jury.",
        "Valley TV's Jo Lee reports from Alden that the water is falling, and rescuers agree.",
        "The hashtag #AldenFlood was shared 40,000 times by Tuesday, the council said.",
        "For more than a week, residents could not visit the old town, the mayor said.",
        "March 4: the day the river rose, as the mayor put it, will not be forgotten.",
        "(Officials said the dam held.) The river fell by a metre overnight.",
        "In this town, photos of the 1871 flood still hang in the hall, the mayor said.",
        "Take our word for it, the quiz was harder than the exam, one student said.",
        "Full coverage of the valley's farms will take years, the insurer said.",
        "Powered by the river, the old mill ran for a century.",
        "Visit the valley's farms and you will see the damage, the mayor said.",
        "Jo Lee reports for Valley Wire that the bridge will reopen, and the council agrees.",
        "Become a volunteer and help the town, the mayor urged.",
        "Return to the valley was impossible for weeks, residents said.",
        "A project of this size had never been tried in the valley, the engineer said.",
        "This image, the mayor said, shows how little the council did.",
        "Read the caption under the 1871 photo, the mayor told the council.",
        "The mayor is seen as the favourite to win on Sunday.",
        "The damage is shown in a report the council published on Monday.",
        "The mayor was shown the plans on Monday.",
        "That Old/New Familiar Feeling",
        "Here is what the mayor said about the flood:",
        "Read the report again, the judge told the jury.",
        "The special report on the flood was published on Monday.",
        "Live: Scientists in Alden have switched on the new pumps, the council said.",
        "The statement by the president was read out in the council.",
        "Video from the bridge's cameras showed the water rising.",
        "The flood was filmed from a helicopter on YouTube.",
        "The BBC's Jo Lee explains that the dam held.",
        "The governor (left office in 2019) said the dam was sound.",
        "Jo Lee, the paper's chief political correspondent, left on Monday.",
        "Video: the council will publish the footage on Friday, a spokesman said.",
        "Our live coverage of the council vote ended at noon, the station said.",
    ],
)
def test_sentences_worded_like_media_furniture_stay_content(line: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_kept(article, line)
    assert_body_kept(article)


def test_a_headline_noting_its_photos_is_not_a_caption() -> None:
    headline = "Alden Reopens Its Bridge After the Flood (photos)"
    article = page(headline, BODY[0], BODY[1], BODY[2])
    assert_kept(article, headline)


def test_a_gallery_printing_the_headline_again_keeps_both_copies() -> None:
    caption = "This March 4, 2019 image provided by the fire service shows the flooded main street."
    article = page(
        HEADLINE, "", "See Gallery", HEADLINE, caption, "(Photo Fire Service via Getty Images)", *BODY
    )
    for sentence in article.sentences:
        if sentence.text == HEADLINE:
            assert not sentence.boilerplate, sentence.boilerplate_reason


def test_a_caption_printed_twice_in_a_row_is_the_pictures_both_times() -> None:
    caption = "People gather on the bridge in Alden on Friday after the council’s vote."
    twin = caption.replace("’", "'")  # a page's alt text and caption may differ by a quote mark
    article = page(HEADLINE, twin, caption, "", *BODY)
    assert_marked(article, twin)
    assert_marked(article, caption)
    assert_body_kept(article)


def test_a_caption_printed_twice_blank_lines_apart_is_the_pictures_both_times() -> None:
    caption = "Rescuers carry a boat across the square in Alden during the flood in 2001."
    article = page(HEADLINE, "", BODY[0], "", caption, "", caption, "", BODY[1], "", BODY[2])
    for sentence in article.sentences:
        if sentence.text == caption:
            assert sentence.boilerplate_reason == "repeated on the page"
    assert_body_kept(article)


def test_a_caption_printed_twice_on_one_line_is_the_pictures() -> None:
    caption = "Rescue workers gather at the fallen clock tower in Alden on Friday."
    line = f"{caption} {caption}"  # the alt text and the caption run together
    article = page(HEADLINE, "", line, "", *BODY)
    assert_marked(article, line, "repeated on the page")
    assert_body_kept(article)


def test_a_lead_that_says_who_said_it_pasted_twice_stays_the_story() -> None:
    lead = "The old clock tower in Alden collapsed in the flood on Friday, a council engineer said."
    for lines in ([lead, "", lead], [f"{lead} {lead}"]):
        article = page(HEADLINE, "", *lines, "", *BODY)
        assert_kept(article, lines[0])
        assert_body_kept(article)


def test_a_paragraph_of_the_story_pasted_twice_stays_the_story() -> None:
    paragraph = (
        "At noon a dam burst above Alden. Water filled the main street within an hour. Two schools"
        " were closed. Rescuers reached the last families by night."
    )
    article = page(HEADLINE, paragraph, paragraph, "", *BODY)
    assert all(not s.boilerplate for s in article.sentences if s.text in paragraph)


def test_a_gallery_of_captions_each_with_a_label_is_the_pictures() -> None:
    captions = [
        "Rising: The river tops the old bridge in Alden this morning",
        "The scene: Crowds watch from the hill as the water reaches the square",
    ]
    article = page(HEADLINE, "", BODY[0], "", captions[0], "", captions[1], "", BODY[1], "", BODY[2])
    for caption in captions:
        assert_marked(article, caption, "photo caption")
    assert_body_kept(article)


def test_one_line_with_a_label_in_the_body_stays() -> None:
    line = "Update: The council will meet residents of Alden on Friday"
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_kept(article, line)


def test_a_blog_title_ending_with_a_hashtag_stays_the_title_every_time_it_is_printed() -> None:
    title = "Twenty dead at Alden school #Floods"
    article = page(title, "", f"{title}{title}", "", *BODY)
    for sentence in article.sentences:
        if sentence.text.startswith(title):
            assert not sentence.boilerplate, sentence.boilerplate_reason
    # An embedded post in the body keeps its reason.
    post = "Thinking of everyone in Alden tonight #Floods"
    article = page(HEADLINE, "", BODY[0], "", post, "", BODY[1])
    assert_marked(article, post, "social embed")


def test_a_run_of_bulleted_one_word_links_is_a_menu() -> None:
    links = ["  • Local", "  • Community", "  • Journalism"]
    article = page(HEADLINE, "", *links, "", *BODY)
    for link in links:
        assert_marked(article, link, "navigation")
    assert_body_kept(article)


def test_a_short_bulleted_list_of_the_storys_own_stays() -> None:
    items = ["• Alden: 40 homes", "• Brook: 12 homes"]
    article = page(HEADLINE, "", BODY[0], "Homes flooded:", *items, "", BODY[1])
    for item in items:
        assert_kept(article, item)


def test_a_box_of_another_sites_stories_is_a_teaser_and_the_story_after_it_stays() -> None:
    heading = "More flood news from Valley TV Weather"
    article = page(HEADLINE, "", BODY[0], "", heading, "", BODY[1], "", BODY[2])
    assert_marked(article, heading, "teaser")
    assert_body_kept(article)


def test_a_quotation_the_store_cut_short_at_the_end_stays() -> None:
    article = page(HEADLINE, "", *BODY, "", "“It seems it’")
    assert_kept(article, "“It seems it’")


def test_a_caption_ending_with_an_agencys_bare_credit_above_the_story_is_the_caption() -> None:
    # Over 20 words: a short line ending with "(AP)" is a caption by its shape alone.
    caption = (
        "The mayor opened the new bridge over the river in 2001, the year the water last rose high "
        "enough to close every road into the town. (AP)"
    )
    article = page(HEADLINE, "", caption, "", *BODY)
    assert_marked(article, caption)
    first = next(s for s in article.sentences if caption.startswith(s.text))
    assert first.boilerplate_reason == "photo caption"
    assert_body_kept(article)


def test_a_storys_last_paragraph_ending_with_its_agency_stays() -> None:
    # "... the ministry said. (IANS)": the story's source, at its end, with no prose after it.
    article = page(HEADLINE, "", BODY[0], "", BODY[1], "", BODY[2] + " (IANS)")
    last = [s for s in article.sentences if s.text == BODY[2]]
    assert last and not last[0].boilerplate, last


def test_a_line_over_a_credit_is_the_pictures_caption_not_the_headline() -> None:
    # A copy that left the headline out starts with a picture: the line over its credit is the caption.
    caption = "The mayor of Alden led the town's bid for a new bridge"
    article = page(caption, "(Photo: Valley Wire)", *BODY)
    assert article.title is None
    assert page(HEADLINE, "", *BODY).title == HEADLINE


def test_a_headline_under_its_pictures_caption_stays_the_headline() -> None:
    caption = "Floodwater in the main street of Alden (Photo: Valley Wire)"
    article = page(caption, "", HEADLINE, "", "by Jo Lee,", "", *BODY)
    assert_marked(article, caption)
    assert_kept(article, HEADLINE)
    assert_marked(article, "by Jo Lee,", "byline")


def test_a_line_ending_with_a_colon_over_a_byline_is_the_storys() -> None:
    intro = "Here is the mayor explaining the plan at the council meeting in 2019:"
    article = page(
        HEADLINE, "", BODY[0], "", intro, "", "Jo Lee", "Editor-in-Chief, Valley Times", "", BODY[1]
    )
    assert_kept(article, intro)


def test_a_headline_between_its_date_and_its_byline_stays() -> None:
    article = page(
        "Valley Times", "Posted on: Monday, March 4, 2019", "", HEADLINE, "", "By Jo Lee", "", *BODY
    )
    assert_marked(article, "Posted on: Monday, March 4, 2019", "timestamp")
    assert_kept(article, HEADLINE)


def test_a_caption_ending_with_a_long_note_of_where_its_image_came_from_is_the_caption() -> None:
    caption = (
        "The mayor of Alden, who led the town through the flood. (This image was provided by Jo Lee "
        "for the Valley Archive, from an interview for the Valley Times in 1997)"
    )
    article = page(HEADLINE, "", BODY[0], "", caption, "", BODY[1], "", BODY[2])
    assert_marked(article, caption)
    assert_body_kept(article)
