from decimal import Decimal

import pytest
from django.utils.translation import gettext

from tests.scoring.factories import ScoringRoundFactory, build_tree
from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.organisations.services.groups import copy_group_to_next_year
from vinhdanh.scoring.enums import CriterionKind, FinalFormula, RoundState, TieBreak
from vinhdanh.scoring.models import Criterion, ScoringTemplate
from vinhdanh.scoring.services import templates as svc

SECTION, STANDARD = CriterionKind.SECTION, CriterionKind.STANDARD
BONUS, PENALTY = CriterionKind.BONUS, CriterionKind.PENALTY


@pytest.fixture
def template(province):
    return svc.create_template(province.bloc, actor=None)


def _outline(template) -> list[tuple]:
    return [(depth, node.code, node.kind, node.max_points)
            for node, depth in svc.criteria_tree(template)]


def test_create_template_starts_empty_with_default_settings(template, province):
    assert (template.group, template.copied_from, list(template.criteria.all())) == (
        province.bloc, None, [])
    assert template.formula == FinalFormula.CONSOLIDATED


def test_create_template_twice_is_refused(template, province):
    with pytest.raises(DomainError) as error:
        svc.create_template(province.bloc, actor=None)
    assert error.value.messages == [gettext("This group already has a scoring table.")]


def test_create_template_copies_last_years_table(template, province):
    build_tree(template)
    svc.update_template(template, actor=None, formula=FinalFormula.WEIGHTED,
                        weight_peer=Decimal("0.5"), weight_leader=Decimal("0.5"), flag_count=2)
    next_group = copy_group_to_next_year(province.bloc, actor=None)
    copy = svc.create_template(next_group, actor=None)
    assert copy.copied_from == template
    assert (copy.formula, copy.weight_peer, copy.flag_count) == ("weighted", Decimal("0.5"), 2)
    assert _outline(copy) == _outline(template)
    assert not set(copy.criteria.values_list("pk", flat=True)) & set(
        template.criteria.values_list("pk", flat=True))


def test_create_template_blank_ignores_last_years_table(template, province):
    build_tree(template)
    next_group = copy_group_to_next_year(province.bloc, actor=None)

    blank = svc.create_template(next_group, actor=None, blank=True)

    assert (blank.copied_from, blank.criteria.count()) == (None, 0)


def test_create_template_copies_a_chosen_table(template, province):
    build_tree(template)
    next_group = copy_group_to_next_year(province.bloc, actor=None)
    next_group.copied_from = None
    copy = svc.create_template(next_group, actor=None, copy_from=template)
    copied = {node.code: node for node, _depth in svc.criteria_tree(copy)}
    assert copied["1.1"].parent == copied["I"]
    assert copied["2.1"].parent.parent == copied["II"]


def test_create_template_logs(template):
    entry = ActivityLog.objects.get(action="scoring.template_created")
    assert entry.object_id == str(template.pk)


def test_criteria_tree_gives_depth_in_reading_order(template):
    build_tree(template)
    assert [(depth, code) for depth, code, _k, _m in _outline(template)] == [
        (0, "I"), (1, "1.1"), (1, "1.2"), (0, "II"), (1, "II.1"), (2, "2.1"),
        (0, "III"), (1, "3.1"), (0, "IV"), (1, "B1")]
    assert [c.code for c in template.criteria.all()] == [
        "I", "1.1", "1.2", "II", "II.1", "2.1", "III", "3.1", "IV", "B1"]


def test_max_total_counts_criteria_and_bonus_not_penalties(template):
    build_tree(template)
    assert svc.max_total(template) == Decimal("95")


def test_add_criterion_appends_inside_its_section(template):
    nodes = build_tree(template)
    added = svc.add_criterion(template, actor=None, kind=STANDARD, title="Công tác khác",
                              max_points=5, parent=nodes["II.1"], code="2.2")
    assert [c.code for c, _d in svc.criteria_tree(template)][3:8] == [
        "II", "II.1", "2.1", "2.2", "III"]
    assert added.position == 7
    assert ActivityLog.objects.filter(action="scoring.criterion_added").count() == 11


@pytest.mark.parametrize("kind", [STANDARD, BONUS, PENALTY])
def test_add_criterion_without_points_is_refused(template, kind):
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=kind, title="Tiêu chí", max_points=0)
    assert error.value.message_dict == {
        "max_points": [gettext("The maximum points must be above zero.")]}


def test_add_section_without_maximum_is_accepted(template):
    section = svc.add_criterion(template, actor=None, kind=SECTION, title="Phần I",
                                max_points=0)
    assert section.max_points == 0


def test_add_criterion_under_an_item_is_refused(template):
    nodes = build_tree(template)
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=STANDARD, title="Con", max_points=1,
                          parent=nodes["B1"])
    assert error.value.message_dict == {
        "parent": [gettext("Choose a section of the same table.")]}


def test_add_criterion_under_another_tables_section_is_refused(template, province):
    other = svc.create_template(copy_group_to_next_year(province.bloc, actor=None), actor=None)
    section = svc.add_criterion(other, actor=None, kind=SECTION, title="Phần", max_points=0)
    with pytest.raises(DomainError):
        svc.add_criterion(template, actor=None, kind=STANDARD, title="Con", max_points=1,
                          parent=section)


def test_add_criterion_over_the_sections_cap_is_refused(template):
    nodes = build_tree(template)
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=STANDARD, title="Thêm", max_points=1,
                          parent=nodes["I"])
    assert error.value.message_dict == {"max_points": [
        gettext("The items of “%(section)s” add up to %(total)s points, more than its "
                "maximum of %(max)s.") % {"section": nodes["I"], "total": "61", "max": "60"}]}
    assert template.criteria.count() == 10


def test_penalty_items_do_not_count_against_the_cap(template):
    nodes = build_tree(template)
    svc.add_criterion(template, actor=None, kind=PENALTY, title="Vi phạm", max_points=50,
                      parent=nodes["I"])
    assert template.criteria.count() == 11


def test_nested_section_cap_counts_in_its_parent(template):
    outer = svc.add_criterion(template, actor=None, kind=SECTION, title="A", max_points=10)
    inner = svc.add_criterion(template, actor=None, kind=SECTION, title="A.1", max_points=0,
                              parent=outer)
    svc.add_criterion(template, actor=None, kind=STANDARD, title="x", max_points=6, parent=inner)
    with pytest.raises(DomainError):
        svc.add_criterion(template, actor=None, kind=STANDARD, title="y", max_points=5,
                          parent=inner)


def test_add_criterion_with_too_many_decimals_is_refused(template):
    section = svc.add_criterion(template, actor=None, kind=SECTION, title="A", max_points=0)
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=STANDARD, title="x", max_points="1.125",
                          parent=section)
    assert "max_points" in error.value.message_dict


def test_add_criterion_without_title_is_refused(template):
    section = svc.add_criterion(template, actor=None, kind=SECTION, title="A", max_points=0)
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=STANDARD, title=" ", max_points=1,
                          parent=section)
    assert "title" in error.value.message_dict


def test_add_item_outside_a_section_is_refused(template):
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=BONUS, title="x", max_points=1)
    assert error.value.message_dict == {"parent": [gettext("Place the item in a section.")]}


@pytest.mark.parametrize(("parent", "kind"), [("I", SECTION), ("II", STANDARD)])
def test_section_mixing_items_and_sections_is_refused(template, parent, kind):
    nodes = build_tree(template)
    with pytest.raises(DomainError) as error:
        svc.add_criterion(template, actor=None, kind=kind, title="x", max_points=0 if
                          kind == SECTION else 1, parent=nodes[parent])
    assert error.value.message_dict == {
        "parent": [gettext("A section holds either items or sections, not both.")]}


def test_update_criterion_changes_fields_and_logs(template):
    nodes = build_tree(template)
    svc.update_criterion(nodes["1.1"], actor=None, title="Công tác tuyên truyền",
                         evidence_required=True, max_points="15,5")
    node = Criterion.objects.get(pk=nodes["1.1"].pk)
    assert (node.title, node.evidence_required, node.max_points) == (
        "Công tác tuyên truyền", True, Decimal("15.5"))
    entry = ActivityLog.objects.get(action="scoring.criterion_updated")
    assert entry.data["fields"] == ["evidence_required", "max_points", "title"]


def test_update_criterion_moves_to_another_section_and_place(template):
    nodes = build_tree(template)
    svc.update_criterion(nodes["3.1"], actor=None, parent=nodes["I"], position=1)
    assert [c.code for c, _d in svc.criteria_tree(template)] == [
        "I", "3.1", "1.1", "1.2", "II", "II.1", "2.1", "III", "IV", "B1"]


def test_update_criterion_reorders_siblings(template):
    nodes = build_tree(template)
    svc.update_criterion(nodes["IV"], actor=None, position=1)
    assert [c.code for c in template.criteria.all()][:3] == ["IV", "B1", "I"]


def test_update_section_into_its_own_child_is_refused(template):
    nodes = build_tree(template)
    with pytest.raises(DomainError) as error:
        svc.update_criterion(nodes["II"], actor=None, parent=nodes["II.1"])
    assert error.value.message_dict == {
        "parent": [gettext("A section cannot be placed inside itself.")]}


def test_update_section_holding_items_into_an_item_is_refused(template):
    nodes = build_tree(template)
    with pytest.raises(DomainError) as error:
        svc.update_criterion(nodes["I"], actor=None, kind=STANDARD)
    assert list(error.value.message_dict) == ["kind"]


def test_update_criterion_lowering_a_cap_below_its_items_is_refused(template):
    nodes = build_tree(template)
    with pytest.raises(DomainError):
        svc.update_criterion(nodes["I"], actor=None, max_points=50)
    assert Criterion.objects.get(pk=nodes["I"].pk).max_points == 60


def test_update_criterion_with_unknown_field_is_an_error(template):
    nodes = build_tree(template)
    with pytest.raises(TypeError):
        svc.update_criterion(nodes["I"], actor=None, template=template)


def test_delete_section_deletes_its_items_and_renumbers(template):
    nodes = build_tree(template)
    svc.delete_criterion(nodes["II"], actor=None)
    assert [(c.code, c.position) for c in template.criteria.all()] == [
        ("I", 1), ("1.1", 2), ("1.2", 3), ("III", 4), ("3.1", 5), ("IV", 6), ("B1", 7)]
    assert ActivityLog.objects.filter(action="scoring.criterion_deleted").count() == 1


def test_template_locked_once_a_round_leaves_draft(template):
    round_ = ScoringRoundFactory(template=template, state=RoundState.DRAFT)
    assert not svc.template_locked(template)
    round_.state = RoundState.SELF
    round_.save()
    assert svc.template_locked(template)


@pytest.mark.parametrize("change", [
    lambda t, n: svc.add_criterion(t, actor=None, kind=STANDARD, title="x", max_points=1),
    lambda t, n: svc.update_criterion(n["1.1"], actor=None, title="y"),
    lambda t, n: svc.delete_criterion(n["1.1"], actor=None),
])
def test_locked_template_refuses_criteria_changes(template, change):
    nodes = build_tree(template)
    ScoringRoundFactory(template=template, state=RoundState.PEER)
    with pytest.raises(DomainError) as error:
        change(template, nodes)
    assert error.value.messages == [gettext(
        "Scoring has started with this table: its criteria can no longer change.")]


def test_update_template_changes_settings_and_logs(template):
    svc.update_template(template, actor=None, tie_breaks=[TieBreak.MORE_BONUS.value],
                        normalise_peers=True, merit_count=3, notes="Theo hướng dẫn số 12")
    template.refresh_from_db()
    assert (template.tie_breaks, template.normalise_peers, template.merit_count) == (
        ["more_bonus"], True, 3)
    entry = ActivityLog.objects.get(action="scoring.template_updated")
    assert entry.data["fields"] == ["merit_count", "normalise_peers", "notes", "tie_breaks"]


@pytest.mark.parametrize(("fields", "field"), [
    ({"tie_breaks": ["coin_toss"]}, "tie_breaks"),
    ({"tie_breaks": ["more_bonus", "more_bonus"]}, "tie_breaks"),
    ({"tie_breaks": "more_bonus"}, "tie_breaks"),
    ({"weight_self": Decimal(-1)}, "weight_self"),
    ({"formula": "weighted", "weight_leader": Decimal(0)}, "formula"),
    ({"deviation_threshold": Decimal(0)}, "deviation_threshold"),
    ({"formula": "average"}, "formula"),
])
def test_update_template_with_bad_settings_is_refused(template, fields, field):
    with pytest.raises(DomainError) as error:
        svc.update_template(template, actor=None, **fields)
    assert field in error.value.message_dict
    assert ScoringTemplate.objects.get(pk=template.pk).tie_breaks == [
        "fewer_penalty", "more_bonus", "higher_peer"]


def test_update_locked_template_refuses_settings_but_takes_notes(template):
    ScoringRoundFactory(template=template, state=RoundState.PUBLISHED)
    with pytest.raises(DomainError):
        svc.update_template(template, actor=None, flag_count=2)
    svc.update_template(template, actor=None, notes="Đã chấm xong")
    assert ScoringTemplate.objects.get(pk=template.pk).notes == "Đã chấm xong"
