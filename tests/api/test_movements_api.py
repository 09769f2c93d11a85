import datetime as dt

import pytest
from django.utils import timezone
from django.utils.translation import gettext

from tests.api.conftest import count_queries, ids
from tests.movements.support import honor, movement_for, open_period
from vinhdanh.movements.enums import DirectiveKind, MovementKind, ReportPeriod
from vinhdanh.movements.models import Movement, ProgressReport, Registration
from vinhdanh.movements.services.directives import create_directive
from vinhdanh.movements.services.pledges import save_pledge
from vinhdanh.movements.services.registrations import register
from vinhdanh.movements.services.reports import submit_report

THIS_YEAR = timezone.localdate().year


@pytest.fixture
def period(db):
    return open_period(year=THIS_YEAR, opens_on=dt.date(2000, 1, 1),
                       deadline=dt.date(2099, 12, 31))


def _report(movement, unit, period=ReportPeriod.YEAR_END):
    return submit_report(movement, actor=None, unit=unit, year=2024, period=period,
                         summary="Kết quả", figures={movement.targets.first(): 4})


def _movement_input(province, **changes):
    return {"kind": MovementKind.THEMATIC, "name": "Giải phóng mặt bằng",
            "launched_by": province.root.pk, "starts_on": "2025-01-01",
            "participants": [province.farmers.pk, province.women.pk],
            "targets": [{"name": "Diện tích bàn giao", "measure": "ha", "target_value": "120"}],
            **changes}


def test_movement_list_is_visible_only_and_has_no_n_plus_one(province, personas, api_for):
    api = api_for(personas.unit_clerk)
    mine = movement_for(province)
    movement_for(province, participants=[province.women])
    one, body = count_queries(api, "/api/v1/movements/")
    movement_for(province, participants=[province.farmers, province.women])
    movement_for(province)

    assert [row["id"] for row in body["results"]] == [mine.pk]
    assert count_queries(api, "/api/v1/movements/")[0] == one


def test_movement_list_searches_without_diacritics(province, personas, api_for):
    wanted = movement_for(province, name="Vì người nghèo")
    movement_for(province, name="Phát huy sáng kiến")

    response = api_for(personas.admin).get("/api/v1/movements/", {"q": "nguoi ngheo"})

    assert ids(response) == {wanted.pk}


def test_board_officer_launches_a_movement(province, personas, api_for):
    response = api_for(personas.board_officer).post(
        "/api/v1/movements/", _movement_input(province), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["targets"][0]["name"] == "Diện tích bàn giao"
    assert Movement.objects.get().participants.count() == 2


def test_clerk_may_not_launch_a_movement(province, personas, api_for):
    response = api_for(personas.unit_clerk).post(
        "/api/v1/movements/", _movement_input(province, launched_by=province.farmers.pk),
        format="json")

    assert response.status_code == 403


def test_launch_refusal_is_a_400_with_the_message(province, personas, api_for):
    response = api_for(personas.board_officer).post(
        "/api/v1/movements/", _movement_input(province, ends_on="2024-01-01"), format="json")

    assert response.status_code == 400
    assert response.json()["ends_on"] == [
        gettext("The end date must not be before the start date.")]


def test_patch_replaces_participants_and_targets(province, personas, api_for):
    movement = movement_for(province)

    response = api_for(personas.admin).patch(
        f"/api/v1/movements/{movement.pk}/",
        {"participants": [province.women.pk], "targets": [{"name": "Mới"}]}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["participants"] == [province.women.pk]
    assert [t["name"] for t in response.json()["targets"]] == ["Mới"]


def test_clerk_may_not_patch(province, personas, api_for):
    movement = movement_for(province)

    response = api_for(personas.unit_clerk).patch(f"/api/v1/movements/{movement.pk}/",
                                                  {"name": "X"}, format="json")

    assert response.status_code == 403


def test_clerk_reports_for_its_unit(province, personas, api_for):
    movement = movement_for(province)
    target = movement.targets.first()
    data = {"movement": movement.pk, "unit": province.farmers.pk, "year": 2024,
            "period": ReportPeriod.MID_YEAR, "summary": "Đã xây 2 căn",
            "figures": [{"target": target.pk, "value": "2"}]}

    response = api_for(personas.unit_clerk).post("/api/v1/movement-reports/", data,
                                                 format="json")

    assert response.status_code == 201, response.content
    assert response.json()["figures"] == [{"target": target.pk, "value": "2.00"}]


def test_clerk_may_not_report_for_another_unit(province, personas, api_for):
    movement = movement_for(province, participants=[province.farmers, province.women])
    data = {"movement": movement.pk, "unit": province.women.pk, "year": 2024,
            "period": ReportPeriod.MID_YEAR, "summary": "X"}

    response = api_for(personas.unit_clerk).post("/api/v1/movement-reports/", data,
                                                 format="json")

    assert response.status_code == 403
    assert not ProgressReport.objects.exists()


def test_report_list_filters_and_hides_other_units(province, personas, api_for):
    movement = movement_for(province, participants=[province.farmers, province.women])
    mine = _report(movement, province.farmers)
    _report(movement, province.women)
    _report(movement, province.farmers, ReportPeriod.MID_YEAR)
    api = api_for(personas.unit_clerk)

    response = api.get("/api/v1/movement-reports/", {"movement": movement.pk,
                                                     "period": ReportPeriod.YEAR_END})

    assert ids(response) == {mine.pk}


def test_report_list_has_no_n_plus_one(province, personas, api_for):
    units = [province.farmers, province.women, province.farmers_sub]
    movement = movement_for(province, participants=units)
    api = api_for(personas.admin)
    _report(movement, units[0])
    one = count_queries(api, "/api/v1/movement-reports/")[0]
    _report(movement, units[1])
    _report(movement, units[2])

    assert count_queries(api, "/api/v1/movement-reports/")[0] == one


def test_directives_create_and_list(province, personas, api_for):
    data = {"number": "5/KH-UBND", "issued_on": "2024-01-05", "issuer": "UBND tỉnh",
            "issuer_unit": province.root.pk, "kind": DirectiveKind.PLAN, "summary": "Kế hoạch"}
    api = api_for(personas.board_officer)

    created = api.post("/api/v1/directives/", data, format="json")
    duplicate = api.post("/api/v1/directives/", data, format="json")

    assert created.status_code == 201, created.content
    assert duplicate.status_code == 400
    assert ids(api_for(personas.unit_clerk).get("/api/v1/directives/")) == {
        created.json()["id"]}


def test_clerk_may_not_record_a_directive(province, personas, api_for):
    data = {"number": "5/KH", "issued_on": "2024-01-05", "issuer": "Hội Nông dân",
            "issuer_unit": province.farmers.pk, "kind": DirectiveKind.PLAN, "summary": "X"}

    assert api_for(personas.unit_clerk).post("/api/v1/directives/", data,
                                             format="json").status_code == 403


def test_directive_hidden_from_a_sibling(province, personas, api_for):
    directive = create_directive(actor=None, number="9/KH", issued_on=dt.date(2024, 1, 1),
                                 issuer="Hội Phụ nữ", kind=DirectiveKind.PLAN, summary="X",
                                 issuer_unit=province.women)

    response = api_for(personas.unit_clerk).get(f"/api/v1/directives/{directive.pk}/")

    assert response.status_code == 404


def test_clerk_registers_a_person_and_withdraws(province, personas, api_for, period):
    api = api_for(personas.unit_clerk)
    data = {"year": THIS_YEAR, "honor": "lao_dong_tien_tien",
            "person": province.farmer_people[0].pk}

    created = api.post("/api/v1/registrations/", data, format="json")
    withdrawn = api.delete(f"/api/v1/registrations/{created.json()['id']}/")

    assert created.status_code == 201, created.content
    assert created.json()["registering_unit"] == province.farmers.pk
    assert withdrawn.status_code == 204
    assert not Registration.objects.exists()


def test_register_needs_exactly_one_candidate(province, personas, api_for, period):
    data = {"year": THIS_YEAR, "honor": "co_thi_dua_tinh", "unit": province.farmers.pk,
            "person": province.farmer_people[0].pk}

    response = api_for(personas.unit_clerk).post("/api/v1/registrations/", data,
                                                 format="json")

    assert response.status_code == 400


def test_register_another_units_person_is_refused(province, personas, api_for, period):
    data = {"year": THIS_YEAR, "honor": "lao_dong_tien_tien",
            "person": province.women_people[0].pk}

    response = api_for(personas.unit_clerk).post("/api/v1/registrations/", data,
                                                 format="json")

    assert response.status_code == 400  # the person does not exist for this clerk
    assert not Registration.objects.exists()


def test_registration_list_hides_other_units(province, personas, api_for, period):
    mine = register(province.farmers, honor("co_thi_dua_tinh"), THIS_YEAR, actor=None)
    register(province.women, honor("co_thi_dua_tinh"), THIS_YEAR, actor=None)

    response = api_for(personas.unit_clerk).get("/api/v1/registrations/",
                                                {"honor": "co_thi_dua_tinh"})

    assert ids(response) == {mine.pk}


def test_registration_periods_set_by_board_only(province, personas, api_for):
    data = {"year": 2030, "opens_on": "2030-01-01", "deadline": "2030-03-31"}

    refused = api_for(personas.unit_clerk).post("/api/v1/registration-periods/", data,
                                                format="json")
    created = api_for(personas.board_officer).post("/api/v1/registration-periods/", data,
                                                   format="json")
    moved = api_for(personas.board_officer).post(
        "/api/v1/registration-periods/", {**data, "deadline": "2030-04-30"}, format="json")

    assert (refused.status_code, created.status_code, moved.status_code) == (403, 201, 201)
    assert moved.json()["deadline"] == "2030-04-30"


def test_pledge_read_and_put(province, personas, api_for):
    url = f"/api/v1/groups/{province.bloc.pk}/pledge/"
    data = {"text": "Giao ước", "signed_on": "2024-02-20",
            "signatories": [{"unit": province.farmers.pk, "representative": "Lê Văn An"}]}

    missing = api_for(personas.unit_clerk).get(url)
    refused = api_for(personas.unit_clerk).put(url, data, format="json")
    saved = api_for(personas.group_leader).put(url, data, format="json")
    read = api_for(personas.unit_clerk).get(url)

    assert (missing.status_code, refused.status_code, saved.status_code) == (404, 403, 200)
    assert read.json()["signatories"][0]["representative"] == "Lê Văn An"


def test_pledge_signatory_must_be_a_member(province, personas, api_for):
    save_pledge(province.bloc, actor=None, text="Giao ước")
    data = {"text": "Giao ước", "signatories": [{"unit": province.farmers_sub.pk,
                                                 "representative": "An"}]}

    response = api_for(personas.admin).put(f"/api/v1/groups/{province.bloc.pk}/pledge/", data,
                                           format="json")

    assert response.status_code == 400
    assert response.json()["signatories"] == [gettext("Only member units of the group may sign.")]


def test_registration_list_has_no_n_plus_one(province, personas, api_for, period):
    api = api_for(personas.admin)
    register(province.farmers, honor("co_thi_dua_tinh"), THIS_YEAR, actor=None)
    one = count_queries(api, "/api/v1/registrations/")[0]
    register(province.women, honor("co_thi_dua_tinh"), THIS_YEAR, actor=None)
    register(province.farmer_people[0], honor("lao_dong_tien_tien"), THIS_YEAR, actor=None)

    assert count_queries(api, "/api/v1/registrations/")[0] == one


def test_directive_list_has_no_n_plus_one(province, personas, api_for):
    api = api_for(personas.unit_clerk)

    def directive(number):
        create_directive(actor=None, number=number, issued_on=dt.date(2024, 1, 1),
                         issuer="UBND tỉnh", kind=DirectiveKind.PLAN, summary="Kế hoạch",
                         issuer_unit=province.root)

    directive("1/KH")
    one = count_queries(api, "/api/v1/directives/")[0]
    directive("2/KH")
    directive("3/KH")

    assert count_queries(api, "/api/v1/directives/")[0] == one
