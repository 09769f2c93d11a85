"""A year of honours with known figures for the statutory forms, in the conftest province
(the Farmers' Union and the Women's Union under the province root), plus the records that
must not count: a revoked one, one of another year.

2025, within the Farmers' Union's subtree:
- State level: Bằng khen TTg to the Union (collective, proposed in a batch of the Union,
  thematic); Huân chương Lao động hạng Ba to a classified leader (department leader,
  ad hoc); CSTĐ toàn quốc to a direct worker of the sub-unit (annual title, entered).
- Province level: Bằng khen tỉnh to an enterprise under the Union (entered: type unknown),
  to a household of the sub-unit (entered), to an unclassified person (entered); Cờ thi đua
  tỉnh to the sub-unit (entered title: annual); CSTĐ tỉnh to a business person (entered).
2025, Women's Union: Bằng khen tỉnh to one of its people (outside the Farmers' subtree).
Not counted: a revoked Bằng khen tỉnh (Farmers, 2025), a Bằng khen tỉnh of 2024 (Farmers).
"""

import datetime as dt
from types import SimpleNamespace

from tests.factories import PersonFactory, UnitFactory
from vinhdanh.decisions.models import Decision, DecisionEntry, Issuer
from vinhdanh.honors.models import Honor, HonorRecord
from vinhdanh.nominations.enums import CommendationType
from vinhdanh.nominations.models import Nomination, NominationBatch
from vinhdanh.organisations.enums import CadreCategory, UnitKind, UnitLevel
from vinhdanh.organisations.models import Household

YEAR = 2025
DAY = dt.date(YEAR, 11, 20)


def record(honour: str, *, day=DAY, **candidate) -> HonorRecord:
    return HonorRecord.objects.create(honor=Honor.objects.get(code=honour), year=day.year,
                                      decision_date=day, **candidate)


def issued_record(honour: str, *, proposer, kind: str, **candidate) -> HonorRecord:
    """A record written by a decision from a dossier of ``proposer``'s batch of ``kind``."""
    honor = Honor.objects.get(code=honour)
    batch = NominationBatch.objects.create(year=YEAR, title="Tờ trình", proposing_unit=proposer,
                                           commendation_type=kind)
    nomination = Nomination.objects.create(batch=batch, honor=honor, **candidate)
    issuer = Issuer.objects.get_or_create(name="UBND tỉnh", defaults={
        "heading": "UBND", "authority": "Chủ tịch", "abbreviation": "UBND", "place": "X"})[0]
    decision = Decision.objects.create(issuer=issuer, decided_on=DAY, subject="Khen thưởng",
                                       legal_bases="Luật", signer_title="Chủ tịch",
                                       signer_name="A")
    honour_record = record(honour, **candidate)
    DecisionEntry.objects.create(decision=decision, nomination=nomination, honor=honor,
                                 year=YEAR, recipient_name="X", honor_record=honour_record,
                                 **candidate)
    return honour_record


def honours_year(province) -> SimpleNamespace:
    farmers, sub = province.farmers, province.farmers_sub
    enterprise = UnitFactory(code="HND-DN", name="Công ty Vật tư Nông nghiệp", parent=farmers,
                             kind=UnitKind.ENTERPRISE, level=UnitLevel.GRASSROOTS)
    leader = PersonFactory(unit=farmers, cadre_category=CadreCategory.DEPARTMENT_LEADER)
    business = PersonFactory(unit=enterprise, cadre_category=CadreCategory.BUSINESS_MANAGER)
    worker = PersonFactory(unit=sub, is_direct_worker=True)
    unclassified = PersonFactory(unit=sub)
    household = Household.objects.create(head_name="Lò Văn Hộ", unit=sub)
    issued_record("bang_khen_thu_tuong", proposer=farmers, kind=CommendationType.THEMATIC,
                  unit=farmers)
    issued_record("huan_chuong_lao_dong_hang_ba", proposer=farmers,
                  kind=CommendationType.AD_HOC, person=leader)
    record("chien_si_thi_dua_toan_quoc", person=worker)
    record("bang_khen_tinh", unit=enterprise)
    record("bang_khen_tinh", household=household)
    record("bang_khen_tinh", person=unclassified)
    record("co_thi_dua_tinh", unit=sub)
    record("chien_si_thi_dua_tinh", person=business)
    record("bang_khen_tinh", person=province.women_people[0])
    revoked = record("bang_khen_tinh", person=leader)
    HonorRecord.objects.filter(pk=revoked.pk).update(revoked_on=DAY + dt.timedelta(days=5))
    record("bang_khen_tinh", person=leader, day=dt.date(YEAR - 1, 6, 1))
    return SimpleNamespace(enterprise=enterprise, leader=leader, worker=worker)
