"""A writer killed mid-run (SIGKILL: no cleanup at all) leaves a readable database holding
every article it committed, each complete, and nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from wirecoder.store import Store

WRITER = textwrap.dedent("""
    import sys
    from wirecoder.model import Article, Claim, Extraction
    from wirecoder.store import Store

    with Store(sys.argv[1]) as store:
        for i in range(100000):
            article = Article.make(f"Report {i} from the wire.")
            claims = tuple(Claim(article.id, "statement", f"s{j}", {"text": "x" * 200},
                                 j, j + 1, "s") for j in range(20))
            store.write(Extraction(article, claims))
            print(i, flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_writer_leaves_committed_articles_whole(tmp_path):
    path = tmp_path / "w.db"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        committed = -1
        for line in proc.stdout:
            committed = int(line)
            if committed >= 30:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert committed >= 30, proc.stderr.read()
    with Store(path, readonly=True) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = store.counts()
        assert counts["articles"] > committed           # all it reported, maybe one more
        assert counts["claims"] == 20 * counts["articles"]  # no article half-written
    with Store(path) as store:  # and a new run can go on writing
        from wirecoder.model import Article, Extraction

        assert store.write(Extraction(Article.make("After the crash.")))
