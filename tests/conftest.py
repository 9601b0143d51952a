import io
import os

import pytest
from PIL import Image
from rest_framework.test import APIClient

from catalog.roles import Role
from catalog.services import user_create_or_update

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_bytes(colour=(200, 30, 40), size=(64, 80), fmt="JPEG", mode="RGB", **save) -> bytes:
    """A real encoded image made here (tests never need files from outside)."""
    image = Image.new(mode, size, colour if mode in {"RGB", "RGBA", "CMYK"} else 128)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


@pytest.fixture
def make_account(db):
    def make(username: str, role: Role = Role.MERCHANT, password: str | None = "pw-for-tests-123"):
        return user_create_or_update(username=username, role=role, password=password)

    return make


@pytest.fixture
def merchant_a(make_account):
    return make_account("merchant-a")


@pytest.fixture
def merchant_b(make_account):
    return make_account("merchant-b")


@pytest.fixture
def moderator(make_account):
    return make_account("moderator", Role.MODERATOR)


@pytest.fixture
def api_client_for():
    def client_for(account=None) -> APIClient:
        client = APIClient()
        if account is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {account.token}")
        return client

    return client_for
