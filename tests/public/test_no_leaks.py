"""No public page shows what is not issued or published, nor anyone's private data.

A rich province (people with citizen IDs and dates of birth, a draft, a decision awaiting
signature and one returned with a reason, bonuses, a revoked honour with its internal reason,
internal notes, a citizen's contact details, a draft story) is built through the services;
then EVERY url pattern of the ``public`` namespace is requested and none of the forbidden
strings may appear. A new public page fails this test until it is given a sample below.
Binary bodies: PDFs are read with pdftotext when it is installed; images are skipped (their
bytes cannot hold text we wrote). The council's ballots need no fixture: no row ever holds a
member's choice (see council), so there is no choice that a page could leak.
"""

import datetime as dt
import hashlib
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.urls import NoReverseMatch, URLResolver, reverse

from tests.decisions.support import DECIDED_ON, draft, issuer
from tests.documents.ca import minimal_pdf
from tests.factories import PersonFactory
from tests.public.honours_support import entered, issued_to
from tests.public.support import published_notice
from tests.stories.support import in_state, jpeg
from vinhdanh.decisions.enums import RevocationGround
from vinhdanh.decisions.services import issuing, revocation
from vinhdanh.nominations.services import comments
from vinhdanh.public import urls as public_urls
from vinhdanh.stories.services.photos import add_photos

DRAFT_SUBJECT = "Về việc khen thưởng DỰTHẢO-8842"
AWAITING_SUBJECT = "Về việc khen thưởng CHỜKÝ-9931"
RETURN_REASON = "Trả lại vì TRẢLẠI-5520"
REVOCATION_REASON = "Lý do nội bộ THUHỒI-4711"
RECORD_NOTES = "Ghi chú GHICHÚ-6613"
CONTACT = "lienhe-7319@example.com"
DRAFT_STORY = "Câu chuyện BẢNNHÁP-3377"


def _people(province):
    born = [dt.date(1979, 11, 23), dt.date(1988, 2, 14), dt.date(1991, 6, 30)]
    return [PersonFactory(unit=province.farmers, date_of_birth=day) for day in born]


def _unsigned(province, personas, subject):
    return draft(province, personas, subject=subject)


def _decisions(province, personas, people):
    award = issued_to(province, personas, people[:2])
    revoked_entry = award.entries.order_by("position").last()
    revoking = revocation.create_revocation(
        issuer(), actor=personas.board_officer, decided_on=DECIDED_ON,
        lines=[(revoked_entry, RevocationGround.FORGED, REVOCATION_REASON)],
        signer_title="Chủ tịch", signer_name="Lê Văn Chủ")
    issuing.send_for_signature(revoking, actor=personas.board_officer)
    issuing.issue(revoking, actor=personas.signer, decided_on=DECIDED_ON)
    _unsigned(province, personas, DRAFT_SUBJECT)
    waiting = _unsigned(province, personas, AWAITING_SUBJECT)
    issuing.send_for_signature(waiting, actor=personas.board_officer)
    returned = _unsigned(province, personas, "Về việc khen thưởng bị trả lại")
    issuing.send_for_signature(returned, actor=personas.board_officer)
    issuing.return_to_drafting(returned, actor=personas.signer, reason=RETURN_REASON)
    return award, revoking


def _certificate(award):
    certificate = award.entries.order_by("position").first().certificate
    data = minimal_pdf("Bang khen")
    certificate.file.save("bang-khen.pdf", ContentFile(data), save=False)
    certificate.sha256 = hashlib.sha256(data).hexdigest()
    certificate.save()
    return certificate


def _notice(province, personas):
    notice = published_notice(province, personas, [PersonFactory(unit=province.farmers)])
    comments.submit_comment(notice, notice.nominations.get(), name="Nguyễn Văn Dân",
                            contact=CONTACT, text="Tôi đồng ý.", address="203.0.113.9")
    return notice


def _stories(province, personas, people):
    board = personas.board_officer
    published = in_state("published", entered(people[2], notes=RECORD_NOTES), board=board,
                         title="Người nông dân giỏi")
    [photo] = add_photos(published, actor=board, uploads=[jpeg(400, 300)])
    in_state("draft", entered(PersonFactory(unit=province.women)), board=board,
             title=DRAFT_STORY)
    return published, photo


@pytest.fixture
def rich(province, personas):
    people = _people(province)
    award, revoking = _decisions(province, personas, people)
    story, photo = _stories(province, personas, people)
    return SimpleNamespace(people=people, award=award, revoking=revoking, story=story,
                           photo=photo, certificate=_certificate(award),
                           notice=_notice(province, personas))


def samples(rich) -> dict[str, list[tuple[dict, dict]]]:
    """Per url name of the public namespace: (kwargs, query) pairs to request."""
    certificate = {"public_id": rich.certificate.public_id}
    searches = [({}, {}), ({}, {"q": "dự thảo"}), ({}, {"q": "chờ ký"})]
    return {
        "home": [({}, {})],
        "honour-board": [*searches, ({}, {"nam": DECIDED_ON.year})],
        "decision-list": searches,
        "decision": [({"public_id": rich.award.public_id}, {}),
                     ({"public_id": rich.revoking.public_id}, {})],
        "notice-list": [({}, {})],
        "notice-detail": [({"public_id": rich.notice.public_id}, {})],
        "certificate-lookup": [({}, {}), ({}, {"so": 1, "nam": DECIDED_ON.year})],
        "certificate-check": [({}, {})],
        "certificate": [(certificate, {})],
        "certificate-pdf": [(certificate, {})],
        "story-list": [({}, {}), ({}, {"q": "bản nháp"})],
        "story": [({"key": rich.story.slug}, {})],
        "story-photo": [({"public_id": rich.photo.public_id}, {})],
        "story-thumb": [({"public_id": rich.photo.public_id}, {})],
    }


def names_in(patterns) -> set[str]:
    found = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found |= names_in(pattern.url_patterns)
        elif pattern.name:
            found.add(pattern.name)
    return found


def public_names() -> set[str]:
    """Every url name under the public namespace, through nested includes."""
    return names_in(public_urls.urlpatterns)


def forbidden(rich) -> list[str]:
    strings = [DRAFT_SUBJECT, AWAITING_SUBJECT, RETURN_REASON, REVOCATION_REASON,
               RECORD_NOTES, CONTACT, DRAFT_STORY, "Có thành tích đột xuất",
               "Thành tích đặc biệt"]
    for person in rich.people:
        born = person.date_of_birth
        strings += [person.citizen_id, f"{born:%d/%m/%Y}", born.isoformat()]
    for entry in rich.award.entries.all():
        amount = entry.bonus_amount
        assert amount > 0
        strings += [f"{amount}", f"{amount:,}", f"{amount:,}".replace(",", ".")]
    return strings


def body_text(response) -> str | None:
    """The response's text; a PDF's through pdftotext; None for images."""
    data = (b"".join(response.streaming_content) if response.streaming
            else response.content)
    kind = response.get("Content-Type", "")
    if kind.startswith("image/"):
        return None
    if kind == "application/pdf":
        if not shutil.which("pdftotext"):
            return None
        return subprocess.run(  # noqa: S603 - fixed arguments, our own bytes on stdin
            [shutil.which("pdftotext"), "-", "-"], input=data, check=True,
            capture_output=True, timeout=60).stdout.decode()
    return data.decode()


def test_every_public_page_has_a_sample(rich):
    missing = public_names() - samples(rich).keys()

    assert not missing, f"add a sample for the new public pages: {sorted(missing)}"


def test_no_public_page_leaks_private_or_unpublished_data(rich, client):
    strings = forbidden(rich)
    names = public_names()
    for name, cases in samples(rich).items():
        if name not in names:
            continue
        for kwargs, query in cases:
            response = client.get(reverse(f"public:{name}", kwargs=kwargs), query,
                                  follow=True)
            assert response.status_code == 200, (name, query, response.status_code)
            text = body_text(response)
            if text is None:
                continue
            leaked = [s for s in strings if s in text]
            assert not leaked, (name, query, leaked)


def api_list_urls() -> list[str]:
    """Every list endpoint of the API (the router's ``…-list`` routes without arguments)."""
    from vinhdanh.api import urls as api_urls

    names = {name for name in names_in(api_urls.v1) if name.endswith("-list")}
    urls = []
    for name in sorted(names):
        try:
            urls.append(reverse(f"v1:{name}"))
        except NoReverseMatch:  # a list nested under an object: it needs the object's id
            continue
    return urls


def test_anonymous_api_lists_are_refused(db, client):
    urls = api_list_urls()

    assert len(urls) > 5
    for url in urls:
        assert client.get(url).status_code in (401, 403), url
