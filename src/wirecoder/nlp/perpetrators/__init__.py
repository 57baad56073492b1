"""``wc_perpetrators``: who the article says carried out each attack.

Reads claims and attributions of responsibility from the parse ("X claimed responsibility for
the attack", "X said it was behind the blast", "the bombing was blamed on X", "officials
attributed the attack to X", "X is suspected of carrying out", "believed to have been carried
out by X", "No group claimed it, but officials blamed X") and makes X the doer (actor1) of the
attack the claim concerns, even when the claim comes in a later sentence. Each perpetrator
keeps its provenance: the hedge (claimed, blamed, suspected, stated), the cue word, who said
so, and the sentence. Also: defenders responding to an attack ("police fired on a suicide
bomber, who blew himself up") are its target, not its doer. The wording is the table in
``resources/responsibility.yaml`` (ACLED codebook, "Actors").

Requires ``doc._.wc_events`` (merged event mentions) and ``doc._.wc_mentions``; sets, on
each event mention it decides, ``agent`` and ``perpetrator`` (a :class:`Perpetrator`), and
``doc._.wc_perpetrators``: the list of :class:`Perpetrator` found.

The package, in its one direction of imports: ``statement.py`` (:class:`Perpetrator`, the
wording table) <- ``find.py`` (what the text says) and ``assigning.py`` (which event each
statement concerns) <- here (the spaCy component).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .assigning import assign
from .find import find_perpetrators
from .statement import Perpetrator

__all__ = ["Perpetrator", "assign", "find_perpetrators", "perpetrators"]

Doc.set_extension("wc_perpetrators", default=None, force=True)


@Language.component("wc_perpetrators", requires=["doc._.wc_events", "doc._.wc_mentions"],
                    assigns=["doc._.wc_perpetrators"])
def perpetrators(doc):
    found = find_perpetrators(doc)
    assign(doc._.wc_events or [], found, doc)
    doc._.wc_perpetrators = found
    return doc
