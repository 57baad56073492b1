"""Output files are written whole or not at all (no model: plain streams)."""

from __future__ import annotations

import pytest

from wirecoder.errors import UsageError
from wirecoder.output import atomic_output


def test_written_whole_on_success(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_output(target) as out:
        out.write("new")
        assert target.read_text() == "old"  # nothing shows until the end
    assert target.read_text() == "new" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_error_leaves_the_file_untouched_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(target) as out:
            out.write("half")
            raise RuntimeError("bad filter")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_link_keeps_being_a_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    (tmp_path / "link.txt").symlink_to(real)
    with atomic_output(tmp_path / "link.txt") as out:
        out.write("new")
    assert (tmp_path / "link.txt").is_symlink() and real.read_text() == "new"


def test_a_missing_folder_is_a_usage_error_before_anything_runs(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        with atomic_output(tmp_path / "nope" / "out.txt"):
            pytest.fail("the block must not run")
