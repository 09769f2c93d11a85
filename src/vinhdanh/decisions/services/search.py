"""The folded ``search_text`` of an issued decision: what the public decision search
matches ("nguyen van an", "2345/qd-ubnd", "bang khen" all find it).

It is written once, inside the issuing transaction, when the number and the annex are final;
a decision is not searched before it is issued, and not changed after.
"""

from vinhdanh.core.text import fold
from vinhdanh.decisions.models import Decision


def search_text_of(*, subject: str, reference: str, authority: str,
                   lines: list[tuple[str, str]]) -> str:
    """The folded text of a decision from its parts; ``lines`` are (recipient, honour)."""
    honours = dict.fromkeys(honour for _name, honour in lines)  # once each, in order
    names = [name for name, _honour in lines]
    return fold(" ".join([reference, subject, authority, *honours, *names]))


def refresh_search_text(decision: Decision) -> Decision:
    """Recomputes and saves ``decision.search_text`` from its number, issuer and annex."""
    lines = list(decision.entries.order_by("position", "id")
                 .values_list("recipient_name", "honor__name"))
    decision.search_text = search_text_of(
        subject=decision.subject, reference=decision.reference,
        authority=decision.issuer.authority, lines=lines)
    Decision.objects.filter(pk=decision.pk).update(search_text=decision.search_text)
    return decision
