"""Articles longer than spaCy's max_length are parsed in parts, never cutting a sentence."""

from __future__ import annotations

import pytest

from wirecoder.model import Article
from wirecoder.parts import split_points

PARAGRAPH = ("Gunmen killed three villagers near Gao in Mali on Monday, officials said. "
             "The army said it had sent troops to the area.")


def pieces(text: str, limit: int) -> list[str]:
    ranges = split_points(text, limit)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))  # contiguous, nothing lost
    assert all(0 < end - start <= limit for start, end in ranges)
    return [text[start:end] for start, end in ranges]


def test_short_text_is_one_part():
    assert split_points(PARAGRAPH, 1000) == [(0, len(PARAGRAPH))]


def test_cuts_at_blank_lines_first():
    text = "\n\n".join([PARAGRAPH] * 10)
    parts = pieces(text, 500)
    assert all(p.rstrip().endswith("the area.") for p in parts)
    assert all(p.startswith("Gunmen") for p in parts)


def test_cuts_at_a_sentence_end_inside_a_long_paragraph():
    text = " ".join([PARAGRAPH] * 20)  # one paragraph, no line breaks
    parts = pieces(text, 700)
    assert len(parts) > 1
    assert all(p.rstrip().endswith(".") for p in parts)
    assert all(p.startswith(("Gunmen", "The army")) for p in parts)


def test_a_text_without_sentence_ends_is_cut_at_a_space_and_without_spaces_anywhere():
    words = "word " * 300
    assert all(p.endswith(" ") for p in pieces(words, 101)[:-1])
    assert pieces("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


@pytest.mark.slow
def test_an_article_over_max_length_is_parsed_in_parts_with_whole_article_offsets(pipeline):
    first = ("MAIDUGURI, Nigeria (Wire) - Boko Haram fighters killed six farmers near Maiduguri "
             "on Sunday, a local official said.")
    second = ("In a separate attack, soldiers killed four militants near Kidal in Mali on "
              "Monday, the army said.")
    text = first + "\n\n" + " ".join(["The region has seen fighting for years."] * 8) + \
        "\n\n" + second + "\n"
    article = Article.make(text, origin="long.txt")
    whole = pipeline.process(article)
    limit = pipeline.nlp.max_length
    pipeline.nlp.max_length = 250  # the same article, now "too long" for spaCy
    try:
        split = pipeline.process(article)
        [result] = list(pipeline.process_many([article]))
    finally:
        pipeline.nlp.max_length = limit
    assert len(split_points(text, 250)) >= 2
    assert result == split
    assert len(split.events) == len(whole.events) >= 2
    for claim in split.claims:  # offsets are characters of the whole article
        assert text[claim.start:claim.end].strip()
        assert claim.sentence and claim.sentence in text
    assert {c.sentence for c in split.claims if c.kind == "event"} == \
        {c.sentence for c in whole.claims if c.kind == "event"}
