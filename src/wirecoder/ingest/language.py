"""An article's language when its input does not say: ISO 639-1, detected offline.

The detector is py3langid (BSD-3-Clause; Adrien Barbaresi's maintained fork of langid.py by
Lui and Baldwin): a naive Bayes model of byte n-grams over 97 languages, shipped inside its
wheel, so nothing is downloaded. Its probabilities are calibrated across text lengths, which
is what the threshold below relies on.

A wrong "not English" loses an article (it is stored, not parsed), while a wrong "English" is
what wirecoder did before it detected anything. So another language is named only when the
detector is sure of it; short or mixed texts (a headline of names, a table of figures) are
read as English, as they always were. Measured on 3,653 English texts of the dev sets (CASE
2021 snippets, ISAF releases, Reuters-21578, WikiEvents, the examples): no other language
scored above 0.82; French sentences of ten words score 0.97 and more.
"""

from __future__ import annotations

from functools import lru_cache

DEFAULT = "en"
MIN_CONFIDENCE = 0.9
# The detector walks the text byte by byte in Python: its opening is plenty to tell.
HEAD_CHARS = 5_000


@lru_cache(maxsize=1)
def _identifier():
    # loaded on first use (about 0.2 s to decompress the model), then kept for the process
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> tuple[str, float]:
    """The detector's best language for ``text`` and its probability (0 to 1)."""
    lang, probability = _identifier().classify(text[:HEAD_CHARS])
    return lang, float(probability)


def detect_language(text: str) -> str:
    """``text``'s ISO 639-1 code: the detected language if the detector is sure of it
    (``MIN_CONFIDENCE``), otherwise ``DEFAULT`` (English)."""
    lang, probability = guess_language(text)
    return lang if probability >= MIN_CONFIDENCE else DEFAULT


def with_language(fields: dict, text: str) -> dict:
    """``fields`` with ``language`` as the input gave it (its primary subtag, lower case:
    ``fr-FR`` is ``fr``), or detected from ``text`` when the input did not give one."""
    given = (fields.get("language") or "").replace("_", "-").split("-")[0].strip().lower()
    return {**fields, "language": given or detect_language(text)}
