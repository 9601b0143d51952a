"""Bulk import of a catalogue CSV (format in ARCHITECTURE.md), idempotent on (merchant, sku).

Rows are validated one by one: a bad row is reported with its line number and reason and every
good row is still imported. Good rows are written in chunks, each chunk in one transaction.
"""

import csv
import io
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from catalog.images import ImageRejected, InspectedImage, inspect_image
from catalog.listing_fields import clean_listing, listing_fingerprint
from catalog.models import Merchant, Product, ProductImage
from catalog.services import MAX_IMAGES_PER_PRODUCT, image_file_store
from catalog.signals import announce_listings_changed

REQUIRED_COLUMNS = ("sku", "title", "image")
OPTIONAL_COLUMNS = ("description", "brand", "category", "colour", "gender", "price", "currency")
CHUNK_SIZE = 500

ProgressCallback = Callable[[int], None]


class CatalogFileError(ValueError):
    """The file as a whole cannot be read as a catalogue (no row is imported)."""


@dataclass
class RejectedRow:
    line: int
    sku: str
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [{"line": r.line, "sku": r.sku, "reason": r.reason} for r in self.rejected],
        }


@dataclass
class ParsedRow:
    line: int
    fields: dict[str, Any]
    photos: list[tuple[bytes, InspectedImage]]
    fingerprint: str


class RowRejected(ValueError):
    pass


def read_catalog_rows(csv_path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Read the header and the (line number, row) pairs of a catalogue file."""
    try:
        raw = csv_path.read_bytes()
    except OSError as exc:
        raise CatalogFileError(f"cannot read {csv_path.name}: {exc.strerror}") from None
    # Undecodable bytes survive as surrogates so that only the rows holding them are rejected.
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="__extra__")
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise CatalogFileError("the file is empty: a header row with sku,title,image is required")
    reader.fieldnames = header
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        hint = ""
        if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
            hint = " (the file does not look comma-separated)"
        raise CatalogFileError(f"missing required column(s): {', '.join(missing)}{hint}")
    if len(set(header)) != len(header):
        raise CatalogFileError("the header names a column twice")
    rows = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise CatalogFileError(f"line {reader.line_num}: {exc}") from None
    return header, rows


def _resolve_photo(base_dir: Path, relative: str) -> Path:
    relative = relative.strip()
    if not relative:
        raise RowRejected("an image path is empty")
    # Checked on the path as written (not after following links): the catalogue's folder may
    # legitimately link to a photo store elsewhere, but a row may not climb out of it.
    normalised = os.path.normpath(relative.replace("\\", "/"))
    if os.path.isabs(normalised) or normalised == ".." or normalised.startswith("../"):
        raise RowRejected(f"image path {relative!r} points outside the catalogue's folder")
    candidate = base_dir / normalised
    if not candidate.is_file():
        raise RowRejected(f"image {relative!r} not found")
    return candidate


def parse_row(line: int, row: dict[str, Any], base_dir: Path) -> ParsedRow:
    """Validate one CSV row: its fields and every photo it names."""
    if row.get("__extra__"):
        raise RowRejected("the row has more cells than the header")
    if any(value is None for value in row.values()):
        raise RowRejected("the row has fewer cells than the header")
    if any("\udc80" <= ch <= "\udcff" for value in row.values() for ch in value):
        raise RowRejected("the row is not valid UTF-8")
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    data: dict[str, Any] = {name: row.get(name, "") for name in ("sku", "title", *OPTIONAL_COLUMNS)}
    data["attributes"] = {key: value for key, value in row.items() if key not in known and key != "__extra__"}
    try:
        fields = clean_listing(data)
    except ValidationError as exc:
        raise RowRejected("; ".join(msg for msgs in exc.message_dict.values() for msg in msgs)) from None
    paths = [part for part in (row.get("image") or "").split("|") if part.strip()]
    if not paths:
        raise RowRejected("no image given")
    if len(paths) > MAX_IMAGES_PER_PRODUCT:
        raise RowRejected(f"{len(paths)} images; at most {MAX_IMAGES_PER_PRODUCT} per listing")
    photos = []
    for relative in paths:
        path = _resolve_photo(base_dir, relative)
        try:
            data_bytes = path.read_bytes()
            photos.append((data_bytes, inspect_image(data_bytes)))
        except ImageRejected as exc:
            raise RowRejected(f"image {relative.strip()!r}: {exc}") from None
        except OSError as exc:
            raise RowRejected(f"image {relative.strip()!r} cannot be read: {exc.strerror}") from None
    fingerprint = listing_fingerprint(fields, [info.checksum for _, info in photos])
    return ParsedRow(line=line, fields=fields, photos=photos, fingerprint=fingerprint)


def _image_rows(product: Product, photos: list[tuple[bytes, InspectedImage]]) -> list[ProductImage]:
    return [
        ProductImage(product=product, position=position, file=image_file_store(data, info),
                     checksum=info.checksum, format=info.format, width=info.width, height=info.height)
        for position, (data, info) in enumerate(photos)
    ]


@transaction.atomic
def _write_chunk(merchant: Merchant, rows: list[ParsedRow], report: ImportReport) -> None:
    existing = {p.sku: p for p in Product.objects.filter(merchant=merchant, sku__in=[r.fields["sku"] for r in rows])}
    new_products, changed, image_rows = [], [], []
    for row in rows:
        product = existing.get(row.fields["sku"])
        if product is None:
            new_products.append((Product(merchant=merchant, content_fingerprint=row.fingerprint, **row.fields), row))
        elif product.content_fingerprint == row.fingerprint:
            report.unchanged += 1
        else:
            for name, value in row.fields.items():
                setattr(product, name, value)
            product.content_fingerprint = row.fingerprint
            changed.append((product, row))
    Product.objects.bulk_create([product for product, _ in new_products])
    if changed:
        Product.objects.bulk_update([p for p, _ in changed],
                                    [*changed[0][1].fields.keys(), "content_fingerprint", "updated_at"])
        ProductImage.objects.filter(product__in=[p for p, _ in changed]).delete()
    for product, row in [*new_products, *changed]:
        image_rows.extend(_image_rows(product, row.photos))
    ProductImage.objects.bulk_create(image_rows)
    report.created += len(new_products)
    report.updated += len(changed)
    announce_listings_changed([p.id for p, _ in [*new_products, *changed]])


def _parsed_rows(rows, base_dir: Path, report: ImportReport, progress: ProgressCallback | None) -> Iterator[ParsedRow]:
    seen: dict[str, int] = {}
    for line, row in rows:
        sku = (row.get("sku") or "").strip()
        try:
            parsed = parse_row(line, row, base_dir)
            if parsed.fields["sku"] in seen:
                raise RowRejected(f"sku {parsed.fields['sku']!r} already appears on line {seen[parsed.fields['sku']]}")
            seen[parsed.fields["sku"]] = line
            yield parsed
        except RowRejected as exc:
            report.rejected.append(RejectedRow(line=line, sku=sku, reason=str(exc)))
        if progress:
            progress(1)


def catalog_import(*, merchant: Merchant, csv_path: Path, progress: ProgressCallback | None = None,
                   on_total: Callable[[int], None] | None = None) -> ImportReport:
    """Import a catalogue CSV for `merchant`; re-importing the same file changes nothing."""
    csv_path = Path(csv_path).resolve()
    _, rows = read_catalog_rows(csv_path)
    if on_total:
        on_total(len(rows))
    report = ImportReport()
    chunk: list[ParsedRow] = []
    for parsed in _parsed_rows(rows, csv_path.parent, report, progress):
        chunk.append(parsed)
        if len(chunk) >= CHUNK_SIZE:
            _write_chunk(merchant, chunk, report)
            chunk = []
    if chunk:
        _write_chunk(merchant, chunk, report)
    return report


def catalog_import_archive(*, merchant: Merchant, archive, max_bytes: int) -> ImportReport:
    """Import a zip holding one catalogue CSV and the photos it names (paths relative to the CSV)."""
    import tempfile
    import zipfile

    try:
        bundle = zipfile.ZipFile(archive)
    except zipfile.BadZipFile:
        raise CatalogFileError("the upload is not a zip archive") from None
    with bundle, tempfile.TemporaryDirectory(prefix="catalign-import-") as folder:
        root = Path(folder).resolve()
        members = [m for m in bundle.infolist() if not m.is_dir()]
        if sum(m.file_size for m in members) > max_bytes:
            raise CatalogFileError(f"the archive unpacks to more than {max_bytes:,} bytes")
        for member in members:
            target = (root / member.filename).resolve()
            if not target.is_relative_to(root):
                raise CatalogFileError(f"archive entry {member.filename!r} points outside the archive")
            target.parent.mkdir(parents=True, exist_ok=True)
            with bundle.open(member) as source, open(target, "wb") as sink:
                sink.write(source.read(max_bytes + 1))
        csv_files = sorted(root.rglob("*.csv"), key=lambda p: (len(p.relative_to(root).parts), str(p)))
        if not csv_files:
            raise CatalogFileError("the archive holds no .csv catalogue file")
        return catalog_import(merchant=merchant, csv_path=csv_files[0])
