import pytest
from django.core.files.storage import default_storage

from catalog.models import ProductImage
from catalog.services import ImageUpload, product_create
from tests.conftest import image_bytes
from tests.workers.conftest import wait_until

pytestmark = pytest.mark.worker


def test_upload_is_thumbnailed_and_hashed_by_a_real_worker(celery_worker_process, make_account):
    merchant = make_account("worker-merchant").merchant
    product = product_create(
        merchant=merchant, sku="W-1", title="Northwind Men Red Tshirt",
        images=[ImageUpload(image_bytes((200, 30, 40), size=(300, 400))),
                ImageUpload(image_bytes((20, 30, 200), size=(300, 400), fmt="PNG"))],
    )
    # Nothing is done in-process: the task went through Redis to the worker.
    assert not ProductImage.objects.filter(product=product).exclude(perceptual_hash="").exists()

    def derived():
        images = list(ProductImage.objects.filter(product=product).exclude(perceptual_hash=""))
        return images if len(images) == 2 else None

    images = wait_until(derived, timeout=90)
    for image in images:
        assert len(image.perceptual_hash) == 16
        assert image.thumbnail and default_storage.exists(image.thumbnail.name)
    assert celery_worker_process.poll() is None, "the worker exited early"
