"""Reading articles: encodings, newlines, hostile characters, bad paths, HTML, titles, boilerplate."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from quality import _sentences_at, load_gold

from tui.corpus.ingest import IngestError, RawArticle, expand_paths, read_article
from tui.corpus.loader import build_article, load_corpus
from tui.corpus.model import Article, Kind
from tui.resources import seeds_dir

PROSE = "NATO allies met in Brussels on Thursday to discuss who should succeed the secretary general."
PROSE_AFTER = "The talks will continue next week in Washington, officials said."


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def one_line(message: str) -> bool:
    return "\n" not in message and "\r" not in message and message.strip() == message and bool(message)


# --- encodings -----------------------------------------------------------------------------------

TEXT = "Le café coûte 5 € – « très cher », dit-il.\nKariņš and Türkiye’s “view” differ."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", id="utf-8 with BOM"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", id="utf-16 LE with BOM"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", id="utf-16 BE with BOM"),
    ],
)
def test_unicode_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    raw = read_article(write(tmp_path / "article.txt", data))
    assert raw.text == TEXT  # no BOM left in the shown text
    assert raw.encoding == encoding


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param("Le café coûte 5 €", "cp1252", id="cp1252 short with euro"),
        pytest.param(
            "Mark Rutte – “the favourite” – won’t say whether he’s ready.", "cp1252", id="cp1252 quotes"
        ),
        pytest.param(
            "Der Außenminister sagte am Donnerstag, dass Deutschland Rutte unterstützt. "
            "Die Gespräche über die Nachfolge würden fortgesetzt.",
            "cp1252",
            id="cp1252 German",
        ),
        pytest.param("Le café est très élevé à Paris.", "latin-1", id="latin-1 French"),
        pytest.param(
            "El ministro español dijo que España apoyará la candidatura de Rutte. "
            "«Es un buen candidato», añadió.",
            "latin-1",
            id="latin-1 Spanish",
        ),
        pytest.param("Größe und Äpfel für Müller.", "latin-1", id="latin-1 German"),
    ],
)
def test_legacy_western_encodings_decode_to_the_right_characters(
    tmp_path: Path, text: str, encoding: str
) -> None:
    raw = read_article(write(tmp_path / "article.txt", text.encode(encoding)))
    assert raw.text == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        pytest.param(
            "Premier Tusk powiedział, że Polska poprze kandydaturę Rutte na stanowisko sekretarza "
            "generalnego NATO. Rozmowy trwają.",
            "cp1250",
            id="cp1250 Polish",
        ),
        pytest.param(
            "Министр иностранных дел заявил, что Россия не поддержит кандидатуру Рютте на пост генсека НАТО.",
            "cp1251",
            id="cp1251 Russian",
        ),
    ],
)
def test_other_legacy_encodings_are_not_forced_into_western(tmp_path: Path, text: str, encoding: str) -> None:
    raw = read_article(write(tmp_path / "article.txt", text.encode(encoding)))
    assert raw.text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_newlines_are_normalised(tmp_path: Path, newline: str) -> None:
    lines = ["First line here.", "Second line here.", "", "Third paragraph."]
    raw = read_article(write(tmp_path / "article.txt", newline.join(lines).encode()))
    assert raw.text == "\n".join(lines)
    assert "\r" not in raw.text


@pytest.mark.parametrize(
    "hostile",
    [
        pytest.param("\x1b[31mred\x1b[0m", id="SGR colour"),
        pytest.param("\x1b]8;;https://example.com\x07link\x1b]8;;\x07", id="OSC 8 hyperlink"),
        pytest.param("\x1b]0;new title\x1b\\", id="OSC title"),
        pytest.param("\x9b31m", id="C1 CSI"),
        pytest.param("bell\x07 back\x08space del\x7f", id="BEL BS DEL"),
    ],
)
def test_control_characters_become_visible_placeholders(tmp_path: Path, hostile: str) -> None:
    text = f"The minister said {hostile} nothing more."
    raw = read_article(write(tmp_path / "article.txt", text.encode()))
    # Nothing a terminal would interpret survives; every control character is one visible
    # character instead, so the text keeps its length and the reader sees something is there.
    assert not any((ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in raw.text)
    assert len(raw.text) == len(text)
    assert raw.text.startswith("The minister said ") and raw.text.endswith(" nothing more.")
    if "\x1b" in hostile:
        assert "␛" in raw.text
    for kept in ("red", "link", "https://example.com", "new title"):
        if kept in hostile:
            assert kept in raw.text


def test_tabs_and_non_breaking_spaces_are_kept(tmp_path: Path) -> None:
    text = "Column\tvalue and 5\u00a0km away."
    assert read_article(write(tmp_path / "article.txt", text.encode())).text == text


def test_sha256_is_of_the_shown_text(tmp_path: Path) -> None:
    import hashlib

    raw = read_article(write(tmp_path / "article.txt", b"One.\r\nTwo.\r\n"))
    assert raw.sha256 == hashlib.sha256(b"One.\nTwo.").hexdigest()


# --- bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\r\n\t ", "empty", id="whitespace only"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", id="png"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00" + bytes(200), "binary", id="elf"),
    ],
)
def test_empty_or_binary_file_is_an_error_naming_the_path(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "article.txt", data)
    with pytest.raises(IngestError) as caught:
        read_article(path)
    message = str(caught.value)
    assert one_line(message)
    assert str(path) in message
    assert reason in message


def test_missing_path_is_an_error_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    with pytest.raises(IngestError) as caught:
        expand_paths([missing])
    assert one_line(str(caught.value))
    assert str(missing) in str(caught.value)
    with pytest.raises(IngestError):
        load_corpus([missing])


def test_folder_without_articles_gives_a_warning(tmp_path: Path) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.txt").write_text("Nested articles are not read.")
    corpus = load_corpus([tmp_path])
    assert corpus.articles == []
    assert len(corpus.warnings) == 1
    assert one_line(corpus.warnings[0])
    assert str(tmp_path) in corpus.warnings[0]


def test_bad_files_are_skipped_with_warnings_when_others_load(tmp_path: Path) -> None:
    write(tmp_path / "a_good.txt", f"{PROSE} {PROSE_AFTER}".encode())
    write(tmp_path / "b_empty.txt", b"")
    write(tmp_path / "c_binary.txt", b"\x00\x01\x02binary\x00")
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["a_good"]
    assert len(corpus.warnings) == 2
    assert all(one_line(w) for w in corpus.warnings)
    assert str(tmp_path / "b_empty.txt") in corpus.warnings[0]
    assert str(tmp_path / "c_binary.txt") in corpus.warnings[1]


def test_unreadable_file_is_an_error_naming_the_path(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"A perfectly good sentence.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) who can read a chmod 000 file")
        with pytest.raises(IngestError) as caught:
            read_article(path)
        assert one_line(str(caught.value))
        assert str(path) in str(caught.value)
        assert "permission" in str(caught.value)
    finally:
        path.chmod(0o644)


def test_permission_error_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same path as above, reachable even as root: the OS refusing the read.
    path = write(tmp_path / "secret.txt", b"A perfectly good sentence.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(IngestError) as caught:
        read_article(path)
    assert one_line(str(caught.value))
    assert str(path) in str(caught.value)
    assert "permission denied" in str(caught.value)


def test_a_folder_passed_as_a_file_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "looks_like.txt"
    folder.mkdir()
    with pytest.raises(IngestError) as caught:
        read_article(folder)
    assert str(folder) in str(caught.value)
    assert one_line(str(caught.value))


# --- paths and ids -------------------------------------------------------------------------------


def test_folder_expansion_is_sorted_and_filtered_by_suffix(tmp_path: Path) -> None:
    names = ["b.txt", "a.md", "c.html", "d.htm", "e.markdown", "F.TXT", "g.pdf", "h.png", "i.json", "txt"]
    for name in names:
        (tmp_path / name).write_text("Some text.")
    (tmp_path / "z.txt").mkdir()  # a folder named like an article is not an article
    files, warnings = expand_paths([tmp_path])
    assert warnings == []
    expected = sorted(tmp_path / n for n in ["b.txt", "a.md", "c.html", "d.htm", "e.markdown", "F.TXT"])
    assert files == expected


def test_a_link_to_a_missing_file_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"One sentence of the story.")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "moved-away.txt")
    files, warnings = expand_paths([tmp_path])
    assert files == [tmp_path / "a.txt"]
    assert len(warnings) == 1 and "gone.txt" in warnings[0] and "missing file" in warnings[0]


def test_files_and_folders_keep_command_line_order(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "x.txt").write_text("X.")
    (folder / "a.txt").write_text("A.")
    single = tmp_path / "single.md"
    single.write_text("S.")
    files, _ = expand_paths([single, folder])
    assert files == [single, folder / "a.txt", folder / "x.txt"]


def test_duplicate_stems_get_unique_ids(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"{PROSE} From {folder}.")
    (tmp_path / "two" / "report.md").write_text(f"{PROSE} Markdown copy.")
    corpus = load_corpus([tmp_path / "one", tmp_path / "two"])
    ids = [a.id for a in corpus.articles]
    assert len(ids) == 3
    assert len(set(ids)) == 3
    assert ids[0] == "report"
    assert all(i.startswith("report") for i in ids)


# --- HTML and titles -----------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Allies back Rutte for NATO chief | Example News</title>
  <meta property="og:title" content="Allies back Rutte for NATO chief">
</head>
<body>
  <header>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>Allies back Rutte for NATO chief</h1>
      <p>The United States, Britain, France and Germany on Thursday backed outgoing Dutch Prime
      Minister Mark Rutte to succeed Jens Stoltenberg as the head of NATO.</p>
      <p>Diplomats say Rutte is the only official candidate for the post, although some said other
      names had been floated in informal discussions recently.</p>
      <p>A German government spokesperson said Rutte had Berlin's backing, praising him as
      "an outstanding candidate."</p>
      <p>Still, one senior diplomat cautioned that a deal had not yet been reached, and Hungary has
      not said whether it would back him.</p>
    </article>
  </main>
  <footer>
    <p>Copyright © 2024 Example News. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a>
    <p>Sign up for our newsletter</p>
  </footer>
</body>
</html>
"""


def test_html_page_gives_article_text_and_title(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", HTML_PAGE.encode("utf-8"))
    corpus = load_corpus([path])
    assert corpus.warnings == []
    (article,) = corpus.articles
    assert article.title == "Allies back Rutte for NATO chief"
    assert "on Thursday backed outgoing Dutch Prime" in article.text
    assert "praising him as" in article.text
    assert "Hungary has" in article.text
    for chrome in ("Politics", "Sport", "Example News", "Privacy policy", "newsletter", "<p>", "</"):
        assert chrome not in article.text
    assert any("an outstanding candidate" in s.text and not s.boilerplate for s in article.sentences)


def test_a_copyright_year_is_not_a_publication_date(tmp_path: Path) -> None:
    # The page has no date markup, only "Copyright © 2024" in its footer: no date, not 2024-01-01.
    path = write(tmp_path / "page.html", HTML_PAGE.encode("utf-8"))
    (article,) = load_corpus([path]).articles
    assert article.meta.published is None


def test_html_page_without_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", b"<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(IngestError) as caught:
        read_article(path)
    assert str(path) in str(caught.value)
    assert one_line(str(caught.value))


def test_html_page_of_only_navigation_gives_a_warning(tmp_path: Path) -> None:
    page = b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    path = write(tmp_path / "nav.html", page)
    corpus = load_corpus([path])
    assert all(not article.content() for article in corpus.articles)
    assert len(corpus.warnings) == 1
    assert one_line(corpus.warnings[0])
    assert str(path) in corpus.warnings[0]


def test_markdown_headline_becomes_the_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"# Allies back Rutte for NATO chief\n\n{PROSE} {PROSE_AFTER}\n", encoding="utf-8")
    (article,) = load_corpus([path]).articles
    assert article.title == "Allies back Rutte for NATO chief"
    # The mark is masked one for one (issue 15): offsets into the file stay exact, no stray "#".
    assert article.text.startswith("  Allies")


def test_article_starting_with_prose_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"{PROSE} {PROSE_AFTER}\n", encoding="utf-8")
    (article,) = load_corpus([path]).articles
    assert article.title is None


def test_headline_under_a_section_label_becomes_the_title(tmp_path: Path) -> None:
    # Pages often carry their section's name over the headline; the label is not the headline.
    path = tmp_path / "story.txt"
    for label in ("Europe", "Defence and security"):
        text = f"{label}\nAllies back Rutte for NATO chief\n{PROSE} {PROSE_AFTER}\n"
        path.write_text(text, encoding="utf-8")
        (article,) = load_corpus([path]).articles
        assert article.title == "Allies back Rutte for NATO chief", label


def test_a_saved_date_stamp_before_the_headline_is_a_timestamp_and_the_headline_stays(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        f" date 2024-02-22 Allies back Rutte for NATO chief\n{PROSE} {PROSE_AFTER}\n", encoding="utf-8"
    )
    (article,) = load_corpus([path]).articles
    assert article.title == "Allies back Rutte for NATO chief"
    stamp, headline = article.sentences[:2]
    assert (stamp.text, stamp.boilerplate_reason) == ("date 2024-02-22", "timestamp")
    assert (headline.text, headline.boilerplate) == ("Allies back Rutte for NATO chief", False)


def test_a_short_line_above_prose_is_not_taken_for_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Kim Lee\n{PROSE} {PROSE_AFTER}\n", encoding="utf-8")
    (article,) = load_corpus([path]).articles
    assert article.title is None


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    corpus = load_corpus([seeds_dir()])
    assert corpus.warnings == []
    return {article.id: article for article in corpus.articles}


def test_seed_titles(seeds: dict[str, Article]) -> None:
    assert {key[:3]: article.title for key, article in seeds.items()} == {
        "000": None,
        "001": "US and European powers back Dutch PM Rutte as next NATO head",
        "002": None,
        "003": "Get US To UK Support, Dutch PM Mark Rutte Strong Candidate For NATO Secretary General",
        "004": None,
    }


def test_seed_ids_are_file_stems(seeds: dict[str, Article]) -> None:
    assert sorted(seeds) == sorted(p.stem for p in seeds_dir().glob("*.txt"))
    assert len(seeds) == 5


def test_seed_text_is_the_file_text(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        on_disk = article.path.read_text(encoding="utf-8").replace("\r\n", "\n").strip("\n")
        assert article.text == on_disk


# --- boilerplate ---------------------------------------------------------------------------------


def test_gold_boilerplate_is_marked_with_a_reason(seeds: dict[str, Article]) -> None:
    gold = load_gold()
    missed = []
    for entry in gold["boilerplate"]:
        article = seeds[entry["source"]]
        for index in _sentences_at(article, entry["quote"]):
            sentence = article.sentences[index]
            if not (
                sentence.boilerplate and sentence.boilerplate_reason and sentence.boilerplate_reason.strip()
            ):
                missed.append((entry["source"], sentence.text))
    assert missed == []


def test_gold_content_is_not_marked(seeds: dict[str, Article]) -> None:
    gold = load_gold()
    wrongly_marked = []
    for entry in gold["content_not_boilerplate"]:
        article = seeds[entry["source"]]
        for index in _sentences_at(article, entry["quote"]):
            if article.sentences[index].boilerplate:
                wrongly_marked.append((entry["source"], article.sentences[index].text))
    assert wrongly_marked == []


def test_every_gold_claim_sentence_is_content(seeds: dict[str, Article]) -> None:
    # A sentence that several outlets carry is article text by definition.
    for claim in load_gold()["claims"]:
        for member in claim["members"]:
            article = seeds[member["source"]]
            for index in _sentences_at(article, member["quote"]):
                assert not article.sentences[index].boilerplate, article.sentences[index].text


def test_boilerplate_is_marked_never_deleted(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        covered = "".join(article.text[s.start : s.end] for s in article.sentences)
        assert "".join(covered.split()) == "".join(article.text.split())
        for sentence in article.sentences:
            if sentence.boilerplate:
                assert sentence.kind == Kind.BOILERPLATE
                assert sentence.boilerplate_reason.strip()


def article_from(lines: list[str]) -> Article:
    text = "\n".join(lines)
    return build_article(RawArticle("test", Path("test.txt"), text, "0" * 64, "utf-8"))


def sentences_of_line(article: Article, line: str) -> list:
    start = article.text.index(line)
    end = start + len(line)
    return [s for s in article.sentences if start <= s.start < end]


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to improve your experience on our website. "
        "By continuing you accept our cookie policy.",
        "By continuing to browse our site you agree to our use of cookies.",
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisment",
        "Story continues below advertisement",
        "Also read: Russia claims to have taken over a village in Ukraine's Donetsk region",
        "Also read: Biden at fundraiser calls Putin a “crazy SOB”, ridicules Trump",
        "Watch: Iran & Russia: Growing military ties",
        "Read more: NATO at 75 – what next for the alliance?",
        "Follow us on Facebook and X!",
        "Follow us on Instagram, TikTok and YouTube",
        "FILE PHOTO: Dutch Prime Minister Mark Rutte attends a European Union summit in Brussels. "
        "REUTERS/Johanna Geron/File Photo",
        "Photo: AFP",
        "(Cover: Mark Rutte speaks in The Hague, October 9, 2023. /CFP)",
        "2024 02 22T113613Z 374934056 RC2JT5AKMTKT RTRMADP 3 NATO LEADER BRITAIN scaled",
        "Copyright © 2024 Example Media",
        "Copyright © 2024 Example Media. All rights reserved.",
        "© 2024 Example Media Ltd",
        "SITEMAP",
        "Sign up for our daily newsletter",
        "Reporting by Andrew Gray; Editing by Alex Richardson",
    ],
)
def test_synthetic_boilerplate_is_marked(line: str) -> None:
    article = article_from([PROSE, line, PROSE_AFTER])
    marked = sentences_of_line(article, line)
    assert marked, "the line produced no sentences"
    for sentence in marked:
        assert sentence.boilerplate, sentence.text
        assert sentence.boilerplate_reason and sentence.boilerplate_reason.strip()
        assert sentence.kind == Kind.BOILERPLATE
    # The prose around it stays article text.
    assert not article.sentences[0].boilerplate
    assert not article.sentences[-1].boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "The EU's cookie rules were tightened on Monday, officials said.",
        "Reuters reported that the photo was taken in Kyiv.",
        "Also, the minister said talks would continue.",
        "Also reading the statement, the spokesperson said no deal had been reached.",
        "Follow-up talks are planned for March, a spokesperson said.",
        "Watchdogs said the copyright dispute would go to court.",
        "Advertising revenue fell 5% last year, the company said.",
        "The site of the summit, Washington, was chosen last year.",
        "He said he would follow the rules, as other members had done.",
        "Photographers were kept away from the meeting.",
        "Picture the scene: ministers arriving in the rain.",
        "More than 20 allies back Rutte, according to diplomats.",
        "More from the minister's speech is expected on Friday.",
        "Home secretaries from five countries met on Friday.",
        "Share prices rose 3% after the announcement.",
        "Search teams found the wreckage on Tuesday.",
        "Sign language interpreters attended the briefing.",
        "Credit agencies downgraded the bonds on Wednesday.",
        "Watch out for the vote in July, one diplomat said.",
        "Menu prices at the summit were criticised by delegates.",
    ],
)
def test_real_news_sentences_are_not_marked(line: str) -> None:
    article = article_from([PROSE, line, PROSE_AFTER])
    for sentence in article.sentences:
        assert not sentence.boilerplate, (sentence.text, sentence.boilerplate_reason)
        assert sentence.kind == Kind.UNIQUE


def test_teaser_headlines_after_more_from_are_marked_until_prose_resumes() -> None:
    resumed = (
        "Back in Brussels, diplomats said the choice of the next secretary general would be settled "
        "before the July summit in Washington, though Hungary and Türkiye had not yet said whether "
        "they would support Rutte."
    )
    headlines = [
        "Global Affairs",
        "Bitcoin hits $90K: Is crypto on a historic bull run?",
        "What does Trump mean for money?",
    ]
    article = article_from([PROSE, "More from Qonversations", *headlines, resumed])
    for line in ["More from Qonversations", *headlines]:
        for sentence in sentences_of_line(article, line):
            assert sentence.boilerplate, sentence.text
    assert not sentences_of_line(article, resumed)[0].boilerplate
    assert not article.sentences[0].boilerplate
