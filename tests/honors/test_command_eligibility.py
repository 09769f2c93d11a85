import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from vinhdanh.honors.enums import TaskRating, Verdict
from vinhdanh.honors.services.history import set_task_rating
from vinhdanh.honors.services.sweeps import SYSTEM, run_sweep

HONOR = "lao_dong_tien_tien"
YEAR = 2024


def _run(*args) -> str:
    out = io.StringIO()
    call_command("eligibility", "--honor", HONOR, "--year", str(YEAR), *args, stdout=out)
    return out.getvalue()


def _csv(*args) -> list[dict]:
    return list(csv.DictReader(io.StringIO(_run("--format", "csv", *args))))


def _verdicts(result) -> dict[tuple[str, str], str]:
    return {(type(e.candidate).__name__.lower(), str(e.candidate.pk)): e.verdict
            for e in result.evaluations}


@pytest.fixture
def rated(province):
    """One eligible for LĐTT, one not, two with information missing."""
    for person, rating in ((province.farmer_people[0], TaskRating.EXCELLENT),
                           (province.women_people[0], TaskRating.NOT_COMPLETED)):
        set_task_rating(person, actor=None, year=YEAR, rating=rating)
        person.employment_start = dt.date(2015, 1, 1)
        person.save()
    return province


def test_command_csv_prints_the_verdicts_of_run_sweep(rated):
    rows = _csv()

    assert {(row["type"], row["id"]): row["verdict"] for row in rows} == _verdicts(
        run_sweep(SYSTEM, HONOR, YEAR))
    assert sorted(row["verdict"] for row in rows) == [
        Verdict.ELIGIBLE, Verdict.MISSING, Verdict.MISSING, Verdict.NOT_ELIGIBLE]


def test_command_csv_has_one_column_per_criterion(rated):
    expected = run_sweep(SYSTEM, HONOR, YEAR)
    labels = {line.label for e in expected.evaluations for line in e.lines}

    reader = csv.reader(io.StringIO(_run("--format", "csv")))
    header = next(reader)

    assert header[:3] == ["type", "id", "verdict"]
    assert set(header[6:-1]) == labels
    assert len(header) == 7 + len(labels)


def test_command_text_prints_each_candidate_with_its_verdict(rated):
    output = _run()

    for evaluation in run_sweep(SYSTEM, HONOR, YEAR).evaluations:
        label = Verdict(evaluation.verdict).label
        assert f"{evaluation.candidate} ({evaluation.candidate.unit.name}): {label}" in output
        for line in evaluation.lines:
            assert f"  - {line.label}: " in output


def test_command_unit_filter_takes_the_subtree(rated):
    rows = _csv("--unit", "HND")

    assert {int(row["id"]) for row in rows} == {p.pk for p in rated.farmer_people}


def test_command_group_filter_takes_member_units(rated):
    assert len(_csv("--group", "MTTQ")) == 4


def test_command_verdict_filter(rated):
    every = _csv()

    for verdict in Verdict.values:
        rows = _csv("--verdict", verdict)
        assert len(rows) == sum(row["verdict"] == verdict for row in every)
        assert {row["verdict"] for row in rows} <= {verdict}


def test_command_collective_honour_lists_units(rated):
    out = io.StringIO()
    call_command("eligibility", "--honor", "tap_the_lao_dong_tien_tien", "--year", str(YEAR),
                 "--format", "csv", stdout=out)

    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {row["type"] for row in rows} == {"unit"}
    assert len(rows) == 4  # both organisations and their offices, not the province


def test_command_unknown_unit_is_an_error(rated):
    with pytest.raises(CommandError, match="XYZ"):
        _run("--unit", "XYZ")


def test_command_unknown_group_is_an_error(rated):
    with pytest.raises(CommandError, match="MTTQ"):
        call_command("eligibility", "--honor", HONOR, "--year", "2030", "--group", "MTTQ",
                     stdout=io.StringIO())


def test_command_subject_the_honour_does_not_take_is_an_error(rated):
    with pytest.raises(CommandError):
        _run("--subject", "household")


def test_command_year_before_the_first_rule_pack_is_an_error(rated):
    with pytest.raises(CommandError):
        call_command("eligibility", "--honor", HONOR, "--year", "2020", stdout=io.StringIO())


def test_command_received_on_must_be_day_first(rated):
    with pytest.raises(CommandError):
        _run("--received-on", "2025-02-05")

    assert _run("--received-on", "05/02/2025")
