"""Shared pieces of the movements tests: a movement of the test province, files, honours."""

import datetime as dt
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from vinhdanh.honors.models import Honor
from vinhdanh.movements.enums import MovementKind
from vinhdanh.movements.services.movements import launch_movement
from vinhdanh.movements.services.registrations import set_registration_period

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf(name="ke-hoach.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def honor(code: str) -> Honor:
    return Honor.objects.get(code=code)


def movement_for(province, *, participants=None, cascade=True, launched_by=None, **fields):
    """A 2024 movement of the province root with two targets; the farmers take part."""
    data = {"kind": MovementKind.REGULAR, "name": "Phong trào Chung sức xây dựng nông thôn mới",
            "starts_on": dt.date(2024, 1, 1), "ends_on": dt.date(2025, 12, 31),
            "targets": [{"name": "Nhà đại đoàn kết", "measure": "căn", "target_value": 20},
                        {"name": "Kinh phí vận động", "measure": "triệu đồng",
                         "target_value": 500}],
            **fields}
    return launch_movement(
        actor=None, launched_by=launched_by or province.root, cascade=cascade,
        participants=[province.farmers] if participants is None else participants, **data)


def open_period(year=2024, opens_on=dt.date(2024, 1, 1), deadline=dt.date(2024, 3, 31)):
    return set_registration_period(actor=None, year=year, opens_on=opens_on, deadline=deadline)
