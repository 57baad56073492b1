"""Terminal views never pass an article's control characters to the terminal."""

from __future__ import annotations

import io

from wirecoder.report import terminal_safe, write_rows


def test_terminal_safe_strips_escapes_and_keeps_tabs_and_newlines():
    assert terminal_safe("a\x1b[2J\x1b]0;title\x07b\tc\nd\r\x9b31me\u202eg") == \
        "a[2J]0;titleb\tc\nd31meg"


def test_table_rows_are_terminal_safe_and_one_line_each():
    out = io.StringIO()
    write_rows([{"name": "Boko\x1b[31m Haram\nnew line", "n": 1}], "table", out)
    assert "\x1b" not in out.getvalue() and len(out.getvalue().splitlines()) == 2
    out = io.StringIO()
    write_rows([{"name": "Boko\x1b[31m"}], "json", out)  # data formats keep the text, escaped
    assert "\\u001b" in out.getvalue()
