"""The demo's dossiers: the Front bloc's 2023 submission (one dossier returned and sent
again), the Farmers' Union's 2025 submission after its public comment, the Women's Union's
overdue 2026 submission, and a withdrawn draft — built through the services, back-dated."""

import datetime as dt

import pytest

from vinhdanh.core.audit import history_of
from vinhdanh.core.models import ActivityLog
from vinhdanh.demo import council, decisions, loader
from vinhdanh.demo import nominations as demo
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.honors.models import RuleSetting
from vinhdanh.nominations.enums import CommentState
from vinhdanh.nominations.models import Nomination, NominationBatch, NominationStep
from vinhdanh.nominations.services import timeliness
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.models import Proposal

TODAY = dt.date(2026, 11, 27)  # the demo's "today"


@pytest.fixture
def loaded(db):
    loader.load()
    if not NominationBatch.objects.exists():  # until the lead wires it into the loader
        demo.create_nominations()


def _of(year: int):
    return Nomination.objects.filter(batch__year=year).select_related(
        "batch", "honor", "unit", "person")


def test_demo_dossiers_stand_where_the_story_says(loaded):
    front = {n.unit.code: n for n in _of(2023)}
    farmers = list(_of(2025))
    women = [n for n in _of(2026) if n.batch.proposing_unit.code == "HLHPN"]
    withdrawn = Nomination.objects.get(state="withdrawn")

    assert {code: (n.honor.code, n.state) for code, n in front.items()} == {
        "HCCB": ("co_thi_dua_tinh", "ready"), "HND": ("bang_khen_tinh", "ready"),
        "MTTQ": ("bang_khen_tinh", "ready")}
    assert all(n.proposal is not None and n.batch.group.code == demo.BLOC
               for n in front.values())
    assert not Proposal.objects.filter(nomination__in=front.values()).exclude(
        state=ProposalState.NOMINATED).exists()
    assert sorted(n.honor.code for n in farmers) == [
        "bang_khen_tinh", "bang_khen_tinh", "chien_si_thi_dua_tinh"]
    # The demo council (demo/council.py) approved two of them on 20/11/2026; the demo's
    # decision (demo/decisions.py) granted both.
    assert sorted(n.state for n in farmers) == ["decided", "decided", "ready"]
    assert [n.state for n in women] == ["appraisal"]
    assert withdrawn.submitted_at is None and withdrawn.steps.get().state == "withdrawn"
    assert front["HND"].received_on == dt.date(2024, 1, 23)
    assert front["HND"].submitted_at.date() == dt.date(2023, 12, 8)


def test_demo_return_reason_is_in_the_log_and_the_resubmission_carries_the_minutes(loaded):
    returned = _of(2023).get(unit__code="HND")
    steps = list(returned.steps.values_list("state", flat=True))
    messages = [entry.message for entry in history_of(returned).order_by("created_at", "id")]
    returning = next(m for m in messages if demo.RETURN_REASON in m)

    assert steps == ["submitted", "group_review", "appraisal", "returned", "submitted",
                     "group_review", "appraisal", "ready"]
    assert returned.steps.get(state="returned").reason == demo.RETURN_REASON
    # The minutes were added after the return and before the second submission.
    later = messages[messages.index(returning):]
    assert any("bien-ban-hop-xet-cua-khoi.pdf" in m for m in later[:2])
    assert returned.documents.filter(kind="other", replaced_by__isnull=True).exists()
    # The log reads in the dossier's own time, not the time the demo was loaded.
    entry = history_of(returned).get(action="nomination.return")
    assert entry.created_at.date() == dt.date(2024, 1, 15)


def test_demo_steps_count_working_days_and_one_dossier_is_overdue_in_appraisal(loaded):
    closed = NominationStep.objects.filter(left_at__isnull=False)
    received = _of(2023).get(unit__code="HND").steps.filter(state="appraisal").first()
    overdue = list(timeliness.overdue(Nomination.objects.all(), today=TODAY))
    stats = {row["state"]: row for row in timeliness.step_stats(Nomination.objects.all())}

    assert closed.exists() and not closed.filter(working_days__isnull=True).exists()
    # Forwarded Mon 08/01/2024, returned Mon 15/01/2024: five working days.
    assert received.working_days == 5
    assert [n.state for n in overdue if n.state != "ready"] == ["appraisal"]
    assert overdue[[n.state for n in overdue].index("appraisal")].batch.proposing_unit.code \
        == "HLHPN"
    # The 2025 dossiers went to the council on 13/11/2026: not overdue yet.
    assert not any(n.batch.year == 2025 for n in overdue)
    assert stats["returned"]["count"] == 1 and stats["appraisal"]["count"] >= 6


def test_demo_public_comment_follows_the_province_s_setting(loaded):
    fighter = _of(2025).get(honor__code="chien_si_thi_dua_tinh")
    notice = fighter.notices.get()
    comments = {c.state: c for c in fighter.comments.all()}
    setting = RuleSetting.objects.get(key=demo.PUBLIC_COMMENT_KEY)

    assert effective_pack_for(fighter.received_on).dossier(
        "public_comment.chien_si_thi_dua_tinh").value == demo.PUBLIC_COMMENT_DAYS
    assert setting.changes.get().reason
    assert (notice.closes_on - notice.opens_on).days + 1 == demo.PUBLIC_COMMENT_DAYS
    assert notice.closes_on < TODAY
    assert set(comments) == {CommentState.ACCEPTED, CommentState.REJECTED}
    assert comments[CommentState.ACCEPTED].answer
    assert comments[CommentState.REJECTED].answered_at is None
    assert fighter.documents.filter(kind="initiative_proof").exists()
    assert fighter.justification  # not eligible for 2025: the unit explained why


def test_demo_nominations_clear_and_load_again(loaded):
    before = Nomination.objects.count()

    decisions.clear()  # decision lines hold dossiers
    council.clear()  # the council's agenda holds dossiers
    demo.clear()
    assert not NominationBatch.objects.exists()
    assert not ActivityLog.objects.filter(content_type__app_label="nominations").exists()
    demo.create_nominations()

    assert Nomination.objects.count() == before
