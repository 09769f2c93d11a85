"""The main journey in Chromium, as its users click it: a unit clerk registers titles and
self-scores, the group scores and publishes its ranking, the clerk turns the group's
proposal into a dossier and submits it, the group leader forwards it, the board appraises
it, the council votes, the signer issues the decision, its certificates are printed, and an
anonymous visitor verifies one through its QR address.

The ORM only arranges the starting data (``arrangement.py``) and checks the end; every step
between is the real pages. A screenshot after each step goes to ``artifacts/journey/``.
"""

import pytest
from django.urls import reverse

from tests.browser.arrangement import PEER_SCORES, SELF_SCORES, arrange
from tests.browser.pages import PHONE, Journey, exact, expect, failed, said, upload_pdf, vi
from vinhdanh.council.enums import Choice
from vinhdanh.decisions.enums import JobState
from vinhdanh.decisions.models import Certificate, CertificateJob, Decision
from vinhdanh.decisions.services.certificates import certificate_text
from vinhdanh.honors.models import HonorRecord
from vinhdanh.movements.models import Registration
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.scoring.enums import PassKind, ProposalState, RoundState
from vinhdanh.scoring.models import Proposal
from vinhdanh.workspace.views.nominations.support import ACTION_LABELS

pytestmark = pytest.mark.browser

FLAG = "Cờ thi đua của Ủy ban nhân dân tỉnh"


@pytest.fixture
def world(province, personas, settings, live_server, signing):
    # The certificates' QR codes carry the public address; here it is the live server's.
    settings.PUBLIC_BASE_URL = live_server.url
    return arrange(province, personas)


@pytest.fixture
def journey(request, browser, live_server, screenshots):
    trip = Journey(browser, live_server.url, screenshots)
    yield trip
    if failed(request):  # where each user was when it failed
        trip.shoot_all("failed")
    trip.close()


def _round_url(world) -> str:
    return reverse("workspace:scoring-round", args=[world.round.pk])


def _sheet(page, criteria, values) -> None:
    """Types one score per criterion on the open sheet and saves it (an htmx swap)."""
    for criterion, value in zip(criteria, values, strict=True):
        page.get_by_label(f"{vi('Points')}: {criterion}").fill(value)
    page.get_by_role("button", name=vi("Save the sheet")).click()
    expect(page.get_by_role("status")).to_contain_text(vi("The scores were saved."))
    # The swapped-in sheet no longer shows "Saving…": the htmx request has finished.
    expect(page.locator("#sc-sheet .htmx-indicator")).to_have_css("opacity", "0")


# -- 1. registration ---------------------------------------------------------------------------

def _unit_option(unit) -> str:
    return f"{unit.name} ({unit.code})"


def clerk_registers(journey, world, province):
    """Two people for Lao động tiên tiến, then the unit itself for the Cờ thi đua."""
    page = journey.as_user("clerk")
    page.goto(reverse("workspace:registration-list"))
    page.get_by_role("link", name=vi("Register several people")).click()
    page.get_by_label(vi("Unit")).select_option(label=_unit_option(province.farmers))
    page.get_by_role("button", name=vi("Show its people")).click()
    page.get_by_label(vi("Honour")).select_option(label="Lao động tiên tiến")
    for person in world.farmers_people:
        page.get_by_label(person.full_name).check()
    page.get_by_role("button", name=exact(vi("Register"))).click()
    said(page, vi("%(count)s people were registered.") % {"count": 2})
    page.get_by_role("link", name=vi("Register a title")).click()
    page.get_by_label(vi("Honour")).select_option(label=FLAG)
    page.get_by_label(vi("Collective")).select_option(label=_unit_option(province.farmers))
    page.get_by_role("button", name=vi("Save")).click()
    said(page, vi("The registration was saved."))
    table = page.get_by_role("table")
    expect(table).to_contain_text(world.farmers_people[1].full_name)
    expect(table).not_to_contain_text(province.women_people[0].full_name)  # another unit's
    journey.shot(page, "clerk-registers")


# -- 2. scoring --------------------------------------------------------------------------------

def clerk_self_scores(journey, world):
    page = journey.as_user("clerk")
    page.goto(_round_url(world))
    page.get_by_role("link", name=vi("Self-score sheet")).click()
    _sheet(page, world.criteria, SELF_SCORES["HND"])
    journey.shot(page, "clerk-self-scores")


def leader_closes_pass(journey, world, kind: PassKind, name: str):
    page = journey.as_user("khoitruong")
    page.goto(_round_url(world))
    label = vi("Close %(pass)s") % {"pass": vi(kind.label).lower()}
    page.get_by_role("link", name=label).click()
    page.get_by_role("button", name=vi("Close the pass")).click()
    said(page, vi("The pass was closed."))
    journey.shot(page, name)


def members_score_peers(journey, world, province):
    clerks = {"HND": ("clerk", province.farmers), "HLHPN": ("vanthu.hlhpn", province.women),
              "HCCB": ("vanthu.hccb", world.veterans)}
    for username, scorer in clerks.values():
        page = journey.as_user(username)
        for code, (_name, subject) in clerks.items():
            if subject == scorer:
                continue
            page.goto(_round_url(world))
            page.locator(".sc-sheets").get_by_role("link", name=subject.name).click()
            _sheet(page, world.criteria, PEER_SCORES[code])
    journey.shot(journey.as_user("clerk"), "peer-scoring")


def leader_publishes(journey, world):
    page = journey.as_user("khoitruong")
    page.goto(_round_url(world))
    page.get_by_role("link", name=vi("Publish the ranking")).click()
    page.get_by_role("textbox").fill("CÔNG BỐ")
    page.get_by_role("button", name=vi("Publish and lock")).click()
    said(page, vi("The ranking was published and is now locked."))
    expect(page.get_by_role("table").first).to_contain_text("Hội Nông dân tỉnh")
    journey.shot(page, "ranking-published")


# -- 3. the dossier ----------------------------------------------------------------------------

def _title(world) -> str:
    return f"Tờ trình đề nghị tặng Cờ thi đua năm {world.year}"


def clerk_builds_batch(journey, world, province):
    page = journey.as_user("clerk")
    page.goto(reverse("workspace:batch-list"))
    page.get_by_role("link", name=vi("New batch")).click()
    page.get_by_label(vi("Subject of the submission")).fill(_title(world))
    page.get_by_label(vi("Emulation group")).select_option(label=str(world.bloc))
    page.get_by_role("button", name=vi("Save")).click()
    said(page, vi("The submission batch was created."))
    page.get_by_label(f"1. {province.farmers.name} — {FLAG}").check()
    page.get_by_role("button", name=vi("Add the chosen proposals")).click()
    expect(page.locator(".nominations-table")).to_contain_text(FLAG)
    documents = page.locator(".batch-documents")
    upload_pdf(documents, vi("Submission letter"), "to-trinh.pdf")
    upload_pdf(documents, vi("Minutes of the review meeting"), "bien-ban.pdf")
    journey.shot(page, "batch-from-proposals")


def clerk_completes_and_submits(journey, world, province):
    page = journey.as_user("clerk")
    page.get_by_role("link", name=province.farmers.name).first.click()
    upload_pdf(page.locator(".nomination-documents"), vi("Achievement report"),
               "bao-cao-thanh-tich.pdf")
    page.get_by_role("navigation", name=vi("Breadcrumbs")).get_by_role(
        "link", name=_title(world)).click()
    page.get_by_role("button", name=vi("Check eligibility")).click()
    said(page, vi("The eligibility of the candidates was checked."))
    page.get_by_role("button", name=vi("Submit batch")).click()
    said(page, vi("The batch was submitted."))
    expect(page.locator(".nominations-table")).to_contain_text(
        vi(NominationState.SUBMITTED.label))
    journey.shot(page, "batch-submitted")


# -- 4. the group leader and the board ---------------------------------------------------------

def _act(page, action: str) -> None:
    """Presses a dossier's action button and waits for the page to say it was done."""
    label = vi(ACTION_LABELS[action])
    page.locator(f"form[data-action={action}]").get_by_role("button", name=label).click()
    said(page, vi("Done: %(action)s.") % {"action": label})


def _open_from_inbox(page, province) -> None:
    page.goto(reverse("workspace:board-inbox"))
    page.get_by_role("link", name=province.farmers.name, exact=True).first.click()


def leader_forwards(journey, province):
    page = journey.as_user("khoitruong")
    _open_from_inbox(page, province)
    _act(page, "start_group_review")
    _act(page, "forward")
    journey.shot(page, "group-leader-forwards")


def officer_appraises(journey, province):
    page = journey.as_user("officer")
    _open_from_inbox(page, province)
    # A group's dossier reaches the board in appraisal: the leader's forwarding is its
    # reception (a unit's own batch would first be received).
    expect(page.locator(".page-head [data-state]")).to_have_attribute(
        "data-state", NominationState.APPRAISAL)
    _act(page, "pass_to_council")
    expect(page.locator(".page-head [data-state]")).to_have_attribute(
        "data-state", NominationState.READY)
    journey.shot(page, "board-passes-to-council")


# -- 5. the council ----------------------------------------------------------------------------

def _session_title(world) -> str:
    return f"Phiên họp Hội đồng Thi đua - Khen thưởng tỉnh tháng {world.today:%m/%Y}"


def officer_prepares_session(journey, world, province, personas):
    page = journey.as_user("officer")
    page.goto(reverse("workspace:council-session-create"))
    page.get_by_label(vi("Title")).fill(_session_title(world))
    page.get_by_label(vi("Held on")).fill(f"{world.today:%d/%m/%Y}")
    page.get_by_label(vi("Place")).fill("Hội trường Ủy ban nhân dân tỉnh")
    page.get_by_label(vi("Secretary")).select_option(label=str(personas.board_officer))
    page.get_by_role("button", name=vi("Prepare the session")).click()
    attendance = page.locator("#attendance")
    for member in world.council:
        attendance.get_by_label(member.name).check()
    attendance.get_by_role("button", name=vi("Save the attendance")).click()
    said(page, vi("The attendance was saved."))
    expect(page.locator("#quorum")).to_have_attribute("data-quorum-met", "1")
    page.locator("#add-to-agenda").get_by_label(province.farmers.name).check()
    page.get_by_role("button", name=vi("Put on the agenda")).click()
    said(page, vi("The dossiers were put on the agenda."))
    page.get_by_role("button", name=vi("Open the session")).click()
    said(page, vi("The session is open."))
    page.get_by_role("button", name=vi("Open voting")).click()
    expect(page.locator(".council-item")).to_have_attribute("data-item-state", "voting")
    journey.shot(page, "council-session-open")


def members_vote(journey, world):
    for member in world.council:
        page = journey.as_user(member.user.username)
        page.goto(reverse("workspace:council-vote"))
        ballot = page.locator(".council-ballot")
        ballot.get_by_role("button", name=vi(Choice.AGREE.label), exact=True).click()
        said(page, vi("Your ballot was recorded."))
    journey.shot(page, "secret-ballot")


def officer_closes_vote(journey, world):
    page = journey.as_user("officer")
    page.goto(reverse("workspace:council-session-list"))
    page.get_by_role("link", name=_session_title(world)).click()
    expect(page.locator(".council-progress")).to_have_attribute("data-voted", "3")
    page.get_by_role("button", name=vi("Close voting")).click()
    expect(page.locator("[data-approved]")).to_have_attribute("data-approved", "1")
    journey.shot(page, "council-approves")


# -- 6. the decision, 7. its certificates ---------------------------------------------------------

def officer_drafts_decision(journey, world, province, personas):
    page = journey.as_user("officer")
    page.goto(reverse("workspace:decision-create"))
    page.get_by_label(vi("issuer").capitalize()).select_option(label=str(world.issuer))
    page.get_by_label(vi("Decision date")).fill(f"{world.today:%d/%m/%Y}")
    signer_title = page.get_by_label(vi("Signer's title"))
    page.get_by_label(exact(vi("Signer"))).select_option(label=str(personas.signer))
    expect(page.get_by_label(vi("Signer's name"))).not_to_have_value("")  # htmx filled it
    page.get_by_label(vi("Signing capacity")).fill("KT. CHỦ TỊCH")
    signer_title.fill("Phó Chủ tịch")
    page.get_by_label(province.farmers.name, exact=False).check()
    page.get_by_role("button", name=vi("Make the draft")).click()
    said(page, vi("The draft decision was made."))
    page.get_by_role("button", name=vi("Send for signature")).click()
    said(page, vi("The draft was sent for signature."))
    journey.shot(page, "decision-drafted")


def signer_issues(journey) -> str:
    """Issues the decision; returns the certificate's public address the page links to."""
    page = journey.as_user("signer")
    page.goto(reverse("workspace:decision-list"))
    page.get_by_role("link", name=vi("Draft"), exact=True).click()
    page.get_by_role("link", name=vi("Sign and issue")).click()
    page.get_by_role("button", name=vi("Sign and issue")).click()
    # Issuing queues the files and the printing job; the test's task backend runs them
    # at once, after the commit, so the page the signer lands on shows the job done.
    expect(page.locator("#certificate-job")).to_have_attribute("data-job-state", JobState.DONE)
    journey.shot(page, "decision-issued-certificates")
    link = page.locator("#certificates").get_by_role("link", name=vi("Public verification"))
    return link.get_attribute("href")


# -- 8. the public -----------------------------------------------------------------------------

def visitor_verifies(journey, address: str):
    """Someone scans the certificate's QR code with a phone."""
    page = journey.anonymous(PHONE)
    page.goto(address)
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "valid")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hội Nông dân tỉnh")
    expect(page.locator("[data-signature]")).to_have_attribute("data-signature", "ok")
    journey.shot(page, "visitor-verifies")
    page.context.close()


# -- the end, as stored ------------------------------------------------------------------------

def _assert_stored(world, province, base_url: str, verified_path: str) -> None:
    assert Registration.objects.filter(person__in=world.farmers_people, year=world.year,
                                       honor__code="lao_dong_tien_tien").count() == 2
    assert Registration.objects.filter(unit=province.farmers, year=world.year,
                                       honor__code="co_thi_dua_tinh").exists()
    world.round.refresh_from_db()
    assert world.round.state == RoundState.PUBLISHED
    assert Proposal.objects.get(unit=province.farmers).state == ProposalState.NOMINATED
    nomination = Nomination.objects.get(unit=province.farmers)
    assert (nomination.state, nomination.honor.code) == (NominationState.DECIDED,
                                                         "co_thi_dua_tinh")
    assert nomination.registration_warning == ""  # the unit had registered for it
    decision = Decision.objects.get()
    assert (decision.is_issued, decision.number, decision.signer) == (
        True, 1, world.signer)
    assert HonorRecord.objects.filter(unit=province.farmers, honor__code="co_thi_dua_tinh",
                                      year=world.year).count() == 1
    job = CertificateJob.objects.get(decision=decision)
    assert (job.state, job.done, job.total) == (JobState.DONE, 1, 1)
    certificate = Certificate.objects.get(entry__decision=decision)
    assert certificate.file and len(certificate.sha256) == 64 and certificate.signed
    # The address the QR code carries is the one the visitor opened.
    assert certificate_text(certificate).verify_url == base_url + verified_path


def test_main_journey(journey, world, province, personas):
    clerk_registers(journey, world, province)
    clerk_self_scores(journey, world)
    leader_closes_pass(journey, world, PassKind.SELF, "self-pass-closed")
    members_score_peers(journey, world, province)
    leader_closes_pass(journey, world, PassKind.PEER, "peer-pass-closed")
    leader_closes_pass(journey, world, PassKind.LEADER, "consolidation-closed")
    leader_publishes(journey, world)
    clerk_builds_batch(journey, world, province)
    clerk_completes_and_submits(journey, world, province)
    leader_forwards(journey, province)
    officer_appraises(journey, province)
    officer_prepares_session(journey, world, province, personas)
    members_vote(journey, world)
    officer_closes_vote(journey, world)
    officer_drafts_decision(journey, world, province, personas)
    address = signer_issues(journey)
    visitor_verifies(journey, address)
    _assert_stored(world, province, journey.base_url, address)
