"""The stage order, declared once. ``add_stages`` inserts wirecoder's components into the spaCy
pipeline; ``STAGES`` is saved next to every article's output (see ``pipeline.pipeline_id``)."""

from __future__ import annotations

from . import (actor_ruler, aliases, attribution, events, fix_ents, labels,  # noqa: F401
               mentions, paragraphs, perpetrators, relations)
from ..resources.languages import has_language_data

VERSION = "0.1.0"

# (component, where it goes relative to the statistical model's own components)
STAGES: tuple[tuple[str, dict], ...] = (
    ("wc_paragraphs", {"before": "parser"}),     # blank lines end sentences
    ("wc_actor_ruler", {"before": "ner"}),       # gazetteer names and acronyms
    ("wc_fix_ents", {"after": "ner"}),           # known NER errors, by pattern
    ("wc_aliases", {}),                          # "X (ACR)", "X, better known as Y"
    ("wc_mentions", {}),                         # actor mentions, in-document resolution
    ("wc_attribution", {}),                      # who said it, hedges
    ("wc_relations", {}),                        # leader_of, aide_to, branch_of, ...
    ("wc_events", {}),                           # triggers, arguments, in-document merging
    ("wc_perpetrators", {}),                     # claims of responsibility, defenders
)


# A model of another language first has its labels brought to the English model's
# (nlp/labels.py); added only for a language whose folder has a labels.yaml.
LABELS_STAGE = ("wc_labels", {"after": "ner"})


def add_stages(nlp, extra_gazetteers: tuple[str, ...] = ()) -> None:
    relabel = has_language_data(nlp.lang, "labels.yaml")
    if relabel:
        nlp.add_pipe(LABELS_STAGE[0], **LABELS_STAGE[1])
    for name, where in STAGES:
        if relabel and name == "wc_fix_ents":
            where = {"after": LABELS_STAGE[0]}
        config = {"extra_gazetteers": list(extra_gazetteers)} if name == "wc_actor_ruler" else {}
        nlp.add_pipe(name, config=config, **where)


def stage_names(nlp) -> tuple[str, ...]:
    return tuple(f"{name}@{VERSION}" if name.startswith("wc_") else name for name in nlp.pipe_names)
