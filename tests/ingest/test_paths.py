import io
import json
import pathlib
import sys
from datetime import date
from pathlib import Path

import pytest

from wirecoder.errors import (BadMetadata, BinaryInput, DecodeFailed, EmptyInput, InputError,
                              MalformedRecord, MissingText, NoMainText, TooLarge,
                              UnsupportedInput)
from wirecoder.ingest import Rejected, read_paths
from wirecoder.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TEXT = ("MAIDUGURI, Nigeria (Wire) - Insurgents attacked a village near Maiduguri on Sunday, "
        "killing six farmers, a local official said.\n")
HTML = ("<html><head><title>Six farmers killed</title></head><body><nav>Home | World</nav>"
        "<article><p>" + TEXT + "</p><p>The army said it had deployed troops to the area "
        "and was pursuing the attackers.</p></article></body></html>")


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode()
    path.write_bytes(content)
    return path


def record(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields})


def test_directory_walk_is_recursive_sorted_and_skips_hidden_and_other_types(tmp_path):
    root = tmp_path / "in"
    write(root / "b.html", HTML)
    write(root / "a.txt", "Headline\n\n" + TEXT)
    write(root / "c.jsonl", record(TEXT + "1") + "\n" + record(TEXT + "2") + "\n")
    write(root / ".hidden.txt", TEXT + "hidden")
    write(root / ".git" / "x.txt", TEXT + "in a hidden dir")
    write(root / "notes.md", TEXT + "markdown")
    write(root / "sub" / "d.TXT", TEXT + "d")
    write(root / "sub" / "README", TEXT + "no extension")
    write(root / "sub" / "e.json", "[" + record(TEXT + "e") + "]")
    items = list(read_paths([root]))
    assert [i.origin for i in items] == [
        f"{root}/a.txt", f"{root}/b.html", f"{root}/c.jsonl:1", f"{root}/c.jsonl:2",
        f"{root}/sub/README", f"{root}/sub/d.TXT", f"{root}/sub/e.json:1"]
    assert all(isinstance(i, Article) for i in items)
    assert items[0].title == "Headline" and items[1].title == "Six farmers killed"
    assert list(read_paths([root])) == items  # deterministic


def test_every_bad_input_is_rejected_and_the_batch_goes_on(tmp_path, monkeypatch):
    big = write(tmp_path / "big.txt", b"word " * 1_000_000)  # 5 MB
    files = [
        write(tmp_path / "good1.txt", TEXT),
        write(tmp_path / "empty.txt", b""),
        write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20),
        write(tmp_path / "latin1.txt", "Attaque \u00e0 S\u00e9gou".encode("cp1252")),
        write(tmp_path / "broken.html", "<html><body><nav>Home</nav><script>x()</script"),
        big,
        write(tmp_path / "records.jsonl",
              record(TEXT + "r1") + "\n" + '{"title": "no text"}\n' + '{"text": oops}\n'
              + record(TEXT + "r4") + "\n"),
        write(tmp_path / "report.pdf", b"%PDF-1.4"),
        tmp_path / "missing.txt",
        write(tmp_path / "good2.txt", TEXT + "Second."),
    ]
    real_open = pathlib.Path.open

    def guarded_open(self, *args, **kwargs):
        assert self != big, "a file over the limit must be refused before it is read"
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)
    items = list(read_paths(files))
    got = [(Path(i.origin).name, type(i.error) if isinstance(i, Rejected) else Article)
           for i in items]
    assert got == [
        ("good1.txt", Article),
        ("empty.txt", EmptyInput),
        ("binary.txt", BinaryInput),
        ("latin1.txt", DecodeFailed),
        ("broken.html", NoMainText),
        ("big.txt", TooLarge),
        ("records.jsonl:1", Article),
        ("records.jsonl:2", MissingText),
        ("records.jsonl:3", MalformedRecord),
        ("records.jsonl:4", Article),
        ("report.pdf", UnsupportedInput),
        ("missing.txt", InputError),
        ("good2.txt", Article),
    ]
    for item in items:
        if isinstance(item, Rejected):
            message = str(item.error)
            assert message.startswith(f"[{item.error.code}] {item.origin}: ")
            assert "\n" not in message and len(message) < 300
    too_large = str(items[5].error)
    assert "5,000,000 bytes is over the 1,000,000-byte limit (raise it with --max-bytes)" \
        in too_large
    assert "byte 0xE0 at offset 8" in str(items[3].error)


def test_cli_meta_applies_to_text_and_html_but_fills_records(tmp_path):
    meta = {"published": "2025-03-04", "outlet": "CLI Wire", "title": "CLI title",
            "url": "https://cli.example/a", "language": "fr", "dateline": "MAIDUGURI"}
    txt = write(tmp_path / "a.txt", "File headline\n\n" + TEXT)
    html = write(tmp_path / "b.html", HTML)
    jsonl = write(tmp_path / "c.jsonl", record(TEXT, title="Record title") + "\n")
    a, b, c = read_paths([txt, html, jsonl], meta=meta)
    for article in (a, b):
        assert (article.published, article.outlet, article.title, article.url,
                article.language, article.dateline) == (
            date(2025, 3, 4), "CLI Wire", "CLI title", "https://cli.example/a", "fr",
            "MAIDUGURI")
    assert c.title == "Record title" and c.outlet == "CLI Wire"
    assert c.published == date(2025, 3, 4)


def test_missing_date_is_none(tmp_path):
    [article] = read_paths([write(tmp_path / "a.txt", TEXT)])
    assert article.published is None


def test_same_text_twice_same_id(tmp_path):
    one = write(tmp_path / "one.txt", TEXT)
    two = write(tmp_path / "copy" / "two.txt", TEXT)
    three = write(tmp_path / "three.jsonl", record(TEXT) + "\n")
    ids = {a.id for a in read_paths([one, two, three, one])}
    assert len(ids) == 1


@pytest.mark.parametrize("meta", [{"published": "next week"}, {"publisher": "x"},
                                  {"published": "2025-02-30"}])
def test_bad_cli_meta_raises_at_once(meta, tmp_path):
    with pytest.raises(BadMetadata):
        read_paths([tmp_path], meta=meta)  # not even iterated: checked once, up front


def test_a_lone_path_is_not_read_letter_by_letter(tmp_path):
    path = write(tmp_path / "a.txt", TEXT)
    assert [a.origin for a in read_paths(str(path))] == [str(path)]


def test_hidden_file_named_explicitly_is_read(tmp_path):
    [article] = read_paths([write(tmp_path / ".draft.txt", TEXT)])
    assert isinstance(article, Article)


def stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_plain_text(monkeypatch):
    stdin(monkeypatch, ("Headline\n\n" + TEXT).encode())
    [article] = read_paths(["-"], meta={"outlet": "Piped"})
    assert (article.origin, article.title, article.outlet) == ("<stdin>", "Headline", "Piped")
    assert article.text == "Headline\n\n" + TEXT


def test_stdin_json_lines(monkeypatch):
    stdin(monkeypatch, ("\n  " + record(TEXT) + "\n" + "not json\n" + record(TEXT + "2")).encode())
    items = list(read_paths(["-"]))
    assert [i.origin for i in items] == ["<stdin>:2", "<stdin>:3", "<stdin>:4"]
    assert items[0].text == TEXT and isinstance(items[1].error, MalformedRecord)


def test_stdin_json_lines_after_a_bom(monkeypatch):
    stdin(monkeypatch, b"\xef\xbb\xbf" + record(TEXT).encode())
    [article] = read_paths(["-"])
    assert article.origin == "<stdin>:1" and article.text == TEXT


def test_stdin_too_large(monkeypatch):
    stdin(monkeypatch, b"x" * 101)
    [item] = read_paths(["-"], max_bytes=100)
    assert isinstance(item.error, TooLarge)


def test_shipped_examples_read_cleanly():
    items = list(read_paths([EXAMPLES]))
    assert len(items) == 4 and all(isinstance(i, Article) for i in items)
    for article in items:
        assert article.title and article.published and article.outlet and article.url
        assert 120 <= len(article.text.split()) <= 300


def links_out_of_a_folder(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with one real article and links: to a file and a folder outside it, to a
    file and a folder inside it, and a loop back to itself."""
    outside = tmp_path / "outside"
    write(outside / "secret", "root:x:0:0:root:/root:/bin/bash\n" * 3)
    write(outside / "more" / "x.txt", TEXT + "outside folder")
    root = tmp_path / "in"
    write(root / "a.txt", TEXT)
    write(root / "sub" / "b.txt", TEXT + "b")
    (root / "passwd").symlink_to(outside / "secret")
    (root / "elsewhere").symlink_to(outside / "more", target_is_directory=True)
    (root / "c.txt").symlink_to(root / "sub" / "b.txt")
    (root / "inner").symlink_to(root / "sub", target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "notes.md").symlink_to(outside / "secret")  # a kind never read: skipped silently
    return root, outside


def test_folder_ingest_never_follows_a_symlink_by_default(tmp_path):
    root, _ = links_out_of_a_folder(tmp_path)
    items = list(read_paths([root]))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.origin for a in articles] == [f"{root}/a.txt", f"{root}/sub/b.txt"]
    assert not any("root:x" in a.text for a in articles)
    skipped = {i.origin: i.error for i in items if isinstance(i, Rejected)}
    assert sorted(skipped) == [f"{root}/{n}" for n in ("c.txt", "elsewhere", "inner", "loop",
                                                       "passwd")]
    assert all(e.code == "W111" and "--follow-symlinks" in str(e) for e in skipped.values())


def test_follow_symlinks_stays_inside_the_folders_given(tmp_path):
    root, outside = links_out_of_a_folder(tmp_path)
    items = list(read_paths([root], follow_symlinks=True))
    articles = [i for i in items if isinstance(i, Article)]
    # "inner" sorts before "sub": the folder is walked once, under the name met first
    assert [a.origin for a in articles] == [f"{root}/a.txt", f"{root}/c.txt",
                                            f"{root}/inner/b.txt"]
    refused = {i.origin: str(i.error) for i in items if isinstance(i, Rejected)}
    assert sorted(refused) == [f"{root}/elsewhere", f"{root}/passwd"]
    assert all("outside the folders given" in r for r in refused.values())
    # the outside folder given too: its links are inside the roots now
    both = [i for i in read_paths([root, outside], follow_symlinks=True)
            if isinstance(i, Article)]
    assert f"{root}/elsewhere/x.txt" in [a.origin for a in both]


def test_a_symlink_named_explicitly_is_read(tmp_path):
    target = write(tmp_path / "real.txt", TEXT)
    (tmp_path / "link.txt").symlink_to(target)
    [article] = read_paths([tmp_path / "link.txt"])
    assert isinstance(article, Article)
