"""`pactscope serve` hands the app factory to uvicorn on loopback by default."""

from __future__ import annotations

import os

import uvicorn
from typer.testing import CliRunner

from pactscope.cli import app


def _run(monkeypatch, *args):
    calls = []
    monkeypatch.setenv("PACTSCOPE_ALLOWED_HOSTS", "")  # restored after the test: serve sets it
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append((target, kw)))
    result = CliRunner().invoke(app, ["serve", *args])
    return result, calls


def test_serve_defaults_to_loopback(monkeypatch):
    result, calls = _run(monkeypatch)
    assert result.exit_code == 0, result.output
    [(target, kw)] = calls
    assert target == "pactscope.web.app:create_app"
    assert (kw["host"], kw["port"], kw["factory"]) == ("127.0.0.1", 8000, True)


def test_serve_port_is_configurable_and_checked(monkeypatch):
    result, calls = _run(monkeypatch, "--port", "8123")
    assert result.exit_code == 0 and calls[0][1]["port"] == 8123
    result, calls = _run(monkeypatch, "--port", "70000")
    assert result.exit_code != 0 and calls == []


def test_a_public_bind_warns_and_allows_only_the_named_hosts(monkeypatch):
    result, calls = _run(monkeypatch, "--host", "0.0.0.0", "--allow-host", "pactscope.lan")
    assert result.exit_code == 0 and calls[0][1]["host"] == "0.0.0.0"
    assert "Warning:" in result.output and "beyond this machine" in result.output
    assert "pactscope.lan" in result.output
    assert os.environ["PACTSCOPE_ALLOWED_HOSTS"] == "pactscope.lan"


def test_a_loopback_bind_does_not_warn(monkeypatch):
    for host in ("127.0.0.1", "localhost", "::1"):
        result, _ = _run(monkeypatch, "--host", host)
        assert result.exit_code == 0 and "Warning" not in result.output


def test_a_specific_address_is_allowed_as_a_host_name(monkeypatch):
    result, _ = _run(monkeypatch, "--host", "192.168.1.20")
    assert "Warning:" in result.output and os.environ["PACTSCOPE_ALLOWED_HOSTS"] == "192.168.1.20"
