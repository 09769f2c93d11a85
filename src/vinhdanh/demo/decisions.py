"""The demo province's decisions (issue 6): the issuer (the provincial People's Committee)
and the decision of 25/11/2026 granting the two Farmers' Union honours the council approved
on 20/11/2026, signed by the chairman (the ``chutich`` log-in).

Issuing goes through the decisions services, so the honours enter the recipients' history
and the dossiers become "decided"; the Word and PDF files and the certificates are made
after the commit by the task worker that ``run.sh`` starts (signed when the demo signing
certificate is configured, as run.sh does).
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone, translation

from vinhdanh.core.models import ActivityLog
from vinhdanh.council.models import CouncilSession
from vinhdanh.decisions.enums import CounterKind
from vinhdanh.decisions.models import (
    Certificate,
    CertificateJob,
    Decision,
    Issuer,
    NumberCounter,
)
from vinhdanh.decisions.services import drafting, issuing, numbering
from vinhdanh.demo.province import PROVINCE_NAME
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.organisations.models import User

DECIDED_ON = dt.date(2026, 11, 25)
PLACE = PROVINCE_NAME.removeprefix("Tỉnh ")
IN_TEXT = f"tỉnh {PLACE}"  # "… Ủy ban nhân dân tỉnh Hòa Sơn"
COPIES = ("Như Điều 3;\nBan Thi đua - Khen thưởng Trung ương;\nTT Tỉnh ủy, TT HĐND tỉnh;\n"
          "CT, các PCT UBND tỉnh;\nLưu: VT, BTĐKT.")


def create_issuer() -> Issuer:
    return Issuer.objects.create(
        name=f"Ủy ban nhân dân {IN_TEXT}",
        heading=f"ỦY BAN NHÂN DÂN\n{PROVINCE_NAME.upper()}",
        authority=f"Chủ tịch Ủy ban nhân dân {IN_TEXT}",
        abbreviation="UBND", place=PLACE,
        default_legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm "
                            "2025;",
        default_copies_to=COPIES)


def create_decisions() -> Decision:
    board = User.objects.get(username="bantdkt")
    signer = User.objects.get(username="chutich")
    approved = list(Nomination.objects.filter(state=NominationState.APPROVED)
                    .order_by("honor__position", "id"))
    with translation.override("vi"):
        issuer = create_issuer()
        # The committee's register was at 2344 when Vinh Danh took over its numbering.
        numbering.continue_from(issuer, DECIDED_ON.year, CounterKind.DECISION,
                                next_number=2345, actor=board)
        decision = drafting.create_decision(
            issuer, actor=board, nominations=approved, decided_on=DECIDED_ON,
            signer=signer, signer_title="Chủ tịch", signer_name=signer.full_name,
            council_session=CouncilSession.objects.order_by("held_on").first(),
            proposal="Xét đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh tại Tờ trình số "
                     "215/TTr-BTĐKT ngày 21 tháng 11 năm 2026.",
            citation="Đã có thành tích xuất sắc trong phong trào thi đua “Nông dân thi đua "
                     "sản xuất kinh doanh giỏi” năm 2025")
        issuing.send_for_signature(decision, actor=board)
        signed_at = timezone.make_aware(dt.datetime.combine(DECIDED_ON, dt.time(15)))
        return issuing.issue(decision, actor=signer, decided_on=DECIDED_ON, now=signed_at)


def clear() -> None:
    """Deletes decisions, their certificates and jobs, the counters and the issuer (before
    the dossiers and the honour records they hold)."""
    Certificate.objects.all().delete()
    CertificateJob.objects.all().delete()
    Decision.objects.filter(kind="revocation").delete()  # their lines protect the revoked
    Decision.objects.all().delete()
    NumberCounter.objects.all().delete()
    Issuer.objects.all().delete()
    ActivityLog.objects.filter(Q(content_type__app_label="decisions")
                               | Q(action__startswith="decisions.")).delete()
