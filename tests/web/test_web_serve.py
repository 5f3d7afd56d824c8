"""`pactscope serve` hands the app factory to uvicorn on loopback by default."""

from __future__ import annotations

import uvicorn
from typer.testing import CliRunner

from pactscope.cli import app


def _run(monkeypatch, *args):
    calls = []
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
