import datetime as dt
import io
import re

from django.urls import reverse

from tests.factories import PersonFactory, UnitFactory
from tests.workspace.ui_support import count_queries, html
from vinhdanh.honors.enums import TaskRating, Verdict
from vinhdanh.honors.services.history import set_task_rating
from vinhdanh.honors.services.sweeps import SYSTEM, run_sweep
from vinhdanh.workspace.forms.eligibility import default_year

PAGE = reverse("workspace:eligibility")
EXPORT = reverse("workspace:eligibility-export")
HONOR = "lao_dong_tien_tien"
YEAR = 2024


def _query(**extra) -> dict:
    return {"honor": HONOR, "year": YEAR, **extra}


def _names(response) -> list[str]:
    return re.findall(r'class="candidate-name">([^<]+)<', html(response))


def _verdicts(response) -> list[str]:
    return re.findall(r'<span class="badge badge--\w+" data-verdict="(\w+)"', html(response))


def _counts(response) -> dict[str, int]:
    found = re.findall(r'data-verdict="(\w+)"><span class="stat__value">(\d+)<', html(response))
    return {verdict: int(count) for verdict, count in found}


def _rated(people, rating=TaskRating.EXCELLENT):
    """A rating of YEAR and an employment start long before: LĐTT eligible if good enough."""
    for person in people:
        set_task_rating(person, actor=None, year=YEAR, rating=rating)
        person.employment_start = dt.date(2015, 1, 1)
        person.save()


def _workbook(response):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(response.content))


def test_eligibility_page_renders_for_board_officer_with_counts(personas, client_for, province):
    _rated(province.farmer_people)

    response = client_for(personas.board_officer).get(PAGE, _query())

    assert response.status_code == 200
    expected = run_sweep(SYSTEM, HONOR, YEAR).counts_by_verdict
    assert _counts(response) == expected
    assert (expected[Verdict.ELIGIBLE], sum(expected.values())) == (2, 4)
    assert run_sweep(SYSTEM, HONOR, YEAR).pack_code in html(response)


def test_eligibility_page_without_honour_shows_only_the_form(personas, client_for, province):
    response = client_for(personas.board_officer).get(PAGE)

    assert response.status_code == 200
    assert _names(response) == []
    assert f'name="year" value="{default_year()}"' in html(response)


def test_eligibility_page_for_clerk_shows_only_farmers_candidates(personas, client_for,
                                                                   province):
    response = client_for(personas.unit_clerk).get(PAGE, _query())

    assert sorted(_names(response)) == sorted(p.full_name for p in province.farmer_people)
    assert sum(_counts(response).values()) == 2


def test_eligibility_page_clerk_sees_only_own_collectives(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(
        PAGE, _query(honor="tap_the_lao_dong_tien_tien"))

    assert sorted(_names(response)) == sorted([province.farmers.name,
                                               province.farmers_sub.name])


def test_eligibility_page_unit_filter_takes_the_subtree(personas, client_for, province):
    response = client_for(personas.board_officer).get(PAGE, _query(unit=province.women.pk))

    assert sorted(_names(response)) == sorted(p.full_name for p in province.women_people)


def test_eligibility_page_group_filter_takes_member_units(personas, client_for, province):
    outsider = PersonFactory(unit=UnitFactory(parent=province.root))

    response = client_for(personas.board_officer).get(PAGE, _query(group=province.bloc.pk))

    assert len(_names(response)) == 4
    assert outsider.full_name not in _names(response)


def test_eligibility_page_group_of_another_year_is_refused(personas, client_for, province):
    response = client_for(personas.board_officer).get(
        PAGE, _query(year=YEAR + 1, group=province.bloc.pk), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert _names(response) == []
    assert 'class="form-errors"' in html(response)


def test_eligibility_page_verdict_filter_keeps_the_counts(personas, client_for, province):
    _rated(province.farmer_people[:1])
    _rated(province.women_people[:1], TaskRating.NOT_COMPLETED)
    client = client_for(personas.board_officer)
    counts = _counts(client.get(PAGE, _query()))
    assert set(counts.values()) == {1, 2}  # one eligible, one not, two missing

    for verdict in Verdict.values:
        response = client.get(PAGE, _query(verdict=verdict))
        assert set(_verdicts(response)) <= {verdict}
        assert len(_verdicts(response)) == counts[verdict]
        assert _counts(response) == counts


def test_eligibility_page_search_ignores_tone_marks(personas, client_for, province):
    PersonFactory(unit=province.farmers, full_name="Nguyễn Thị Hòa")

    response = client_for(personas.unit_clerk).get(PAGE, _query(q="hoa"))

    assert "Nguyễn Thị Hòa" in _names(response)
    assert len(_names(response)) <= 3


def test_eligibility_page_shows_criteria_lines_and_hints(personas, client_for, province):
    evaluation = run_sweep(SYSTEM, HONOR, YEAR, unit=province.farmers_sub).evaluations[0]

    page = html(client_for(personas.board_officer).get(PAGE, _query(unit=province.farmers_sub.pk)))

    assert page.count('class="criterion criterion--') == len(evaluation.lines)
    assert page.count('class="hint"') == len(evaluation.hints)
    for line in evaluation.lines:
        assert f'data-outcome="{line.outcome}"' in page


def test_eligibility_page_before_the_first_rule_pack_shows_an_error(personas, client_for,
                                                                     province):
    response = client_for(personas.board_officer).get(PAGE, _query(year=2020))

    assert response.status_code == 200
    assert 'class="errorlist' in html(response)
    assert _names(response) == []


def test_eligibility_page_htmx_returns_the_results_only(personas, client_for, province):
    response = client_for(personas.board_officer).get(PAGE, _query(), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert 'role="search"' not in html(response)
    assert 'id="eligibility-filter-group" hx-swap-oob="true"' in html(response)
    assert 'id="eligibility-filter-verdict" hx-swap-oob="true"' in html(response)
    assert len(_names(response)) == 4
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_eligibility_page_needs_login(client, province):
    response = client.get(PAGE, _query())

    assert response.status_code == 302


def test_eligibility_export_is_xlsx_with_one_row_per_candidate(personas, client_for, province):
    _rated(province.women_people)

    response = client_for(personas.board_officer).get(EXPORT, _query())

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = list(_workbook(response).worksheets[0].iter_rows(values_only=True))
    expected = run_sweep(SYSTEM, HONOR, YEAR)
    assert len(rows) == 1 + 4
    labels = {line.label for e in expected.evaluations for line in e.lines}
    assert set(rows[0][3:-1]) == labels
    verdicts = {row[0]: row[2] for row in rows[1:]}
    assert verdicts == {str(e.candidate): str(Verdict(e.verdict).label)
                        for e in expected.evaluations}


def test_eligibility_export_for_clerk_has_only_farmers_people(personas, client_for, province):
    response = client_for(personas.unit_clerk).get(EXPORT, _query())

    rows = list(_workbook(response).worksheets[0].iter_rows(values_only=True))
    assert sorted(row[0] for row in rows[1:]) == sorted(p.full_name
                                                        for p in province.farmer_people)


def test_eligibility_export_exports_every_page(personas, client_for, province):
    unit = UnitFactory(parent=province.farmers)
    PersonFactory.create_batch(55, unit=unit)

    response = client_for(personas.unit_clerk).get(EXPORT, _query(unit=unit.pk))

    assert _workbook(response).worksheets[0].max_row == 1 + 55


def test_eligibility_export_without_honour_goes_back_to_the_page(personas, client_for,
                                                                  province):
    response = client_for(personas.board_officer).get(EXPORT, {"year": YEAR})

    assert response.status_code == 302
    assert response["Location"].startswith(PAGE)


def test_eligibility_page_queries_do_not_grow_with_candidates(personas, client_for, province):
    unit = UnitFactory(parent=province.farmers)
    _rated([PersonFactory(unit=unit)])
    client = client_for(personas.unit_clerk)
    url = f"{PAGE}?honor={HONOR}&year={YEAR}&unit={unit.pk}"
    one = count_queries(client, url)

    _rated(PersonFactory.create_batch(29, unit=unit), TaskRating.GOOD)

    assert count_queries(client, url) == one
