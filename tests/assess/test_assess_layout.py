"""Layout details read from the report itself: the kappa header, response colours, the members map."""

from __future__ import annotations


def _block(report, block_id):
    return next(b for s in report.sections for b in s.blocks if getattr(b, "id", "") == block_id)


def test_kappa_header_says_it_is_a_mean_of_yearly_values(default_report):
    labels = [c.label for c in _block(default_report, "alignment").columns]
    assert any(label.startswith("Cohen's kappa, mean of yearly values") for label in labels)


def test_consultation_and_statement_have_distinct_colours(default_report):
    scale = _block(default_report, "case-timeline").spec["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colours["consultation"] != colours["statement"]
    assert len(set(scale["range"])) == len(scale["range"])


def test_map_zooms_to_the_report_states_and_outlines_them_last(reports):
    arm = _block(reports["csto-armenia"], "members-map").spec
    scale = arm["projection"]["scale"]["expr"]
    world = _block(reports["csto-central-asia"], "members-map").spec["projection"]["scale"]["expr"]
    assert scale != world  # Armenia alone is shown larger than the five Central Asian states
    last = arm["layer"][-1]
    assert last["transform"][-1]["filter"] == "datum.role == 'focus member'"
    assert [m["mark"]["strokeWidth"] for m in last["layer"]] == [5, 2.6]  # a white halo under the outline
