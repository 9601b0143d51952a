"""What the catalogue announces. `catalog` never imports the rooms that react (workers, matching)."""

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

# Sent after the transaction that changed the listings commits; kwargs: product_ids (list[int]).
listings_changed = Signal()


def announce_listings_changed(product_ids: Iterable[int]) -> None:
    """Tell subscribers, once the current transaction commits, that these listings changed."""
    ids = sorted(set(product_ids))
    if ids:
        transaction.on_commit(lambda: listings_changed.send(sender="catalog", product_ids=ids))
