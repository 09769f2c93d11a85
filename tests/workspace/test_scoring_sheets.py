"""Score sheets: who may open which, saving with live totals, evidence, and blindness."""

from decimal import Decimal
from html import escape
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext

from tests.workspace.scoring_ui_support import (
    fill,
    fill_peers,
    fill_self,
    members,
    pass_of,
    round_url,
    scored,
    sheet_data,
    sheet_url,
)
from tests.workspace.ui_support import count_queries, html
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.models import Score
from vinhdanh.scoring.services import passes

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.workspace.scoring_fixtures"]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def peer_round(scoring_round, bloc):
    """The self pass done by all three units, the peer pass open."""
    fill_self(scoring_round, members(bloc))
    return passes.advance_round(scoring_round, actor=None)


@pytest.fixture
def leader_round(peer_round, bloc):
    fill_peers(peer_round, members(bloc))
    return passes.advance_round(peer_round, actor=None)


def test_clerk_opens_only_the_own_self_sheet(personas, client_for, scoring_round, bloc):
    client = client_for(personas.unit_clerk)

    assert client.get(sheet_url(scoring_round, bloc.farmers, bloc.farmers)).status_code == 200
    assert client.get(sheet_url(scoring_round, bloc.women, bloc.women)).status_code == 403
    assert client.get(sheet_url(scoring_round, bloc.farmers, bloc.women)).status_code == 404


def test_self_sheet_saved_with_totals_through_htmx(personas, client_for, scoring_round, bloc):
    url = sheet_url(scoring_round, bloc.farmers, bloc.farmers)
    data = sheet_data(scoring_round.template, ["8,5", "15", "2", "1"])

    response = client_for(personas.unit_clerk).post(url, data, headers={"HX-Request": "true"})

    page = html(response)
    assert response.status_code == 200
    assert "<html" not in page
    assert response.context["totals"].total == Decimal("24.5")
    assert gettext("The scores were saved.") in page


def test_self_sheet_refuses_points_above_the_maximum(personas, client_for, scoring_round,
                                                     bloc):
    url = sheet_url(scoring_round, bloc.farmers, bloc.farmers)
    data = sheet_data(scoring_round.template, ["11", "", "", ""])

    response = client_for(personas.unit_clerk).post(url, data)

    assert response.status_code == 200
    assert not Score.objects.exists()


def test_self_sheet_keeps_evidence(personas, client_for, scoring_round, bloc, outsider):
    first = scoring_round.template.items.first
    url = sheet_url(scoring_round, bloc.farmers, bloc.farmers)
    data = sheet_data(scoring_round.template, ["8", "", "", ""],
                      **{f"evidence_{first.pk}": SimpleUploadedFile("ke-hoach.pdf", PDF)})
    client = client_for(personas.unit_clerk)

    client.post(url, data)

    score = Score.objects.get(criterion=first)
    download = round_url("evidence", score)
    assert download in html(client.get(url))
    assert client_for(outsider).get(download).status_code == 404
    response = client.get(download)
    content = b"".join(response.streaming_content)
    response.close()  # last: closing a file response ends the request (and its connection)
    assert content == PDF


def test_peer_sheet_never_of_oneself(personas, client_for, peer_round, bloc):
    client = client_for(personas.unit_clerk)

    assert client.get(sheet_url(peer_round, bloc.farmers, bloc.women)).status_code == 200
    assert client.get(sheet_url(peer_round, bloc.farmers, bloc.farmers)).status_code == 404


def test_peer_abstention_needs_a_reason(personas, client_for, peer_round, bloc):
    url = sheet_url(peer_round, bloc.farmers, bloc.women)

    response = client_for(personas.unit_clerk).post(url, {"abstained": "on"})

    assert gettext("Say why the unit abstains.") in html(response)
    assert not Score.objects.filter(kind=PassKind.PEER).exists()


def test_peer_abstention_recorded_for_every_criterion(personas, client_for, peer_round, bloc):
    url = sheet_url(peer_round, bloc.farmers, bloc.women)

    client_for(personas.unit_clerk).post(url, {"abstained": "on",
                                               "abstain_reason": "Không nắm được số liệu"})

    given = Score.objects.filter(kind=PassKind.PEER, scorer=bloc.farmers, subject=bloc.women)
    assert [s.abstained for s in given] == [True] * 4


def test_open_peer_pass_is_blind_to_other_units_and_the_leader(
        personas, client_for, peer_round, bloc, women_clerk):
    fill(peer_round, PassKind.PEER, bloc.farmers, bloc.women, ["9.75", "19.25", "4.75", "0"])
    fill(peer_round, PassKind.PEER, bloc.farmers, bloc.youth, ["9.75", "19.25", "4.75", "0"])
    pages = [round_url("round", peer_round),
             sheet_url(peer_round, bloc.women, bloc.farmers),
             sheet_url(peer_round, bloc.women, bloc.youth)]

    for user in (women_clerk, personas.group_leader):
        for url in pages:
            response = client_for(user).get(url)
            assert "19,25" not in html(response) and "19.25" not in html(response), (user, url)
    own = client_for(personas.unit_clerk).get(sheet_url(peer_round, bloc.farmers, bloc.women))
    assert "19,25" in html(own)


def test_peer_sheet_shows_the_subjects_self_scores(personas, client_for, peer_round, bloc):
    response = client_for(personas.unit_clerk).get(sheet_url(peer_round, bloc.farmers,
                                                             bloc.women))

    rows = [row for row in response.context["rows"] if row["criterion"].is_scored]
    assert [row["own"].points for row in rows] == [8, 15, 2, 0]


def test_leader_change_needs_a_reason(personas, client_for, leader_round, bloc):
    url = sheet_url(leader_round, bloc.farmers, bloc.women)
    first = leader_round.template.items.first
    client = client_for(personas.group_leader)

    changed = sheet_data(leader_round.template, ["6", "15", "2", "0"])
    refused = client.post(url, changed)
    saved = client.post(url, {**changed, f"reason_{first.pk}": "Thiếu văn bản"})

    assert escape(gettext("Give a reason for changing the unit's self-score.")) in html(refused)
    assert saved.status_code == 302, saved.context["form"].errors
    leader = Score.objects.get(kind=PassKind.LEADER, subject=bloc.women, criterion=first)
    assert (leader.points, leader.reason) == (6, "Thiếu văn bản")


def test_leader_sheet_shows_self_score_and_peer_mean(personas, client_for, leader_round, bloc):
    response = client_for(personas.group_leader).get(
        sheet_url(leader_round, bloc.farmers, bloc.women))

    rows = [row for row in response.context["rows"] if row["criterion"].is_scored]
    assert [row["own"].points for row in rows] == [8, 15, 2, 0]
    assert [row["peer_mean"] for row in rows] == [7, 14, 1, 0]


def test_leader_sheet_refused_to_unit_clerk(personas, client_for, leader_round, bloc):
    url = sheet_url(leader_round, bloc.farmers, bloc.women)

    assert client_for(personas.unit_clerk).get(url).status_code == 403


def test_sheet_export_of_the_open_self_pass_hides_other_units(personas, client_for,
                                                              scoring_round, bloc):
    fill_self(scoring_round, [bloc.women], values=("9.75", "19.25", "4.75", "0"))
    url = round_url("sheet-export", scoring_round, bloc.farmers.pk)

    response = client_for(personas.unit_clerk).get(url)

    assert response.status_code == 200
    assert 19.25 not in _cell_values(response.content)
    assert "19.25" not in _cell_values(response.content)


def _cell_values(data: bytes) -> set:
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data))
    return {cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row}


def test_sheet_page_queries_do_not_grow_with_scores(personas, client_for, peer_round, bloc):
    client = client_for(personas.unit_clerk)
    url = sheet_url(peer_round, bloc.farmers, bloc.women)
    fill(peer_round, PassKind.PEER, bloc.farmers, bloc.women, ["1", None, None, None])
    before = count_queries(client, url)
    fill(peer_round, PassKind.PEER, bloc.farmers, bloc.women, ["1", "2", "3", "0"])

    assert count_queries(client, url) == before
    assert pass_of(peer_round, PassKind.PEER).scores.count() == 4
    assert len(scored(peer_round.template)) == 4


def test_peer_sheet_round_trips_through_excel(personas, client_for, peer_round, bloc):
    fill(peer_round, PassKind.PEER, bloc.farmers, bloc.women, ["7", "14", "1", "0"])
    client = client_for(personas.unit_clerk)
    workbook = client.get(round_url("sheet-export", peer_round, bloc.farmers.pk)).content
    Score.objects.filter(kind=PassKind.PEER).delete()

    response = client.post(round_url("sheet-import", peer_round, bloc.farmers.pk),
                           {"file": SimpleUploadedFile("phieu.xlsx", workbook)})

    assert response.status_code == 302
    given = Score.objects.filter(kind=PassKind.PEER, scorer=bloc.farmers, subject=bloc.women)
    assert sorted(score.points for score in given) == [0, 1, 7, 14]


def test_sheet_import_refused_to_another_units_clerk(client_for, peer_round, bloc,
                                                     women_clerk):
    url = round_url("sheet-import", peer_round, bloc.farmers.pk)

    assert client_for(women_clerk).get(url).status_code == 403


def _leader_workbook(client, scoring_round, bloc) -> bytes:
    return client.get(round_url("sheet-export", scoring_round, bloc.farmers.pk)).content


def _with_cell(data: bytes, criterion, unit, value) -> bytes:
    """The workbook with ``value`` in ``unit``'s column on ``criterion``'s row."""
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(data))
    sheet = workbook.active
    rows = list(sheet.iter_rows())
    header = next(row for row in rows if any(c.value == "Tiêu chí" for c in row))
    column = next(c.column for c in header if str(c.value).startswith(unit.code + " "))
    row = next(r[0].row for r in rows if r[1].value == criterion.title)
    sheet.cell(row, column, value)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _leader_points(bloc, criterion):
    return Score.objects.get(kind=PassKind.LEADER, subject=bloc.women, criterion=criterion)


def test_leader_round_page_offers_excel_to_the_leader_only(personas, client_for, leader_round,
                                                          bloc):
    export = round_url("sheet-export", leader_round, bloc.farmers.pk)
    page = round_url("round", leader_round)

    assert export in html(client_for(personas.group_leader).get(page))
    assert export not in html(client_for(personas.unit_clerk).get(page))
    assert client_for(personas.unit_clerk).get(export).status_code == 403


def test_leader_excel_download_holds_the_consolidated_values(personas, client_for,
                                                             leader_round, bloc):
    fill(leader_round, PassKind.LEADER, bloc.farmers, bloc.women, ["6.5", "15", "2", "0"],
         reason="Thiếu văn bản")

    response = client_for(personas.group_leader).get(
        round_url("sheet-export", leader_round, bloc.farmers.pk))

    assert response.status_code == 200
    assert response.content.startswith(b"PK\x03\x04")
    values = _cell_values(response.content)
    assert 6.5 in values and 8 in values and 15 in values  # the women's change, the others


def test_leader_excel_upload_keeps_consolidated_values(personas, client_for, leader_round,
                                                       bloc):
    first = leader_round.template.items.first
    fill(leader_round, PassKind.LEADER, bloc.farmers, bloc.women, ["6.5", "15", "2", "0"],
         reason="Thiếu văn bản")
    client = client_for(personas.group_leader)
    workbook = _with_cell(_leader_workbook(client, leader_round, bloc), first, bloc.youth, 8)

    response = client.post(round_url("sheet-import", leader_round, bloc.farmers.pk),
                           {"file": SimpleUploadedFile("tong-hop.xlsx", workbook)})

    assert response.status_code == 302
    score = _leader_points(bloc, first)
    assert (score.points, score.reason) == (Decimal("6.5"), "Thiếu văn bản")


def test_leader_excel_upload_refuses_a_change_without_reason(personas, client_for,
                                                             leader_round, bloc):
    first = leader_round.template.items.first
    client = client_for(personas.group_leader)
    workbook = _with_cell(_leader_workbook(client, leader_round, bloc), first, bloc.women, 5)

    response = client.post(round_url("sheet-import", leader_round, bloc.farmers.pk),
                           {"file": SimpleUploadedFile("tong-hop.xlsx", workbook)})

    assert response.status_code == 200
    assert escape(gettext("This value differs from the unit's self-score, and the file has "
                          "no reason column: change it on the unit's consolidation sheet, "
                          "where the reason is given.")) in html(response)
    assert _leader_points(bloc, first).points == 8
