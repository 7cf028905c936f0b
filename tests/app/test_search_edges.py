"""Search results (issue 15, item 7): matched words highlighted, labelled with outlet and claim."""

from __future__ import annotations

from reader_support import SIZE, loaded, make_app
from textual.widgets import OptionList

from tui.corpus.text import fold
from tui.ui.screens.search import SearchScreen, match_spans


def test_match_spans_point_into_the_original_text():
    text = "Le  Café de Zürich — “Straße” CAFÉ"
    spans = match_spans(text, "cafe")
    assert [text[a:b] for a, b in spans] == ["Café", "CAFÉ"]
    assert [text[a:b] for a, b in match_spans(text, "de zurich")] == ["de Zürich"]
    assert [text[a:b] for a, b in match_spans(text, "strasse")] == ["Straße"]
    assert match_spans(text, "   ") == []


async def test_results_highlight_the_words_and_name_outlet_and_claim():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"stoltenberg")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        results = screen.query_one(OptionList)
        assert results.option_count > 2
        for number in range(results.option_count):
            prompt = results.get_option_at_index(number).prompt
            plain = prompt.plain
            member = screen._results[number]
            sentence = app.alignment.sentence(member)
            label = plain[: plain.index(" │ ")]
            assert "#" not in label
            assert app.compare.labels[member.source] in label
            if sentence.group is not None:
                assert f"claim {sentence.group}" in label
            marked = [plain[s.start : s.end] for s in prompt.spans if s.start >= len(label)]
            assert marked and all(fold(m) == "stoltenberg" for m in marked), marked
