"""The history services: each write validates, saves and logs on the candidate."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from vinhdanh.core.audit import history_of
from vinhdanh.honors import history_rules  # noqa: F401  (registers the history permissions)
from vinhdanh.honors.enums import (
    DisciplineLevel,
    InitiativeKind,
    InitiativeLevel,
    RecordSource,
    RestrictionKind,
    TaskRating,
)
from vinhdanh.honors.models import HonorRecord, TaskRatingRecord
from vinhdanh.honors.services.history import (
    add_honor_record,
    add_initiative,
    add_restriction,
    candidate_fields,
    end_restriction,
    set_task_rating,
    update_honor_record,
)
from vinhdanh.organisations.services.households import create_household


@pytest.fixture
def person(province):
    return province.farmer_people[0]


@pytest.fixture
def household(province):
    return create_household(actor=None, head_name="Lò Văn Páo", address="Bản Khê",
                            unit=province.farmers_sub)


def _actions(candidate) -> list[str]:
    return list(history_of(candidate).order_by("pk").values_list("action", flat=True))


def test_candidate_fields_maps_each_kind_to_its_field(province, household):
    person, unit = province.farmer_people[0], province.farmers

    assert candidate_fields(person) == {"person": person}
    assert candidate_fields(unit) == {"unit": unit}
    assert candidate_fields(household) == {"household": household}


def test_add_honor_record_saves_and_logs_on_the_candidate(person, personas):
    record = add_honor_record(person, actor=personas.unit_clerk, honor_code="bang_khen_tinh",
                              year=2023, decision_number="1234/QĐ-UBND",
                              decision_date=dt.date(2024, 2, 5), issuer="UBND tỉnh")

    entry = history_of(person).get()
    assert (record.person, record.honor.code, record.source) == (
        person, "bang_khen_tinh", RecordSource.ENTERED)
    assert (entry.action, entry.actor, entry.data["record"]) == (
        "honors.honor_record_added", personas.unit_clerk, record.pk)
    assert "1234/QĐ-UBND 05/02/2024" in entry.message


def test_add_honor_record_refuses_the_same_honour_twice_in_a_year(person):
    add_honor_record(person, actor=None, honor_code="lao_dong_tien_tien", year=2023)

    with pytest.raises(ValidationError) as error:
        add_honor_record(person, actor=None, honor_code="lao_dong_tien_tien", year=2023)

    assert "year" in error.value.message_dict
    assert HonorRecord.objects.count() == 1


def test_add_honor_record_same_honour_other_year_or_candidate_is_fine(province, person):
    add_honor_record(person, actor=None, honor_code="lao_dong_tien_tien", year=2023)
    add_honor_record(person, actor=None, honor_code="lao_dong_tien_tien", year=2024)
    add_honor_record(province.women_people[0], actor=None, honor_code="lao_dong_tien_tien",
                     year=2023)

    assert HonorRecord.objects.count() == 3


def test_add_honor_record_refuses_an_honour_not_for_that_subject(province):
    with pytest.raises(ValidationError) as error:
        add_honor_record(province.farmers, actor=None, honor_code="lao_dong_tien_tien",
                         year=2023)

    assert "honor" in error.value.message_dict
    assert HonorRecord.objects.count() == 0


@pytest.mark.parametrize("year,first_year", [(1944, None), (dt.date.today().year + 2, None),
                                             (2020, 2021)])
def test_add_honor_record_refuses_bad_years(person, year, first_year):
    with pytest.raises(ValidationError):
        add_honor_record(person, actor=None, honor_code="giay_khen", year=year,
                         first_year=first_year)

    assert HonorRecord.objects.count() == 0


def test_add_honor_record_refuses_an_unknown_honour(person):
    with pytest.raises(ValidationError):
        add_honor_record(person, actor=None, honor_code="khong_co", year=2023)


def test_add_honor_record_for_a_household(household):
    record = add_honor_record(household, actor=None, honor_code="gia_dinh_van_hoa", year=2024)

    assert record.candidate == household
    assert _actions(household) == ["household.created", "honors.honor_record_added"]


def test_update_honor_record_changes_and_logs_the_fields(person):
    record = add_honor_record(person, actor=None, honor_code="giay_khen", year=2023)

    update_honor_record(record, actor=None, honor_code="bang_khen_tinh",
                        decision_number="12/QĐ-UBND", source=RecordSource.ISSUED)

    record.refresh_from_db()
    entry = history_of(person).order_by("-pk").first()
    assert (record.honor.code, record.decision_number, record.source) == (
        "bang_khen_tinh", "12/QĐ-UBND", RecordSource.ENTERED)
    assert entry.data["fields"] == ["decision_number", "honor"]


def test_update_honor_record_refuses_to_make_a_duplicate(person):
    add_honor_record(person, actor=None, honor_code="giay_khen", year=2023)
    record = add_honor_record(person, actor=None, honor_code="giay_khen", year=2022)

    with pytest.raises(ValidationError):
        update_honor_record(record, actor=None, year=2023)

    record.refresh_from_db()
    assert record.year == 2022


def test_set_task_rating_upserts_and_logs_old_and_new(person):
    first = set_task_rating(person, actor=None, year=2023, rating=TaskRating.GOOD)
    second = set_task_rating(person, actor=None, year=2023, rating=TaskRating.EXCELLENT)

    logs = history_of(person).order_by("pk")
    assert first.pk == second.pk
    assert TaskRatingRecord.objects.get().rating == TaskRating.EXCELLENT
    assert [(e.data["old"], e.data["new"]) for e in logs] == [
        ("", TaskRating.GOOD), (TaskRating.GOOD, TaskRating.EXCELLENT)]


def test_set_task_rating_same_rating_again_logs_nothing(person):
    set_task_rating(person, actor=None, year=2023, rating=TaskRating.GOOD)
    set_task_rating(person, actor=None, year=2023, rating=TaskRating.GOOD)

    assert history_of(person).count() == 1


def test_set_task_rating_refuses_a_bad_rating_and_households(person, household):
    with pytest.raises(ValidationError):
        set_task_rating(person, actor=None, year=2023, rating="brilliant")
    with pytest.raises(ValidationError):
        set_task_rating(household, actor=None, year=2023, rating=TaskRating.GOOD)

    assert TaskRatingRecord.objects.count() == 0


def test_add_initiative_saves_and_logs(province):
    initiative = add_initiative(province.farmers, actor=None, title="Mô hình tổ hợp tác",
                                kind=InitiativeKind.INITIATIVE, level=InitiativeLevel.PROVINCE,
                                year=2024, recognised_by="Hội đồng sáng kiến tỉnh")

    assert initiative.unit == province.farmers
    assert _actions(province.farmers)[-1] == "honors.initiative_added"


def test_add_restriction_and_end_it(person):
    period = add_restriction(person, actor=None, kind=RestrictionKind.DISCIPLINE,
                             level=DisciplineLevel.REPRIMAND, starts_on=dt.date(2024, 3, 1))

    end_restriction(period, actor=None, ends_on=dt.date(2025, 3, 1))

    period.refresh_from_db()
    assert period.ends_on == dt.date(2025, 3, 1)
    assert _actions(person) == ["honors.restriction_added", "honors.restriction_ended"]
    assert history_of(person).order_by("pk").last().data == {
        "period": period.pk, "old": None, "new": "2025-03-01"}


def test_add_restriction_refuses_a_level_without_discipline_and_a_reversed_period(person):
    with pytest.raises(ValidationError):
        add_restriction(person, actor=None, kind=RestrictionKind.INVESTIGATION,
                        level=DisciplineLevel.WARNING, starts_on=dt.date(2024, 3, 1))
    with pytest.raises(ValidationError):
        add_restriction(person, actor=None, kind=RestrictionKind.INSPECTION,
                        starts_on=dt.date(2024, 3, 1), ends_on=dt.date(2024, 2, 1))


def test_end_restriction_before_its_start_is_refused(person):
    period = add_restriction(person, actor=None, kind=RestrictionKind.COMPLAINT,
                             starts_on=dt.date(2024, 3, 1))

    with pytest.raises(ValidationError):
        end_restriction(period, actor=None, ends_on=dt.date(2024, 1, 1))

    period.refresh_from_db()
    assert period.ends_on is None


def test_history_perms_clerk_writes_own_people_only(province, personas, household):
    clerk, officer, viewer = personas.unit_clerk, personas.board_officer, personas.viewer
    farmer, woman = province.farmer_people[1], province.women_people[0]

    assert clerk.has_perm("honors.change_history", farmer)
    assert clerk.has_perm("honors.change_history", household)
    assert not clerk.has_perm("honors.change_history", woman)
    assert not clerk.has_perm("honors.view_history", woman)
    assert not clerk.has_perm("honors.change_history", province.farmers)
    assert officer.has_perm("honors.change_history", province.farmers)
    assert viewer.has_perm("honors.view_history", woman)
    assert not viewer.has_perm("honors.change_history", woman)


def test_history_perms_group_leader_sees_member_units_not_their_people(province, personas):
    leader = personas.group_leader

    assert leader.has_perm("honors.view_history", province.farmers)
    assert not leader.has_perm("honors.view_history", province.farmer_people[0])
    assert not leader.has_perm("honors.change_history", province.farmers)
