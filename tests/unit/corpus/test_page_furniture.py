"""The web's furniture (``tui/corpus/page_furniture.py`` and the stamps, credits and captions of
``page_clutter.py``) that a survey of news pages, blogs, TV stations' sites, aggregators and
government releases found on two sites or more: each rule on a made-up page, and the article
sentences worded like it that must stay.

Every line here is made up in the style of pasted news pages; none is copied from a page.
"""

from __future__ import annotations

import pytest
from page_support import BODY, HEADLINE, assert_body_kept, assert_kept, assert_marked, page


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        # blog software's comment form
        ("Your email address will not be published.", "comment prompt"),
        ("Required fields are marked *", "comment prompt"),
        ("This site uses Akismet to reduce spam.", "comment prompt"),
        ("Learn how your comment data is processed.", "comment prompt"),
        ("Comments / 3", "comment prompt"),
        ("Use the comment form below to start a discussion about this story.", "comment prompt"),
        ("Save 50% on a Digital Subscription Today", "paywall"),
        ("Facebook icon", "share buttons"),
        ("See the full text of the mayor's speech here.", "related link"),
        ("Also, see Valley TV's report here and the council's statement here", "related link"),
        ("full story here", "related link"),
        ("Looking for more?", "related link"),
        ("Get the best of Valley News sent straight to your inbox.", "newsletter appeal"),
        ("2 Responses", "comment prompt"),
        ("14 thoughts on “Alden floods”", "comment prompt"),
        ("Valley Wire report w/video HERE", "related link"),
        ("Links to Media Coverage:", "related link"),
        ("Comments ...", "comment prompt"),
        ("There are no comments yet.", "comment prompt"),
        ("In Pics", "related link"),
        ("Share story", "share buttons"),
        ("- With inputs from Valley Wire", "source credit"),
        ("Source - Valley TV | Valley Wire", "source credit"),
        ("This week, save 90% on digital access.", "paywall"),
        ("Go to Contents Go to Navigation", "navigation"),
        ("You must be logged in to post comments.", "comment prompt"),
        ("Password (case sensitive):", "comment prompt"),
        ("Remember Me:", "comment prompt"),
        ("Read Comments", "comment prompt"),
        (
            "Comments are posted from viewers like you and do not reflect the views of this station.",
            "comment prompt",
        ),
        ("Previous articleValley council to rebuild the old bridge", "navigation"),
        ("No posts to display", "navigation"),
        ("See more of the story", "related link"),
        ("This article is more than 9 years old", "site notice"),
        ("PICTURES: Floods in the valley", "related link"),
        ("READ SOME MORE", "related link"),
        ("THANKS:", "source credit"),
        ("Click to follow", "social prompt"),
        ("Back to previous post: The flood in pictures", "navigation"),
        ("Forward to next post: Images", "navigation"),
        ("Go to Valley Notes's front page.", "navigation"),
        ("link to Home Page", "navigation"),
        ("Some information for this story provided by AP and Reuters.", "source credit"),
        ("(Originally published by the Valley Times on March 4, 2019.)", "source credit"),
        ("Read the Valley Times' award-winning journalism", "paywall"),
        ("Credits (L-R): AP Photo/Jo Lee", "photo credit"),
        ("We’re sorry, this feature is currently unavailable.", "site notice"),
        ("This was published 13 years ago", "site notice"),
        ("Most Viewed in World", "related link"),
        ("In pictures: The flood in Alden", "related link"),
        ("Follow Valley News's Live Blog on the flood", "related link"),
        ("More: The river's worst year since 1871?", "related link"),
        ("WARNING: Graphic photo appears below.", "editor's note"),
        ("(The Associated Press contributed some of the information used in this update.)", "source credit"),
        ("If you liked this article, please give it a quick review on Valley Links.", "social prompt"),
        ("One Response to “The flood in Alden”", "comment prompt"),
        ("« Previous Post | Valley NOW Home | Next Post »", "navigation"),
        ("Click on post title to read more…", "related link"),
        ("Login or Join to comment.", "comment prompt"),
        ("Copy and paste this URL into your WordPress site to embed", "embed code"),
        # an excerpt's link to the rest
        ("Continue reading...", "related link"),
        ("… Continue reading Why the river rose so fast", "related link"),
        ("[Read more…] about Alden reopens its bridge", "related link"),
        ("read the story here", "related link"),
        ("Popular posts from this blog", "teaser"),
        ("Recent Posts", "teaser"),
        # menus, widgets, placeholders
        ("Filed Under: Alden, floods", "navigation"),
        ("Skip to main contentSkip to main content", "navigation"),
        ("News /", "navigation"),
        ("Connect with us", "social prompt"),
        ("Get the Valley News App", "social prompt"),
        ("Loading...", "layout marks"),
        ("/* ---------- banner ---------- */", "layout marks"),
        ("63°", "weather widget"),
        ("H 71° L 55°", "weather widget"),
        ("Estimated read time: 3-4 minutes", "reading time"),
        ("FOR IMMEDIATE RELEASE: March 4, 2019", "release label"),
        # stamps and bylines
        ("Reported by: Jo Lee", "byline"),
        ("Last Update: 6:10 pm", "timestamp"),
        ("Pictures | Mon Mar 4, 2019 | 6:10pm EDT", "timestamp"),
        ("March 4, 2019 | Home, News", "timestamp"),
        ("By  |", "byline"),
        ("By Valley Wire, ReutersMonday, March 4, 2019", "byline"),
        ("By Jo Lee, March 4, 2019", "byline"),
        ("To read the council's full letter, click here.", "related link"),
        ("Image by Jo Lee on Unsplash.com", "photo credit"),
        ("DEVELOPING...", "editor's note"),
        ("ALDEN, N.P., March 4, 2019 /Valley Wire/ --", "dateline"),
        ("(Read more Valley flood stories.)", "related link"),
        ("More to Read", "related link"),
        ("- Share via", "share buttons"),
        ("Reblog this post [with Widget]", "share buttons"),
        ("Get the Valley Times Politics newsletter", "newsletter appeal"),
        ("From Valley Times:", "source credit"),
        ("Tuesday March 5, 2:33 pm ET", "timestamp"),
        ("Recommended Videos", "related link"),
        ("Up next", "related link"),
        ("Don't miss", "related link"),
        ("Last Modified: 12 Mar 2019 06:37 GMT", "timestamp"),
        ("Mon Mar 4 20:33:53 EST 2019", "timestamp"),
        ("March 4th, 2019", "timestamp"),
        ("...", "layout marks"),
        ("Valleytimes.com works better on other browsers", "site notice"),
        (
            "For the best possible experience, we recommend using Chrome, Firefox or Microsoft Edge.",
            "site notice",
        ),
        ("This article originally appeared on Valley News.", "source credit"),
        ("Rescuers carry a boy from the flooded school in Alden [AFP]", "photo caption"),
        ("Volunteers fill sandbags by the river ©Reuters", "photo caption"),
        ("Coming up", "related link"),
        ("For access to this article please sign in or subscribe.", "paywall"),
        ("The Valley Wire contributed to this report.", "source credit"),
        ("By Valley Times staff •", "byline"),
        ("Valley Times > News > Crime", "navigation"),
        ("Archive for March 4th, 2019", "navigation"),
        ("web analytics", "layout marks"),
        ("- See more at: http://www.valleytimes.example/floods#sthash.x1", "related link"),
        (
            "Briefing Newsletter Sign up for the headlines delivered straight to your email inbox.",
            "newsletter appeal",
        ),
        # credits and wire captions
        ("AP Photo", "photo credit"),
        ("Valley TV via AP", "photo credit"),
        ("(Jo Lee/Valley Times via AP, File)", "photo credit"),
        (
            "FILE - In this March 4, 2019, file photo, rescuers wade through a street in Alden.",
            "photo caption",
        ),
        ("This photo provided by the Alden fire service shows the flooded main street.", "photo caption"),
        # small print, widgets, kickers
        ("By using Valleytimes.com, you signify your agreement with the Terms of Use.", "legal notice"),
        ("Our Privacy Policy is also available there.", "legal notice"),
        ("Tweets by @ValleyTimes", "social prompt"),
        ("You will be redirected to the page you want to view in  seconds.", "site notice"),
        ("SPEECH: Read the text of the mayor's address on the flood", "related link"),
        ("Valley Politics Topics:  Mayor Jo Lee, floods", "navigation"),
        ("Stay updated with the latest news!", "newsletter appeal"),
        ("• VIDEO: Alden bridge reopens", "related link"),
        ("The Associated Press", "source credit"),
        ("By | 2019-03-04", "byline"),
        ("This March 4, 2019 image provided by the fire service shows the flooded street.", "photo caption"),
        # appeals
        ("Send us your story.", "reader appeal"),
        ("Share your flood photos with us", "reader appeal"),
        ("3 Comments for this article", "comment prompt"),
        ("Comment on this Story", "comment prompt"),
        ("{ 0 comments... read them below or add one }", "comment prompt"),
        ("Most Read", "related link"),
        ("• - A A A +", "navigation"),
        ("Valley News March 4, 2019", "byline"),
        ("4:22 PM, Mar 4, 2019   |    comments", "timestamp"),
        (
            "Rescuers carry a boy from the flooded school in Alden, Northern Province, Monday March 4, 2019.",
            "photo caption",
        ),
        ("Fill in your details below or click an icon to log in:", "comment prompt"),
        ("You are commenting using your Google+ account.", "comment prompt"),
        ("Log Out /  Change )", "comment prompt"),
        ("Have your say", "comment prompt"),
        ("Tell us your thoughts in the comments below.", "reader appeal"),
        ("Jo Lee4 March 2019", "byline"),
        ("Multimedia · User Galleries · News in Pictures · Send us your stories", "link bar"),
        ("This is a Premium article available exclusively to our subscribers.", "paywall"),
        ("99¢ per month.", "paywall"),
        ("Save 90%", "paywall"),
        ("March 4, 2019 10:54 am | Updated July 11, 2019 06:54 pm IST - Alden", "timestamp"),
        ("March 4, 2019 8:04:58 AM PDT", "timestamp"),
        ("Article published on the 2019-03-04 Latest update 2019-03-05 08:32 TU", "timestamp"),
        (
            "[Thanks to Valley Times readers too numerous to mention individually for the heads up.]",
            "page note",
        ),
        ("Valley News online 4 March 2019", "byline"),
        ("From the Valley Wire:", "source credit"),
        ("Skip navigation", "navigation"),
        ("No HTML tags allowed.", "comment prompt"),
        ("Web page addresses and e-mail addresses turn into links automatically.", "comment prompt"),
        ("Lines and paragraphs break automatically.", "comment prompt"),
        (
            "If you'd like to join the discussion, please adhere to our commenting guidelines.",
            "comment prompt",
        ),
        ("Photo by Jo Lee (jolee on twitter)", "photo credit"),
        (", , , , , ,", "layout marks"),
        ("Recommended Stories For You", "related link"),
        ("Sponsored by:", "ad marker"),
        ("Photo Credits: Valley Insider", "photo credit"),
        (
            "Valley Wire correspondents Jo Lee, Sam Hale and Ana Souza and staff reporter Tom Park"
            " contributed to this report.",
            "source credit",
        ),
        # pointers to the site's other stories, its player, its newsletter and quiz
        ("Complete coverage of the Alden floods", "related link"),
        ("For all of our coverage on the dam failure.", "related link"),
        ("Read more of the Valley Times' coverage of the storm.", "related link"),
        ("For more City Hall coverage, follow @jolee.", "related link"),
        ("You may also like", "related link"),
        ("LIVE UPDATES: Alden closes its bridges, army called in", "related link"),
        ("Watch the mayor's whole statement below.", "video player"),
        ("A free daily email with the top stories of the day from ValleyNews.com", "newsletter appeal"),
        ("Now Test Your Knowledge", "related link"),
        ("Comments are closed.", "comment prompt"),
        ("Because of spam, comments may no longer be posted.", "comment prompt"),
        # credits, stamps and beats
        ("Image source: ValleyTube", "photo credit"),
        ("A file photo shows a Valley Air jet taking off.", "photo caption"),
        ("~ by jlee26 on June 4, 2009.", "byline"),
        ("ALDEN, N.J. - October 29, 2012", "dateline"),
        ("Flood reporter", "byline"),
        ('{ "vars" : { "site_id": "VN-1234", "groups": "default" } }', "page code"),
        # a wiki's and a paper's archive notices, a station's appeal, a shop's offer, sign-ups
        ("This page is archived and can no longer be edited.", "site notice"),
        (
            "Articles presented on Valleypedia reflect the specific time at which they were posted.",
            "site notice",
        ),
        ("Please note that due to our archival policy, old stories are not updated.", "site notice"),
        ("Please note that some sources or external links may no longer be available online.", "site notice"),
        ("This story is from March 4, 2019", "site notice"),
        ("Valley Radio is your trusted source for local news.", "reader appeal"),
        ("Keep warm this winter with Sunny Tonic, now at 40% off!", "advert"),
        ("Get the Valley Times' Evening Bulletin email.", "newsletter appeal"),
        ("Please sign in to post a comment", "comment prompt"),
        ("Start the conversation", "comment prompt"),
        ("blog comments powered by Chatbox", "comment prompt"),
        ("This article is from the archive of our partner Valley Wire.", "site notice"),
        ("Wikipedia has more about this subject:", "site notice"),
        ("Support the independent voice of Alden and keep the Valley Voice free.", "reader appeal"),
        ("See the video the suspect posted online below", "video player"),
        ("Image used with permission by copyright holder", "photo credit"),
        ("Photographer: Jo Lee/Valley Wire via Getty Images", "photo credit"),
        ("YouTube: Valley TV", "photo credit"),
        ("A screenshot from a video said to show the flooded square.", "photo caption"),
        ("File photo from 2010 of the old Alden bridge.", "photo caption"),
        ("Map: Where the river broke its banks", "map caption"),
        ("• The mayor talks to residents at the flooded...", "teaser"),
        ("This artist's rendering shows the new Alden bridge from the east.", "photo caption"),
        ("This image of the dam was taken by a council drone on Monday.", "photo caption"),
        ("The image shows the dam's east wall.", "photo caption"),
        ("The mayor, left, greets rescuers on the Alden bridge on Monday.", "photo caption"),
        ("The mayor on the bridge Credit: Valley Wire/Jo Lee", "photo caption"),
        ("PHOTO | JO LEE The Alden bridge at dawn, in this March 4, 2019 file photo.", "photo caption"),
        ("Photo by Jo Lee/Valley Times", "photo credit"),
        ("Photos: Flood hits Alden, Mo.", "related link"),
        ("One thought on “Flood hits Alden", "comment prompt"),
        ("Tagged as: Alden, floods, dams", "navigation"),
        ("By Jo Lee | May 23, 2011", "byline"),
        ("Posted: Updated:", "timestamp"),
        ("Listen Live", "navigation"),
        ("CLOSE", "navigation"),
        ("This is an archived article and the information in it may be outdated.", "site notice"),
        ("Watch video from the bridge as the water rose.", "related link"),
        ("Read about the dispute at the council meeting.", "related link"),
        ("Visit ValleyNews.com for breaking news and weather", "related link"),
        ("What you need to know:", "section label"),
        ("Listen to an interview with our correspondent in Alden", "related link"),
        ("Watch Monday's council news conference on the U.S. flood aid", "related link"),
        (
            "Article originally appeared on the Valley Observer (http://valleyobserver.example/).",
            "source credit",
        ),
        ("See website for complete article licensing information.", "source credit"),
        ("Editor", "byline"),
        ("279-a-15-(Dr.", "audio link"),
        ("Valley News | September 30, 2014", "timestamp"),
        ("December 17, 2014 — Updated 1453 GMT (2253 HKT)", "timestamp"),
        ("TIMELINE: Key moments in the dam's history", "related link"),
        ("fb-pixel Skip to main content", "navigation"),
        ("This handout photo from the council shows the dam on Monday.", "photo caption"),
    ],
)
def test_the_webs_furniture_is_marked_with_its_kind(line: str, reason: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_marked(article, line, reason)
    assert_body_kept(article)


@pytest.mark.parametrize(
    "line",
    [
        "Continue reading to the end, the mayor told the council, before you vote.",
        "Read the report before Friday, the council told residents.",
        "The photo provided by a neighbour shows the flames reaching the roof.",
        "Officials said the temperature reached 41° on Tuesday.",
        "Required fields on the aid form were left blank, officials said.",
        "Comments by the mayor drew criticism on Tuesday.",
        "The council will meet residents of Alden today, March 4, 2019.",
        "Reported cases rose by a third, the health ministry said on Monday.",
        "Connect with us, the mayor urged young voters at the rally.",
        "Supplies were delivered to your door within a day, the agency told residents.",
        "The archive for the town's 1871 records was lost in the flood.",
        "Prices rose > 5% in March, the bureau said.",
        "Three rival firms contributed to this report on the dam, the ministry said in a statement.",
        "Crews recommended videos of the flood be kept for the inquiry.",
        "The site told users to click here if they needed help.",
        "Images from the flood show the bridge under water.",
        "From the bridge, the whole valley looked like a lake:",
        "Get the children out first, the fire chief said.",
        "Officials recommend using sandbags along the whole east bank, the mayor said.",
        "This article of the law originally applied only to farms, the court said.",
        "The mayor said the pumps work better on older models of the valley's drains.",
        "Users who agree to the new terms keep their accounts, the company said.",
        "By March 4, 2019, the river had fallen by a metre.",
        "Stay calm and stay indoors, the mayor told residents on Monday.",
        "VIDEO: the council will publish the footage on Friday, a spokesman said.",
        "The Associated Press reported the closure first, on Monday.",
        "This image of the bridge was shared thousands of times, the council said.",
        "The company said its privacy policy had not changed since 2018.",
        "You will be redirected to a shelter if your street floods, the mayor told residents.",
        "ALDEN: Read the riot act to the council, residents said, was what the mayor did.",
        "Send us more boats, the mayor told the governor on Tuesday.",
        "Tell us your name, the rescuers shouted to the family on the roof.",
        "Most read the warning as too late, residents said.",
        "Comment on this story was refused by the mayor's office.",
        "Save 50% on a new boiler, the council's flood grant tells owners.",
        "See you here next spring, the mayor told the crowd.",
        "Read the full report, the council urged residents.",
        "The council had 2 responses to its plan by Monday.",
        "Back to the previous year's levels, the river fell by a metre.",
        "Information provided by residents helped the rescuers, the mayor said.",
        "We are sorry, the mayor said, that this service is unavailable to residents.",
        "This was published 13 years ago in the council's own report, the mayor said.",
        "More than 40 people died, the governor said.",
        "In pictures and in words, the report shows the damage.",
        "One response to the flood was a new dam, the council said.",
        "Links to the old town were cut by the flood: the bridge, the ferry and the rail line.",
        "Source of the flood was a burst dam, the council said on Monday.",
        "Share the story of your street with the council, the mayor urged.",
        "The next story the council told was about the dam.",
        "Comments are welcome until Friday, the council said.",
        "This article of the charter is more than 200 years old, the judge said.",
        "The council will use the comment form below the plan to hear residents.",
        "Full coverage of the vote was broadcast on state television on Monday, officials said.",
        "For the first time, coverage of the floods included live images.",
        "Comments are expected from the mayor on Friday.",
        "A photo posted on social media shows the bridge under water.",
        "The reporter was released on Tuesday.",
        "By the river on June 4, 2009, the water was a metre higher, residents said.",
        "ALDEN, N.J. - The river rose on October 29, 2012.",
        "Watch the skies, the forecaster told residents on Monday.",
        "The council said this article is from 1998.",
        "Get the children out by email, the school told parents.",
        "Residents said the station is your trusted source, the mayor said.",
        "Prices fell 50% off their peak, the bureau said on Monday.",
        "This page is where residents read the council's notes, the mayor said.",
        "Twitter: the company said it would appeal.",
        "Map: officials said the storm would turn north.",
        "The photographer: a local man, said police.",
        "Start the pumps, the engineer told the crews.",
        "A picture of the dam taken from a phone was released by the council on Monday.",
        "Those who left, the mayor said, will be helped to return.",
        "Read about it in the council's report, the mayor said.",
        "Close the bridge, the mayor told the police.",
        "Visit the old town before the water rises, the mayor said.",
        "Credit for the rescue goes to the volunteers, the mayor said.",
        "Watch the full press conference.",
        "Listen to the engineers, the mayor said.",
        "Watch the river, the forecaster told residents.",
        "The article appeared to be correct, the council said.",
    ],
)
def test_sentences_worded_like_furniture_stay_content(line: str) -> None:
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_kept(article, line)
    assert_body_kept(article)


def test_a_short_title_ending_with_its_date_is_not_a_caption() -> None:
    title = "Flood bulletin – Monday, March 4, 2019"
    article = page(f" date 2019-03-04 {title}", "", *BODY)
    (kept,) = [s for s in article.sentences if s.text == title]  # the stamp before it is a sentence apart
    assert not kept.boilerplate, kept.boilerplate_reason


def test_a_label_after_a_page_stores_date_is_read_without_the_date() -> None:
    # The page store the dev set comes from writes " date YYYY-MM-DD " before a page's first line.
    article = page(" date 2019-03-04 Advertisement", "", HEADLINE, "", *BODY)
    assert_marked(article, " date 2019-03-04 Advertisement", "ad marker")
    assert_kept(article, HEADLINE)
    assert_body_kept(article)


def test_a_headline_of_two_title_case_clauses_is_not_two_names() -> None:
    headline = "Fire Closes Alden Bridge, Cuts Road Off"
    article = page(headline, "", "By Jo Lee", "", *BODY)
    assert_kept(article, headline)
    assert_marked(article, "By Jo Lee", "byline")


def test_the_posts_after_a_blogs_popular_posts_are_teasers() -> None:
    teasers = ["Ten towns that moved away from rivers", "How the old dam was built"]
    article = page(HEADLINE, "", *BODY, "", "Popular posts from this blog", "", *teasers)
    for line in teasers:
        assert_marked(article, line)
    assert_body_kept(article)


def test_a_long_wire_caption_that_opens_as_a_caption_and_ends_with_a_credit_is_the_caption() -> None:
    caption = (
        "Rescuers wade through a flooded street in Alden, Northern Province, on Wednesday, March 6, 2019. "
        + "They were among hundreds of volunteers who came from the towns downriver to help. " * 6
        + "(AP Photo/Jo Lee)"
    )
    article = page(HEADLINE, "", BODY[0], "", caption, "", BODY[1], "", BODY[2])
    assert_marked(article, caption)  # every sentence of it (the credit keeps its own reason)
    assert_body_kept(article)


def test_a_long_line_in_capitals_between_paragraphs_is_a_link_but_a_short_one_is_a_crosshead() -> None:
    link = "FLOODWATERS CLOSE THE RIVER ROAD FOR A SECOND WEEK IN A ROW"
    crosshead = "WHAT COMES NEXT"
    article = page(
        "ALDEN FLOODS: DOZENS DEAD AS THE RIVER BURSTS ITS BANKS",
        "",
        BODY[0],
        link,
        BODY[1],
        crosshead,
        BODY[2],
    )
    assert_marked(article, link, "related link")
    assert_kept(article, crosshead)
    assert_kept(article, "ALDEN FLOODS: DOZENS DEAD AS THE RIVER BURSTS ITS BANKS")
    assert_body_kept(article)


def test_the_paragraph_under_a_blogs_comment_header_is_a_readers_comment() -> None:
    comment = "Great report, the river road was shut all week and nobody told us."
    article = page(HEADLINE, "", *BODY, "", "2 comments:", "", "Anonymous said...", "", comment)
    assert_marked(article, "Anonymous said...", "comment prompt")
    assert_marked(article, comment, "reader comment")
    assert_body_kept(article)


def test_a_page_all_in_capitals_keeps_its_long_lines() -> None:
    # A wire bulletin or a weather warning is written in capitals: no line of it stands out as a link.
    lines = [
        "THE WEATHER SERVICE HAS ISSUED A FLOOD WARNING FOR THE ALDEN RIVER UNTIL FRIDAY EVENING.",
        "AT 9 AM MONDAY THE STAGE WAS 18.2 FEET AND RISING",
        "MINOR FLOODING IS FORECAST. THE RIVER WILL CREST NEAR 21 FEET BY TUESDAY MORNING.",
        "THE RIVER BROKE ITS BANKS ON MONDAY AND FLOODED THE VALLEY ROAD NEAR THE SCHOOL.",
    ]
    article = page("FLOOD WARNING FOR THE ALDEN RIVER", "", *[part for line in lines for part in (line, "")])
    assert_kept(article, lines[1])


def test_a_wire_caption_that_runs_on_over_the_photographers_name_is_all_caption() -> None:
    # A gallery: each caption runs on with a story sentence, then the photographer and "AP Photo".
    story = "Crews worked through the night to fill sandbags along the east bank of the river."
    captions = [
        f"Rescuers wade through a street in Alden, Northern Province, on Wednesday, March 6, 2019. {story}",
        f"Volunteers fill sandbags near Alden, Northern Province, on Thursday, March 7, 2019. {story}",
    ]
    article = page(
        HEADLINE,
        "",
        BODY[0],
        "",
        captions[0],
        "Jo Lee",
        "AP Photo",
        captions[1],
        "Jo Lee",
        "AP Photo",
        "",
        BODY[1],
        "",
        BODY[2],
    )
    for caption in captions:
        assert_marked(article, caption)
    assert_body_kept(article)


def test_a_latest_box_under_the_article_is_teasers_even_when_each_is_a_sentence() -> None:
    teasers = [
        "The county will vote next month on a plan to raise the pay of its bus drivers and cleaners by a"
        " fifth over three years, with a new minimum wage for every worker on its books from April.",
        "Riders of the valley's trains may now find a check mark beside their name, part of a new check.",
    ]
    article = page(HEADLINE, "", BODY[0], "", BODY[1], "", BODY[2], "", "The Latest", *teasers)
    for line in ["The Latest", *teasers]:
        assert_marked(article, line)
    assert_body_kept(article)


def test_latest_news_over_the_page_header_marks_only_itself() -> None:
    article = page("Latest News:", "", "Home>>Valley", "", HEADLINE, "", *BODY)
    assert_marked(article, "Latest News:")
    assert_kept(article, HEADLINE)
    assert_body_kept(article)


def test_a_share_label_glued_to_the_headline_is_the_share_bar() -> None:
    article = page(HEADLINE, "", f"SHARE {HEADLINE}", "", *BODY)
    assert_marked(article, f"SHARE {HEADLINE}", "share buttons")
    assert_kept(article, HEADLINE)


def test_a_question_to_the_reader_beside_an_appeal_is_the_appeal() -> None:
    line = "Were you in Alden on Wednesday? Send us your story."
    article = page(HEADLINE, "", BODY[0], "", line, "", BODY[1], "", BODY[2])
    assert_marked(article, line, "reader appeal")
    assert_body_kept(article)


def test_the_comments_under_a_comment_heading_are_the_readers() -> None:
    comments = [
        "• Jo Lee",
        "Glad the bridge is open again, took them long enough.",
        "• RiverFan",
        "The council should have built the wall years ago. Nobody listened to the farmers.",
    ]
    article = page(HEADLINE, "", *BODY, "", "Comment on this Story", "", *comments)
    for line in comments:
        assert_marked(article, line)
    assert_body_kept(article)


def test_a_comment_heading_without_commenters_under_it_leaves_the_rest() -> None:
    # "Comments" over the page's last paragraph, no names: nothing says what follows is a reader's.
    tail = "The governor is expected to visit the valley on Friday, her office said in a statement."
    article = page(HEADLINE, "", *BODY, "", "Comments", "", tail)
    assert_kept(article, tail)


def test_a_numbered_comment_list_under_its_count_is_the_readers() -> None:
    comments = [
        "2 Responses",
        "1. Jo Lee says:",
        "Really the council has done well.",
        "The river was the worst I have seen in my life, and the pumps came too late for my street.",
        "2. According to a poll, only a third of residents would vote for the mayor again.",
    ]
    article = page(HEADLINE, "", *BODY, "", *comments)
    for line in comments:
        assert_marked(article, line)
    assert_body_kept(article)


def test_a_quotation_introduced_with_says_stays_without_a_comment_heading() -> None:
    article = page(HEADLINE, "", BODY[0], "", "Jo Lee says:", "", BODY[1], "", BODY[2])
    assert_kept(article, "Jo Lee says:")
    assert_body_kept(article)


def test_a_comment_list_under_a_stations_comment_form_is_the_readers() -> None:
    form = [
        "You must be logged in to post comments.",
        "Password (case sensitive):",
        "Remember Me:",
        "Read Comments",
        "Comments are posted from viewers like you and do not reflect the views of this station.",
        "• by Jo Location: NC on Mar 4, 2019 at 08:18 AM",
        "To the mayor: I must agree with you about the pumps, they came too late for my street.",
    ]
    article = page(HEADLINE, "", *BODY, "", *form)
    for line in form:
        assert_marked(article, line)
    assert_body_kept(article)


def test_a_headline_noting_its_video_and_photos_is_not_a_caption() -> None:
    headline = "Mayor on the Alden flood: 'We Will Rebuild' (VIDEO, PHOTO)"
    article = page(headline, "", *BODY)
    assert_kept(article, headline)


def test_the_paragraph_under_a_blogs_comment_header_in_malay_is_a_readers_comment() -> None:
    comment = "sebab nama dia jo?"
    article = page(HEADLINE, "", *BODY, "", "-jolee- berkata…", "", comment)
    assert_marked(article, "-jolee- berkata…", "comment prompt")
    assert_marked(article, comment, "reader comment")
    assert_body_kept(article)


def test_a_short_label_two_sources_carry_is_site_furniture_but_a_short_wire_headline_stays(tmp_path) -> None:
    from tui.corpus.loader import load_corpus

    headline = "Residents flee rising river"  # two sites print the agency's headline
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(f"{headline}\n\nValley & Town\n\n" + "\n\n".join(BODY) + "\n")
    for article in load_corpus([tmp_path]).articles:
        reasons = {s.text: s.boilerplate_reason for s in article.sentences}
        assert reasons["Valley & Town"] == "site furniture"
        assert reasons[headline] is None
