"""Legacy 8-bit files: Western text with accents and the euro comes out as the writer typed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.corpus.ingest import read_article

CAFE = "Café owners in Brüssel said the price was €16. " * 3


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (CAFE, "cp1252"),
        (CAFE.replace("€", "EUR "), "latin-1"),
        ("Le café coûte 3 € à Zürich; «très» cher, dit-il. Ça va? Señor Müller était là.", "cp1252"),
        ("Die Bürger in Köln sagten, die Straße sei für Fußgänger gesperrt. " * 2, "latin-1"),
    ],
)
def test_western_legacy_files_decode_as_written(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert article.text.strip() == text.strip()
    assert article.encoding in {"cp1252", "latin_1", "iso8859_1", "windows-1252"}


def test_central_european_text_keeps_its_code_page(tmp_path: Path) -> None:
    """The Western preference must not turn Polish ł and ś into ³ and œ."""
    text = "Władze w Łodzi poinformowały, że ścieżka rowerowa będzie gotowa jesienią. " * 3
    path = tmp_path / "pl.txt"
    path.write_bytes(text.encode("cp1250"))
    assert read_article(path).text.strip() == text.strip()
