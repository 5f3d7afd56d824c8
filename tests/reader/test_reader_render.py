import json

import typer
from typer.testing import CliRunner

from pactscope.cli.read import read
from pactscope.reader import read_text


def test_html_escapes_text_and_marks_mentions(small_evidence, small_gazetteer):
    r = read_text("<script>x</script> Armenia & the CSTO", evidence=small_evidence, gazetteer=small_gazetteer)
    html = r.to_html()
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; " in html
    assert '<mark class="ref ref-state" data-type="state" data-target="ARM" title="state: ARM"><bdi>Armenia</bdi></mark>' in html
    assert " &amp; the " in html


def test_rich_markup_escapes_brackets(small_evidence, small_gazetteer):
    r = read_text("[bold]Armenia[/bold]", evidence=small_evidence, gazetteer=small_gazetteer)
    out = r.to_rich()
    assert out.startswith("\\[bold]")
    assert "[bold cyan]Armenia[/]" in out


def test_json_has_the_documented_keys(small_evidence, small_gazetteer):
    r = read_text("Azerbaijani troops attacked Armenia near Jermuk on 13 September 2022.",
                  evidence=small_evidence, gazetteer=small_gazetteer)
    data = json.loads(r.to_json())
    assert {"language", "states", "organizations", "dates", "linked", "unlinked", "mentions", "text"} <= set(data)
    assert data["language"]["primary"] == "en"
    assert data["states"] == ["AZE", "ARM"]
    assert data["dates"] == ["2022-09-13"]
    assert data["linked"][0]["id"] == "arm-2022" and data["linked"][0]["kind"] == "case"
    assert {"request", "trigger", "response", "sources"} <= set(data["linked"][0]["record"])
    date = next(m for m in data["mentions"] if m["type"] == "date")
    assert (date["start"], date["end"], date["text"]) == (51, 68, "13 September 2022")
    assert "text" not in json.loads(r.to_json(include_text=False))


def _app():
    app = typer.Typer()
    app.command()(read)
    return app


def test_cli_formats_and_errors(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Армения обратилась в ОДКБ 13 сентября 2022 г.", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(_app(), [str(path), "--format", "json"])
    assert out.exit_code == 0
    assert json.loads(out.output)["organizations"] == ["CSTO"]
    html = runner.invoke(_app(), [str(path), "--format", "html"])
    assert html.exit_code == 0 and html.output.startswith('<div class="pactscope-reader">')
    text = runner.invoke(_app(), ["-"], input="Армения")
    assert text.exit_code == 0 and "states: ARM" in text.output
    bad = runner.invoke(_app(), ["-"], input=b"abc\x80\x81\xfe")
    assert bad.exit_code == 2
    missing = runner.invoke(_app(), [str(tmp_path / "none.txt")])
    assert missing.exit_code != 0


def test_state_mentions_carry_the_cow_code():
    r = read_text("Armenia and Russia")
    assert [(m.target, m.ccode) for m in r.mentions] == [("ARM", 371), ("RUS", 365)]
