"""The dossier rules of the packs (honors/law/dossiers.py) as nominations read them: the
documents each procedure needs, the simplified procedure, the days of public comment, and
the province's settings on top."""

import datetime as dt

import pytest

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.law.dossiers import DOCUMENT_KINDS
from vinhdanh.honors.models import Honor
from vinhdanh.honors.services.settings import set_rule_setting
from vinhdanh.nominations.enums import CommendationType, DocumentKind
from vinhdanh.nominations.services.requirements import public_comment_days, simplified_allowed

DAY = dt.date(2025, 8, 1)


def test_the_document_vocabulary_of_the_packs_is_the_model_s():
    assert set(DOCUMENT_KINDS) == set(DocumentKind.values)


@pytest.mark.django_db
def test_simplified_procedure_is_for_award_forms_outside_the_year_end():
    bang_khen = Honor.objects.get(code="bang_khen_tinh")
    cstd = Honor.objects.get(code="chien_si_thi_dua_tinh")
    assert simplified_allowed(bang_khen, CommendationType.AD_HOC, DAY).value is True
    assert simplified_allowed(bang_khen, CommendationType.ANNUAL, DAY).value is False
    assert simplified_allowed(cstd, CommendationType.AD_HOC, DAY).value is False


@pytest.mark.django_db
def test_state_honours_are_published_for_comment_and_the_figure_is_unconfirmed():
    national = public_comment_days(Honor.objects.get(code="chien_si_thi_dua_toan_quoc"), DAY)
    provincial = public_comment_days(Honor.objects.get(code="chien_si_thi_dua_tinh"), DAY)
    assert (national.value, national.confirmed) == (7, False)
    assert provincial.value == 0


@pytest.mark.django_db
def test_a_province_sets_its_own_days_and_documents():
    cstd = Honor.objects.get(code="chien_si_thi_dua_tinh")
    set_rule_setting("law2022-nd152", "dossier.public_comment.chien_si_thi_dua_tinh",
                     actor=None, value=10, confirmed=True, reason="Quy chế của tỉnh")
    assert public_comment_days(cstd, DAY).value == 10
    set_rule_setting("law2022-nd152", "dossier.documents.simplified", actor=None,
                     value=["submission_letter", "brief_report", "other"], confirmed=True,
                     reason="Quy chế của tỉnh")


@pytest.mark.django_db
def test_a_document_list_must_name_known_kinds():
    with pytest.raises(DomainError):
        set_rule_setting("law2022-nd152", "dossier.documents.normal", actor=None,
                         value=["submission_letter", "photo_of_the_cat"], confirmed=True,
                         reason="Thử")
