"""An English sentence naming a group or force by its French name or acronym codes the same
actor as the English name does (issue 30, item 5). Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TAIL = " near Gao in northern Mali on Monday, killing three soldiers."


def _actors(pipeline, text):
    from wirecoder.model import Article

    x = pipeline.process(Article.make(text))
    return sorted({side for e in x.events for side in (e.actor1, e.actor2) if side})


@pytest.mark.parametrize("french, english, actor_id", [
    ("AQMI fighters attacked a military convoy" + TAIL,
     "AQIM fighters attacked a military convoy" + TAIL, "aqim"),
    ("GSIM militants ambushed an army patrol" + TAIL,
     "JNIM militants ambushed an army patrol" + TAIL, "jnim"),
    ("EIGS fighters attacked an army post" + TAIL,
     "ISGS fighters attacked an army post" + TAIL, "isgs"),
    ("FAMa soldiers killed ten militants near Mopti in central Mali on Monday.",
     "Malian soldiers killed ten militants near Mopti in central Mali on Monday.",
     "military-forces-of-mali"),
    ("FDS soldiers were killed when gunmen attacked their post near Diffa in Niger on Monday.",
     "Nigerien soldiers were killed when gunmen attacked their post near Diffa in Niger on "
     "Monday.", "military-forces-of-niger"),
    ("Minusma peacekeepers were attacked near Kidal in Mali on Monday; two were killed.",
     "MINUSMA peacekeepers were attacked near Kidal in Mali on Monday; two were killed.",
     "minusma"),
])
def test_french_name_codes_the_english_actor(pipeline, french, english, actor_id):
    found = _actors(pipeline, french)
    assert actor_id in found
    assert found == _actors(pipeline, english)
