"""The demo's council: eleven members for 2021–2026 and the session of 20/11/2026 on the
Farmers' Union's 2025 dossiers — two approved by secret ballot, one still to vote."""

import datetime as dt

import pytest
from django.utils import timezone

from vinhdanh.core.models import ActivityLog
from vinhdanh.council.enums import ItemState, MemberRole
from vinhdanh.council.models import BallotReceipt, CouncilMember, CouncilSession
from vinhdanh.council.services import ballots, sessions
from vinhdanh.council.services.minutes import minutes_docx
from vinhdanh.demo import council as demo
from vinhdanh.demo import decisions as demo_decisions
from vinhdanh.demo import loader
from vinhdanh.demo import nominations as demo_nominations
from vinhdanh.nominations.models import Nomination, NominationBatch, NominationStep
from vinhdanh.organisations.models import User


@pytest.fixture
def loaded(db):
    loader.load()
    if not NominationBatch.objects.exists():  # until the lead wires it into the loader
        demo_nominations.create_nominations()
    if not CouncilSession.objects.exists():
        demo.create_council()
    return CouncilSession.objects.get()


def test_demo_council_members_and_logins(loaded):
    chair = CouncilMember.objects.get(role=MemberRole.CHAIR)
    others = User.objects.filter(username__startswith=demo.USERNAME_PREFIX)

    assert CouncilMember.objects.count() == 11
    assert chair.user.username == "chutich"
    assert CouncilMember.objects.filter(user__username="hoidong").exists()
    assert others.count() == 9 and not any(user.has_usable_password() for user in others)
    assert {m.term_start for m in CouncilMember.objects.all()} == {dt.date(2021, 7, 1)}


def test_demo_session_stands_where_the_story_says(loaded):
    items = list(loaded.items.select_related("nomination__honor").order_by("position"))
    found = sessions.quorum(loaded)

    assert loaded.held_on == dt.date(2026, 11, 20) and loaded.state == "open"
    assert (found.present, found.members, found.met) == (10, 11, True)
    assert [(i.nomination.honor.code, i.state) for i in items] == [
        ("chien_si_thi_dua_tinh", ItemState.CLOSED), ("bang_khen_tinh", ItemState.CLOSED),
        ("bang_khen_tinh", ItemState.PENDING)]
    # The two approved ones were then granted by the demo's decision.
    assert [i.nomination.state for i in items] == ["decided", "decided", "ready"]
    assert (ballots.tally(items[0]).agree, ballots.tally(items[0]).needed) == (9, 9)
    assert ballots.tally(items[1]).disagree == 1
    recused = {r.member.unit.code for i in items[:2] for r in i.recusals.all()}
    assert recused == {"HND"}
    assert BallotReceipt.objects.count() == 18
    # The 2023 bloc dossiers wait for a later session.
    assert set(Nomination.objects.filter(batch__year=2023).values_list("state", flat=True)) \
        == {"ready"}


def test_demo_session_is_back_dated_and_its_minutes_refuse_nothing(loaded):
    voted = NominationStep.objects.filter(action="council_approve")
    logs = ActivityLog.objects.filter(action__startswith="council.voting")

    assert {timezone.localdate(s.entered_at) for s in voted} == {dt.date(2026, 11, 20)}
    assert {log.created_at.date() for log in logs} == {dt.date(2026, 11, 20)}
    name, content = minutes_docx(loaded)
    assert name.endswith(".docx") and len(content) > 10_000


def test_demo_council_clears(loaded):
    demo_decisions.clear()  # the demo's decision names the session
    demo.clear()
    loader.clear()  # the rest of the demo goes too: nothing of the council holds it

    assert not CouncilMember.objects.exists() and not Nomination.objects.exists()
    assert not User.objects.filter(username__startswith=demo.USERNAME_PREFIX).exists()
    assert not ActivityLog.objects.filter(action__startswith="council.").exists()
