"""The README and the documentation site (mkdocs.yml, docs/) kept in step with the code, as
Datasette's tests/test_docs.py does: a short README with the two commands, a page for every
command (its options come from ``--help`` at build time), every page in the navigation and
every route of the API on the API page. ``.ci/run`` builds the site with ``mkdocs build
--strict``, which checks the links."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"


def nav_pages(items) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            for value in item.values():
                out += nav_pages(value) if isinstance(value, list) else [value]
    return out


@pytest.fixture(scope="module")
def config() -> dict:
    # mkdocs.yml has no tags of its own (no !!python/name), so plain YAML reads it
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def commands() -> list[str]:
    from wirecoder.cli import build_parser

    return sorted(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001


def test_the_readme_is_short_and_keeps_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 8 * 1024
    assert "make demo    # fresh clone:" in text and "make test    # runs the test suite" in text
    assert text.count("](docs/") >= 8 and text.count("![") == 1  # links on, one screenshot
    for target in re.findall(r"\]\((docs/[^)#]+)\)", text):
        assert (ROOT / target).exists(), target


def test_every_command_has_its_page_in_the_navigation(config):
    pages = nav_pages(config["nav"])
    for name in commands():
        page = DOCS / "commands" / f"{name}.md"
        assert page.exists(), f"no page for `wirecoder {name}`"
        assert f"<!-- help: {name} -->" in page.read_text(encoding="utf-8"), name
        assert f"commands/{name}.md" in pages, name


def test_every_page_is_in_the_navigation(config):
    pages = set(nav_pages(config["nav"]))
    written = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert written == pages


def test_a_command_page_shows_the_commands_help():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from docs_cli_help import on_page_markdown
    finally:
        sys.path.pop(0)
    page = on_page_markdown("# x\n\n<!-- help: ingest -->\n", None, None, None)
    assert page.startswith("# x\n\n```text\nusage: wirecoder ingest") and "--published" in page
    with pytest.raises(ValueError):
        on_page_markdown("<!-- help: nonsense -->", None, None, None)


def test_every_api_route_is_on_the_api_page(tmp_path):
    from wirecoder.web.app import create_app

    text = re.sub(r"\{\w+\}", "{}", (DOCS / "web-and-api.md").read_text(encoding="utf-8"))
    routes = {re.sub(r"\{\w+\}", "{}", path) for path in create_app(tmp_path / "none.db").openapi()["paths"]
              if path.startswith("/api/")}
    assert routes
    for path in routes:
        assert f"{path}`" in text or f"{path}?" in text, f"{path} is not on the API page"


def test_the_docs_extra_pins_mkdocs_and_material():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    extra = re.search(r"^docs = \[(.*)\]$", text, re.M)
    assert extra and '"mkdocs==' in extra.group(1) and '"mkdocs-material==' in extra.group(1)
