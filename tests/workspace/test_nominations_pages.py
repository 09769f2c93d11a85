"""The pages where a unit clerk prepares and submits a batch: list, header form, batch page
(candidates, files, completeness, submission) and who may see and post to them."""

import datetime as dt
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.translation import gettext

from tests.factories import PersonFactory
from tests.honors.factories import DisciplineFactory
from tests.nominations.support import clerk_for, dossier, honor, pdf
from tests.workspace.ui_support import count_queries, html
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination, NominationBatch, NominationDocument
from vinhdanh.nominations.services import batches

LIST = reverse("workspace:batch-list")
CREATE = reverse("workspace:batch-create")


def _url(name, obj):
    return reverse(f"workspace:{name}", args=[obj.pk])


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _batch(province, clerk, unit=None, title="Tờ trình khen thưởng năm 2025", **fields):
    return batches.create_batch(actor=clerk, proposing_unit=unit or province.farmers,
                                year=fields.pop("year", 2025), title=title, **fields)


@pytest.fixture
def women_clerk(province):
    return clerk_for(province.women, "clerk-women")


def _header(unit, **fields):
    return {"proposing_unit": unit.pk, "year": 2025, "title": "Tờ trình năm 2025",
            "commendation_type": "annual", "procedure": "normal", **fields}


def test_clerk_creates_a_batch_through_the_form(province, personas, client_for):
    client = client_for(personas.unit_clerk)

    response = client.post(CREATE, _header(province.farmers, letter_number="15/TTr-HND",
                                           letter_date="05/02/2026"))

    batch = NominationBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == batch.get_absolute_url()
    assert (batch.proposing_unit, batch.created_by) == (province.farmers, personas.unit_clerk)
    assert batch.letter_date.isoformat() == "2026-02-05"


def test_create_form_offers_only_the_clerks_units(province, personas, client_for):
    page = html(client_for(personas.unit_clerk).get(CREATE))

    assert province.farmers_sub.name in page
    assert province.women.name not in page


def test_create_refuses_a_tampered_unit(province, personas, client_for):
    response = client_for(personas.unit_clerk).post(CREATE, _header(province.women))

    assert response.status_code == 403
    assert not NominationBatch.objects.exists()


def test_create_refuses_a_group_the_unit_is_not_in_that_year(province, personas, client_for):
    client = client_for(personas.unit_clerk)

    response = client.post(CREATE, _header(province.farmers, group=province.bloc.pk))

    assert response.status_code == 200  # the bloc is of 2024, the batch of 2025
    assert not NominationBatch.objects.exists()
    ok = client.post(CREATE, _header(province.farmers, group=province.bloc.pk, year=2024))
    assert ok.status_code == 302
    assert NominationBatch.objects.get().group == province.bloc


def test_edit_changes_the_header(province, personas, client_for):
    batch = _batch(province, personas.unit_clerk)

    response = client_for(personas.unit_clerk).post(
        _url("batch-edit", batch), _header(province.women, title="Tờ trình đã sửa"))

    batch.refresh_from_db()
    assert response.status_code == 302
    assert (batch.title, batch.proposing_unit) == ("Tờ trình đã sửa", province.farmers)


def test_candidate_search_stays_in_the_proposing_unit(province, personas, client_for):
    batch = _batch(province, personas.unit_clerk)
    ours = PersonFactory(unit=province.farmers_sub, full_name="Nguyễn Văn Tìm")
    theirs = PersonFactory(unit=province.women, full_name="Nguyễn Thị Tìm")

    page = html(client_for(personas.board_officer).get(
        batch.get_absolute_url(), {"kind": "person", "q": "tim"}))

    assert ours.full_name in page
    assert theirs.full_name not in page


def test_the_batch_page_s_element_ids_are_unique(province, personas, client_for):
    # Labels point at ids: the candidate search, the add form and the upload form each
    # have a "kind" field, and a repeated id sent a label (and a screen reader) elsewhere.
    batch = _batch(province, personas.unit_clerk)
    PersonFactory(unit=province.farmers_sub, full_name="Nguyễn Văn Tìm")

    page = html(client_for(personas.unit_clerk).get(
        batch.get_absolute_url(), {"kind": "person", "q": "tim"}))

    ids = re.findall(r'\sid="([^"]+)"', page)
    assert "Nguyễn Văn Tìm" in page and 'id="search_kind"' in page
    assert [i for i in set(ids) if ids.count(i) > 1] == []


def test_honour_choices_follow_the_kind_of_candidate(province, personas, client_for):
    batch = _batch(province, personas.unit_clerk)
    client = client_for(personas.unit_clerk)

    people = html(client.get(batch.get_absolute_url(), {"kind": "person", "q": ""}))
    units = html(client.get(batch.get_absolute_url(), {"kind": "unit", "q": ""}))

    assert honor("chien_si_thi_dua_co_so").name in people
    assert honor("chien_si_thi_dua_co_so").name not in units
    assert honor("tap_the_lao_dong_xuat_sac").name in units


def test_clerk_adds_uploads_and_submits_a_batch(province, personas, client_for):
    clerk = personas.unit_clerk
    client = client_for(clerk)
    batch = _batch(province, clerk)
    person = province.farmer_people[0]

    client.post(_url("batch-add-candidates", batch),
                {"kind": "person", "honor": honor("bang_khen_tinh").pk,
                 "candidates": [person.pk]})
    nomination = Nomination.objects.get(batch=batch)
    for kind in ("submission_letter", "review_minutes"):
        client.post(_url("batch-document-upload", batch), {"kind": kind, "file": pdf()})
    client.post(_url("nomination-document-upload", nomination),
                {"kind": "achievement_report", "file": pdf("bao-cao.pdf")})
    client.post(_url("batch-check", batch))
    nomination.refresh_from_db()
    page = html(client.get(batch.get_absolute_url()))
    response = client.post(_url("batch-submit", batch),
                           {f"justification_{nomination.pk}": "Có thành tích đột xuất"})

    nomination.refresh_from_db()
    assert nomination.person == person
    assert NominationDocument.objects.filter(batch=batch).count() == 3
    assert nomination.verdict  # checked before the submission
    assert gettext("All required files are there") in page
    assert response.status_code == 302
    assert nomination.state == NominationState.SUBMITTED
    assert _messages(response) == [gettext("The batch was submitted.")]


def test_submitting_a_not_eligible_candidate_needs_a_justification(province, personas,
                                                                    client_for):
    person = PersonFactory(unit=province.farmers)
    DisciplineFactory(person=person, starts_on=dt.date(2025, 1, 1),
                      ends_on=dt.date(2025, 12, 31))
    nomination = dossier(province, personas.unit_clerk, candidate=person)
    client = client_for(personas.unit_clerk)
    client.post(_url("batch-check", nomination.batch))
    nomination.refresh_from_db()
    assert nomination.verdict == "not_eligible"  # disciplined in the year
    page = html(client.get(nomination.batch.get_absolute_url()))

    response = client.post(_url("batch-submit", nomination.batch))

    nomination.refresh_from_db()
    assert f'name="justification_{nomination.pk}"' in page
    assert nomination.state == NominationState.DRAFT
    assert any(str(nomination.candidate) in m for m in _messages(response))
    client.post(_url("batch-submit", nomination.batch),
                {f"justification_{nomination.pk}": "Kỷ luật đã được xóa"})
    nomination.refresh_from_db()
    assert (nomination.state, nomination.justification) == (NominationState.SUBMITTED,
                                                             "Kỷ luật đã được xóa")


def test_header_of_a_submitted_batch_cannot_change(province, personas, client_for):
    from tests.nominations.support import submitted

    batch = submitted(province, personas.unit_clerk).batch

    response = client_for(personas.unit_clerk).post(
        _url("batch-edit", batch), _header(province.farmers, title="Sửa sau khi trình"))

    batch.refresh_from_db()
    assert response.status_code == 200
    assert batch.title != "Sửa sau khi trình"
    assert gettext("This batch is with the board; its header can no longer change.") in \
        html(response)


def test_missing_documents_are_listed(province, personas, client_for):
    nomination = dossier(province, personas.unit_clerk, documents_attached=False)

    page = html(client_for(personas.unit_clerk).get(nomination.batch.get_absolute_url()))

    assert gettext("Submission letter") in page
    assert gettext("All required files are there") not in page
    assert f'data-completeness="{nomination.pk}"' in page


def test_upload_of_a_non_document_is_refused(province, personas, client_for):
    batch = _batch(province, personas.unit_clerk)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("to-trinh.pdf", b"MZ\x90\x00 not a pdf")
    response = client_for(personas.unit_clerk).post(
        _url("batch-document-upload", batch), {"kind": "submission_letter", "file": fake})

    assert response.status_code == 302
    assert not NominationDocument.objects.exists()
    assert _messages(response)


def test_women_clerk_cannot_see_or_post_to_the_farmers_batch(province, personas, client_for,
                                                            women_clerk):
    nomination = dossier(province, personas.unit_clerk)
    batch = nomination.batch
    document = NominationDocument.objects.filter(batch=batch).first()
    client = client_for(women_clerk)

    gets = [batch.get_absolute_url(), _url("batch-edit", batch), nomination.get_absolute_url(),
            _url("nomination-document", document)]
    posts = [_url(name, batch) for name in ("batch-add-candidates", "batch-check",
                                            "batch-submit", "batch-document-upload")]
    posts += [_url(name, nomination) for name in ("nomination-act", "nomination-check",
                                                  "nomination-document-upload")]

    assert [client.get(url).status_code for url in gets] == [404] * len(gets)
    assert [client.post(url, {"action": "submit", "version": 1, "kind": "person",
                              "candidates": [province.women_people[0].pk],
                              "honor": honor("bang_khen_tinh").pk}).status_code
            for url in posts] == [404] * len(posts)
    assert batch.title not in html(client.get(LIST))
    nomination.refresh_from_db()
    assert (nomination.state, batch.nominations.count()) == (NominationState.DRAFT, 1)


def test_viewer_sees_the_batch_but_cannot_change_it(province, personas, client_for):
    batch = _batch(province, personas.unit_clerk)
    client = client_for(personas.viewer)

    assert client.get(batch.get_absolute_url()).status_code == 200
    assert client.post(_url("batch-check", batch)).status_code == 403
    assert client.get(_url("batch-edit", batch)).status_code == 403


def test_document_download_is_an_attachment(province, personas, client_for):
    nomination = dossier(province, personas.unit_clerk)
    document = NominationDocument.objects.filter(nomination=nomination).get()

    response = client_for(personas.unit_clerk).get(_url("nomination-document", document))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_batch_list_shows_visible_batches_with_state_counts(province, personas, client_for,
                                                          women_clerk):
    ours = dossier(province, personas.unit_clerk).batch
    theirs = _batch(province, women_clerk, unit=province.women, title="Tờ trình Hội Phụ nữ")

    page = html(client_for(personas.unit_clerk).get(LIST))
    board = html(client_for(personas.board_officer).get(LIST))

    assert ours.title in page
    assert theirs.title not in page
    assert theirs.title in board
    assert f"{gettext('Draft')}: 1" in page


def test_batch_list_filters(province, personas, client_for):
    _batch(province, personas.unit_clerk, title="Tờ trình chuyên đề", year=2024)
    draft = dossier(province, personas.unit_clerk)
    client = client_for(personas.unit_clerk)

    assert "chuyên đề" not in html(client.get(LIST, {"year": 2025}))
    assert "chuyên đề" in html(client.get(LIST, {"q": "chuyen de"}))
    by_state = html(client.get(LIST, {"state": "draft"}))
    assert draft.batch.title in by_state
    assert "chuyên đề" not in by_state


def test_batch_list_queries_do_not_grow_with_batches(province, personas, client_for,
                                                    django_assert_max_num_queries):
    client = client_for(personas.unit_clerk)
    dossier(province, personas.unit_clerk)
    one = count_queries(client, LIST)
    for _n in range(4):
        dossier(province, personas.unit_clerk)

    assert count_queries(client, LIST) == one
    with django_assert_max_num_queries(12):
        client.get(LIST)


def test_batch_page_queries_do_not_grow_with_candidates(province, personas, client_for):
    client = client_for(personas.unit_clerk)
    nomination = dossier(province, personas.unit_clerk)
    batch = nomination.batch
    one = count_queries(client, batch.get_absolute_url())
    for person in PersonFactory.create_batch(3, unit=province.farmers):
        batches.add_candidate(batch, person, honor("bang_khen_tinh"), actor=None)

    assert count_queries(client, batch.get_absolute_url()) == one


def test_new_batch_button_only_for_those_who_may_add(province, personas, client_for):
    create = f'href="{CREATE}"'

    assert create in html(client_for(personas.unit_clerk).get(LIST))
    assert create not in html(client_for(personas.viewer).get(LIST))


def test_create_form_starts_with_this_year_and_the_clerks_unit(province, personas, client_for):
    from django.utils import timezone

    form = client_for(personas.unit_clerk).get(CREATE).context["form"]

    assert form["year"].value() == timezone.localdate().year
    assert form["proposing_unit"].value() == province.farmers.pk


def test_batch_list_answers_htmx_with_the_results_only(province, personas, client_for):
    batch = dossier(province, personas.unit_clerk).batch

    response = client_for(personas.unit_clerk).get(LIST, HTTP_HX_REQUEST="true")

    assert batch.title in html(response)
    assert "<html" not in html(response)
    assert "HX-Request" in response["Vary"]
