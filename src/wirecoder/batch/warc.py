"""WARC files (Common Crawl News) -> Articles: every HTML ``response`` record, read with
``warcio``; the record's target URI and date become the article's url and publication date
(a page's own metadata wins where it has it). A record that cannot be read is Rejected."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..ingest.html import read_html
from ..ingest.rejected import Rejected


def read_warc(path: str | Path) -> Iterator:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        for n, record in enumerate(ArchiveIterator(stream)):
            if record.rec_type != "response":
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "") \
                if record.http_headers else ""
            if "html" not in content_type.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            origin = f"{path}#{n}"
            try:
                yield read_html(record.content_stream().read(), origin=origin,
                                meta={k: v for k, v in (("url", url), ("published", date)) if v})
            except InputError as exc:
                yield Rejected(origin, exc)
