"""What a statement of responsibility is (:class:`Perpetrator`), the wording table it is read
with (``resources/responsibility.yaml``), and the actor types both halves of
``wc_perpetrators`` judge by: ``find.py`` reads statements, ``assigning.py`` gives them events.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...resources import load_yaml

STATE_TYPES = ("state force", "government")
UNNAMED = "unidentified-armed-group"  # nlp/mentions.py: armed men of no named group
NAMED_TYPES = ("armed group", "other org", "person", "state force", "government")


@dataclass
class Perpetrator:
    """One statement of who did it. ``actor`` is an ActorMention; ``hedge`` one of claimed,
    blamed, suspected, stated; ``source`` who said so, as worded (None: the article's voice);
    ``cue`` the word that says it ("claimed", "blamed", "behind"); ``sent`` the spaCy sentence;
    ``about`` the token naming the attack, if the wording names it ("for the attack")."""

    actor: object
    hedge: str
    cue: str
    sent: object
    source: str | None = None
    about: object = None


@lru_cache(maxsize=1)
def table() -> dict:
    """``resources/responsibility.yaml``: its word lists as frozensets, other values as
    written (``reach_sentences``)."""
    text = resources.files("wirecoder.resources").joinpath("responsibility.yaml") \
        .read_text("utf-8")
    return {k: frozenset(v) if isinstance(v, list) else v
            for k, v in load_yaml(text).items()}


def unnamed(mention) -> bool:
    """A description ("gunmen", "Jihadist fighters"), not a named actor."""
    return mention.generic or mention.key == UNNAMED
