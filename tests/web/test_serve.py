"""``wirecoder serve`` off loopback (web/serve.py): it says what it exposes, and refuses
``--allow-ingest`` without a token. Nothing here binds an address: the refusal comes before
the server starts, and the exposure lines are computed, not served."""

from __future__ import annotations

import pytest

from wirecoder.cli import main
from wirecoder.web.serve import TOKEN_ENV, check_exposure, ingest_token, is_loopback


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("::1", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.5", False), ("example.org", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_loopback_says_nothing_more():
    assert check_exposure("127.0.0.1", 8765, "w.db", True, None, []) == []


def test_every_interface_says_what_it_exposes():
    lines = check_exposure("0.0.0.0", 8765, "w.db", False, None, ["news.example"])
    text = "\n".join(lines)
    assert "every network interface" in text and "port 8765" in text
    assert "w.db" in text and "full text of every article" in text
    assert "news.example" in text and "--allowed-host NAME" in text
    assert "POST /api/ingest" not in text


def test_ingest_off_loopback_names_the_token():
    lines = check_exposure("10.0.0.5", 8765, "w.db", True, "t0ken", ["10.0.0.5"])
    assert any("needs the token" in line and "Bearer" in line for line in lines)
    assert not any("t0ken" in line for line in lines)  # the token itself is never printed


def test_ingest_off_loopback_without_token_is_refused(tmp_path, monkeypatch, capsys):
    import uvicorn

    def must_not_bind(*args, **kwargs):
        raise AssertionError("serve started without an ingest token")

    monkeypatch.setattr(uvicorn, "run", must_not_bind)  # a safety net: never bind 0.0.0.0 here
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    code = main(["serve", "--db", str(tmp_path / "w.db"), "--host", "0.0.0.0",
                 "--allow-ingest"])
    err = capsys.readouterr().err
    assert code == 1
    assert "--ingest-token" in err and TOKEN_ENV in err


def test_token_from_flag_or_environment(monkeypatch):
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert ingest_token("from-flag") == "from-flag"
    assert ingest_token(None) == "from-env"
    monkeypatch.setenv(TOKEN_ENV, "")
    assert ingest_token(None) is None
