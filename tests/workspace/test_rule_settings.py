"""The law pages: rule packs and their figures, province settings, base salaries, and the
bonus calculator."""

import datetime as dt
import re
from io import BytesIO

import pytest
from django.urls import reverse

from tests.workspace.ui_support import count_queries, html
from vinhdanh.honors.models import BaseSalary, RuleSetting, RuleSettingChange
from vinhdanh.honors.services.settings import set_rule_setting

pytestmark = pytest.mark.django_db

ND152, QH16 = "law2022-nd152", "law2026-qh16"
KEY = "coefficient.bang_khen_tinh"
NEW = {"individual": 2.0, "collective": 4.0, "household": 3.0}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def _setting_url(key=KEY, pack=ND152):
    return reverse("workspace:law-setting", args=[pack, key])


def _pages():
    return [
        reverse("workspace:law-packs"),
        reverse("workspace:law-pack", args=[ND152]),
        reverse("workspace:law-pack", args=[QH16]),
        _setting_url(),
        _setting_url("vote.quorum"),
        _setting_url("time_limit.board_appraisal"),
        _setting_url("status", QH16),
        reverse("workspace:law-salaries"),
        reverse("workspace:bonus-calculator"),
    ]


def _calculator_query(lines, day="01/07/2025", **extra):
    query = {"decision_date": day, "lines-TOTAL_FORMS": "10", "lines-INITIAL_FORMS": "0",
             "lines-MIN_NUM_FORMS": "0", "lines-MAX_NUM_FORMS": "10", **extra}
    for index, line in enumerate(lines):
        query.update({f"lines-{index}-{name}": value for name, value in line.items()})
    return query


TWO_LINES = [
    {"candidate": "A", "honor": "bang_khen_tinh", "subject": "individual", "year": "2025"},
    {"candidate": "B", "honor": "lao_dong_tien_tien", "subject": "individual", "year": "2025"},
]


def _assert_csp_clean(page: str) -> None:
    assert "style=" not in page
    assert not INLINE_SCRIPT.search(page)
    assert not INLINE_HANDLER.search(page)


@pytest.mark.parametrize("who", ["board_officer", "admin"])
def test_law_pages_render_without_inline_style_or_script(personas, client_for, who):
    client = client_for(getattr(personas, who))
    set_rule_setting(ND152, KEY, actor=personas.admin, value=NEW,
                     confirmed=False, reason="Thử")

    for url in [*_pages(), reverse("workspace:bonus-calculator") + "?" + "&".join(
            f"{k}={v}" for k, v in _calculator_query(TWO_LINES).items())]:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_csp_clean(html(response))


def test_pack_list_shows_periods_and_status_badges(personas, client_for):
    page = html(client_for(personas.board_officer).get(reverse("workspace:law-packs")))

    assert "01/07/2025 – 30/09/2026" in page
    assert "law2026-qh16" in page
    assert 'class="badge badge--probable"' in page  # the probable 2026 pack


def test_pack_page_shows_every_figure_with_article_for_a_reader(personas, client_for):
    page = html(client_for(personas.board_officer).get(
        reverse("workspace:law-pack", args=["law2022-nd98"])))

    assert "Điều 54 Nghị định 98/2023/NĐ-CP" in page
    assert "Điều 30.7 Nghị định 98/2023/NĐ-CP" in page
    assert "10.000 đ" in page  # rounding
    assert 'method="post"' not in page.split('id="main"')[1]
    assert reverse("workspace:law-pack-confirm", args=["law2022-nd98"]) not in page


def test_pack_page_marks_unconfirmed_and_province_values(personas, client_for):
    set_rule_setting(ND152, KEY, actor=personas.admin, value=NEW,
                     confirmed=True, reason="QĐ của UBND tỉnh")

    page = html(client_for(personas.board_officer).get(
        reverse("workspace:law-pack", args=[ND152])))

    assert "QĐ của UBND tỉnh" in page  # the history of changes
    assert page.count('class="badge badge--unconfirmed"') >= 1  # unconfirmed figures
    assert 'class="badge badge--leader"' in page  # the province's value


def test_probable_pack_offers_confirmation_to_administrators_only(personas, client_for):
    url = reverse("workspace:law-pack", args=[QH16])
    confirm = reverse("workspace:law-pack-confirm", args=[QH16])

    assert confirm in html(client_for(personas.admin).get(url))
    assert confirm not in html(client_for(personas.board_officer).get(url))


def test_admin_confirms_the_probable_pack(personas, client_for):
    url = reverse("workspace:law-pack-confirm", args=[QH16])

    response = client_for(personas.admin).post(url, {"reason": "Công báo số 5"})

    assert response.status_code == 302
    assert RuleSetting.objects.get(pack_code=QH16, key="status").value == "confirmed"


def test_setting_page_shows_the_form_to_administrators_only(personas, client_for):
    admin_page = html(client_for(personas.admin).get(_setting_url()))
    officer_page = html(client_for(personas.board_officer).get(_setting_url()))

    assert 'name="value_individual"' in admin_page
    assert 'name="value_individual"' not in officer_page


def test_admin_changes_a_figure_through_the_form(personas, client_for):
    response = client_for(personas.admin).post(_setting_url(), {
        "value_individual": "1,8", "value_collective": "3,6", "value_household": "2,7",
        "confirmed": "on", "reason": "Quyết định 7/2025 của UBND tỉnh"})

    assert response.status_code == 302
    setting = RuleSetting.objects.get(key=KEY)
    assert (setting.value, setting.confirmed) == (
        {"individual": 1.8, "collective": 3.6, "household": 2.7}, True)
    assert setting.changes.get().changed_by == personas.admin


def test_admin_changes_a_vote_threshold_in_percent(personas, client_for):
    response = client_for(personas.admin).post(_setting_url("vote.co_thi_dua_tinh"), {
        "value_share": "75", "value_of": "present", "value_secret": "on",
        "reason": "Quy chế tỉnh"})

    assert response.status_code == 302
    assert RuleSetting.objects.get().value == {"share": 0.75, "of": "present", "secret": True}


def test_form_without_reason_changes_nothing(personas, client_for):
    response = client_for(personas.admin).post(_setting_url(), {"value_individual": "2"})

    assert response.status_code == 200
    assert not RuleSetting.objects.exists()


def test_admin_resets_a_figure(personas, client_for):
    set_rule_setting(ND152, KEY, actor=personas.admin, value=NEW,
                     confirmed=True, reason="Thử")

    response = client_for(personas.admin).post(_setting_url(), {
        "reset": "1", "reset-reason": "Theo Nghị định"})

    assert response.status_code == 302
    assert RuleSetting.objects.get().value["individual"] == 1.5
    assert RuleSettingChange.objects.count() == 2


@pytest.mark.parametrize("who", ["board_officer", "unit_clerk", "group_leader", "viewer"])
def test_non_admin_posts_are_refused_and_change_nothing(personas, client_for, who):
    client = client_for(getattr(personas, who))
    posts = [
        (_setting_url(), {"value_individual": "9", "reason": "x"}),
        (_setting_url(), {"reset": "1", "reset-reason": "x"}),
        (reverse("workspace:law-pack-confirm", args=[QH16]), {"reason": "x"}),
        (reverse("workspace:law-salaries"), {"valid_from": "01/01/2027", "amount": "9",
                                             "legal_basis": "x", "confirmed": "on"}),
        (reverse("workspace:law-salary", args=[BaseSalary.objects.first().pk]),
         {"amount": "9", "legal_basis": "x"}),
    ]

    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    assert not RuleSetting.objects.exists()
    assert not BaseSalary.objects.filter(amount=9).exists()


def test_user_without_role_cannot_read_the_figures(client_for, django_user_model, province):
    client = client_for(django_user_model.objects.create_user("nobody", password="x"))

    assert client.get(reverse("workspace:law-packs")).status_code == 403
    assert client.get(reverse("workspace:bonus-calculator")).status_code == 403


def test_unknown_pack_or_key_is_not_found(personas, client_for):
    client = client_for(personas.board_officer)

    assert client.get(reverse("workspace:law-pack", args=["law1990"])).status_code == 404
    assert client.get(_setting_url("coefficient.khong_co")).status_code == 404


def test_salary_page_lists_rows_and_admin_adds_one(personas, client_for):
    client = client_for(personas.admin)
    page = html(client.get(reverse("workspace:law-salaries")))
    assert "2.340.000 đ" in page and "01/07/2024" in page

    response = client.post(reverse("workspace:law-salaries"), {
        "valid_from": "01/01/2027", "amount": "2700000", "legal_basis": "Nghị định 1/2027",
        "note": ""})

    assert response.status_code == 302
    row = BaseSalary.objects.get(valid_from=dt.date(2027, 1, 1))
    assert (row.amount, row.confirmed) == (2_700_000, False)
    assert "Nghị định 1/2027" not in page
    assert "2.700.000" in html(client.get(reverse("workspace:law-salaries")))


def test_admin_edits_a_salary_row(personas, client_for):
    row = BaseSalary.objects.get(valid_from=dt.date(2026, 7, 1))

    response = client_for(personas.admin).post(reverse("workspace:law-salary", args=[row.pk]), {
        "valid_from": "01/01/2030", "amount": "2530000", "legal_basis": row.legal_basis,
        "confirmed": "on", "note": "Công báo"})

    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.valid_from, row.confirmed, row.note) == (dt.date(2026, 7, 1), True, "Công báo")


def test_calculator_returns_each_line_and_the_total(personas, client_for):
    response = client_for(personas.board_officer).get(
        reverse("workspace:bonus-calculator"), _calculator_query(TWO_LINES))

    page = html(response)
    # BK tỉnh 1.5 × 2,340,000 = 3,510,000; LĐTT 0.3 × 2,340,000 = 702,000 → 710,000.
    assert "3.510.000 đ" in page and "710.000 đ" in page
    assert "4.220.000 đ" in page


def test_calculator_explains_a_refused_line(personas, client_for):
    lines = [{"honor": "gia_dinh_van_hoa", "subject": "household", "year": "2025"}]

    response = client_for(personas.board_officer).get(
        reverse("workspace:bonus-calculator"), _calculator_query(lines))

    assert response.status_code == 200
    assert 'class="form-errors"' in html(response)


def test_calculator_exports_the_sheet_to_excel(personas, client_for):
    from openpyxl import load_workbook

    response = client_for(personas.board_officer).get(
        reverse("workspace:bonus-calculator"), _calculator_query(TWO_LINES, export="xlsx"))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    page = load_workbook(BytesIO(response.content)).active
    rows = list(page.iter_rows(values_only=True))
    assert rows[0][1] == "01/07/2025"
    assert [row[6] for row in rows[2:]] == [3_510_000, 710_000, 4_220_000]


def test_pack_page_query_count_does_not_grow_with_settings(personas, client_for):
    client = client_for(personas.board_officer)
    url = reverse("workspace:law-pack", args=[ND152])
    steps = ["board_appraisal", "commune_appraisal", "cstdcs_appraisal", "forward_decision",
             "issue_insignia"]
    set_rule_setting(ND152, f"time_limit.{steps[0]}", actor=personas.admin, value=30,
                     confirmed=True, reason="Thử")
    one = count_queries(client, url)

    for step in steps[1:]:
        set_rule_setting(ND152, f"time_limit.{step}", actor=personas.admin, value=30,
                         confirmed=True, reason="Thử")

    assert count_queries(client, url) == one


def test_admin_ticks_the_documents_a_procedure_needs(personas, client_for):
    url = _setting_url("dossier.documents.simplified")
    page = html(client_for(personas.admin).get(url))
    assert 'type="checkbox" name="value" value="brief_report"' in page

    response = client_for(personas.admin).post(url, {
        "value": ["submission_letter", "brief_report", "other"], "confirmed": "on",
        "reason": "Quy chế khen thưởng của tỉnh"})

    assert response.status_code == 302
    setting = RuleSetting.objects.get(pack_code=ND152, key="dossier.documents.simplified")
    assert setting.value == ["submission_letter", "brief_report", "other"]
