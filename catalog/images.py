"""Image intake: decide by content whether bytes are a photo we accept, and normalise it.

Everything that reads merchant-supplied image bytes goes through `inspect_image`, so the API,
the bulk import and the upload page reject the same files with the same messages.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}

# Our own pixel limit is checked on the header before decoding; Pillow's guard stays as a backstop.
Image.MAX_IMAGE_PIXELS = None


class ImageRejected(ValueError):
    """The bytes are not an image Catalign accepts; the message says why, for a person."""


@dataclass(frozen=True)
class InspectedImage:
    format: str
    extension: str
    width: int
    height: int
    checksum: str


def inspect_image(data: bytes) -> InspectedImage:
    """Validate image bytes by content and return their format, size and SHA-256."""
    max_bytes = settings.CATALIGN_MAX_IMAGE_BYTES
    max_pixels = settings.CATALIGN_MAX_IMAGE_PIXELS
    if not data:
        raise ImageRejected("the file is empty (0 bytes)")
    if len(data) > max_bytes:
        raise ImageRejected(f"the file is {len(data):,} bytes; the limit is {max_bytes:,} bytes")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise ImageRejected(f"{image.format} images are not accepted; use JPEG, PNG or WebP")
            width, height = image.size
            if width * height > max_pixels:
                raise ImageRejected(
                    f"the image is {width}x{height} ({width * height:,} pixels); "
                    f"the limit is {max_pixels:,} pixels"
                )
            if width < 1 or height < 1:
                raise ImageRejected("the image has no pixels")
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image.load()  # decodes fully: truncated or corrupt data fails here
            image_format = image.format
    except ImageRejected:
        raise
    except UnidentifiedImageError:
        raise ImageRejected("the file is not a recognised image (JPEG, PNG or WebP expected)") from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(f"the image is truncated or corrupt ({exc})") from None
    return InspectedImage(
        format=image_format,
        extension=ACCEPTED_FORMATS[image_format],
        width=width,
        height=height,
        checksum=hashlib.sha256(data).hexdigest(),
    )


def to_rgb(image: Image.Image) -> Image.Image:
    """The photo as a model or a person sees it: EXIF orientation applied, 8-bit RGB on white."""
    image = ImageOps.exif_transpose(image)
    if image.mode == "P":
        image = image.convert("RGBA")
    if image.mode in {"I;16", "I;16B", "I;16L", "I"}:
        # 16/32-bit greyscale: scale to 8 bits rather than clip.
        array = image.point(lambda value: value * (1 / 256)).convert("L")
        image = array
    if image.mode in {"RGBA", "LA", "PA"}:
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        return background
    return image.convert("RGB")


def open_rgb(data: bytes) -> Image.Image:
    """Decode accepted image bytes into normalised RGB (the original bytes stay untouched)."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return to_rgb(image)
