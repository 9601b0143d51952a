"""A small built-in sample catalogue, drawn by code, so the demo needs no files from outside.

Each listing is a studio-style photo (one product on a plain background) of a product type in a
colour, with a title in the style of real catalogues ("Brand Gender Colour Type"). A few listings
are deliberately inconsistent (the title names another colour or type than the photo shows), as
real marketplaces have, so the consistency checker has something to find.
"""

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

COLOURS = {
    "Red": (200, 30, 40), "Navy Blue": (25, 40, 100), "Black": (25, 25, 25), "White": (245, 245, 240),
    "Green": (40, 140, 60), "Yellow": (235, 200, 40), "Pink": (235, 130, 170), "Grey": (130, 130, 135),
}
PRODUCT_TYPES = {
    "Tshirts": ("Apparel", "Topwear"), "Dresses": ("Apparel", "Dress"), "Casual Shoes": ("Footwear", "Shoes"),
    "Handbags": ("Accessories", "Bags"), "Watches": ("Accessories", "Watches"), "Caps": ("Accessories", "Headwear"),
}
BRANDS = ["Northwind", "Lumen", "Acorn", "Tidal", "Kestrel"]
GENDERS = {"Tshirts": ["Men", "Women"], "Dresses": ["Women", "Girls"], "Casual Shoes": ["Men", "Women"],
           "Handbags": ["Women"], "Watches": ["Men", "Women", "Unisex"], "Caps": ["Unisex", "Men"]}


@dataclass(frozen=True)
class SampleListing:
    sku: str
    title: str
    brand: str
    gender: str
    article_type: str
    title_colour: str
    photo_colour: str
    photo_type: str

    @property
    def consistent(self) -> bool:
        return self.title_colour == self.photo_colour and self.article_type == self.photo_type


def draw_product(article_type: str, rgb: tuple[int, int, int], rng: random.Random, size: int = 224) -> Image.Image:
    """A product silhouette in `rgb` on a light studio background, with small random jitter."""
    background = tuple(rng.randint(232, 252) for _ in range(3))
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    s = size / 224
    dx, dy = rng.randint(-10, 10) * s, rng.randint(-10, 10) * s
    shade = tuple(max(0, min(255, c + rng.randint(-18, 18))) for c in rgb)
    outline = tuple(max(0, c - 60) for c in shade)

    def pts(points):
        return [(x * s + dx, y * s + dy) for x, y in points]

    if article_type == "Tshirts":
        draw.polygon(pts([(62, 40), (92, 30), (132, 30), (162, 40), (192, 80), (166, 96), (158, 86), (158, 196),
                          (66, 196), (66, 86), (58, 96), (32, 80)]), fill=shade, outline=outline)
    elif article_type == "Dresses":
        draw.polygon(pts([(92, 26), (132, 26), (140, 90), (182, 200), (42, 200), (84, 90)]), fill=shade, outline=outline)
    elif article_type == "Casual Shoes":
        draw.polygon(pts([(30, 150), (40, 110), (100, 100), (150, 130), (196, 140), (200, 170), (30, 172)]),
                     fill=shade, outline=outline)
        draw.rectangle(pts([(30, 168), (200, 180)]), fill=(235, 235, 235), outline=outline)
    elif article_type == "Handbags":
        draw.arc(pts([(72, 40), (152, 120)]), 180, 360, fill=outline, width=int(8 * s))
        draw.rounded_rectangle(pts([(46, 80), (178, 190)]), radius=int(14 * s), fill=shade, outline=outline)
    elif article_type == "Watches":
        draw.rectangle(pts([(96, 20), (128, 204)]), fill=outline)
        draw.ellipse(pts([(72, 72), (152, 152)]), fill=shade, outline=(60, 60, 60), width=int(6 * s))
        draw.line(pts([(112, 112), (112, 86)]), fill=(240, 240, 240), width=int(3 * s))
    else:  # Caps
        draw.chord(pts([(50, 60), (174, 184)]), 180, 360, fill=shade, outline=outline)
        draw.polygon(pts([(150, 122), (206, 122), (196, 134), (150, 134)]), fill=outline)
    return image.filter(ImageFilter.GaussianBlur(0.6))


def sample_listings(count: int, seed: int, mismatched_share: float) -> list[SampleListing]:
    rng = random.Random(seed)
    listings = []
    for index in range(count):
        article_type = rng.choice(list(PRODUCT_TYPES))
        colour = rng.choice(list(COLOURS))
        photo_colour, photo_type = colour, article_type
        if rng.random() < mismatched_share:
            if rng.random() < 0.5:
                photo_colour = rng.choice([c for c in COLOURS if c != colour])
            else:
                photo_type = rng.choice([t for t in PRODUCT_TYPES if t != article_type])
        brand = rng.choice(BRANDS)
        gender = rng.choice(GENDERS[article_type])
        listings.append(SampleListing(
            sku=f"DEMO-{index + 1:04d}", title=f"{brand} {gender} {colour} {article_type.rstrip('s')}",
            brand=brand, gender=gender, article_type=article_type, title_colour=colour,
            photo_colour=photo_colour, photo_type=photo_type,
        ))
    return listings


def write_sample_catalog(folder: Path, count: int = 240, seed: int = 7, mismatched_share: float = 0.05) -> Path:
    """Write products.csv and images/ for the sample catalogue into `folder`; returns the CSV path."""
    rng = random.Random(seed + 1)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    csv_path = folder / "products.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["sku", "title", "image", "brand", "category", "colour", "gender", "price", "currency",
                         "article_type", "sub_category"])
        for listing in sample_listings(count, seed, mismatched_share):
            photos = []
            for view in range(1 + (rng.random() < 0.3)):  # some listings have a second photo
                name = f"images/{listing.sku}-{view}.jpg"
                draw_product(listing.photo_type, COLOURS[listing.photo_colour], rng).save(folder / name, quality=90)
                photos.append(name)
            category, sub_category = PRODUCT_TYPES[listing.article_type]
            writer.writerow([listing.sku, listing.title, "|".join(photos), listing.brand, category,
                             listing.title_colour, listing.gender, f"{rng.randint(8, 120)}.99", "EUR",
                             listing.article_type, sub_category])
    return csv_path
