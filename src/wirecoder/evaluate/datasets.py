"""``wirecoder evaluate geowebnews|tempeval|wikievents``: run the pipeline (or the part a
dataset scores) over a gold corpus and render the scorer's report. Loads the spaCy model."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError


def evaluate_dataset(dataset: str, path: Path) -> list[str]:
    """The report lines of one dataset's scores; UsageError for a folder with no TimeML file."""
    from ..nlp.load import load_nlp

    if dataset == "tempeval":
        from . import tempeval

        docs = tempeval.read_corpus(path)
        if not docs:
            raise UsageError(f"no .tml files under {path}")
        return tempeval.render(tempeval.evaluate(docs, load_nlp(bare=True)))
    if dataset == "wikievents":
        from . import wikievents
        from ..model import Article
        from ..pipeline import Pipeline

        docs = wikievents.read_dev(path)
        pipeline = Pipeline()
        return wikievents.render(wikievents.score(
            docs, [pipeline.process(Article.make(d.text)) for d in docs]))
    from . import geowebnews as gwn
    from ..nlp.toponyms import toponym_spans
    from ..normalize.where import parse_place_phrase, resolve_place

    articles = gwn.read_gwn(path)
    nlp = load_nlp()
    predicted = [[(e.start_char, e.end_char) for e in toponym_spans(doc)]
                 for doc in nlp.pipe(a.text for a in articles)]

    def resolve(name, countries, divisions):
        place_name, relation, anchor = parse_place_phrase(name)
        return resolve_place(place_name or name, context_countries=countries,
                             context_divisions=divisions)

    return gwn.render(gwn.score_recognition(articles, predicted),
                      gwn.score_resolution(articles, resolve))
