"""The parser's text: one form per character, offsets mapped back to the original (no model)."""

from __future__ import annotations

import unicodedata

import pytest

from wirecoder.ingest.normal_text import normal_text

DECOMPOSED = unicodedata.normalize("NFD", "Médéa")  # "Me\u0301de\u0301a": 7 characters


def test_a_text_in_normal_form_is_itself_with_the_identity_map():
    form = normal_text("Gunmen attacked a checkpoint near Tikrit.")
    assert not form.changed and form.starts is None
    assert form.span(6, 14) == (6, 14)


def test_decomposed_accents_are_composed_and_map_back_to_both_characters():
    text = f"Two soldiers died in {DECOMPOSED} on Monday."
    form = normal_text(text)
    assert "Médéa" in form.text and len(form.text) == len(text) - 2
    start = form.text.index("Médéa")
    first, last = form.span(start, start + len("Médéa"))
    assert text[first:last] == DECOMPOSED
    # what follows the name keeps its place in the original
    first, last = form.span(form.text.index("Monday"), form.text.index("Monday") + 6)
    assert text[first:last] == "Monday"


def test_spaces_apostrophes_and_hyphens_take_one_form_each():
    text = "Fighters of Al\u2011Shabaab entered Ma\u02bcaloula\u00a0and Bir\u202fLahlou."
    form = normal_text(text)
    # the typographer's apostrophe is the one form (the model parses it as written)
    assert form.text == "Fighters of Al-Shabaab entered Ma\u2019aloula and Bir Lahlou."
    assert normal_text("the group\u2019s chief").text == "the group\u2019s chief"
    assert form.starts is None  # one for one: offsets unchanged
    start = form.text.index("Bir Lahlou")
    assert form.span(start, start + 10) == (start, start + 10)


def test_invisible_characters_are_dropped_and_spans_cover_them():
    text = "Shelling hit Za\u00adporizh\u200bzhia overnight."
    form = normal_text(text)
    assert "Zaporizhzhia overnight" in form.text
    start = form.text.index("Zaporizhzhia")
    first, last = form.span(start, start + len("Zaporizhzhia"))
    assert text[first:last] == "Za\u00adporizh\u200bzhia"
    assert text[form.span(start + 13, start + 22)[0]:].startswith("overnight")


def test_double_quotes_keep_their_direction():
    assert normal_text("\u201cWe will fight,\u201d he said.").text == "\u201cWe will fight,\u201d he said."


def test_a_span_outside_the_text_raises():
    with pytest.raises(IndexError):
        normal_text(f"in {DECOMPOSED}").span(0, 99)
    with pytest.raises(IndexError):
        normal_text("plain").span(3, 9)
