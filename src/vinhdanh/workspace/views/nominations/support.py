"""Pieces the nominations pages share: finding what the user may see, running a service and
turning its refusal into a message, and the rows the templates show."""

from functools import partial

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

from vinhdanh.honors.services.sweeps import OUTCOME_LABELS
from vinhdanh.nominations.enums import BATCH_DOCUMENTS
from vinhdanh.nominations.models import Nomination, NominationBatch, NominationDocument
from vinhdanh.nominations.services.requirements import required_documents, rule_day
from vinhdanh.workspace.access import require_perm, visible_or_404

require = partial(require_perm, app="nominations")

OUTCOME_ICONS = {"pass": "✓", "fail": "✗", "missing": "?"}
CANDIDATE_RELATED = ("honor", "person", "person__unit", "unit", "household",
                     "household__unit")


def visible_batch(request, pk, perm="view_nominationbatch"):
    """The batch if the user sees it (404 otherwise) and holds ``perm`` on it (403)."""
    related = ("proposing_unit", "group", "movement")
    batch = visible_or_404(NominationBatch.objects.select_related(*related), request.user, pk)
    require(request.user, perm, batch)
    return batch


def visible_nomination(request, pk, perm="view_nomination"):
    related = ("batch", "batch__proposing_unit", "batch__group", *CANDIDATE_RELATED)
    nomination = visible_or_404(Nomination.objects.select_related(*related), request.user, pk)
    require(request.user, perm, nomination)
    return nomination




def form_problems(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def verdict_rows(nomination) -> list[dict]:
    """The stored reasons with an icon and a readable outcome for the templates."""
    return [{**line, "icon": OUTCOME_ICONS.get(line.get("outcome"), "·"),
             "outcome_label": OUTCOME_LABELS.get(line.get("outcome"), line.get("outcome"))}
            for line in nomination.verdict_lines or ()]


def present_kinds(batch) -> dict:
    """{nomination id or None: kinds with a current file}, from one query."""
    present: dict = {}
    rows = NominationDocument.objects.filter(batch=batch, replaced_by__isnull=True)
    for kind, nomination_id in rows.values_list("kind", "nomination_id"):
        key = None if kind in BATCH_DOCUMENTS else nomination_id
        present.setdefault(key, set()).add(kind)
    return present


def missing_of(nomination, present: dict, known: dict | None = None) -> list:
    """``requirements.missing_documents`` without a query per nomination: ``present`` from
    ``present_kinds``, ``known`` keeps the requirements already read for an honour."""
    known = {} if known is None else known
    key = (nomination.honor_id, nomination.batch.procedure, rule_day(nomination))
    if key not in known:
        known[key] = required_documents(nomination)
    have = present.get(None, set()) | present.get(nomination.pk, set())
    return [r for r in known[key] if r.kind not in have]


ACTION_LABELS = {
    "submit": _("Submit"), "receive": _("Receive"),
    "start_group_review": _("Start the group review"),
    "forward": _("Forward to the commendation board"),
    "publish": _("Publish for public comment"),
    "pass_to_council": _("Pass to the council"),
    "return": _("Return to the unit"), "reject": _("Reject the dossier"),
    "withdraw": _("Withdraw the dossier"),
}
