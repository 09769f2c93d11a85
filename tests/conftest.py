"""Personas and a small province in which other units' data is always present.

The province has two organisations, each with a sub-unit and people, and one bloc that
holds both; a clerk of one organisation must never see the other's people.
"""

from types import SimpleNamespace

import pytest
from django.test import Client

from tests.factories import GroupFactory, PersonFactory, UnitFactory, UserFactory
from vinhdanh.organisations.enums import GroupKind, Role, UnitKind, UnitLevel
from vinhdanh.organisations.models import RoleAssignment
from vinhdanh.organisations.services.groups import create_group

PASSWORD = "mat-khau-thu-1"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # Argon2 is deliberately slow; tests log in hundreds of times.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Public pages are cached in process memory; one test's page must not serve another's.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def province(db):
    root = UnitFactory(code="T", name="Tỉnh Hòa Bình Xanh", kind=UnitKind.PROVINCE, parent=None)
    farmers = UnitFactory(code="HND", name="Hội Nông dân tỉnh", parent=root)
    farmers_sub = UnitFactory(code="HND-VP", name="Văn phòng Hội Nông dân", parent=farmers,
                              level=UnitLevel.GRASSROOTS)
    women = UnitFactory(code="HLHPN", name="Hội Liên hiệp Phụ nữ tỉnh", parent=root)
    women_sub = UnitFactory(code="HLHPN-VP", name="Văn phòng Hội Phụ nữ", parent=women,
                            level=UnitLevel.GRASSROOTS)
    bloc = create_group(actor=None, kind=GroupKind.BLOC, year=2024, code="MTTQ",
                        name="Khối MTTQ và các tổ chức chính trị - xã hội",
                        members=[farmers, women], organiser=root, leader=farmers, deputy=women)
    return SimpleNamespace(
        root=root, farmers=farmers, farmers_sub=farmers_sub, women=women, women_sub=women_sub,
        bloc=bloc,
        farmer_people=[PersonFactory(unit=farmers), PersonFactory(unit=farmers_sub)],
        women_people=[PersonFactory(unit=women), PersonFactory(unit=women_sub)],
    )


def _persona(role, *, unit=None, group=None, username):
    user = UserFactory(username=username)
    RoleAssignment.objects.create(user=user, role=role, unit=unit, group=group)
    return user


@pytest.fixture
def personas(province):
    """One user per role; the clerk belongs to the Farmers' Union."""
    return SimpleNamespace(
        admin=_persona(Role.ADMIN, unit=province.root, username="admin"),
        board_officer=_persona(Role.BOARD_OFFICER, unit=province.root, username="officer"),
        group_leader=_persona(Role.GROUP_LEADER, group=province.bloc, username="leader"),
        unit_clerk=_persona(Role.UNIT_CLERK, unit=province.farmers, username="clerk"),
        council_member=_persona(Role.COUNCIL_MEMBER, unit=province.root, username="council"),
        signer=_persona(Role.SIGNER, unit=province.root, username="signer"),
        viewer=_persona(Role.VIEWER, unit=province.root, username="viewer"),
    )


@pytest.fixture
def client_for():
    """``client_for(user)``: a test client logged in as ``user``."""

    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def signing(settings, tmp_path):
    """A throw-away PKCS#12 configured as the signing certificate, its CA trusted by the
    verification; the loaded identity is cached per process, so the cache is cleared around
    the test."""
    from vinhdanh.decisions.services import seal
    from vinhdanh.documents.signing import make_test_pkcs12

    data, passphrase, ca_pem = make_test_pkcs12("Chủ tịch UBND tỉnh Hòa Bình Xanh")
    (tmp_path / "signer.p12").write_bytes(data)
    (tmp_path / "ca.pem").write_bytes(ca_pem)
    settings.SIGNING_PKCS12 = str(tmp_path / "signer.p12")
    settings.SIGNING_PASSPHRASE = passphrase.decode()
    settings.SIGNING_TRUST_ROOTS = [str(tmp_path / "ca.pem")]
    seal._identity.cache_clear()
    yield
    seal._identity.cache_clear()


__all__ = ["GroupFactory", "PASSWORD"]
