from tests.conftest import PASSWORD


def test_browsable_api_person_form_offers_only_visible_units(personas, province, client_for):
    personas.unit_clerk.set_password(PASSWORD)  # UserFactory does not save it
    personas.unit_clerk.save(update_fields=["password"])

    response = client_for(personas.unit_clerk).get("/api/v1/people/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<option value="{province.farmers_sub.pk}"' in page
    assert province.women.name not in page and province.women_sub.name not in page
