"""Every command documents itself, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from pactscope.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


def test_every_command_has_help_text():
    root = typer.main.get_command(app)
    missing = [" ".join(path) for path, command in _commands(root) if not (command.help or "").strip()]
    assert not missing, f"commands without help: {missing}"
    assert len(list(_commands(root))) >= 25


def test_readme_commands_are_real_commands():
    root = typer.main.get_command(app)
    known = {" ".join(path) for path, _ in _commands(root)}
    used = set()
    for line in README.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*pactscope ((?:[a-z-]+)(?: [a-z-]+)?)", line)
        if match:
            words = match.group(1).split()
            used.add(" ".join(words[:2]) if " ".join(words[:2]) in known else words[0])
    assert used and used <= known, sorted(used - known)
