"""After its first batch the pipeline moves what it has loaded out of the cyclic garbage
collector's reach (``Pipeline._settle``): full collections stop rescanning the model and the
tables (loads the model)."""

from __future__ import annotations

import gc

import pytest

from wirecoder.model import Article

pytestmark = pytest.mark.slow


def test_the_first_batch_freezes_what_was_loaded_and_later_batches_read_alike(pipeline):
    texts = [f"Gunmen killed {n} villagers near Gao on Monday, officials said." for n in (3, 4)]
    first = list(pipeline.process_many([Article.make(texts[0])]))
    assert gc.get_freeze_count() > 0
    second = list(pipeline.process_many([Article.make(texts[1])]))
    assert first[0].events[0].fatalities == 3 and second[0].events[0].fatalities == 4
