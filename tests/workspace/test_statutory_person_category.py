"""The person's leadership category (the individual rows of forms 0602.N and 0603.N): set
on the staff form, shown on the person's page."""

import pytest
from django.urls import reverse
from django.utils import translation

from vinhdanh.organisations.enums import CadreCategory

pytestmark = pytest.mark.django_db


def _form(person, **changes):
    data = {"full_name": person.full_name, "gender": person.gender, "date_of_birth": "",
            "citizen_id": "", "unit": person.unit.pk, "position": "Phó Chủ tịch",
            "employment_start": "", "is_active": "on"}
    return {**data, **changes}


def test_person_form_saves_the_category(personas, client_for, province):
    person = province.farmer_people[0]
    client = client_for(personas.unit_clerk)
    response = client.post(reverse("workspace:person-edit", args=[person.pk]),
                           _form(person, cadre_category=CadreCategory.OTHER_LEADER))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.cadre_category == CadreCategory.OTHER_LEADER
    assert province.women_people[0].cadre_category == ""


def test_person_page_shows_the_category(personas, client_for, province):
    person = province.farmer_people[0]
    person.cadre_category = CadreCategory.DEPARTMENT_LEADER
    person.save()
    with translation.override("vi"):
        label = str(CadreCategory.DEPARTMENT_LEADER.label)
    response = client_for(personas.unit_clerk).get(person.get_absolute_url(),
                                                   HTTP_ACCEPT_LANGUAGE="vi")
    assert label in response.content.decode()
