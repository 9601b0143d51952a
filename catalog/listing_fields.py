"""Cleaning of what a merchant says about a listing, shared by the API, the page and the import."""

import hashlib
import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

CORE_FIELDS = ("title", "description", "brand", "category", "colour", "gender", "price", "currency")
MAX_LENGTHS = {"sku": 100, "title": 500, "brand": 200, "category": 200, "colour": 100, "gender": 50}
MAX_DESCRIPTION = 20_000
MAX_ATTRIBUTES = 50
# Zero-width and bidi-control characters render as nothing yet break matching and search.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def clean_text(value: Any) -> str:
    """NFC-normalised text with invisible characters removed and whitespace collapsed."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    text = INVISIBLE.sub("", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return " ".join(text.split())


def clean_listing(data: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise listing fields; raise ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    cleaned: dict[str, Any] = {}
    for name in ("sku", "title", "brand", "category", "colour", "gender"):
        if name in data:
            value = clean_text(data[name])
            if len(value) > MAX_LENGTHS[name]:
                errors[name] = f"{name} is {len(value)} characters; at most {MAX_LENGTHS[name]} allowed"
            cleaned[name] = value
    for name in ("sku", "title"):
        if name in cleaned and not cleaned[name]:
            errors[name] = f"{name} is empty"
    if "description" in data:
        description = unicodedata.normalize("NFC", str(data["description"] or "")).strip()
        if len(description) > MAX_DESCRIPTION:
            errors["description"] = f"description is longer than {MAX_DESCRIPTION} characters"
        cleaned["description"] = INVISIBLE.sub("", description)
    if "price" in data:
        cleaned["price"] = None
        raw = clean_text(data["price"])
        if raw:
            try:
                price = Decimal(raw)
            except InvalidOperation:
                errors["price"] = f"price {raw!r} is not a number"
            else:
                if not price.is_finite() or price < 0 or price >= Decimal("1e10"):
                    errors["price"] = f"price {raw!r} is out of range"
                else:
                    cleaned["price"] = price.quantize(Decimal("0.01"))
    if "currency" in data:
        currency = clean_text(data["currency"]).upper()
        if currency and not re.fullmatch(r"[A-Z]{3}", currency):
            errors["currency"] = f"currency {currency!r} is not a 3-letter ISO code"
        cleaned["currency"] = currency
    if "attributes" in data:
        attributes = data["attributes"] or {}
        if not isinstance(attributes, dict) or len(attributes) > MAX_ATTRIBUTES:
            errors["attributes"] = f"attributes must be an object of at most {MAX_ATTRIBUTES} entries"
        else:
            cleaned["attributes"] = {
                clean_text(key)[:100]: clean_text(value)[:500]
                for key, value in attributes.items()
                if clean_text(key) and clean_text(value)
            }
    if errors:
        raise ValidationError(errors)
    return cleaned


def listing_fingerprint(fields: dict[str, Any], image_checksums: list[str]) -> str:
    """A stable hash of what a listing says: same fingerprint means nothing to re-process."""
    payload = {name: str(fields.get(name) or "") for name in CORE_FIELDS}
    payload["attributes"] = fields.get("attributes") or {}
    payload["images"] = image_checksums
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
