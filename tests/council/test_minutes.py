"""The session's minutes as Word: attendance, quorum, recusals and the tally of each closed
ballot, never a member's choice."""

import io

import pytest
from docx import Document

from tests.council.support import HELD_ON
from tests.council.support import attend as _present
from tests.council.support import council_of_ten as _members
from tests.council.support import ready as _ready
from tests.rendering import docx_to_text, needs_libreoffice
from vinhdanh.core.errors import DomainError
from vinhdanh.council.enums import Choice
from vinhdanh.council.services import ballots, sessions
from vinhdanh.council.services.minutes import minutes_docx

CHOICE_WORDS = ("đồng ý", "không đồng ý", "không có ý kiến")


@pytest.fixture
def held(province, personas):
    """A session of 10 members, 9 present; the CSTĐ tỉnh vote closed with members choosing
    differently, a Bằng khen dossier left on the agenda unvoted."""
    officer = personas.board_officer
    members = _members(province)
    session = sessions.create_session(actor=officer, title="Phiên họp Hội đồng tháng 12",
                                      held_on=HELD_ON, secretary=officer, place="Phòng họp số 1")
    _present(session, members[:8] + members[9:], officer)
    cstd = _ready(province, personas, honor_code="chien_si_thi_dua_tinh")
    pending = _ready(province, personas)
    item, waiting = sessions.add_to_agenda(session, [cstd, pending], actor=officer)
    sessions.open_session(session, actor=officer)
    item = ballots.open_voting(item, actor=officer)
    choices = [Choice.AGREE] * 5 + [Choice.DISAGREE] * 2 + [Choice.ABSTAIN]
    for member, choice in zip(members[:8], choices, strict=True):
        ballots.cast_ballot(item, user=member.user, choice=choice)
    ballots.record_written_vote(item, members[8], choice=Choice.DISAGREE, actor=officer)
    ballots.close_voting(item, actor=officer)
    return members, session, item, waiting


def _paragraphs(content: bytes) -> list[str]:
    """Every paragraph and every table cell, in order."""
    doc = Document(io.BytesIO(content))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
            texts.append(" | ".join(cell.text for cell in row.cells))
    return texts


def test_minutes_give_the_tally_and_the_recused_member(held):
    members, session, _, _ = held
    name, content = minutes_docx(session)
    text = "\n".join(_paragraphs(content))

    assert name == f"bien-ban-hop-hoi-dong-2026-12-10-{session.pk}.docx"
    assert "BIÊN BẢN" in text
    assert "5 phiếu đồng ý, 3 phiếu không đồng ý, 1 phiếu không có ý kiến" in text
    assert "9 phiếu (trong đó 1 phiếu bằng văn bản)" in text
    assert "số phiếu đồng ý cần đạt: 9" in text
    assert "Kết quả: không được thông qua." in text
    assert "Hồ sơ chưa được biểu quyết tại phiên họp." in text
    assert f"+ {members[-1].name}: " in text  # the Farmers' Union member, recused
    assert "Có mặt 9/10 thành viên" in text and "Phiên họp đủ điều kiện tiến hành." in text


def test_minutes_never_put_a_member_next_to_a_choice(held):
    members, session, _, _ = held
    names = [member.name for member in members]

    for chunk in _paragraphs(minutes_docx(session)[1]):
        folded = chunk.casefold()
        if any(name in chunk for name in names):
            assert not any(word in folded for word in CHOICE_WORDS), chunk


def test_minutes_are_refused_while_a_vote_is_open(held, personas):
    _, session, _, waiting = held
    ballots.open_voting(waiting, actor=personas.board_officer)

    with pytest.raises(DomainError):
        minutes_docx(session)


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_renders_the_minutes(held, tmp_path):
    members, session, _, _ = held

    rendered = " ".join(docx_to_text(minutes_docx(session)[1], tmp_path).split())

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in rendered
    assert "BIÊN BẢN Họp Hội đồng Thi đua - Khen thưởng tỉnh" in rendered
    assert "5 phiếu đồng ý, 3 phiếu không đồng ý" in rendered
    assert members[-1].name in rendered


def test_minutes_of_a_session_not_held_yet_leave_blanks(province, personas):
    _members(province)
    session = sessions.create_session(actor=personas.board_officer, title="Phiên họp",
                                      held_on=HELD_ON, secretary=personas.board_officer)

    text = "\n".join(_paragraphs(minutes_docx(session)[1]))

    assert "3. Chủ trì: ……" in text
    assert "Có mặt 0/10 thành viên" in text and "không đủ số thành viên tối thiểu" in text
    assert "Hội đồng xem xét 0 hồ sơ" in text
