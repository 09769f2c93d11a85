"""Shared pieces of the decisions tests: an issuer, approved dossiers, a draft decision and
an issued one.

``approved(province, personas)`` is a Farmers' Union dossier for Bằng khen tỉnh that the
council approved (its result recorded as the ballot's closing would); ``draft(...)`` a
decision drafted from such dossiers; ``issued(...)`` the same decision signed and issued by
the signer persona on ``DECIDED_ON``.
"""

import datetime as dt

from tests.council.support import ready
from vinhdanh.decisions.models import Issuer
from vinhdanh.decisions.services import drafting, issuing
from vinhdanh.nominations.services import workflow

DECIDED_ON = dt.date(2026, 12, 15)


def issuer(**fields) -> Issuer:
    values = {
        "name": "Ủy ban nhân dân tỉnh Hòa Bình Xanh",
        "heading": "ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH XANH",
        "authority": "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình Xanh",
        "abbreviation": "UBND", "place": "Hòa Bình Xanh",
        "default_legal_bases": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 "
                               "năm 2025;",
        "default_copies_to": "Như Điều 3;\nLưu: VT, BTĐKT.",
    } | fields
    return Issuer.objects.get_or_create(name=values.pop("name"), defaults=values)[0]


def approved(province, personas, honor_code="bang_khen_tinh", **kwargs):
    nomination = ready(province, personas, honor_code=honor_code, **kwargs)
    return workflow.record_council_result(nomination, actor=personas.board_officer,
                                          approved=True)


def draft(province, personas, *, count=1, nominations=None, **fields):
    nominations = nominations or [approved(province, personas) for _ in range(count)]
    values = {"signer": personas.signer, "signer_authority": "KT. CHỦ TỊCH",
              "signer_title": "Phó Chủ tịch", "signer_name": "Trần Văn Ký"} | fields
    return drafting.create_decision(issuer(), actor=personas.board_officer,
                                    nominations=nominations, decided_on=DECIDED_ON, **values)


def issued(province, personas, **kwargs):
    decision = draft(province, personas, **kwargs)
    issuing.send_for_signature(decision, actor=personas.board_officer)
    return issuing.issue(decision, actor=personas.signer, decided_on=DECIDED_ON)
