"""The demo province's nomination dossiers (issue 5), as they stand on 27/11/2026.

- The Front bloc's 2023 year-end submission, taken from its published 2023 ranking: the
  Veterans' Association (HCCB) for the provincial emulation flag, the Farmers' Union (HND)
  and the Front's committee (MTTQ) for the provincial certificate of merit. Submitted in
  December 2023, reviewed by the bloc, received by the board in January 2024; the board
  returned the Farmers' Union's dossier for want of the bloc's review minutes, the bloc sent
  them, and all three went to the council.
- The Farmers' Union's 2025 submission: Chiến sĩ thi đua tỉnh for one person (the province
  publishes that title for 7 days of public comment, a setting it made itself) and the
  certificate of merit for two; published, commented on (one comment answered, one
  rejected as spam), now past its window and with the council.
- The Women's Union's 2026 submission, in appraisal and overdue: the dashboard's red row.
- A withdrawn draft of the Farmers' Union.

Everything goes through the nomination services with back-dated ``now`` arguments, so the
journey rows (steps, working days, due dates) are what users would have produced. The
loader fills the public holidays first, so the working days skip Tết.
"""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone

from vinhdanh.core.errors import DomainError
from vinhdanh.core.models import ActivityLog
from vinhdanh.core.text import fold
from vinhdanh.honors.models import Honor
from vinhdanh.nominations.enums import CommendationType
from vinhdanh.nominations.models import (
    Nomination,
    NominationBatch,
    NominationDocument,
    NominationStep,
    PublicComment,
    PublicNotice,
)
from vinhdanh.nominations.services import batches, comments, documents, workflow
from vinhdanh.nominations.services import eligibility as verdicts
from vinhdanh.organisations.models import EmulationGroup, Person, Unit, User
from vinhdanh.scoring.enums import ProposalState
from vinhdanh.scoring.models import Proposal

BLOC = "KHOI-MTTQ"
RETURN_REASON = "Thiếu biên bản họp xét của Khối"
PUBLIC_COMMENT_KEY = "dossier.public_comment.chien_si_thi_dua_tinh"
PUBLIC_COMMENT_DAYS = 7
JUSTIFICATION = ("Đồng chí có thành tích xuất sắc, tiêu biểu trong năm; Hội Nông dân tỉnh "
                 "đề nghị Ban Thi đua - Khen thưởng xem xét theo thẩm quyền.")
# The demo's "today" is 27/11/2026: every date below is before it.
FRONT_2023 = {"created": dt.date(2023, 12, 1), "submitted": dt.date(2023, 12, 8),
              "review": dt.date(2023, 12, 11), "forwarded": dt.date(2024, 1, 8),
              "returned": dt.date(2024, 1, 15), "resubmitted": dt.date(2024, 1, 19),
              "review_again": dt.date(2024, 1, 22), "forwarded_again": dt.date(2024, 1, 23),
              "council": dt.date(2024, 2, 2)}
FARMERS_2025 = {"created": dt.date(2026, 10, 20), "submitted": dt.date(2026, 10, 27),
                "received": dt.date(2026, 10, 29), "published": dt.date(2026, 11, 6),
                "comment": dt.date(2026, 11, 9), "spam": dt.date(2026, 11, 10),
                "answered": dt.date(2026, 11, 11), "council": dt.date(2026, 11, 13)}
WOMEN_2026 = {"created": dt.date(2026, 8, 24), "submitted": dt.date(2026, 8, 28),
              "received": dt.date(2026, 9, 4)}
DRAFT_2026 = {"created": dt.date(2026, 11, 2), "withdrawn": dt.date(2026, 11, 16)}


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


# --- files ------------------------------------------------------------------------------------

def pdf_bytes(*lines: str) -> bytes:
    """A small, valid one-page PDF showing ``lines`` (folded to ASCII: the standard font
    has no Vietnamese letters)."""
    text = " ".join(f"({_pdf_escape(fold(line).upper())}) Tj 0 -18 Td" for line in lines)
    stream = f"BT /F1 12 Tf 60 780 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def docx_bytes(*paragraphs: str) -> bytes:
    """A small Word document holding ``paragraphs`` (Vietnamese text kept)."""
    from docx import Document

    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(name: str, *lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(*lines), content_type="application/pdf")


def _docx(name: str, *paragraphs: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, docx_bytes(*paragraphs),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def _batch_files(batch, actor, minutes: str) -> None:
    documents.attach(batch, "submission_letter",
                     _pdf("to-trinh.pdf", f"To trinh {batch.letter_number}", batch.title),
                     actor=actor)
    documents.attach(batch, "review_minutes", _pdf("bien-ban-hop-xet.pdf", minutes),
                     actor=actor)


def _report(nomination, actor, *, generate: bool = False) -> None:
    """The achievement report: generated from the Word template once (when the generator
    is there), a PDF otherwise."""
    if generate:
        try:
            from vinhdanh.nominations.services.generation import generate_and_attach
        except ImportError:
            pass
        else:
            generate_and_attach("achievement_report", batch=nomination.batch,
                                nomination=nomination, actor=actor)
            return
    name = f"bao-cao-thanh-tich-{fold(str(nomination.candidate)).replace(' ', '-')}.pdf"
    documents.attach(nomination.batch, "achievement_report",
                     _pdf(name, "Bao cao thanh tich", str(nomination.candidate)),
                     actor=actor, nomination=nomination)


# --- people -----------------------------------------------------------------------------------

def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _units(*codes) -> dict[str, Unit]:
    return {u.code: u for u in Unit.objects.filter(code__in=codes)}


def _people(unit: Unit, count: int, *, skip=()) -> list[Person]:
    """The longest-serving people of ``unit``'s subtree (a stable choice)."""
    rows = (Person.objects.filter(unit__path__startswith=unit.path)
            .exclude(pk__in=[p.pk for p in skip])
            .order_by("employment_start", "id"))
    return list(rows[:count])


def _cstd_candidate(farmers: Unit) -> Person:
    """A farmer with the three CSTĐ cơ sở titles the provincial title builds on."""
    from vinhdanh.honors.models import DisciplinePeriod, HonorRecord

    counts = {}
    disciplined = DisciplinePeriod.objects.filter(person__isnull=False).values("person_id")
    rows = HonorRecord.objects.filter(honor__code="chien_si_thi_dua_co_so",
                                      person__unit__path__startswith=farmers.path).exclude(
        person_id__in=disciplined)
    for person_id in rows.values_list("person_id", flat=True).order_by("person_id"):
        counts[person_id] = counts.get(person_id, 0) + 1
    best = max(counts, key=lambda pk: (counts[pk], -pk), default=None)
    return Person.objects.get(pk=best) if best else _people(farmers, 1)[0]


def _submit(nomination, *, actor, day: dt.date):
    """Submits with a written justification only when the verdict asks for one."""
    verdicts.evaluate(nomination, on_date=day)
    justification = JUSTIFICATION if verdicts.not_eligible(nomination) else ""
    return workflow.submit(nomination, actor=actor, justification=justification, now=_at(day))


# --- (a) the Front bloc's 2023 year-end submission ---------------------------------------------

def _front_2023(board) -> NominationBatch | None:
    bloc = EmulationGroup.objects.filter(code=BLOC, year=2023).select_related("leader").first()
    proposals = list(Proposal.objects.filter(
        revision__round__template__group=bloc, state=ProposalState.PROPOSED)
        .select_related("unit", "honor").order_by("rank", "id")) if bloc else []
    if not proposals:
        return None
    d = FRONT_2023
    batch = batches.create_batch(
        actor=None, proposing_unit=bloc.leader, year=2023, group=bloc,
        title="Tờ trình đề nghị khen thưởng tổng kết công tác thi đua năm 2023 của Khối thi "
              "đua MTTQ và các tổ chức chính trị - xã hội tỉnh",
        letter_number="25/TTr-KTĐ", letter_date=d["submitted"],
        signer_name="Lương Đức Thắng", signer_title="Chủ tịch Hội Cựu chiến binh tỉnh, "
                                                     "Khối trưởng năm 2023")
    nominations = batches.add_from_proposals(batch, proposals, actor=None)
    _batch_files(batch, None, "Bien ban hop xet thi dua khen thuong cua Hoi Cuu chien binh")
    for nomination in nominations:
        _report(nomination, None)
        _submit(nomination, actor=None, day=d["submitted"])
    workflow.act_on_batch(batch, "start_group_review", actor=None, now=_at(d["review"]))
    workflow.act_on_batch(batch, "forward", actor=None, now=_at(d["forwarded"]))
    farmers = next(n for n in nominations if n.unit.code == "HND")
    workflow.return_nomination(farmers, actor=board, reason=RETURN_REASON,
                               now=_at(d["returned"]))
    documents.attach(batch, "other",
                     _pdf("bien-ban-hop-xet-cua-khoi.pdf", "Bien ban hop xet cua Khoi thi dua "
                          "MTTQ ngay 29/11/2023"),
                     actor=None, nomination=farmers,
                     note="Biên bản họp xét của Khối ngày 29/11/2023 (bổ sung theo yêu cầu "
                          "của Ban Thi đua - Khen thưởng)")
    _submit(farmers, actor=None, day=d["resubmitted"])
    workflow.start_group_review(farmers, actor=None, now=_at(d["review_again"]))
    workflow.forward(farmers, actor=None, now=_at(d["forwarded_again"]))
    workflow.act_on_batch(batch, "pass_to_council", actor=board, now=_at(d["council"]))
    _back_date(batch, d["created"])
    return batch


# --- (b) the Farmers' Union's 2025 submission, published for comment --------------------------

def _public_comment_setting(board) -> None:
    """The province publishes CSTĐ tỉnh candidates for 7 days (a setting of its own, with
    its reason), in every pack from the one in force when the dossiers were received."""
    from vinhdanh.honors.law.packs import PACKS
    from vinhdanh.honors.services.settings import set_rule_setting

    day = FARMERS_2025["received"]
    for pack in PACKS:
        if pack.valid_until is not None and pack.valid_until < day:
            continue
        try:
            set_rule_setting(pack.code, PUBLIC_COMMENT_KEY, actor=board,
                             value=PUBLIC_COMMENT_DAYS, confirmed=True,
                             reason="Quy chế TĐKT của tỉnh: công khai danh sách đề nghị "
                                    "Chiến sĩ thi đua tỉnh 07 ngày để lấy ý kiến Nhân dân")
        except DomainError:  # set already (the demo loaded before into this database)
            pass


def _farmers_2025(clerk, board) -> NominationBatch:
    d = FARMERS_2025
    farmers = Unit.objects.get(code="HND")
    _public_comment_setting(board)
    batch = batches.create_batch(
        actor=clerk, proposing_unit=farmers, year=2025,
        title="Tờ trình đề nghị tặng danh hiệu Chiến sĩ thi đua tỉnh và Bằng khen của Chủ "
              "tịch UBND tỉnh năm 2025",
        letter_number="112/TTr-HND", letter_date=d["submitted"],
        signer_name="Đinh Thị Mận", signer_title="Chủ tịch Hội Nông dân tỉnh")
    fighter = _cstd_candidate(farmers)
    merit = _people(farmers, 2, skip=[fighter])
    cstd = batches.add_candidate(
        batch, fighter, Honor.objects.get(code="chien_si_thi_dua_tinh"), actor=clerk,
        summary="Ba năm liền đạt danh hiệu Chiến sĩ thi đua cơ sở; có sáng kiến được công "
                "nhận cấp tỉnh về chuyển đổi số trong công tác hội.")
    bk = Honor.objects.get(code="bang_khen_tinh")
    others = [batches.add_candidate(batch, person, bk, actor=clerk,
                                    summary="Hoàn thành xuất sắc nhiệm vụ năm 2025.")
              for person in merit]
    _batch_files(batch, clerk, "Bien ban hop Hoi dong Thi dua - Khen thuong Hoi Nong dan")
    _report(cstd, clerk, generate=True)
    documents.attach(batch, "initiative_proof",
                     _docx("xac-nhan-sang-kien.docx", "Giấy chứng nhận sáng kiến cấp tỉnh",
                           f"Tác giả: {fighter.full_name}"),
                     actor=clerk, nomination=cstd)
    for nomination in others:
        _report(nomination, clerk)
    for nomination in (cstd, *others):
        _submit(nomination, actor=clerk, day=d["submitted"])
    workflow.act_on_batch(batch, "receive", actor=board, now=_at(d["received"]))
    _comments(cstd, board)
    workflow.act_on_batch(batch, "pass_to_council", actor=board, now=_at(d["council"]))
    _back_date(batch, d["created"])
    return batch


def _comments(nomination, board) -> None:
    d = FARMERS_2025
    notice = comments.publish_notice(
        [nomination], actor=board, days=PUBLIC_COMMENT_DAYS, now=_at(d["published"]),
        title="Lấy ý kiến Nhân dân đối với cá nhân đề nghị tặng danh hiệu Chiến sĩ thi đua "
              "tỉnh năm 2025",
        intro="Ý kiến góp ý gửi Ban Thi đua - Khen thưởng tỉnh trong thời gian niêm yết.")
    question = comments.submit_comment(
        notice, nomination, name="Lò Văn Sáng", contact="lvsang@example.vn",
        text="Đề nghị làm rõ sáng kiến của đồng chí đã được áp dụng ở những xã nào.",
        address="203.0.113.10", now=_at(d["comment"], 10))
    spam = comments.submit_comment(
        notice, nomination, name="Khuyến mãi", contact="0900000000",
        text="Vay tiền nhanh, lãi suất thấp, liên hệ ngay!", address="198.51.100.7",
        now=_at(d["spam"], 22))
    comments.moderate(spam, actor=board, accept=False)
    comments.answer(question, actor=board,
                    text="Sáng kiến đã được áp dụng tại 12 xã, có xác nhận của UBND các xã "
                         "trong hồ sơ.")
    # The services stamp the real time; the demo's comments came in November 2026.
    PublicNotice.objects.filter(pk=notice.pk).update(published_at=_at(d["published"], 8))
    PublicComment.objects.filter(pk=question.pk).update(
        submitted_at=_at(d["comment"], 10), moderated_at=_at(d["answered"], 14),
        answered_at=_at(d["answered"], 14))
    PublicComment.objects.filter(pk=spam.pk).update(
        submitted_at=_at(d["spam"], 22), moderated_at=_at(d["answered"], 8))


# --- (c) the Women's Union's 2026 submission, overdue in appraisal ----------------------------

def _women_2026(clerk, board) -> NominationBatch:
    d = WOMEN_2026
    women = Unit.objects.get(code="HLHPN")
    batch = batches.create_batch(
        actor=clerk, proposing_unit=women, year=2026, commendation_type=CommendationType.AD_HOC,
        title="Tờ trình đề nghị khen thưởng đột xuất thành tích cứu trợ đồng bào vùng lũ năm "
              "2026", letter_number="47/TTr-HLHPN", letter_date=d["submitted"],
        signer_name="Hà Thị Nguyệt", signer_title="Chủ tịch Hội Liên hiệp Phụ nữ tỉnh")
    bk = Honor.objects.get(code="bang_khen_tinh")
    nominations = [batches.add_candidate(
        batch, person, bk, actor=clerk,
        summary="Tổ chức quyên góp, trực tiếp cứu trợ đồng bào vùng lũ tháng 7/2026.")
        for person in _people(women, 1)]
    _batch_files(batch, clerk, "Bien ban hop xet khen thuong dot xuat Hoi LHPN tinh")
    for nomination in nominations:
        _report(nomination, clerk)
        _submit(nomination, actor=clerk, day=d["submitted"])
    workflow.act_on_batch(batch, "receive", actor=board, now=_at(d["received"]))
    _back_date(batch, d["created"])
    return batch


# --- (d) a withdrawn draft ----------------------------------------------------------------------

def _withdrawn_draft(clerk) -> NominationBatch:
    farmers = Unit.objects.get(code="HND")
    batch = batches.create_batch(
        actor=clerk, proposing_unit=farmers, year=2026,
        title="Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh (dự thảo)")
    person = _people(farmers, 3)[-1]
    nomination = batches.add_candidate(batch, person, Honor.objects.get(code="bang_khen_tinh"),
                                       actor=clerk)
    workflow.withdraw(nomination, actor=clerk,
                      reason="Đơn vị rút hồ sơ để đề nghị trong đợt tổng kết cuối năm.",
                      now=_at(DRAFT_2026["withdrawn"]))
    _back_date(batch, DRAFT_2026["created"])
    return batch


# --- the log's times ---------------------------------------------------------------------------

def _back_date(batch: NominationBatch, created: dt.date) -> None:
    """The services stamp the real time on the log, the files and the rows they create; the
    demo's dossiers were prepared on ``created`` and moved when their steps say."""
    start = _at(created, 8)
    NominationBatch.objects.filter(pk=batch.pk).update(created_at=start)
    batch.nominations.update(created_at=start)
    _stamp(ActivityLog.objects.filter(content_type__model="nominationbatch",
                                      object_id=str(batch.pk)), [], start)
    for nomination in batch.nominations.all():
        steps = list(nomination.steps.order_by("entered_at", "id"))
        logs = ActivityLog.objects.filter(content_type__model="nomination",
                                          object_id=str(nomination.pk))
        _stamp(logs, steps, start)


def _stamp(logs, steps: list, start: dt.datetime) -> None:
    """Transition entries take their step's time; the others follow the entry before them
    by a few minutes (comments keep their own time)."""
    times, when = iter(step.entered_at for step in steps), start
    comment_times = {c.pk: c for c in PublicComment.objects.filter(
        pk__in=[log.data.get("comment") for log in logs if log.data.get("comment")])}
    for log in logs.order_by("id"):
        comment = comment_times.get(log.data.get("comment"))
        if log.action in TRANSITION_ACTIONS:
            when = next(times, when)
        elif comment is not None:
            when = {"comment.received": comment.submitted_at,
                    "comment.moderated": comment.moderated_at,
                    "comment.answered": comment.answered_at}.get(log.action) or when
        else:
            when += dt.timedelta(minutes=5)
        ActivityLog.objects.filter(pk=log.pk).update(created_at=when)
        if log.data.get("document"):
            NominationDocument.objects.filter(pk=log.data["document"]).update(uploaded_at=when)


TRANSITION_ACTIONS = {f"nomination.{name}" for name in workflow.TRANSITIONS}


# --- entry points -------------------------------------------------------------------------------

def create_nominations() -> dict[str, NominationBatch | None]:
    """Creates the demo dossiers; the public holidays must be loaded first."""
    board = _user("bantdkt")
    return {
        "front_2023": _front_2023(board),
        "farmers_2025": _farmers_2025(_user("vanthu.hnd"), board),
        "women_2026": _women_2026(_user("vanthu.hlhpn"), board),
        "withdrawn": _withdrawn_draft(_user("vanthu.hnd")),
    }


def clear() -> None:
    """Deletes every dossier with its files, steps, notices and comments, and their log
    (before the organisations and the scoring are deleted)."""
    for document in NominationDocument.objects.exclude(file=""):
        document.file.delete(save=False)
    # The group's proposals may be nominated again.
    Proposal.objects.filter(nomination__isnull=False).update(state=ProposalState.PROPOSED)
    PublicComment.objects.all().delete()
    PublicNotice.objects.all().delete()
    NominationDocument.objects.update(replaced_by=None)
    NominationDocument.objects.all().delete()
    NominationStep.objects.all().delete()
    Nomination.objects.all().delete()
    NominationBatch.objects.all().delete()
    ActivityLog.objects.filter(Q(content_type__app_label="nominations")
                               | Q(action__startswith="nominations.")).delete()

