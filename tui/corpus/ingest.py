"""Reading article files: paths, encodings, HTML extraction and sanitising.

Everything here turns bytes on disk into the exact text the reader shows. Offsets computed later
point into that text, so this is the only place where text is changed (newlines normalised,
control characters made visible, HTML reduced to its article).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.corpus.model import SourceMeta
from tui.corpus.text import visible

if TYPE_CHECKING:
    from charset_normalizer import CharsetMatch

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

# Bigger files are read, but a warning says why the reader may be slow.
MAX_SNIFF_BYTES = 64 * 1024


class IngestError(Exception):
    """A path that cannot be read as an article; the message is one line for the user."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{visible(str(path), one_line=True)}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article's text as shown, before segmentation."""

    id: str
    path: Path
    text: str
    sha256: str
    encoding: str
    html_title: str | None = None
    meta: SourceMeta = field(default_factory=SourceMeta)


def expand_paths(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to read from files and folders; a folder means its article files, sorted.

    Returns the files and warnings for paths that were skipped. Raises ``IngestError`` for a path
    that does not exist, since a mistyped name is almost always a mistake the user wants to know.
    """
    files: list[Path] = []
    warnings: list[str] = []
    for path in paths:
        if path.is_dir():
            try:
                named = sorted(p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            except OSError as error:
                raise IngestError(path, f"cannot list folder ({error.strerror})") from None
            found = [p for p in named if p.is_file()]
            for p in named:
                if p.is_symlink() and not p.exists():  # a link to a file moved or deleted
                    warnings.append(f"{visible(str(p), one_line=True)}: skipped, a link to a missing file")
            if not found:
                warnings.append(
                    f"{visible(str(path), one_line=True)}: no .txt, .md or .html articles in this folder"
                )
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise IngestError(path, "no such file or folder")
    return files, warnings


def decode(data: bytes) -> tuple[str, str]:
    """Decode article bytes: BOMs first, then strict UTF-8, then a charset detector.

    Raises ``ValueError`` with a user-facing reason for empty or binary data.
    """
    if not data.strip():
        raise ValueError("empty file")
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ValueError(f"starts with a {encoding} byte-order mark but is not {encoding}") from None
    if b"\x00" in data[:MAX_SNIFF_BYTES]:
        raise ValueError("binary file (not text)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only needed for legacy encodings

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("binary file or unknown encoding")
    if best.encoding != WESTERN_ENCODING:
        western = from_bytes(data, cp_isolation=[WESTERN_ENCODING]).best()
        if western is not None and _prefer_western(str(western), western, str(best), best):
            best = western
    return str(best), best.encoding


# Mostly-ASCII text gives the detector little to go on: several 8-bit code pages then decode it
# without "chaos", and its pick among them is arbitrary (cp1250 turns the French "coûte" into
# "coűte"; cp852 turns curly quotes into letters). Like browsers (the WHATWG Encoding Standard
# reads latin-1 as windows-1252 and falls back to it for Western locales), prefer windows-1252
# unless the detector's choice reads better.
WESTERN_ENCODING = "cp1252"


def _prefer_western(western_text: str, western: CharsetMatch, other_text: str, other: CharsetMatch) -> bool:
    """True when the windows-1252 reading is as clean and as plausible as the detector's pick.

    Plausible means: its detected language is at least as coherent, or every character on which
    the two readings differ is, in windows-1252, a Western letter (Latin-1's accented letters),
    typographic punctuation or a currency sign, while the detector's reading has there something
    Western text rarely holds (a digit sign such as ``³`` inside a word, a Baltic or Central
    European letter). Short Western text gives the detector a lower-chaos Baltic reading
    (``Cafķ``, ``Br³ssel``, ``Ć16``) whose small chaos advantage must not win.
    """
    if western.chaos > other.chaos + MAX_WESTERN_CHAOS_LEAD:
        return False
    if western.chaos <= other.chaos and western.coherence >= other.coherence:
        return True
    pairs = [(a, b) for a, b in zip(western_text, other_text, strict=False) if a != b]
    if not all(_western(a) for a, _ in pairs):
        return False
    return western.chaos <= other.chaos or any(not _western(b) for _, b in pairs)


# How much more "chaos" the windows-1252 reading may show than the detector's pick and still win on
# plausibility (the detector scores the French/German/English samples in the tests about 0.04 worse).
MAX_WESTERN_CHAOS_LEAD = 0.1


def _western(ch: str) -> bool:
    """A character that 8-bit Western news text holds: Latin-1 letters, punctuation, currency."""
    category = unicodedata.category(ch)
    if category[0] == "P" or category == "Sc":
        return True
    return category[0] == "L" and "\u00c0" <= ch <= "\u00ff" and ch not in "\u00d7\u00f7"


def clean_text(text: str) -> str:
    """Normalise newlines and Unicode (NFC) and make control characters visible, so no escape
    reaches a terminal and a file re-saved in NFD reads (and anchors) the same."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return visible(unicodedata.normalize("NFC", text))


def extract_html(html: str) -> tuple[str, str | None, SourceMeta]:
    """The main text, title and outlet metadata of an HTML page, extracted with trafilatura."""
    import trafilatura  # heavy (about 0.2 s): imported only when an HTML page is read

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        # The page's own date markup only (meta tags, JSON-LD, <time>, the URL): the extensive
        # search takes a footer's "© 2009" for a publication date of 2009-01-01, which then sorts
        # the sources and goes into citations. No date is better than an invented one.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )

    def field_text(name: str) -> str | None:
        # A Document (slots) in trafilatura 2, a dict with the same keys in older versions.
        value = document.get(name) if isinstance(document, dict) else getattr(document, name, None)
        return str(value) if value else None

    text = field_text("text") or ""
    if not text.strip():
        return "", None, SourceMeta()
    meta = SourceMeta(field_text("sitename"), field_text("url"), field_text("date"))
    return text, field_text("title"), meta


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n((?:[A-Za-z_][\w-]*[ \t]*:[^\n]*\n)+)---[ \t]*\n")
_FRONT_KEYS = {
    "name": "name",
    "outlet": "name",
    "source": "name",
    "url": "url",
    "published": "published",
    "date": "published",
}


def split_front_matter(text: str) -> tuple[str, SourceMeta]:
    """``key: value`` lines between ``---`` lines at the top of a text file, and the text after.

    Only ``name``/``outlet``/``source``, ``url`` and ``published``/``date`` are read; the block is
    removed from the shown text either way (it is metadata, not article).
    """
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        return text, SourceMeta()
    found: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        field_name = _FRONT_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if field_name and value and field_name not in found:
            found[field_name] = value
    return text[match.end() :], SourceMeta(found.get("name"), found.get("url"), found.get("published"))


MARKDOWN_SUFFIXES = (".md", ".markdown")

_MD_HEADING_RE = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_MD_LINE_MARK_RE = re.compile(r"^[ ]{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])(?=[ \t])", re.MULTILINE)
_MD_CLOSING_HASHES_RE = re.compile(r"(?<=[ \t])#+(?=[ \t]*$)", re.MULTILINE)
_MD_LINK_RE = re.compile(r"!?\[(?=[^\]\n]+\]\()|\]\([^)\n]*\)")
_MD_EMPHASIS_RE = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)([^\n]*?\S)\1(?![\w*])")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def markdown_title(text: str) -> str | None:
    """The first ``# Heading`` of a Markdown text, without its marks."""
    match = _MD_HEADING_RE.search(text)
    return match.group(2).strip() or None if match else None


def mask_markdown(text: str) -> str:
    """Markdown marks (headings, quotes, bullets, emphasis, link syntax and targets) as spaces.

    One space for one character, like the line-break masking before segmentation: every offset
    into the result is an offset into the file's text, and the marks count in neither matching
    nor diffs (nor show in the reader as stray ``#`` and ``*``).
    """
    text = _MD_LINE_MARK_RE.sub(_blank, text)
    text = _MD_CLOSING_HASHES_RE.sub(_blank, text)
    text = _MD_LINK_RE.sub(_blank, text)
    previous = None
    while previous != text:  # nested emphasis (***x*** or **_x_**) takes more than one pass
        previous = text
        text = _MD_EMPHASIS_RE.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), text)
    return text


def read_article(path: Path) -> RawArticle:
    """Read one article file into its shown text. Raises ``IngestError`` with a clear reason."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(path, "file vanished before it could be read") from None
    except PermissionError:
        raise IngestError(path, "permission denied (check the file's read permission)") from None
    except IsADirectoryError:
        raise IngestError(path, "is a folder, not a file") from None
    except OSError as error:
        raise IngestError(path, f"cannot read ({error.strerror or error})") from None
    try:
        text, encoding = decode(data)
    except ValueError as error:
        raise IngestError(path, str(error)) from None
    html_title = None
    meta = SourceMeta()
    if path.suffix.lower() in HTML_SUFFIXES:
        text, html_title, meta = extract_html(text)
        if not text:
            raise IngestError(path, "no article text found in this HTML page")
    else:
        text, meta = split_front_matter(text.replace("\r\n", "\n"))
    text = clean_text(text).strip("\n")
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        html_title = markdown_title(text)
        text = mask_markdown(text)
    if not text.strip():
        raise IngestError(path, "empty file")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    # A file name or page title is shown as an id, a column header, a toast: never an escape.
    title = visible(html_title, one_line=True) if html_title else None
    meta = SourceMeta(
        *(visible(v, one_line=True) if v else None for v in (meta.name, meta.url, meta.published))
    )
    return RawArticle(visible(path.stem, one_line=True), path, text, digest, encoding, title, meta)
