import io
from decimal import Decimal

import pytest
from django.utils.translation import gettext

from tests.scoring.factories import ScoringRoundFactory, build_tree
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.services.groups import copy_group_to_next_year
from vinhdanh.scoring.enums import PassKind, RoundPeriod, RoundState
from vinhdanh.scoring.models import Score
from vinhdanh.scoring.services import templates
from vinhdanh.scoring.services.excel import export_template, import_scores, import_template
from vinhdanh.scoring.services.passes import advance_round, open_round
from vinhdanh.scoring.services.scores import record_sheet

# Rows of the exported table: title 1, subtitle 2, header 3, then the tree from row 4.
ROW = {"I": 4, "1.1": 5, "1.2": 6, "II": 7, "II.1": 8, "2.1": 9, "III": 10, "3.1": 11,
       "IV": 12, "B1": 13, "total": 14}


def _where(row, column, reason) -> str:
    return gettext("Sheet '%(sheet)s', row %(row)s, column %(column)s: %(reason)s") % {
        "sheet": "Bảng điểm", "row": row, "column": column, "reason": reason}


def _book(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


def _bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _edited(data: bytes, cells: dict) -> bytes:
    book = _book(data)
    for address, value in cells.items():
        book["Bảng điểm"][address] = value
    return _bytes(book)


@pytest.fixture
def template(province):
    table = templates.create_template(province.bloc, actor=None)
    build_tree(table)
    return table


@pytest.fixture
def other_template(province):
    """Next year's table, started empty."""
    group = copy_group_to_next_year(province.bloc, actor=None)
    group.copied_from = None
    return templates.create_template(group, actor=None)


def _outline(template) -> list[tuple]:
    return [(depth, n.code, n.title, n.kind, n.max_points, n.evidence_required, n.guidance)
            for n, depth in templates.criteria_tree(template)]


# --- export --------------------------------------------------------------------------------

def test_export_template_writes_the_office_layout(template, province):
    sheet = _book(export_template(template))["Bảng điểm"]
    assert province.bloc.name in sheet["A1"].value and "2024" in sheet["A1"].value
    assert [c.value for c in sheet[3]] == [
        "STT", "Tiêu chí", "Loại", "Điểm tối đa", "Bắt buộc minh chứng", "Hướng dẫn",
        "HND – Hội Nông dân tỉnh", "HLHPN – Hội Liên hiệp Phụ nữ tỉnh"]
    assert [sheet[f"A{r}"].value for r in range(4, 14)] == list(ROW)[:10]
    assert [sheet[f"C{r}"].value for r in (4, 5, 8, 11, 13)] == [
        "Mục", "Tiêu chí", "Mục cấp 2", "Điểm trừ", "Điểm thưởng"]
    assert (sheet["D5"].value, sheet["D5"].number_format, sheet["E6"].value) == (20, "0.00", "Có")


def test_export_template_bolds_sections_freezes_and_totals(template):
    sheet = _book(export_template(template))["Bảng điểm"]
    assert (sheet["B4"].font.b, sheet["B5"].font.b) == (True, False)
    assert sheet.freeze_panes == "C4"
    assert sheet.column_dimensions["B"].width == 60
    assert (sheet["B14"].value, sheet["D14"].value) == ("Tổng cộng", 95)


def test_export_self_pass_fills_each_units_own_column(template, province):
    scoring_round = open_round(template, actor=None, period=RoundPeriod.YEAR_END)
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    nodes = {c.code: c for c in template.criteria.all()}
    record_sheet(self_pass, actor=None, scorer=province.women, subject=province.women,
                 rows=[{"criterion": nodes["1.1"], "points": Decimal("18.5")},
                       {"criterion": nodes["3.1"], "points": Decimal(2)}])
    sheet = _book(export_template(template, scoring_pass=self_pass))["Bảng điểm"]
    assert (sheet["G5"].value, sheet["H5"].value, sheet["H11"].value) == (None, 18.5, 2)
    assert (sheet["G14"].value, sheet["H14"].value) == (None, 16.5)


def test_export_self_pass_for_one_scorer_fills_only_its_column(template, province):
    scoring_round = open_round(template, actor=None, period=RoundPeriod.YEAR_END)
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    criterion = template.criteria.get(code="1.1")
    for unit in (province.farmers, province.women):
        record_sheet(self_pass, actor=None, scorer=unit, subject=unit,
                     rows=[{"criterion": criterion, "points": 10}])
    data = export_template(template, scoring_pass=self_pass, scorer=province.farmers)
    sheet = _book(data)["Bảng điểm"]
    assert (sheet["G5"].value, sheet["H5"].value) == (10, None)


def test_export_peer_pass_marks_the_scorers_own_column(template, province):
    scoring_round = open_round(template, actor=None, period=RoundPeriod.YEAR_END)
    advance_round(scoring_round, actor=None, missing_reason="Chưa chấm")
    peer = scoring_round.passes.get(kind=PassKind.PEER)
    criterion = template.criteria.get(code="2.1")
    record_sheet(peer, actor=None, scorer=province.farmers, subject=province.women,
                 rows=[{"criterion": criterion, "points": 25}])
    data = export_template(template, scoring_pass=peer, scorer=province.farmers)
    sheet = _book(data)["Bảng điểm"]
    assert (sheet["G9"].value, sheet["H9"].value) == ("—", 25)


# --- importing a table ---------------------------------------------------------------------

def test_import_template_round_trip_gives_the_same_tree(template, other_template):
    count = import_template(other_template, export_template(template), actor=None)
    assert count == 10
    assert _outline(other_template) == _outline(template)


def test_import_template_replaces_the_criteria_and_logs(template, other_template):
    build_tree(other_template)
    build_tree(other_template, [("V", None, "section", "Thừa", 0, False)])
    data = _edited(export_template(template), {"B5": "Tuyên truyền", "D5": "15,5"})
    import_template(other_template, data, actor=None)
    node = other_template.criteria.get(code="1.1")
    assert (node.title, node.max_points, other_template.criteria.count()) == (
        "Tuyên truyền", Decimal("15.5"), 10)
    assert ActivityLog.objects.filter(action="scoring.template_imported").count() == 1


def test_import_template_reports_each_bad_cell_and_changes_nothing(template, other_template):
    before = _outline(other_template)
    data = _edited(export_template(template), {
        "B5": None, "C6": "Chỉ tiêu", "D9": -3, "D11": "nhiều", "C8": "Mục cấp 3"})
    with pytest.raises(DomainError) as error:
        import_template(other_template, data, actor=None)
    assert error.value.messages == [
        _where(5, "B", gettext("The criterion's title is required.")),
        _where(6, "C", gettext("Write one of: %(words)s.")
               % {"words": "Mục, Mục cấp 2, Tiêu chí, Điểm thưởng, Điểm trừ"}),
        _where(9, "D", gettext("The maximum points cannot be negative.")),
        _where(11, "D", gettext("Not a number.")),
        _where(8, "C", gettext("A level-%(level)s section must come after a level-%(parent)s "
                               "section.") % {"level": 3, "parent": 2}),
    ]
    assert _outline(other_template) == before


def test_import_template_reports_a_section_over_its_cap(template, other_template):
    data = _edited(export_template(template), {"D5": 30})
    with pytest.raises(DomainError) as error:
        import_template(other_template, data, actor=None)
    assert error.value.messages == [_where(4, "D", gettext(
        "The items of “%(section)s” add up to %(total)s points, more than its maximum of "
        "%(max)s.") % {"section": "I Thực hiện nhiệm vụ chính trị", "total": "70", "max": "60"})]


def test_import_template_item_before_any_section_is_refused(template, other_template):
    data = _edited(export_template(template), {"C4": "Tiêu chí", "D4": 60})
    with pytest.raises(DomainError) as error:
        import_template(other_template, data, actor=None)
    assert _where(4, "C", gettext("Place the item in a section.")) in error.value.messages


def test_import_template_into_a_locked_table_is_refused(template, other_template):
    ScoringRoundFactory(template=other_template, state=RoundState.SELF)
    with pytest.raises(DomainError):
        import_template(other_template, export_template(template), actor=None)


def test_import_template_without_a_needed_column_is_refused(template, other_template):
    data = _edited(export_template(template), {"C3": "Ghi chú khác"})
    with pytest.raises(DomainError) as error:
        import_template(other_template, data, actor=None)
    assert error.value.messages == [
        gettext("Sheet '%(sheet)s': the column “%(column)s” is missing.")
        % {"sheet": "Bảng điểm", "column": "Loại"}]


def test_import_template_of_a_file_that_is_not_excel_is_refused(other_template):
    with pytest.raises(DomainError) as error:
        import_template(other_template, b"STT;Tieu chi\n1;x\n", actor=None)
    assert error.value.messages == [
        gettext("This is not an Excel workbook: upload an .xlsx or .xls file.")]


def test_import_template_accepts_a_file_written_by_hand(other_template):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["BẢNG CHẤM ĐIỂM THI ĐUA"])
    sheet.append([])
    sheet.append(["TT", "Nội dung tiêu chí", "Loại", "Điểm chuẩn"])
    sheet.append(["A", "Công tác chung", "Mục", 50])
    sheet.append(["1", "Tuyên truyền", "tiêu chí", "20"])
    sheet.append(["2", "Phong trào", "Tiêu chí", 30])
    sheet.append(["B", "Điểm cộng", "Phần", None])
    sheet.append(["1", "Sáng kiến", "thưởng", 2.5])
    assert import_template(other_template, _bytes(book), actor=None) == 5
    assert [(d, code, kind, points) for d, code, _t, kind, points, _e, _g
            in _outline(other_template)] == [
        (0, "A", "section", 50), (1, "1", "standard", 20), (1, "2", "standard", 30),
        (0, "B", "section", 0), (1, "1", "bonus", Decimal("2.5"))]


# --- importing scores ----------------------------------------------------------------------

@pytest.fixture
def scoring_round(template):
    return open_round(template, actor=None, period=RoundPeriod.YEAR_END)


def test_import_scores_of_a_self_pass_records_the_scorers_column(scoring_round, province):
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    data = _edited(export_template(scoring_round.template), {"H5": 19, "H6": "35,5", "H11": 1})
    count = import_scores(self_pass, data, actor=None, scorer=province.women)
    assert count == 3
    assert dict(Score.objects.filter(subject=province.women).values_list(
        "criterion__code", "points")) == {"1.1": 19, "1.2": Decimal("35.5"), "3.1": 1}
    assert ActivityLog.objects.filter(action="scoring.scores_imported").count() == 1


def test_import_scores_reports_bad_cells_and_writes_nothing(scoring_round, province):
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    data = _edited(export_template(scoring_round.template),
                   {"H5": 21, "H6": "cao", "G9": 10, "H4": 5})
    with pytest.raises(DomainError) as error:
        import_scores(self_pass, data, actor=None, scorer=province.women)
    assert error.value.messages == [
        _where(4, "H", gettext("A section is not scored: score its criteria.")),
        _where(5, "H", gettext("At most %(max)s points.") % {"max": "20"}),
        _where(6, "H", gettext("Not a number.")),
        _where(9, "G", gettext("%(scorer)s does not score %(unit)s in this pass.")
               % {"scorer": province.women, "unit": province.farmers}),
    ]
    assert not Score.objects.exists()


def test_import_scores_of_a_peer_pass_skips_the_scorers_own_column(scoring_round, province):
    advance_round(scoring_round, actor=None, missing_reason="Chưa chấm")
    peer = scoring_round.passes.get(kind=PassKind.PEER)
    data = export_template(scoring_round.template, scoring_pass=peer, scorer=province.farmers)
    count = import_scores(peer, _edited(data, {"H9": 28}), actor=None, scorer=province.farmers)
    assert count == 1
    assert Score.objects.get().subject == province.women


def test_import_scores_with_an_unknown_unit_column_is_refused(scoring_round, province):
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    data = _edited(export_template(scoring_round.template), {"I3": "Tỉnh đoàn", "H5": 3})
    with pytest.raises(DomainError) as error:
        import_scores(self_pass, data, actor=None, scorer=province.women)
    assert error.value.messages == [
        _where(3, "I", gettext("No member unit of the group has this code or name."))]


def test_import_scores_into_a_closed_pass_is_refused(scoring_round, province):
    peer = scoring_round.passes.get(kind=PassKind.PEER)
    data = _edited(export_template(scoring_round.template), {"H5": 3})
    with pytest.raises(DomainError):
        import_scores(peer, data, actor=None, scorer=province.farmers)
    assert not Score.objects.exists()


def _leader_pass(scoring_round, province):
    """Women self-scored 19 on 1.1 (farmers nothing); the leader pass open, pre-filled."""
    self_pass = scoring_round.passes.get(kind=PassKind.SELF)
    import_scores(self_pass, _edited(export_template(scoring_round.template), {"H5": 19}),
                  actor=None, scorer=province.women)
    advance_round(scoring_round, actor=None, missing_reason="Chưa chấm")
    advance_round(scoring_round, actor=None, missing_reason="Chưa chấm")
    return scoring_round.passes.get(kind=PassKind.LEADER)


def test_import_scores_of_the_leader_pass_refuses_changes_at_their_cells(scoring_round,
                                                                         province):
    leader = _leader_pass(scoring_round, province)
    data = export_template(scoring_round.template, scoring_pass=leader, scorer=province.farmers)
    reason = gettext("This value differs from the unit's self-score, and the file has no "
                     "reason column: change it on the unit's consolidation sheet, where the "
                     "reason is given.")
    with pytest.raises(DomainError) as error:
        import_scores(leader, _edited(data, {"H5": 15, "G5": 10, "H6": 30}), actor=None,
                      scorer=province.farmers)
    assert error.value.messages == [_where(5, "G", reason), _where(5, "H", reason),
                                    _where(6, "H", reason)]
    assert Score.objects.get(scoring_pass=leader).points == 19


def test_import_scores_of_the_leader_pass_accepts_the_self_scores(scoring_round, province):
    leader = _leader_pass(scoring_round, province)
    data = export_template(scoring_round.template, scoring_pass=leader, scorer=province.farmers)
    assert _book(data)["Bảng điểm"]["H5"].value == 19
    assert import_scores(leader, data, actor=None, scorer=province.farmers) == 1
    assert Score.objects.get(scoring_pass=leader).points == 19
