"""MkDocs hook (``mkdocs.yml``: ``hooks``): each ``<!-- help: COMMAND -->`` in a page becomes
the current ``wirecoder COMMAND --help``, so the command pages cannot drift from the code
(Datasette generates its CLI reference the same way). Wrapped at 100 columns."""

from __future__ import annotations

import os
import re

MARK = re.compile(r"<!-- help: ([a-z]+) -->")


def command_help(name: str) -> str:
    """``wirecoder NAME --help`` as the terminal shows it, 100 columns wide."""
    os.environ["COLUMNS"] = "100"  # argparse's formatter reads the width from here
    from wirecoder.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 (argparse keeps it so)
    if name not in commands:
        raise ValueError(f"docs name an unknown command: wirecoder {name}")
    return commands[name].format_help()


def on_page_markdown(markdown: str, page, config, files) -> str:
    return MARK.sub(lambda m: "```text\n" + command_help(m.group(1)).rstrip() + "\n```",
                    markdown)
