"""Photos: resized on upload, EXIF applied then stripped, refused when not an image or too
big, twelve at most; removing one deletes its files."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext, override

from tests.stories.support import gps_exif, honour, jpeg, story
from vinhdanh.core.errors import DomainError
from vinhdanh.stories import photos as processing
from vinhdanh.stories.enums import MAX_PHOTOS
from vinhdanh.stories.models import StoryPhoto
from vinhdanh.stories.services import photos
from vinhdanh.stories.services.photos import REFUSALS


@pytest.fixture
def made(province):
    return story(honour(province.farmer_people[0]))


def _open(field):
    from PIL import Image

    with field.open("rb") as stored:
        return Image.open(io.BytesIO(stored.read()))


def test_add_photo_resizes_large_jpeg(made, personas):
    [photo] = photos.add_photos(made, actor=personas.unit_clerk, uploads=[jpeg(3000, 2000)])
    image, thumb = _open(photo.image), _open(photo.thumbnail)
    assert (image.format, image.size) == ("JPEG", (1600, 1067))
    assert thumb.size == (480, 320)
    assert (photo.width, photo.height, photo.thumb_width, photo.thumb_height) == (
        1600, 1067, 480, 320)


def test_add_photo_small_image_not_enlarged(made):
    [photo] = photos.add_photos(made, actor=None, uploads=[jpeg(800, 600)])
    assert _open(photo.image).size == (800, 600)


def test_add_photo_strips_exif_and_applies_orientation(made):
    # Orientation 6: the camera was turned; the stored photo stands upright.
    [photo] = photos.add_photos(made, actor=None,
                                uploads=[jpeg(1200, 800, exif=gps_exif(orientation=6))])
    stored = _open(photo.image)
    assert stored.size == (800, 1200)
    assert dict(stored.getexif()) == {}
    with photo.image.open("rb") as raw:
        assert b"Exif" not in raw.read()


def test_text_file_named_jpg_refused_with_message(made):
    fake = SimpleUploadedFile("anh.jpg", b"Day khong phai la anh\n" * 50)
    with override("vi"), pytest.raises(DomainError) as refused:
        photos.add_photos(made, actor=None, uploads=[fake])
    message = refused.value.error_dict["photos"][0].messages[0]
    with override("vi"):
        assert message == gettext("%(name)s: %(problem)s") % {
            "name": "anh.jpg", "problem": REFUSALS["format"]}
    assert not StoryPhoto.objects.exists()


def test_too_many_pixels_refused(made, monkeypatch):
    monkeypatch.setattr(processing, "MAX_PIXELS", 1000)
    with pytest.raises(processing.PhotoRefused) as refused:
        processing.process(jpeg(100, 100))
    assert refused.value.reason == "pixels"


def test_too_large_file_refused(made, monkeypatch):
    monkeypatch.setattr(processing, "MAX_BYTES", 100)
    with pytest.raises(processing.PhotoRefused) as refused:
        processing.check(jpeg(100, 100))
    assert refused.value.reason == "size"


def test_png_with_transparency_becomes_jpeg_on_white(made):
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (40, 30), (0, 0, 0, 0)).save(out, "PNG")
    [photo] = photos.add_photos(made, actor=None,
                                uploads=[SimpleUploadedFile("a.png", out.getvalue())])
    stored = _open(photo.image)
    assert stored.format == "JPEG" and stored.getpixel((5, 5))[0] > 240


def test_at_most_twelve_photos(made):
    photos.add_photos(made, actor=None, uploads=[jpeg(40, 30) for _ in range(MAX_PHOTOS)])
    with pytest.raises(DomainError):
        photos.add_photos(made, actor=None, uploads=[jpeg(40, 30)])
    assert made.photos.count() == MAX_PHOTOS


def test_photo_names_are_unguessable_uuids(made):
    [photo] = photos.add_photos(made, actor=None, uploads=[jpeg(40, 30, name="nha-toi.jpg")])
    assert photo.image.name == f"stories/{photo.public_id.hex}.jpg"
    assert "nha-toi" not in photo.thumbnail.name


def test_remove_photo_deletes_files(made, django_capture_on_commit_callbacks):
    [photo] = photos.add_photos(made, actor=None, uploads=[jpeg(40, 30)])
    names = [photo.image.name, photo.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        photos.remove_photo(photo, actor=None)
    assert not any(default_storage.exists(name) for name in names)


def test_arrange_photos_sets_order_and_captions(made):
    first, second = photos.add_photos(made, actor=None, uploads=[jpeg(40, 30), jpeg(40, 30)])
    photos.arrange_photos(made, actor=None, captions={second.pk: "Vườn rau"},
                          order=[second.pk, first.pk])
    assert [(p.pk, p.caption) for p in made.photos.all()] == [
        (second.pk, "Vườn rau"), (first.pk, "")]


def test_photo_change_renews_updated_at(made):
    before = made.updated_at
    photos.add_photos(made, actor=None, uploads=[jpeg(40, 30)])
    made.refresh_from_db()
    assert made.updated_at > before
