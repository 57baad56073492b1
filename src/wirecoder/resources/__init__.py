"""Language-independent data files (YAML, TSV) and their readers.

``load_yaml`` parses YAML text with libyaml's ``CSafeLoader`` where PyYAML was built with it
(the same safe YAML 1.1 reading as ``yaml.safe_load``, about ten times faster: a 30 KB file
costs 20 ms, not 200); ``read_yaml`` parses one file of this folder once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """``yaml.safe_load(text)``, through libyaml when present. Raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader)


@lru_cache(maxsize=None)
def read_yaml(name: str):
    """``resources/<name>`` parsed, once per process: one shared object, never to be
    modified by its readers. Raises ``FileNotFoundError`` for a file not shipped."""
    return load_yaml(resources.files(__package__).joinpath(name).read_text("utf-8"))
