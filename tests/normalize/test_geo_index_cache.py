"""The place index's disk cache (normalize/geo_index): its key covers every module whose code
shapes the index, and candidates survive pickling. No index is built here."""

from __future__ import annotations

import ast
import importlib.util
import pickle
from pathlib import Path

from wirecoder.normalize import geo_index
from wirecoder.normalize.geo_index import INDEX_MODULES, Candidate

# imported by a keyed module, but no code of theirs runs in a build (see INDEX_MODULES)
NOT_SHAPING = {"wirecoder.model"}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _wirecoder_imports(module) -> set[str]:
    """Names of the wirecoder modules ``module``'s code imports, anywhere in its body."""
    package = module.__name__ if Path(module.__file__).name == "__init__.py" \
        else module.__name__.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(Path(module.__file__).read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            source = ".".join(p for p in (base, node.module) if p)
            subs = {f"{source}.{a.name}" for a in node.names if _is_module(f"{source}.{a.name}")}
            if len(subs) < len(node.names):  # names from ``source`` itself, not its submodules
                found.add(source)
            found |= subs
    return {name for name in found if name.startswith("wirecoder.")}


def test_the_cache_key_covers_every_module_the_build_runs():
    keyed = {m.__name__ for m in INDEX_MODULES}
    for module in INDEX_MODULES:
        missing = _wirecoder_imports(module) - keyed - NOT_SHAPING
        assert not missing, f"{module.__name__} imports {missing}, which the key leaves out"


def test_every_module_of_the_package_is_keyed():
    folder = Path(geo_index.__file__).parent
    names = {f"wirecoder.normalize.geo_index.{p.stem}" for p in folder.glob("*.py")
             if p.stem != "__init__"} | {"wirecoder.normalize.geo_index"}
    assert names <= {m.__name__ for m in INDEX_MODULES}


def test_the_cache_file_is_named_by_its_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    path = geo_index._cache_path()
    assert path.parent == tmp_path and path.name.startswith("geo-index-")
    assert geo_index._cache_path() == path  # the same inputs, the same file


def test_a_candidate_pickles_as_itself():
    town = Candidate("town", "Zarkand", "1", 30.0, 60.0, "ZZ", "Zarkand", "P.PPL", 5000, 1)
    region = Candidate("region", "Zar Hills", "region:zar", 30.0, 60.0, None, None, "T.MTS",
                       10**7, 3, ("ZZ", "YY"))
    for candidate in (town, region):
        again = pickle.loads(pickle.dumps(candidate, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == candidate and type(again) is Candidate
