"""Timeliness statistics: working days across Tết, the on-time boundary, breakdowns by unit,
honour and year, and the overdue list — always over the dossiers the caller passes in."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.movements.support import pdf
from vinhdanh.core.public_holidays import fill_statutory_holidays
from vinhdanh.honors.models import Honor
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination, NominationStep
from vinhdanh.nominations.services import batches, documents, timeliness, workflow

JUSTIFICATION = "Đơn vị đề nghị xem xét do thành tích đột xuất trong năm."


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def dossier(clerk, unit, person, *, year=2025, honor="bang_khen_tinh"):
    """A draft with the documents a normal-procedure dossier needs."""
    batch = batches.create_batch(actor=clerk, proposing_unit=unit, year=year,
                                 title=f"Tờ trình khen thưởng năm {year}")
    nomination = batches.add_candidate(batch, person, Honor.objects.get(code=honor),
                                       actor=clerk)
    documents.attach(batch, "submission_letter", pdf("to-trinh.pdf"), actor=clerk)
    documents.attach(batch, "review_minutes", pdf("bien-ban.pdf"), actor=clerk)
    documents.attach(batch, "achievement_report", pdf("bao-cao.pdf"), actor=clerk,
                     nomination=nomination)
    return nomination


def submit(nomination, day, clerk):
    return workflow.submit(nomination, actor=clerk, justification=JUSTIFICATION, now=at(day))


@pytest.fixture
def holidays(db):
    for year in (2025, 2026):
        fill_statutory_holidays(year)


@pytest.fixture
def women_clerk(province):
    from tests.factories import UserFactory
    from vinhdanh.organisations.enums import Role
    from vinhdanh.organisations.models import RoleAssignment

    user = UserFactory(username="clerk.women")
    RoleAssignment.objects.create(user=user, role=Role.UNIT_CLERK, unit=province.women)
    return user


def row_of(rows, state):
    return next(row for row in rows if row["state"] == state)


def test_a_step_across_tet_counts_only_working_days(province, personas, holidays):
    clerk, officer = personas.unit_clerk, personas.board_officer
    nomination = dossier(clerk, province.farmers, province.farmer_people[0], year=2025)
    # Friday 13/02/2026; Tết 2026 closes 16–20/02, so Monday 23/02 is the next working day.
    submit(nomination, dt.date(2026, 2, 13), clerk)
    workflow.receive(nomination, actor=officer, now=at(dt.date(2026, 2, 23)))

    step = NominationStep.objects.get(nomination=nomination, state="submitted")
    stats = row_of(timeliness.step_stats(Nomination.objects.all()), "submitted")

    assert step.working_days == 1  # 10 calendar days, 6 weekdays, 1 working day
    assert step.due_on == dt.date(2026, 2, 25)  # 3 working days after receipt
    assert step.on_time is True
    assert stats["count"] == 1 and stats["median_days"] == 1 and stats["mean_days"] == 1
    assert (stats["within_limit"], stats["timed"], stats["share_within"]) == (1, 1, 1.0)


def test_left_on_the_due_day_is_on_time_and_a_day_later_is_not(province, personas, holidays):
    clerk, officer = personas.unit_clerk, personas.board_officer
    on_time = dossier(clerk, province.farmers, province.farmer_people[0])
    late = dossier(clerk, province.farmers, province.farmer_people[1])
    monday = dt.date(2025, 11, 3)
    for nomination in (on_time, late):
        submit(nomination, monday, clerk)
    # A receipt limit of 3 working days: due Thursday 06/11.
    workflow.receive(on_time, actor=officer, now=at(dt.date(2025, 11, 6), 16))
    workflow.receive(late, actor=officer, now=at(dt.date(2025, 11, 7), 8))

    steps = {s.nomination_id: s for s in NominationStep.objects.filter(state="submitted")}
    stats = row_of(timeliness.step_stats(Nomination.objects.all()), "submitted")

    assert steps[on_time.pk].due_on == dt.date(2025, 11, 6)
    assert (steps[on_time.pk].on_time, steps[late.pk].on_time) == (True, False)
    assert (stats["within_limit"], stats["timed"], stats["share_within"]) == (1, 2, 0.5)
    assert stats["median_days"] == 3.5 and stats["mean_days"] == 3.5
    # The open appraisal steps are not counted yet.
    assert row_of(timeliness.step_stats(Nomination.objects.all()), "appraisal")["count"] == 0


def test_step_stats_list_every_waited_state_with_labels_and_filter_by_year(
        province, personas, holidays):
    clerk, officer = personas.unit_clerk, personas.board_officer
    old = dossier(clerk, province.farmers, province.farmer_people[0], year=2024)
    new = dossier(clerk, province.farmers, province.farmer_people[1], year=2025)
    submit(old, dt.date(2025, 3, 3), clerk)
    submit(new, dt.date(2025, 3, 3), clerk)
    workflow.receive(old, actor=officer, now=at(dt.date(2025, 3, 5)))

    rows = timeliness.step_stats(Nomination.objects.all(), year=2025)
    empty = row_of(rows, "submitted")

    assert [row["state"] for row in rows] == ["submitted", "group_review", "appraisal",
                                              "public_comment", "ready", "returned"]
    assert row_of(rows, "appraisal")["label"] == str(NominationState.APPRAISAL.label)
    assert (empty["count"], empty["median_days"], empty["mean_days"],
            empty["share_within"]) == (0, None, None, None)
    assert row_of(timeliness.step_stats(Nomination.objects.all(), year=2024),
                  "submitted")["count"] == 1


def test_step_stats_use_two_queries_at_most(province, personas, holidays,
                                            django_assert_max_num_queries):
    clerk, officer = personas.unit_clerk, personas.board_officer
    for person in province.farmer_people:
        nomination = dossier(clerk, province.farmers, person)
        submit(nomination, dt.date(2025, 3, 3), clerk)
        workflow.receive(nomination, actor=officer, now=at(dt.date(2025, 3, 4)))

    with django_assert_max_num_queries(2):
        rows = timeliness.step_stats(Nomination.objects.filter(batch__year=2025))

    assert row_of(rows, "submitted")["count"] == 2


def test_statistics_cover_only_the_nominations_passed_in(province, personas, women_clerk,
                                                         holidays):
    clerk, officer = personas.unit_clerk, personas.board_officer
    farmers = dossier(clerk, province.farmers, province.farmer_people[0])
    women = dossier(women_clerk, province.women, province.women_people[0])
    for nomination, who in ((farmers, clerk), (women, women_clerk)):
        submit(nomination, dt.date(2025, 3, 3), who)
        workflow.receive(nomination, actor=officer, now=at(dt.date(2025, 3, 6)))

    mine = Nomination.objects.visible_to(clerk)
    rows = timeliness.step_stats(mine)

    assert row_of(rows, "submitted")["count"] == 1
    assert [row["key"] for row in timeliness.breakdown(mine, "unit")] == [
        province.farmers.name]


@pytest.fixture
def journeys(province, personas, women_clerk, holidays):
    """Farmers: one dossier passed to the council after 12 working days, one overdue in
    appraisal; Women: one dossier received late, one draft never submitted."""
    clerk, officer = personas.unit_clerk, personas.board_officer
    passed = dossier(clerk, province.farmers, province.farmer_people[0])
    submit(passed, dt.date(2025, 9, 1), clerk)  # Monday; 2/9 is Quốc khánh, 1/9 too
    workflow.receive(passed, actor=officer, now=at(dt.date(2025, 9, 4)))
    workflow.pass_to_council(passed, actor=officer, now=at(dt.date(2025, 9, 18)))
    stuck = dossier(clerk, province.farmers, province.farmer_people[1])
    submit(stuck, dt.date(2025, 10, 1), clerk)
    workflow.receive(stuck, actor=officer, now=at(dt.date(2025, 10, 2)))
    slow = dossier(women_clerk, province.women, province.women_people[0], year=2024)
    submit(slow, dt.date(2025, 10, 1), women_clerk)
    workflow.receive(slow, actor=officer, now=at(dt.date(2025, 10, 10)))
    dossier(women_clerk, province.women, province.women_people[1], year=2024)
    return {"passed": passed, "stuck": stuck, "slow": slow}


def test_breakdown_by_unit_counts_council_days_limits_and_overdue(province, journeys):
    today = dt.date(2025, 12, 15)

    rows = timeliness.breakdown(Nomination.objects.all(), "unit", today=today)

    # Vietnamese order: "Hội Liên hiệp…" before "Hội Nông dân…".
    assert [row["key"] for row in rows] == [province.women.name, province.farmers.name]
    women, farmers = rows
    # 1/9 → 18/9/2025: the 3rd–18th less the weekends: 12 working days (1 and 2/9 are off).
    assert farmers == {"key": province.farmers.name, "submitted": 2, "decided": 0,
                       "median_days_to_council": 12, "within_limit_share": 1.0,
                       "overdue_now": 2}  # the council's 20 days have run out too
    # Received 7 working days after submission against a limit of 3; the draft counts
    # for nothing but its row.
    assert women["submitted"] == 1 and women["within_limit_share"] == 0.0
    assert women["median_days_to_council"] is None
    # 10/10 + 25 working days = 14/11: overdue on 15/12 too.
    assert women["overdue_now"] == 1


def test_breakdown_by_honour_and_by_year(journeys):
    by_honour = timeliness.breakdown(Nomination.objects.all(), "honor",
                                     today=dt.date(2025, 10, 3))
    by_year = timeliness.breakdown(Nomination.objects.all(), "year",
                                   today=dt.date(2025, 10, 3))

    assert [row["key"] for row in by_honour] == [Honor.objects.get(code="bang_khen_tinh").name]
    assert by_honour[0]["submitted"] == 3 and by_honour[0]["overdue_now"] == 0
    assert [row["key"] for row in by_year] == [2024, 2025]
    assert [row["submitted"] for row in by_year] == [1, 2]


def test_breakdown_reads_a_fixed_number_of_queries(journeys, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        timeliness.breakdown(Nomination.objects.all(), "unit", today=dt.date(2025, 12, 15))


def test_breakdown_refuses_an_unknown_key(db):
    with pytest.raises(ValueError):
        timeliness.breakdown(Nomination.objects.all(), "colour")


def test_overdue_lists_open_dossiers_past_due_the_oldest_first(journeys):
    rows = list(timeliness.overdue(Nomination.objects.all(), today=dt.date(2025, 12, 15)))

    early = list(timeliness.overdue(Nomination.objects.all(), today=dt.date(2025, 10, 20)))

    # Ready since 18/9 (due 16/10), in appraisal since 2/10 (due 6/11) and 10/10 (14/11).
    assert [n.pk for n in rows] == [journeys[k].pk for k in ("passed", "stuck", "slow")]
    assert [n.due_on for n in rows] == sorted(n.due_on for n in rows)
    assert [n.pk for n in early] == [journeys["passed"].pk]
    assert list(timeliness.overdue(Nomination.objects.all(), today=dt.date(2025, 10, 3))) == []
