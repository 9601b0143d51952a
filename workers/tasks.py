"""Celery task wrappers: thin, idempotent, acknowledged late (settings), calling services only."""

from celery import shared_task

from catalog.services import product_images_derive


@shared_task(name="workers.tasks.process_listings", autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def process_listings(product_ids: list[int]) -> dict:
    """Follow-up work for changed listings: thumbnails and perceptual hashes of their photos."""
    derived = product_images_derive(product_ids=product_ids)
    return {"products": len(product_ids), "images_derived": derived}
