"""Output files written whole or not at all.

``atomic_output(path)`` yields a text stream on a temporary file beside ``path`` (same folder,
so the final rename stays on one file system) and renames it over ``path`` only when the block
ends without an exception. An error anywhere (a database that does not exist, a bad filter,
Ctrl-C) removes the temporary file and leaves an existing ``path`` exactly as it was.
``None`` or ``"-"`` is standard output, written as it goes.

Raises UsageError (one line) for a folder that does not exist, a path that is a folder, or a
folder we may not write to; never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import UsageError


def check_target(path: str | Path) -> Path:
    """``path`` as a writable file target, or UsageError saying why not (nothing is created).
    A symbolic link is followed: the file it names is replaced, the link stays a link."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent
    if path.is_dir():
        raise UsageError(f"-o {path}: is a folder; give a file name")
    if not folder.is_dir():
        raise UsageError(f"-o {path}: folder {folder} does not exist; create it first")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"-o {path}: cannot write in folder {folder} (permission denied)")
    return path


@contextlib.contextmanager
def atomic_output(path: str | Path | None) -> Iterator[IO[str]]:
    """A UTF-8 text stream for ``path`` (``newline=""``: CSV writers set their own)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    path = check_target(path)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"-o {path}: cannot create a file there ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets what ``open()`` would give it
    (mkstemp's files are private, 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
