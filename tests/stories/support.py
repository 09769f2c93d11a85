"""Stories built through the services, as their authors would, and photos to upload."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from vinhdanh.honors.services.history import add_honor_record
from vinhdanh.stories.services import editing, workflow

NOW = timezone.make_aware(dt.datetime(2026, 5, 10, 9, 0))


def honour(candidate, code="chien_si_thi_dua_co_so", year=2024, number="15/QĐ-UBND"):
    return add_honor_record(candidate, actor=None, honor_code=code, year=year,
                            decision_number=number, decision_date=dt.date(year + 1, 1, 20),
                            issuer="UBND tỉnh")


def collective_honour(unit, year=2024):
    return honour(unit, code="tap_the_lao_dong_tien_tien", year=year, number="7/QĐ-HND")


def story(records, *, actor=None, title="Nông dân sản xuất giỏi", movements=(), **fields):
    return editing.create_story(
        actor=actor, records=records if isinstance(records, list) else [records],
        movements=movements, title=title,
        summary=fields.pop("summary", "Một tấm gương lao động sản xuất giỏi."),
        body=fields.pop("body", "Đoạn thứ nhất.\n\nĐoạn thứ hai."), **fields)


def in_state(state, records, *, board, title="Câu chuyện", now=None, publish_on=None):
    """A story moved to ``state`` by the board; "scheduled" is published for a later day."""
    made = story(records, title=title)
    if state == "draft":
        return made
    workflow.submit_for_review(made, actor=board)
    if state == "review":
        return made
    now = now or timezone.now()
    if state == "scheduled":
        return workflow.publish(made, actor=board, now=now,
                                publish_on=timezone.localdate(now) + dt.timedelta(days=7))
    workflow.publish(made, actor=board, now=now - dt.timedelta(hours=1), publish_on=publish_on)
    if state == "archived":
        workflow.archive(made, actor=board)
    return made


def jpeg(width=3000, height=2000, *, exif=None, name="anh.jpg", colour=(200, 80, 40)) -> \
        SimpleUploadedFile:
    from PIL import Image

    image = Image.new("RGB", (width, height), colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, **({"exif": exif} if exif is not None else {}))
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def gps_exif(orientation: int | None = None) -> bytes:
    """EXIF with a camera model, a GPS position and, if given, an orientation."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x0110] = "Điện thoại thử"  # Model
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0)}  # GPSInfo
    if orientation:
        exif[0x0112] = orientation
    return exif.tobytes()
