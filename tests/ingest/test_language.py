"""An article's language: the input's own where given, otherwise detected offline
(``ingest/language.py``). The texts are short and written for these tests."""

from __future__ import annotations

import json

from wirecoder.ingest import article_from_record, article_from_text, read_jsonl
from wirecoder.ingest.language import DEFAULT, detect_language, guess_language

ENGLISH = ("Gunmen attacked a police post near the border on Tuesday night, killing four "
           "officers, the interior ministry said.")
FRENCH = ("Des hommes armés ont attaqué un poste de police près de la frontière dans la nuit "
          "de mardi, tuant quatre agents, a indiqué le ministère de l'Intérieur.")
GERMAN = ("Bewaffnete haben in der Nacht zum Mittwoch einen Polizeiposten nahe der Grenze "
          "angegriffen und vier Beamte getötet, teilte das Innenministerium mit.")


def test_detects_english_french_and_german_sentences():
    assert detect_language(ENGLISH) == "en"
    assert detect_language(FRENCH) == "fr"
    assert detect_language(GERMAN) == "de"


def test_an_unsure_guess_reads_as_english():
    # a headline of names and a line of figures: too little language to name another one
    for text in ("Boko Haram attacked Maiduguri.", "Shr 16 cts vs 13 cts Net 4.1 mln vs 3.2 mln"):
        lang, probability = guess_language(text)
        assert lang == "en" or probability < 0.9
        assert detect_language(text) == DEFAULT == "en"


def test_readers_detect_when_the_input_does_not_say():
    assert article_from_text(FRENCH, origin="t").language == "fr"
    assert article_from_text(ENGLISH, origin="t").language == "en"
    assert article_from_record({"text": GERMAN}, origin="r").language == "de"


def test_the_input_language_wins_over_detection():
    # the record's field, then the caller's (CLI --language), before any detection
    assert article_from_record({"text": ENGLISH, "language": "fr-FR"}, origin="r").language == "fr"
    assert article_from_record({"text": FRENCH}, origin="r", meta={"language": "EN"}
                               ).language == "en"
    assert article_from_text(FRENCH, origin="t", meta={"language": "de"}).language == "de"


def test_jsonl_records_each_get_their_own_language(tmp_path):
    import io

    lines = "".join(json.dumps({"text": t}) + "\n" for t in (ENGLISH, FRENCH))
    articles = list(read_jsonl(io.BytesIO(lines.encode()), name="x.jsonl"))
    assert [a.language for a in articles] == ["en", "fr"]
