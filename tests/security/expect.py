"""The role matrix's vocabulary: rows, samples and expected outcomes (the rows are in
matrix.py).

Each row names a URL (``namespace:name``), the HTTP methods tried, the sample object its
kwargs come from, and per method the roles that may use it. The expected outcome of a role
is derived the way the code is meant to decide it (docs/architecture.md, "Visibility and
permissions"; each app's ``rules.py`` and ``queries.visible_to``):

- anonymous: ``login`` (the log-in page for staff pages, 401/403 for the API);
- a role that does not see the sample object: ``hidden`` (404);
- a role that sees it but is not among the row's roles: ``denied`` (403);
- otherwise ``allowed``: a read answers 2xx/3xx, a write anything but 403/404 (an empty form
  may well be invalid).

Rows take the sample of side A and, where it differs, of side B (tests/security/world.py);
``audience`` says who sees each. A row's ``refused`` replaces ``denied`` when a page hides
what a role may not use (404) instead of refusing it, or the other way round.
"""

from dataclasses import dataclass, field

ANON, AD, BO, GL, UC, CM, SG, VW = ("anonymous", "admin", "board_officer", "group_leader",
                                    "unit_clerk", "council_member", "signer", "viewer")
STAFF = frozenset({AD, BO, GL, UC, CM, SG, VW})
PROVINCE = frozenset({AD, BO, CM, SG})  # grants over the province root: see every unit
BOARD = frozenset({AD, BO})  # editors over the whole province (nominations.rules.is_board)
PEOPLE_EDITORS = BOARD | {UC}
GROUP_EDITORS = BOARD | {GL}
UNIT_SCOPED = STAFF - {GL}  # a unit-scoped grant of any role (reports.rules)
NOBODY = frozenset()

ALLOWED, DENIED, HIDDEN, LOGIN = "allowed", "denied", "hidden", "login"

# Who sees the sample object of each kind, on side A and side B (queries.visible_to).
AUDIENCE = {
    # Units and groups: the subtree's roles, and a group's roles for its member units.
    "unit": (STAFF, PROVINCE),
    "group": (STAFF, PROVINCE),
    "pledge": (STAFF, PROVINCE),
    "scoring": (STAFF, PROVINCE),  # a group's table, rounds, passes and proposals
    "movement": (STAFF, PROVINCE),  # participants' members see it too
    "story": (STAFF, PROVINCE),  # stories of the units one sees
    # People and what hangs on them: the subtree's roles only (a group sees no people).
    "person": (UNIT_SCOPED, PROVINCE),
    "household": (UNIT_SCOPED, PROVINCE),
    "history": (UNIT_SCOPED, PROVINCE),
    "directive": (UNIT_SCOPED, PROVINCE),
    "report": (UNIT_SCOPED, PROVINCE),
    "registration": (UNIT_SCOPED, PROVINCE),
    "batch": (UNIT_SCOPED, PROVINCE),
    "nomination": (UNIT_SCOPED, PROVINCE),
    # Self-scores while the self pass is open: the scoring unit's clerks and the group's
    # editors (scoring.queries.scores_visible_to).
    "score": (BOARD | {GL, UC}, BOARD),
    # Import jobs: one's own; administrators and board officers see all of them.
    "import": (BOARD | {UC}, BOARD),
    # Council sessions and items: the board and the members attending.
    "council": (BOARD | {CM}, BOARD | {CM}),
    # Decisions: the board and signers see drafts; every role sees issued ones.
    "decision": (STAFF, BOARD | {SG}),  # A: issued, B: a draft
    "issued": (STAFF, STAFF),
    "draft": (BOARD | {SG}, BOARD | {SG}),
    # Public comments: moderated by the board, read by nobody else.
    "comment": (BOARD, BOARD),
    "notice": (UNIT_SCOPED, PROVINCE),  # notices of the dossiers one sees
    "law": (STAFF, STAFF),
    # The URL asks a role-wide rule before it looks the object up: 403 whoever sees it.
    "any": (STAFF, STAFF),
    "issuer": (STAFF, STAFF),
}


@dataclass(frozen=True)
class Row:
    name: str
    get: frozenset | None = None  # roles that may GET; None: GET is not tried
    post: frozenset | None = None
    sample: str | None = None  # a key of SAMPLES; None: the URL takes no object
    audience: str | None = None  # a key of AUDIENCE; defaults to the sample's
    refused: str = DENIED
    anonymous: str = LOGIN  # the log-in page itself is for anonymous visitors
    absent: tuple = ()  # methods whose target the sample lacks (a file): 404 where allowed
    invalid_ok: bool = False  # a read the object's state refuses (400) counts as allowed
    unrouted: tuple = ()  # routed API methods that answer 405 (not tried)
    extra: dict = field(default_factory=dict)  # per-method overrides: {"put": roles}

    def methods(self) -> dict[str, frozenset]:
        found = {"get": self.get, "post": self.post} | self.extra
        return {method: roles for method, roles in found.items() if roles is not None}

    def sides(self) -> tuple[str, ...]:
        return ("a", "b") if self.sample else ("a",)

    def expected(self, role: str, method: str, side: str) -> str:
        if role == ANON:
            return self.anonymous
        if self.sample:
            seen_by = AUDIENCE[self.audience or SAMPLE_AUDIENCE[self.sample]][side == "b"]
            if role not in seen_by:
                return HIDDEN
        if role not in self.methods()[method]:
            return self.refused
        return HIDDEN if method in self.absent else ALLOWED


def r(name, get=None, post=None, sample=None, **options) -> Row:
    return Row(name, get=get and frozenset(get), post=post and frozenset(post), sample=sample,
               **options)


# sample -> (audience, kwargs of side A, kwargs of side B): ``w`` is the world.
SAMPLES = {
    "unit": ("unit", lambda w, s: {"pk": s.unit.pk}),
    "person": ("person", lambda w, s: {"pk": s.person.pk}),
    "group": ("group", lambda w, s: {"pk": s.group.pk}),
    "household": ("household", lambda w, s: {"pk": s.household.pk}),
    "person_history": ("person", lambda w, s: {"kind": "person", "pk": s.person.pk}),
    "restriction": ("history", lambda w, s: {"pk": s.restriction.pk}),
    "import_job": ("import", lambda w, s: {"pk": s.import_job.pk}),
    "history_job": ("import", lambda w, s: {"pk": s.history_job.pk}),
    "movement": ("movement", lambda w, s: {"pk": s.movement.pk}),
    "report": ("report", lambda w, s: {"pk": s.report.pk}),
    "evidence": ("report", lambda w, s: {"pk": s.evidence.pk}),
    "directive": ("directive", lambda w, s: {"pk": s.directive.pk}),
    "registration": ("registration", lambda w, s: {"pk": s.registration.pk}),
    "template": ("scoring", lambda w, s: {"pk": s.template.pk}),
    "criterion": ("scoring", lambda w, s: {"pk": s.criterion.pk}),
    "round": ("scoring", lambda w, s: {"pk": s.round.pk}),
    "published_round": ("scoring", lambda w, s: {"pk": s.published_round.pk}),
    "pass": ("scoring", lambda w, s: {"pk": s.scoring_pass.pk}),
    "sheet": ("score", lambda w, s: {"pk": s.round.pk, "scorer": s.unit.pk,
                                     "subject": s.unit.pk}),
    "scorer": ("score", lambda w, s: {"pk": s.round.pk, "scorer": s.unit.pk}),
    "score": ("score", lambda w, s: {"pk": s.score.pk}),
    "proposal": ("scoring", lambda w, s: {"pk": s.proposal.pk}),
    "review": ("group", lambda w, s: {"group": s.group.pk}),
    "batch": ("batch", lambda w, s: {"pk": s.batch.pk}),
    "nomination": ("nomination", lambda w, s: {"pk": s.nomination.pk}),
    "document": ("batch", lambda w, s: {"pk": s.document.pk}),
    "notice": ("notice", lambda w, s: {"pk": s.notice.pk}),
    "comment": ("comment", lambda w, s: {"pk": s.comment.pk}),
    "member": ("council", lambda w, s: {"pk": w.council.members[0 if s is w.a else 1].pk}),
    "session": ("council", lambda w, s: {"pk": w.council.session.pk}),
    "item": ("council", lambda w, s: {"pk": w.council.items[0 if s is w.a else 1].pk}),
    "decision": ("decision", lambda w, s: {"pk": _decision(w, s).pk}),
    "entry": ("decision", lambda w, s: {"pk": (w.decisions.issued_entry if s is w.a
                                               else w.decisions.draft_entry).pk}),
    "certificate": ("issued", lambda w, s: {"pk": w.decisions.certificate.pk}),
    "job": ("issued", lambda w, s: {"pk": w.decisions.job.pk}),
    "issuer": ("issuer", lambda w, s: {"pk": w.decisions.issuer.pk}),
    "story": ("story", lambda w, s: {"pk": s.story.pk}),
    "photo": ("story", lambda w, s: {"public_id": s.photo.public_id}),
    "pack": ("law", lambda w, s: {"code": w.pack_code}),
    "setting": ("law", lambda w, s: {"code": w.pack_code, "key": w.setting_key}),
    "salary": ("law", lambda w, s: {"pk": w.salary.pk}),
}
SAMPLE_AUDIENCE = {name: audience for name, (audience, _) in SAMPLES.items()}


def _decision(w, s):
    return w.decisions.issued if s is w.a else w.decisions.drafted


def kwargs_for(row: Row, world, side: str) -> dict:
    if not row.sample:
        return {}
    return SAMPLES[row.sample][1](world, world.a if side == "a" else world.b)

