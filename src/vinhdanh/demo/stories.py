"""The demo province's exemplary stories (issue 7): four stories at four points of their
life, written and moved through the stories services as their authors would.

- published two days ago: a Farmers' Union member honoured by the decision of 25/11/2026
  (the Bằng khen and the Chiến sĩ thi đua cơ sở titles), with three photos drawn here;
- in review: a Women's Union department and the branches' savings groups, drafted by the
  union's clerk;
- scheduled for next week: the Veterans' Association, holder of the 2023 emulation flag;
- archived: a "Gia đình văn hóa" household, published in 2025 and taken down since.

The photos are simple drawings made with Pillow (no download), uploaded through
``add_photos`` so they are resized like any photo.
"""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from vinhdanh.honors.enums import RecordSource
from vinhdanh.honors.models import HonorRecord
from vinhdanh.movements.models import Movement
from vinhdanh.organisations.enums import Gender
from vinhdanh.organisations.models import User
from vinhdanh.stories.models import ExemplaryStory
from vinhdanh.stories.services import editing, photos, workflow
from vinhdanh.stories.services.editing import subject_name

FARM_BODY = (
    "Mười năm trước, mảnh vườn tạp của gia đình {you} chỉ trồng vài luống rau và mấy gốc "
    "nhãn già. Sau một lớp tập huấn của Hội Nông dân, {you} mạnh dạn vay vốn từ Quỹ Hỗ trợ "
    "nông dân, cải tạo vườn thành trang trại tổng hợp: nhà màng trồng rau an toàn, ao cá, "
    "chuồng gà thả vườn.\n\n"
    "Năm 2025, trang trại cho thu nhập hơn 600 triệu đồng, tạo việc làm thường xuyên cho "
    "tám lao động trong thôn. {You} còn đứng ra thành lập tổ hợp tác rau an toàn, ký hợp đồng "
    "bao tiêu với hai bếp ăn trường học trong huyện.\n\n"
    "“Làm giàu không khó, khó là làm cho cả thôn cùng khá lên”, {you} nói. Mỗi tháng, trang "
    "trại mở cửa một buổi để hội viên đến học cách ủ phân vi sinh và ghi chép sổ sản xuất.")
SAVINGS_BODY = (
    "Từ năm 2021, {unit} hướng dẫn các chi hội cơ sở duy trì tổ tiết kiệm “Nuôi heo đất”: "
    "mỗi hội viên góp "
    "20.000 đồng mỗi tháng, cuối năm cả tổ cùng quyết định cho hội viên khó khăn nhất vay "
    "không lấy lãi.\n\n"
    "Sau bốn năm, 23 lượt hội viên được vay vốn mua giống, sửa nhà; năm hộ đã thoát nghèo. "
    "Mô hình gắn với cuộc vận động xây dựng gia đình 5 không, 3 sạch.")
VETERANS_BODY = (
    "Năm 2023, Hội Cựu chiến binh tỉnh giữ vai trò Khối trưởng Khối thi đua MTTQ và các tổ "
    "chức chính trị - xã hội, dẫn đầu phong trào “Cựu chiến binh gương mẫu”.\n\n"
    "Các cấp hội đã vận động hội viên hiến đất làm đường, giúp nhau phát triển kinh tế và "
    "tham gia giữ gìn an ninh trật tự ở cơ sở; Hội được tặng Cờ thi đua của UBND tỉnh.")
FAMILY_BODY = (
    "Ba thế hệ chung một mái nhà, gia đình ông nhiều năm liền được công nhận Gia đình văn "
    "hóa: con cháu chăm ngoan, học giỏi; vườn nhà xanh, sạch, đẹp.\n\n"
    "Ông là người đầu tiên trong thôn hiến 200 m² đất mở rộng đường liên xóm.")

PHOTO_CAPTIONS = ("Trang trại tổng hợp của gia đình", "Nhà màng trồng rau an toàn",
                  "Nông sản thu hoạch giao cho bếp ăn trường học")


def _user(username: str):
    return User.objects.filter(username=username).first()


def _picture(scene: str, name: str) -> SimpleUploadedFile:
    """A 1800×1200 drawing (sky, field and a scene), as a JPEG upload."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1800, 1200), (186, 222, 245))
    draw = ImageDraw.Draw(image)
    draw.ellipse((1450, 90, 1640, 280), fill=(250, 204, 70))
    draw.rectangle((0, 700, 1800, 1200), fill=(96, 160, 72))
    for x in range(-200, 1800, 120):  # furrows running to the horizon
        draw.line((900, 700, x * 1.6 - 540, 1200), fill=(74, 128, 56), width=6)
    SCENES[scene](draw)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def _farmhouse(draw) -> None:
    draw.rectangle((250, 520, 650, 760), fill=(236, 226, 200), outline=(120, 90, 60), width=6)
    draw.polygon([(210, 530), (450, 360), (690, 530)], fill=(170, 60, 45))
    draw.rectangle((410, 630, 490, 760), fill=(120, 90, 60))
    for x in (900, 1100, 1300):
        draw.ellipse((x, 480, x + 180, 660), fill=(46, 110, 50))
        draw.rectangle((x + 80, 650, x + 100, 740), fill=(110, 80, 50))


def _greenhouses(draw) -> None:
    for x in range(120, 1700, 420):
        draw.chord((x, 520, x + 360, 880), 180, 360, fill=(238, 244, 240),
                   outline=(150, 160, 150), width=5)
        draw.rectangle((x, 700, x + 360, 790), fill=(238, 244, 240))


def _harvest(draw) -> None:
    draw.rectangle((200, 820, 1600, 900), fill=(140, 95, 55))
    for x, colour in ((330, (235, 120, 40)), (760, (220, 50, 50)), (1190, (240, 200, 60))):
        draw.ellipse((x, 640, x + 300, 840), fill=(180, 130, 70))
        for dx in range(30, 260, 55):
            draw.ellipse((x + dx, 600, x + dx + 60, 660), fill=colour)


def _flag(draw) -> None:
    draw.rectangle((840, 150, 860, 900), fill=(90, 90, 90))
    draw.rectangle((860, 160, 1460, 560), fill=(218, 37, 29))
    draw.polygon([(1160, 250), (1190, 340), (1285, 340), (1208, 395), (1237, 485),
                  (1160, 430), (1083, 485), (1112, 395), (1035, 340), (1130, 340)],
                 fill=(255, 222, 0))


SCENES = {"farm": _farmhouse, "greenhouses": _greenhouses, "harvest": _harvest,
          "flag": _flag}


def _movements(*words: str) -> list:
    found = Movement.objects.none()
    for word in words:
        found |= Movement.objects.filter(name__icontains=word)
    return list(found)


def _farmer_records() -> list:
    """The issued Bằng khen of a Farmers' Union member, and the member's other titles."""
    issued = (HonorRecord.objects.filter(source=RecordSource.ISSUED, person__isnull=False,
                                         person__unit__code__startswith="HND")
              .order_by("id").first())
    if issued is None:  # the decisions part of the demo did not run
        issued = HonorRecord.objects.filter(person__unit__code="HND",
                                            honor__code="chien_si_thi_dua_co_so").first()
    return list(HonorRecord.objects.filter(person=issued.person).exclude(
        honor__code="lao_dong_tien_tien").order_by("-year"))


def _published(now) -> ExemplaryStory:
    records = _farmer_records()
    name = subject_name(records[0])
    you = "chị" if records[0].person.gender == Gender.FEMALE else "anh"
    story = editing.create_story(
        actor=_user("vanthu.hnd"), records=records,
        movements=_movements("nông thôn mới", "sáng kiến"),
        title=f"{name}: từ mảnh vườn tạp đến trang trại tổng hợp",
        summary=f"Hội viên Hội Nông dân {name} biến mảnh vườn tạp thành trang trại rau an "
                f"toàn, ao cá, gà thả vườn, tạo việc làm cho tám lao động trong thôn.",
        body=FARM_BODY.format(you=you, You=you.capitalize()))
    added = photos.add_photos(story, actor=_user("vanthu.hnd"), uploads=[
        _picture("farm", "trang-trai.jpg"), _picture("greenhouses", "nha-mang.jpg"),
        _picture("harvest", "thu-hoach.jpg")])
    photos.arrange_photos(story, actor=_user("vanthu.hnd"), order=[p.pk for p in added],
                          captions=dict(zip([p.pk for p in added], PHOTO_CAPTIONS, strict=True)))
    workflow.submit_for_review(story, actor=_user("vanthu.hnd"))
    workflow.publish(story, actor=_user("bantdkt"), now=now - dt.timedelta(days=2))
    ExemplaryStory.objects.filter(pk=story.pk).update(read_count=137)
    return story


def _in_review() -> ExemplaryStory:
    record = (HonorRecord.objects.filter(unit__code__startswith="HLHPN", unit__depth__gte=2)
              .order_by("-year", "id").first()
              or HonorRecord.objects.filter(unit__code="HLHPN").first())
    story = editing.create_story(
        actor=_user("vanthu.hlhpn"), records=[record], movements=_movements("5 không"),
        title=f"Tổ tiết kiệm “Nuôi heo đất” của {record.unit.name}",
        summary="Mỗi hội viên góp 20.000 đồng mỗi tháng; bốn năm, 23 lượt hội viên khó "
                "khăn được vay không lãi, năm hộ thoát nghèo.",
        body=SAVINGS_BODY.format(unit=record.unit.name))
    return workflow.submit_for_review(story, actor=_user("vanthu.hlhpn"))


def _scheduled(today) -> ExemplaryStory:
    records = list(HonorRecord.objects.filter(unit__code="HCCB", honor__code="co_thi_dua_tinh"))
    board = _user("bantdkt")
    story = editing.create_story(
        actor=board, records=records, movements=_movements("bứt phá"),
        title="Cựu chiến binh gương mẫu: Hội Cựu chiến binh tỉnh, Khối trưởng năm 2023",
        summary="Dẫn đầu Khối thi đua năm 2023, Hội Cựu chiến binh tỉnh được tặng Cờ thi đua "
                "của UBND tỉnh.", body=VETERANS_BODY)
    photos.add_photos(story, actor=board, uploads=[_picture("flag", "co-thi-dua.jpg")])
    workflow.submit_for_review(story, actor=board)
    return workflow.publish(story, actor=board, publish_on=today + dt.timedelta(days=7))


def _archived(now) -> ExemplaryStory:
    records = list(HonorRecord.objects.filter(household__isnull=False).order_by(
        "household_id", "-year")[:1])
    records = list(HonorRecord.objects.filter(household=records[0].household))
    board = _user("bantdkt")
    story = editing.create_story(
        actor=board, records=records,
        title=f"Gia đình văn hóa ba thế hệ của ông {subject_name(records[0])}",
        summary="Nhiều năm liền là Gia đình văn hóa; người đầu tiên trong thôn hiến đất mở "
                "đường liên xóm.", body=FAMILY_BODY)
    workflow.submit_for_review(story, actor=board)
    workflow.publish(story, actor=board, now=now - dt.timedelta(days=520))
    ExemplaryStory.objects.filter(pk=story.pk).update(read_count=412)
    return workflow.archive(story, actor=board, now=now - dt.timedelta(days=60))


def create_stories() -> list[ExemplaryStory]:
    """The four demo stories (after the decisions: the first tells of an issued honour)."""
    now = timezone.now()
    return [_published(now), _in_review(), _scheduled(timezone.localdate(now)),
            _archived(now)]


def clear() -> None:
    """Deletes the stories and their photo files (they hold units and honour records)."""
    for story in ExemplaryStory.objects.prefetch_related("photos"):
        for photo in story.photos.all():
            photo.image.delete(save=False)
            photo.thumbnail.delete(save=False)
    ExemplaryStory.objects.all().delete()
