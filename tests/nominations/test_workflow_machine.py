"""A hypothesis state machine over the dossier workflow.

Four draft dossiers (a unit's own batch and a group's, each for Bằng khen tỉnh, which needs
no public comment, and for Chiến sĩ thi đua toàn quốc, which needs 7 days of it) are moved
by random personas — the proposing unit's clerk, another unit's clerk, the group leader, a
board officer, a viewer — on a simulated clock passed as ``now=``; citizens comment on
published candidates and the board moderates and answers. Random rules mostly meet
refusals; ``progress`` does what the personas' buttons offer, properly, and the examples
start with a random head start along the route. After every step:

- the state is a NominationState value; the version is 1 + the number of transitions and
  the number of steps;
- once moved (submitted, or withdrawn as a draft), exactly one step is open and its state
  is the nomination's; the steps are chronological and each one ends when the next begins;
- a dossier in READY whose honour needs public comment, or that was ever published, has a
  notice that closed before the day it became ready, and no comment on it is pending or
  unanswered;
- a final state never changes; a refused action changes nothing; only a persona whose role
  allows an action ever succeeds in it.

The world (province, personas, draft dossiers with their files) is built once; each example
runs inside a savepoint rolled back at its end, so every example starts from the drafts.
The run is derandomized (20 examples, about 30 s). Run with ``derandomize=False`` and a few
hundred examples, the machine found a dossier passed to the council while its notice was
still open (published, returned, received again): fixed in comments.check_comment_done,
pinned in test_workflow.py.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from tests.nominations.support import at, clerk_for, dossier
from vinhdanh.core.errors import DomainError
from vinhdanh.nominations.enums import FINAL_STATES, CommentState, NominationState
from vinhdanh.nominations.models import Nomination, PublicComment, PublicNotice
from vinhdanh.nominations.services import comments, workflow
from vinhdanh.nominations.services.requirements import public_comment_days

S = NominationState
START = at(dt.date(2025, 3, 3))  # a Monday
ACTORS = ("clerk", "other_clerk", "group_leader", "officer", "viewer")
# What each persona's role may ever achieve (rules.py); the services check the rest.
MAY = {
    "clerk": {"submit", "withdraw"},
    "other_clerk": set(),
    "group_leader": {"start_group_review", "forward", "return"},
    "officer": set(workflow.TRANSITIONS),
    "viewer": set(),
}
REASONS = st.sampled_from(["", "  ", "Thiếu biên bản họp xét", "Không đủ tiêu chuẩn"])
FORWARD = frozenset({"submit", "receive", "start_group_review", "forward", "publish",
                     "pass_to_council"})
JUSTIFICATIONS = st.sampled_from(["", "Thành tích đặc biệt xuất sắc"])
MACHINE_SETTINGS = settings(max_examples=20, stateful_step_count=40, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow],
                            derandomize=True)

WORLD = SimpleNamespace()


def _build_world(province, personas) -> None:
    """The people and the four drafts every example starts from."""
    WORLD.actors = {
        "clerk": personas.unit_clerk,
        "other_clerk": clerk_for(province.women, "clerk.women"),
        "group_leader": personas.group_leader,
        "officer": personas.board_officer,
        "viewer": personas.viewer,
    }
    clerk = personas.unit_clerk
    WORLD.nomination_ids = [
        dossier(province, clerk, group=group, honor_code=code).pk
        for group in (None, province.bloc)
        for code in ("bang_khen_tinh", "chien_si_thi_dua_toan_quoc")
    ]


class WorkflowMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self._english = translation.override("en")
        self._english.__enter__()
        self.now = START
        self.transitions = dict.fromkeys(WORLD.nomination_ids, 0)
        self.finals = {}
        self.addresses = 0

    def teardown(self):
        self._english.__exit__(None, None, None)
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    # -- helpers ---------------------------------------------------------------------

    def _load(self, index: int) -> Nomination:
        return Nomination.objects.select_related("batch", "honor").get(
            pk=WORLD.nomination_ids[index])

    @staticmethod
    def _snapshot(nomination) -> tuple:
        row = Nomination.objects.get(pk=nomination.pk)
        return (row.state, row.version, row.steps.count(), row.notices.count(),
                row.justification)

    def _version(self, nomination, choice: str):
        return {"none": None, "current": nomination.version,
                "stale": nomination.version - 1}[choice]

    def _attempt(self, action: str, index: int, actor: str, call, *,
                 stale: bool = False) -> bool:
        """Runs ``call(nomination, user)``; checks a success or that a refusal left the
        dossier as it was. ``stale``: the call passes a version older than the row's."""
        nomination = self._load(index)
        before = self._snapshot(nomination)
        try:
            call(nomination, WORLD.actors[actor])
        except (DomainError, PermissionDenied):
            assert self._snapshot(nomination) == before, action
            return False
        after = Nomination.objects.get(pk=nomination.pk)
        assert action in MAY[actor], (action, actor)
        assert not stale, "an action on a stale version went through"
        assert before[0] in workflow.TRANSITIONS[action].sources
        assert after.state == workflow.TRANSITIONS[action].target
        assert (after.version, after.steps.count()) == (before[1] + 1, before[2] + 1)
        self.transitions[nomination.pk] += 1
        return True

    # -- the clock -------------------------------------------------------------------

    @initialize(data=st.data())
    def start(self, data):
        """Each dossier gets a head start of up to eight proper moves that go through
        (mostly forward, a return now and then, never to a final state), so that the
        examples begin anywhere on the road, not only at the drafts."""
        assert set(Nomination.objects.filter(pk__in=WORLD.nomination_ids)
                   .values_list("state", flat=True)) == {S.DRAFT}
        for index in range(len(WORLD.nomination_ids)):
            moves = data.draw(st.integers(0, 8))
            for _ in range(3 * moves):  # a guard may refuse (a window still open)
                moves -= self._proper_step(index, data, final=False,
                                           forward_only=bool(data.draw(st.integers(0, 3))))
                if moves <= 0:
                    break

    @rule(days=st.integers(1, 4))
    def advance(self, days):
        self.now += dt.timedelta(days=days)

    # -- transitions -----------------------------------------------------------------

    @rule(index=st.integers(0, 3), actor=st.sampled_from(ACTORS),
          justification=JUSTIFICATIONS,
          version=st.sampled_from(["none", "current", "stale"]))
    def submit(self, index, actor, justification, version):
        self._attempt("submit", index, actor, lambda n, user: workflow.submit(
            n, actor=user, justification=justification,
            expected_version=self._version(n, version), now=self.now),
            stale=version == "stale")

    @rule(index=st.integers(0, 3), actor=st.sampled_from(ACTORS),
          action=st.sampled_from(["receive", "start_group_review", "forward",
                                  "pass_to_council"]),
          version=st.sampled_from(["none", "current", "stale"]))
    def move(self, index, actor, action, version):
        function = getattr(workflow, action)
        self._attempt(action, index, actor, lambda n, user: function(
            n, actor=user, expected_version=self._version(n, version), now=self.now),
            stale=version == "stale")

    @rule(index=st.integers(0, 3), actor=st.sampled_from(ACTORS),
          action=st.sampled_from(["return", "reject", "withdraw"]), reason=REASONS,
          version=st.sampled_from(["none", "current", "stale"]))
    def with_reason(self, index, actor, action, reason, version):
        function = {"return": workflow.return_nomination, "reject": workflow.reject,
                    "withdraw": workflow.withdraw}[action]
        self._attempt(action, index, actor, lambda n, user: function(
            n, actor=user, reason=reason, expected_version=self._version(n, version),
            now=self.now), stale=version == "stale")

    @rule(index=st.integers(0, 3), data=st.data())
    def progress(self, index, data):
        """One of the actions the personas' buttons offer, done properly (a reason, a
        justification, the version shown), moving forward four times in five, so that the
        dossiers travel far."""
        self._proper_step(index, data, forward_only=bool(data.draw(st.integers(0, 4))))

    def _proper_step(self, index, data, *, forward_only, final=True) -> bool:
        """Draws one action offered to the clerk, the group leader or the officer and does
        it properly; whether it went through."""
        nomination = self._load(index)
        offered = [(actor, action) for actor in ("clerk", "group_leader", "officer")
                   for action in workflow.allowed_actions(nomination, WORLD.actors[actor])
                   if final or action not in ("reject", "withdraw")]
        forward = [pair for pair in offered if pair[1] in FORWARD]
        # A return keeps the dossier on the road (and back again): drawn thrice as often.
        pool = forward if forward and forward_only else offered + [
            pair for pair in offered if pair[1] == "return"] * 2
        if not pool:
            return False
        actor, action = data.draw(st.sampled_from(pool))
        if action == "publish":
            days = data.draw(st.integers(1, 10))

            def call(n, user):
                comments.publish_notice([n], actor=user, title="Lấy ý kiến", days=days,
                                        now=self.now)
        else:
            call = self._proper_call(action)
        return self._attempt(action, index, actor, call)

    # The random rules mostly meet refusals: the proper path gets more of the draws.
    progress_again = progress

    def _proper_call(self, action):
        function = {"return": workflow.return_nomination}.get(action) or getattr(
            workflow, action)
        kwargs = {"reason": "Lý do"} if workflow.TRANSITIONS[action].needs_reason else {}
        if action == "submit":
            kwargs["justification"] = "Thành tích đặc biệt xuất sắc"
        return lambda n, user: function(n, actor=user, expected_version=n.version,
                                        now=self.now, **kwargs)

    @rule(index=st.integers(0, 3), actor=st.sampled_from(ACTORS), days=st.integers(1, 10))
    def publish(self, index, actor, days):
        notices = PublicNotice.objects.count()

        def call(nomination, user):
            try:
                comments.publish_notice([nomination], actor=user, title="Lấy ý kiến nhân dân",
                                        days=days, now=self.now)
            except (DomainError, PermissionDenied):
                assert PublicNotice.objects.count() == notices
                raise

        self._attempt("publish", index, actor, call)

    # -- public comments -------------------------------------------------------------

    @precondition(lambda self: PublicNotice.objects.exists())
    @rule(data=st.data())
    def comment(self, data):
        notice = data.draw(st.sampled_from(list(PublicNotice.objects.order_by("pk"))))
        nomination = data.draw(st.sampled_from(list(notice.nominations.order_by("pk"))))
        count = PublicComment.objects.count()
        self.addresses += 1
        try:
            comments.submit_comment(notice, nomination, name="Nguyễn Văn Dân",
                                    contact="0912345678", text="Ý kiến về ứng viên",
                                    address=f"198.51.100.{self.addresses}", now=self.now)
        except DomainError:
            assert PublicComment.objects.count() == count
            assert not comments.is_open(notice, timezone.localdate(self.now))
        else:
            assert comments.is_open(notice, timezone.localdate(self.now))

    @precondition(lambda self: PublicComment.objects.filter(answered_at__isnull=True).exists())
    @rule(data=st.data(), accept=st.booleans())
    def moderate(self, data, accept):
        comment = data.draw(st.sampled_from(list(
            PublicComment.objects.filter(answered_at__isnull=True).order_by("pk"))))
        comments.moderate(comment, actor=WORLD.actors["officer"], accept=accept)

    @precondition(lambda self: PublicComment.objects.filter(answered_at__isnull=True).exclude(
        state=CommentState.REJECTED).exists())
    @rule(data=st.data())
    def answer(self, data):
        comment = data.draw(st.sampled_from(list(
            PublicComment.objects.filter(answered_at__isnull=True)
            .exclude(state=CommentState.REJECTED).order_by("pk"))))
        comments.answer(comment, actor=WORLD.actors["officer"], text="Cảm ơn ý kiến.")

    # -- invariants ------------------------------------------------------------------

    def _rows(self):
        return Nomination.objects.filter(pk__in=WORLD.nomination_ids).select_related("honor")

    @invariant()
    def states_and_versions(self):
        for nomination in self._rows():
            assert nomination.state in S.values
            assert nomination.version == 1 + self.transitions[nomination.pk]
            assert nomination.steps.count() == nomination.version - 1

    @invariant()
    def one_open_step_in_the_current_state(self):
        for nomination in self._rows():
            open_steps = list(nomination.steps.filter(left_at__isnull=True))
            if not nomination.steps.exists():  # a draft never moved
                assert (nomination.state, open_steps) == (S.DRAFT, [])
                continue
            assert [s.state for s in open_steps] == [nomination.state]
            assert nomination.due_on == open_steps[0].due_on

    @invariant()
    def steps_are_chronological(self):
        for nomination in self._rows():
            journey = list(nomination.steps.order_by("id"))
            for earlier, later in zip(journey, journey[1:], strict=False):
                assert earlier.entered_at <= later.entered_at
                assert earlier.left_at == later.entered_at
                assert earlier.working_days is not None and earlier.working_days >= 0

    @invariant()
    def ready_only_after_the_public_comment(self):
        for nomination in self._rows().filter(state=S.READY):
            ready = nomination.steps.order_by("-id").first()
            ready_day = timezone.localdate(ready.entered_at)
            needs = int(public_comment_days(nomination.honor, ready_day).value or 0)
            published = nomination.steps.filter(state=S.PUBLIC_COMMENT).exists()
            if not needs and not published:
                continue
            notices = list(nomination.notices.all())
            assert notices, "ready without public comment"
            assert all(n.closes_on < ready_day for n in notices), "ready while a window is open"
            assert not nomination.comments.exclude(state=CommentState.REJECTED).filter(
                answered_at__isnull=True).exists(), "ready with a comment unsettled"

    @invariant()
    def final_states_never_change(self):
        for nomination in self._rows():
            if nomination.pk in self.finals:
                assert (nomination.state, nomination.version) == self.finals[nomination.pk]
            elif nomination.state in FINAL_STATES:
                self.finals[nomination.pk] = (nomination.state, nomination.version)


@pytest.mark.slow
def test_workflow_state_machine(province, personas):
    _build_world(province, personas)
    run_state_machine_as_test(WorkflowMachine, settings=MACHINE_SETTINGS)
