"""Preparing a submission batch (tờ trình): its header, its candidates, and candidates taken
from a group's published proposals."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.changes import apply_changes
from vinhdanh.core.errors import DomainError
from vinhdanh.honors.enums import SubjectKind
from vinhdanh.nominations.enums import EDITABLE_STATES, FINAL_STATES, Procedure
from vinhdanh.nominations.models import Nomination, NominationBatch
from vinhdanh.nominations.services.requirements import simplified_allowed

BATCH_FIELDS = {"title", "year", "group", "movement", "commendation_type", "procedure",
                "letter_number", "letter_date", "signer_name", "signer_title", "notes"}
SUBJECTS = {"person": SubjectKind.INDIVIDUAL, "unit": SubjectKind.COLLECTIVE,
            "household": SubjectKind.HOUSEHOLD}


def check_procedure(batch: NominationBatch, honors, day=None) -> None:
    """Refuses the simplified procedure where the pack in force on ``day`` does not allow it."""
    if batch.procedure != Procedure.SIMPLIFIED:
        return
    refused = [h for h in honors
               if not simplified_allowed(h, batch.commendation_type, day).value]
    if refused:
        raise DomainError({"procedure": [
            _("The simplified procedure is not allowed for %(honours)s in a “%(type)s” batch.")
            % {"honours": ", ".join(str(h) for h in refused),
               "type": batch.get_commendation_type_display()}]})


@transaction.atomic
def create_batch(*, actor, proposing_unit, year: int, title: str, **fields) -> NominationBatch:
    batch = NominationBatch(proposing_unit=proposing_unit, year=year, title=title,
                            created_by=actor if actor and actor.is_authenticated else None,
                            **{k: v for k, v in fields.items() if k in BATCH_FIELDS})
    batch.full_clean()
    batch.save()
    log_action(batch, actor=actor, action="batch.created",
               message=_("%(unit)s started the submission “%(title)s”")
               % {"unit": proposing_unit, "title": batch.title})
    return batch


def editable(batch: NominationBatch) -> bool:
    """A batch's header changes only while none of its dossiers has left the unit."""
    return not batch.nominations.exclude(state__in=EDITABLE_STATES | FINAL_STATES).exists()


@transaction.atomic
def update_batch(batch: NominationBatch, changes: dict, *, actor) -> NominationBatch:
    if not editable(batch):
        raise DomainError(_("This batch is with the board; its header can no longer change."))
    before = {name: getattr(batch, name) for name in BATCH_FIELDS}
    changed = apply_changes(batch, changes, allowed=BATCH_FIELDS)
    check_procedure(batch, [n.honor for n in batch.nominations.select_related("honor")])
    if changed:
        log_action(batch, actor=actor, action="batch.changed",
                   message=_("Changed the submission: %(fields)s")
                   % {"fields": ", ".join(str(batch._meta.get_field(f).verbose_name)
                                          for f in changed)},
                   fields={f: [str(before[f]), str(getattr(batch, f))] for f in changed})
    return batch


def _field_of(candidate) -> str:
    return candidate._meta.model_name


def _check_candidate(batch: NominationBatch, candidate, honor) -> None:
    if not honor.accepts(SUBJECTS[_field_of(candidate)]):
        raise DomainError({"honor": [_("%(honor)s is not given to this kind of candidate.")
                                     % {"honor": honor}]})
    unit = candidate if _field_of(candidate) == "unit" else candidate.unit
    if not unit.path.startswith(batch.proposing_unit.path) and not (
            batch.group_id and batch.group.memberships.filter(unit=unit).exists()):
        raise DomainError(_("%(candidate)s is not in %(unit)s.")
                          % {"candidate": candidate, "unit": batch.proposing_unit})
    others = Nomination.objects.of_candidate(candidate).open().filter(
        honor=honor, batch__year=batch.year)
    if others.exists():
        raise DomainError(_("%(candidate)s already has an open dossier for %(honor)s in "
                            "%(year)s.") % {"candidate": candidate, "honor": honor,
                                            "year": batch.year})
    check_procedure(batch, [honor])


@transaction.atomic
def add_candidate(batch: NominationBatch, candidate, honor, *, actor, summary: str = "",
                  proposal=None) -> Nomination:
    """Adds a draft nomination of ``candidate`` (person, unit or household) for ``honor``."""
    if not editable(batch):
        raise DomainError(_("This batch is with the board; add the candidate to a new batch."))
    _check_candidate(batch, candidate, honor)
    nomination = Nomination(batch=batch, honor=honor, summary=summary, proposal=proposal,
                            created_by=actor if actor and actor.is_authenticated else None,
                            **{_field_of(candidate): candidate})
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        raise DomainError(_("%(candidate)s is already in this batch for %(honor)s.")
                          % {"candidate": candidate, "honor": honor}) from None
    log_action(nomination, actor=actor, action="nomination.created",
               message=_("Added %(candidate)s for %(honor)s") % {"candidate": candidate,
                                                                   "honor": honor})
    return nomination


@transaction.atomic
def add_candidates(batch: NominationBatch, candidates, honor, *, actor) -> list[Nomination]:
    """Adds several candidates for one honour; all or none."""
    if not candidates:
        raise DomainError({"candidates": [_("Choose at least one candidate.")]})
    return [add_candidate(batch, c, honor, actor=actor) for c in candidates]


@transaction.atomic
def add_from_proposals(batch: NominationBatch, proposals, *, actor) -> list[Nomination]:
    """Turns a group's published proposals (scoring.Proposal) into draft nominations of
    ``batch`` in one action and marks the proposals nominated."""
    from vinhdanh.scoring.enums import ProposalState

    added = []
    for proposal in proposals:
        if proposal.state != ProposalState.PROPOSED:
            raise DomainError(_("The proposal of %(unit)s for %(honor)s is %(state)s.")
                              % {"unit": proposal.unit, "honor": proposal.honor,
                                 "state": proposal.get_state_display().lower()})
        added.append(add_candidate(batch, proposal.unit, proposal.honor, actor=actor,
                                   proposal=proposal))
        proposal.state = ProposalState.NOMINATED
        proposal.save(update_fields=["state"])
    if not added:
        raise DomainError(_("Choose at least one proposal."))
    return added


@transaction.atomic
def update_nomination(nomination: Nomination, changes: dict, *, actor) -> Nomination:
    """Changes the summary or the justification while the dossier is with its unit."""
    if nomination.state not in EDITABLE_STATES:
        raise DomainError(_("This dossier is with the board and cannot change."))
    before = {name: getattr(nomination, name) for name in ("summary", "justification")}
    changed = apply_changes(nomination, changes, allowed={"summary", "justification"})
    if changed:
        log_action(nomination, actor=actor, action="nomination.changed",
                   message=_("Changed the dossier: %(fields)s")
                   % {"fields": ", ".join(str(nomination._meta.get_field(f).verbose_name)
                                          for f in changed)},
                   fields={f: [before[f], getattr(nomination, f)] for f in changed})
    return nomination
