"""The rule packs' emulation figures: registration expected per title, a group's proposals."""

import datetime as dt

import pytest
from django.utils.translation import gettext

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.law.packs import PACKS, effective_pack_for
from vinhdanh.honors.services.settings import set_rule_setting

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 12, 1)


def test_every_pack_expects_registration_for_the_emulation_titles_unconfirmed():
    for pack in PACKS:
        assert pack.emulation["registration.lao_dong_tien_tien"].value is True
        assert pack.emulation["registration.lao_dong_tien_tien"].confirmed is False
        assert "registration.bang_khen_tinh" not in pack.emulation


def test_registration_required_is_false_for_an_award_form():
    param = effective_pack_for(DAY).registration_required("bang_khen_tinh")

    assert param.value is False


def test_province_setting_switches_registration_off_for_one_title(personas):
    set_rule_setting("law2022-nd152", "emulation.registration.lao_dong_tien_tien",
                     actor=personas.admin, value=False, confirmed=True, reason="QĐ 5/2025")

    pack = effective_pack_for(DAY)
    assert pack.registration_required("lao_dong_tien_tien").value is False
    assert pack.registration_required("lao_dong_tien_tien").confirmed is True
    assert pack.registration_required("chien_si_thi_dua_co_so").value is True


def test_group_proposal_counts_come_from_the_pack_and_can_be_set(personas):
    assert effective_pack_for(DAY).emulation("group_flags").value == 1

    set_rule_setting("law2022-nd152", "emulation.group_merit_certificates",
                     actor=personas.admin, value=3, confirmed=False, reason="Quy chế khối")

    assert effective_pack_for(DAY).emulation("group_merit_certificates").value == 3


def test_group_proposal_count_refuses_a_text(personas):
    with pytest.raises(DomainError) as error:
        set_rule_setting("law2022-nd152", "emulation.group_flags", actor=personas.admin,
                         value="một", confirmed=True, reason="Thử")

    assert gettext("This value does not fit %(key)s.") % {"key": "emulation.group_flags"} in str(
        error.value)


def test_law_page_lists_the_emulation_figures(personas, client_for):
    response = client_for(personas.admin).get("/law/packs/law2022-nd152/")

    assert response.status_code == 200
    assert gettext("Units a group proposes for the Cờ thi đua") in response.content.decode()
