"""Inputs -> numbered partitions on disk, and one partition -> its extractions as Parquet.

Layout of ``--out DIR``::

    partitions/part-00003.jsonl      the articles of partition 3, in input order
    partitions/part-00003.parquet    what the pipeline made of them (written atomically)
    quarantine.jsonl                 inputs that could not be read or crashed a stage, and why
                                     (and, as stage "read-warning", those read with a warning)
    wirecoder.db, tables/*.parquet   the merged result

A partition's Parquet file appears only when it is complete (write to a temporary name, then
rename), so a retried or restarted partition never leaves duplicate or half output.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable

from ..ingest.rejected import Notice, Rejected
from .serialize import article_dumps, article_loads, dumps

_PIPELINE = None  # one per worker process: the model loads once, not once per partition


def plan(items: Iterable, out: Path, size: int) -> tuple[list[Path], int]:
    """Write input partitions (kept if already planned: a restart reuses them) and the
    quarantine of unreadable inputs. Returns (partition files, articles)."""
    folder = out / "partitions"
    folder.mkdir(parents=True, exist_ok=True)
    done_marker = folder / "PLANNED"
    if done_marker.exists():
        parts = sorted(folder.glob("part-*.jsonl"))
        return parts, int(done_marker.read_text())
    parts, buffer, count = [], [], 0
    with open(out / "quarantine.jsonl", "w", encoding="utf-8") as quarantine:
        for item in items:
            if isinstance(item, (Rejected, Notice)):
                stage = "read" if isinstance(item, Rejected) else "read-warning"
                quarantine.write(json.dumps({"origin": item.origin, "stage": stage,
                                             "reason": str(item.error)}) + "\n")
                continue
            buffer.append(article_dumps(item))
            count += 1
            if len(buffer) >= size:
                parts.append(_write_part(folder, len(parts), buffer))
                buffer = []
        if buffer:
            parts.append(_write_part(folder, len(parts), buffer))
    done_marker.write_text(str(count))
    return parts, count


def _write_part(folder: Path, n: int, lines: list[str]) -> Path:
    path = folder / f"part-{n:05d}.jsonl"
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def output_of(part: Path) -> Path:
    return part.with_suffix(".parquet")


def run_partition(part: str) -> tuple[str, int, int]:
    """Worker task: the pipeline over one partition. Returns (output path, articles,
    quarantined). Safe to run twice: the second run rewrites the same file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    global _PIPELINE
    if _PIPELINE is None:
        from ..pipeline import Pipeline

        _PIPELINE = Pipeline()
    part = Path(part)
    articles = [article_loads(line) for line in part.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    from .merge import interaction_keys

    # keys: what the merge groups articles by (merge.py), found here while the extraction
    # is at hand rather than by parsing it again
    rows = {"index": [], "article_id": [], "extraction": [], "error": [], "keys": []}
    for i, result in enumerate(_PIPELINE.process_many(articles)):
        rows["index"].append(i)
        if isinstance(result, Rejected):
            rows["article_id"].append(articles[i].id)
            rows["extraction"].append(None)
            rows["error"].append(str(result.error))
            rows["keys"].append([])
        else:
            rows["article_id"].append(result.article.id)
            rows["extraction"].append(dumps(result))
            rows["error"].append(None)
            rows["keys"].append(sorted(interaction_keys(result)))
    target = output_of(part)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    pq.write_table(pa.table(rows, schema=pa.schema([
        ("index", pa.int64()), ("article_id", pa.string()), ("extraction", pa.string()),
        ("error", pa.string()), ("keys", pa.list_(pa.string()))])), tmp)
    tmp.replace(target)
    return str(target), len(articles), sum(e is not None for e in rows["error"])
