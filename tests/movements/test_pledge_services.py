import datetime as dt

import pytest

from tests.movements.support import pdf
from vinhdanh.core.audit import history_of
from vinhdanh.core.errors import DomainError
from vinhdanh.movements.services.pledges import save_pledge


def _sign(unit, name="Nguyễn Văn Hòa"):
    return {"unit": unit, "representative": name, "position": "Chủ tịch"}


def test_save_pledge_records_signatories_and_logs(province):
    bloc = province.bloc

    pledge = save_pledge(bloc, actor=None, text="Giao ước thi đua năm 2024",
                         signed_on=dt.date(2024, 2, 20), file=pdf(),
                         signatories=[_sign(province.farmers), _sign(province.women)])

    assert [s.unit for s in pledge.signatories.all()] == [province.farmers, province.women]
    assert history_of(bloc).filter(action="pledge.saved").exists()


def test_save_pledge_twice_updates_the_same_pledge(province):
    save_pledge(province.bloc, actor=None, text="Bản nháp")

    pledge = save_pledge(province.bloc, actor=None, text="Bản chính thức")

    assert pledge.text == "Bản chính thức"
    assert province.bloc.pledge == pledge


def test_save_pledge_refuses_a_unit_outside_the_group(province):
    with pytest.raises(DomainError) as error:
        save_pledge(province.bloc, actor=None, text="Giao ước",
                    signatories=[_sign(province.farmers_sub)])

    assert "signatories" in error.value.message_dict


def test_save_pledge_refuses_a_unit_signing_twice(province):
    with pytest.raises(DomainError):
        save_pledge(province.bloc, actor=None, text="Giao ước",
                    signatories=[_sign(province.farmers), _sign(province.farmers, "Khác")])


def test_save_pledge_refuses_a_missing_representative(province):
    with pytest.raises(DomainError):
        save_pledge(province.bloc, actor=None, text="Giao ước",
                    signatories=[_sign(province.farmers, " ")])
