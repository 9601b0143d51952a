"""Functions that read the catalogue."""

from django.db.models import Prefetch, QuerySet

from catalog.models import Merchant, Product, ProductImage


def product_list_for_merchant(*, merchant: Merchant, filters: dict | None = None) -> QuerySet[Product]:
    """The merchant's own listings, photos prefetched, optionally filtered by category/colour/status."""
    queryset = Product.objects.filter(merchant=merchant).prefetch_related(
        Prefetch("images", queryset=ProductImage.objects.order_by("position"))
    )
    for name in ("category", "colour", "status"):
        value = (filters or {}).get(name)
        if value:
            queryset = queryset.filter(**{f"{name}__iexact": value})
    return queryset


def product_get_for_merchant(*, merchant: Merchant, product_id: int) -> Product | None:
    """One of the merchant's listings, or None (another merchant's id looks like a missing one)."""
    return product_list_for_merchant(merchant=merchant).filter(pk=product_id).first()
