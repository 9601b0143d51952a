"""Functions that write the catalogue. The API, the pages, the commands and the tasks call these."""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import imagehash
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image
from rest_framework.authtoken.models import Token

from catalog.images import ImageRejected, InspectedImage, inspect_image, open_rgb
from catalog.listing_fields import clean_listing, listing_fingerprint
from catalog.models import Merchant, Product, ProductImage
from catalog.roles import Role
from catalog.signals import announce_listings_changed

MAX_IMAGES_PER_PRODUCT = 12


@dataclass(frozen=True)
class ImageUpload:
    """Photo bytes as received, with the name the merchant gave them (used in messages only)."""

    data: bytes
    name: str = "photo"


@dataclass(frozen=True)
class UserAccount:
    user: Any
    role: Role
    token: str
    merchant: Merchant | None


@transaction.atomic
def user_create_or_update(*, username: str, role: Role, password: str | None = None) -> UserAccount:
    """Create or update a user with one role; merchants get a Merchant of the same name."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username)
    if password:
        user.set_password(password)
    elif not user.has_usable_password():
        user.set_unusable_password()
    user.save()
    user.groups.set([Group.objects.get_or_create(name=role.value)[0]])
    merchant = merchant_get_or_create(user=user) if role is Role.MERCHANT else None
    token, _ = Token.objects.get_or_create(user=user)
    return UserAccount(user=user, role=role, token=token.key, merchant=merchant)


def merchant_get_or_create(*, user=None, name: str | None = None) -> Merchant:
    """The merchant of `user`, or of a user named `name` (created without a password if missing)."""
    if user is None:
        return user_create_or_update(username=name, role=Role.MERCHANT).merchant
    merchant, _ = Merchant.objects.get_or_create(user=user, defaults={"name": user.get_username()})
    return merchant


def inspect_uploads(images: Sequence[ImageUpload]) -> list[InspectedImage]:
    """Inspect every photo before anything is written; the first bad one raises ValidationError."""
    if len(images) > MAX_IMAGES_PER_PRODUCT:
        raise ValidationError({"images": f"at most {MAX_IMAGES_PER_PRODUCT} photos per listing"})
    inspected = []
    for upload in images:
        try:
            inspected.append(inspect_image(upload.data))
        except ImageRejected as exc:
            raise ValidationError({"images": f"{upload.name}: {exc}"}) from None
    return inspected


def image_file_store(data: bytes, inspected: InspectedImage) -> str:
    """Save photo bytes under their checksum (once) and return the storage name."""
    name = f"products/{inspected.checksum[:2]}/{inspected.checksum}{inspected.extension}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    return name


def _image_rows(product: Product, images: Sequence[ImageUpload], inspected: Sequence[InspectedImage], start: int):
    return [
        ProductImage(
            product=product,
            position=start + offset,
            file=image_file_store(upload.data, info),
            checksum=info.checksum,
            format=info.format,
            width=info.width,
            height=info.height,
        )
        for offset, (upload, info) in enumerate(zip(images, inspected, strict=True))
    ]


def _refresh_fingerprint(product: Product) -> None:
    checksums = list(product.images.order_by("position").values_list("checksum", flat=True))
    fields = {name: getattr(product, name) for name in ("title", "description", "brand", "category",
                                                          "colour", "gender", "price", "currency", "attributes")}
    product.content_fingerprint = listing_fingerprint(fields, checksums)
    product.save(update_fields=["content_fingerprint", "updated_at"])


@transaction.atomic
def product_create(*, merchant: Merchant, sku: str, title: str, images: Sequence[ImageUpload] = (),
                   **fields: Any) -> Product:
    """Create one listing with its photos, or raise ValidationError and write nothing."""
    cleaned = clean_listing({"sku": sku, "title": title, **fields})
    inspected = inspect_uploads(images)
    if Product.objects.filter(merchant=merchant, sku=cleaned["sku"]).exists():
        raise ValidationError({"sku": f"you already have a listing with sku {cleaned['sku']!r}"})
    product = Product.objects.create(merchant=merchant, **cleaned)
    ProductImage.objects.bulk_create(_image_rows(product, images, inspected, start=0))
    _refresh_fingerprint(product)
    announce_listings_changed([product.id])
    return product


@transaction.atomic
def product_update(*, product: Product, **fields: Any) -> Product:
    """Change a listing's fields; an unchanged listing is left (and announced) as it was."""
    cleaned = clean_listing(fields)
    if "sku" in cleaned and cleaned["sku"] != product.sku:
        if Product.objects.filter(merchant=product.merchant, sku=cleaned["sku"]).exclude(pk=product.pk).exists():
            raise ValidationError({"sku": f"you already have a listing with sku {cleaned['sku']!r}"})
    for name, value in cleaned.items():
        setattr(product, name, value)
    product.save()
    before = product.content_fingerprint
    _refresh_fingerprint(product)
    if product.content_fingerprint != before:
        announce_listings_changed([product.id])
    return product


@transaction.atomic
def product_status_set(*, product: Product, status: str) -> Product:
    """Show or hide a listing on the storefront."""
    if status not in Product.Status.values:
        raise ValidationError({"status": f"status must be one of {', '.join(Product.Status.values)}"})
    if product.status != status:
        product.status = status
        product.save(update_fields=["status", "updated_at"])
        announce_listings_changed([product.id])
    return product


@transaction.atomic
def product_delete(*, product: Product) -> None:
    """Delete a listing and its photo rows (files shared by checksum stay for other listings)."""
    product.delete()


@transaction.atomic
def product_images_attach(*, product: Product, images: Sequence[ImageUpload]) -> list[ProductImage]:
    """Append photos to a listing after its existing ones; all or nothing."""
    inspected = inspect_uploads(images)
    existing = product.images.count()
    if existing + len(images) > MAX_IMAGES_PER_PRODUCT:
        raise ValidationError({"images": f"at most {MAX_IMAGES_PER_PRODUCT} photos per listing"})
    next_position = (product.images.order_by("-position").values_list("position", flat=True).first() or 0)
    start = next_position + 1 if existing else 0
    rows = ProductImage.objects.bulk_create(_image_rows(product, images, inspected, start=start))
    _refresh_fingerprint(product)
    announce_listings_changed([product.id])
    return rows


@transaction.atomic
def product_image_delete(*, image: ProductImage) -> None:
    product = image.product
    image.delete()
    _refresh_fingerprint(product)
    announce_listings_changed([product.id])


def product_images_derive(*, product_ids: Iterable[int]) -> int:
    """Make each photo's thumbnail and perceptual hash where missing; returns how many were made."""
    pending = ProductImage.objects.filter(product_id__in=list(product_ids)).filter(
        perceptual_hash="").order_by("id")
    size = settings.CATALIGN_THUMBNAIL_SIZE
    done = []
    for image in pending.iterator(chunk_size=500):
        try:
            with default_storage.open(image.file.name, "rb") as handle:
                rgb = open_rgb(handle.read())
        except (OSError, ValueError):
            continue  # the file went missing; the listing is re-derived if photos are re-uploaded
        image.perceptual_hash = str(imagehash.phash(rgb))
        thumb_name = f"thumbnails/{image.checksum[:2]}/{image.checksum}-{size}.jpg"
        if not default_storage.exists(thumb_name):
            rgb.thumbnail((size, size), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            rgb.save(buffer, format="JPEG", quality=85)
            thumb_name = default_storage.save(thumb_name, ContentFile(buffer.getvalue()))
        image.thumbnail = thumb_name
        done.append(image)
    ProductImage.objects.bulk_update(done, ["perceptual_hash", "thumbnail"], batch_size=500)
    return len(done)
