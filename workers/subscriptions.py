"""Workers subscribe to what the catalogue announces and enqueue the follow-up work."""

from catalog.signals import listings_changed


def enqueue_listing_work(sender, product_ids: list[int], **kwargs) -> None:
    from workers.tasks import process_listings

    process_listings.delay(product_ids)


def connect() -> None:
    listings_changed.connect(enqueue_listing_work, dispatch_uid="workers.enqueue_listing_work")
