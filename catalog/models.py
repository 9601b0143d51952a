"""The listings domain: merchants, products and their photos. Knows nothing about vectors."""

from django.conf import settings
from django.db import models


class Merchant(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="merchant")
    name = models.CharField(max_length=150, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        HIDDEN = "hidden", "Hidden"

    merchant = models.ForeignKey(Merchant, on_delete=models.CASCADE, related_name="products")
    sku = models.CharField(max_length=100)
    title = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    brand = models.CharField(max_length=200, blank=True)
    category = models.CharField(max_length=200, blank=True, db_index=True)
    colour = models.CharField(max_length=100, blank=True, db_index=True)
    gender = models.CharField(max_length=50, blank=True)
    price = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE, db_index=True)
    # Hash of everything a listing says (fields and photo checksums): a re-import with the same
    # fingerprint is "unchanged", and downstream work keys on it to skip up-to-date listings.
    content_fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["merchant", "sku"], name="product_unique_merchant_sku")]
        ordering = ["-updated_at", "-id"]

    def __str__(self) -> str:
        return f"{self.merchant_id}:{self.sku} {self.title}"

    @property
    def main_image(self) -> "ProductImage | None":
        images = list(self.images.all())
        return images[0] if images else None


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    position = models.PositiveSmallIntegerField(default=0)
    # Stored content-addressed (catalog.services.image_file_store): one file per distinct photo.
    file = models.FileField(upload_to="products/", max_length=300)
    checksum = models.CharField(max_length=64, db_index=True)
    format = models.CharField(max_length=10)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    # Derived by a worker after commit (catalog.services.product_images_derive).
    thumbnail = models.FileField(upload_to="thumbnails/", max_length=300, blank=True)
    perceptual_hash = models.CharField(max_length=16, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["product_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["product", "position"], name="product_image_unique_position")
        ]

    def __str__(self) -> str:
        return f"{self.product_id}#{self.position}"
