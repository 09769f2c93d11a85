"""Two years of honours and decided dossiers with known figures for the statistics dashboard,
in the conftest province (the Farmers' Union with its office, the Women's Union with its
office, under the province root).

Honours counted in 2025 within the Farmers' Union (9):
- grassroots titles: LĐTT to a woman direct worker of the office, LĐTT to a man of the
  Union, LĐTT without a decision date (achievement year 2025) to a woman of the Union,
  CSTĐ cơ sở to a woman of the office, Tập thể LĐTT to the office;
- a province title: CSTĐ tỉnh for 2024 decided on 10/01/2025 (so counted in 2025) to a
  woman of the Union;
- a grassroots award: Giấy khen to the Union (collective);
- province awards: Bằng khen tỉnh to a man direct worker of the Union, and to a household
  of the office.
Counted in 2024 within the Farmers' Union (2): LĐTT to a man direct worker of the Union,
Bằng khen tỉnh to a woman of the office.
Not counted: a revoked Bằng khen tỉnh (2025, Union). Women's Union: 3 in 2025 (two LĐTT to
a man and a woman, Bằng khen tỉnh to the Union), 1 in 2024 (LĐTT to a woman).
"""

import datetime as dt
from types import SimpleNamespace

from tests.factories import PersonFactory
from tests.nominations.support import at, clerk_for, submitted
from vinhdanh.honors.models import Honor, HonorRecord
from vinhdanh.nominations.services import workflow
from vinhdanh.organisations.enums import Gender
from vinhdanh.organisations.models import Household

YEAR = 2025
DAY = dt.date(YEAR, 11, 20)
LAST_YEAR_DAY = dt.date(YEAR - 1, 12, 5)
MAN, WOMAN = Gender.MALE, Gender.FEMALE


def record(honour: str, *, day=DAY, year=None, **candidate) -> HonorRecord:
    return HonorRecord.objects.create(honor=Honor.objects.get(code=honour),
                                      year=year or (day or DAY).year, decision_date=day,
                                      **candidate)


def person(unit, gender, direct=False):
    return PersonFactory(unit=unit, gender=gender, is_direct_worker=direct)


def _farmers(province) -> None:
    union, office = province.farmers, province.farmers_sub
    record("lao_dong_tien_tien", person=person(office, WOMAN, direct=True))
    record("lao_dong_tien_tien", person=person(union, MAN))
    record("lao_dong_tien_tien", day=None, year=YEAR, person=person(union, WOMAN))
    record("chien_si_thi_dua_co_so", person=person(office, WOMAN))
    record("tap_the_lao_dong_tien_tien", unit=office)
    record("chien_si_thi_dua_tinh", day=dt.date(YEAR, 1, 10), year=YEAR - 1,
           person=person(union, WOMAN))
    record("giay_khen", unit=union)
    record("bang_khen_tinh", person=person(union, MAN, direct=True))
    record("bang_khen_tinh", household=Household.objects.create(head_name="Lò Văn Hộ",
                                                                unit=office))
    record("lao_dong_tien_tien", day=LAST_YEAR_DAY, person=person(union, MAN, direct=True))
    record("bang_khen_tinh", day=LAST_YEAR_DAY, person=person(office, WOMAN))
    revoked = record("bang_khen_tinh", person=person(union, MAN))
    HonorRecord.objects.filter(pk=revoked.pk).update(revoked_on=DAY + dt.timedelta(days=3))


def _women(province) -> None:
    union, office = province.women, province.women_sub
    record("lao_dong_tien_tien", person=person(office, MAN))
    record("lao_dong_tien_tien", person=person(union, WOMAN))
    record("bang_khen_tinh", unit=union)
    record("lao_dong_tien_tien", day=LAST_YEAR_DAY, person=person(union, WOMAN))


def honours(province) -> None:
    _farmers(province)
    _women(province)


def decided(province, clerk, officer, days: list[dt.date], **dossier):
    """A dossier submitted on days[0], received, passed to the council, approved and
    decided on the following days."""
    nomination = submitted(province, clerk, now=at(days[0]), **dossier)
    steps = (lambda n, now: workflow.receive(n, actor=officer, now=now),
             lambda n, now: workflow.pass_to_council(n, actor=officer, now=now),
             lambda n, now: workflow.record_council_result(n, actor=officer, approved=True,
                                                           now=now),
             lambda n, now: workflow.record_decision(n, actor=officer, now=now,
                                                     reference="Quyết định số 1/QĐ-UBND"))
    for step, day in zip(steps, days[1:], strict=True):
        nomination = step(nomination, at(day))
    return nomination


# Monday 2 June 2025 on: received after 2 working days (limit 3), appraised in 10 (limit
# 25), approved by the council after 5 (limit 20), decided 5 later (no limit): 22 of 53.
ON_TIME = [dt.date(2025, 6, 2), dt.date(2025, 6, 4), dt.date(2025, 6, 18),
           dt.date(2025, 6, 25), dt.date(2025, 7, 2)]
# Received after 4 weeks, appraised over three months: far beyond the 53 days allowed.
LATE = [dt.date(2025, 6, 2), dt.date(2025, 6, 30), dt.date(2025, 9, 30),
        dt.date(2025, 10, 7), dt.date(2025, 10, 14)]
LAST_YEAR = [dt.date(2024, 6, 3), dt.date(2024, 6, 5), dt.date(2024, 6, 19),
             dt.date(2024, 6, 26), dt.date(2024, 7, 3)]


def journeys(province, personas) -> SimpleNamespace:
    """Two Farmers' dossiers decided in 2025 (one on time, one late), one in 2024, and a
    Women's Union dossier decided in 2025 on time."""
    clerk, officer = personas.unit_clerk, personas.board_officer
    women_clerk = clerk_for(province.women, "women-clerk")
    return SimpleNamespace(
        on_time=decided(province, clerk, officer, ON_TIME),
        late=decided(province, clerk, officer, LATE),
        last_year=decided(province, clerk, officer, LAST_YEAR, year=2024),
        women=decided(province, women_clerk, officer, ON_TIME),
        women_clerk=women_clerk)
