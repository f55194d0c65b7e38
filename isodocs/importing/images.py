"""Images found in an imported file: their file extension, and the ones a web page or Markdown file
refers to beside it (read only from inside the file's own folder; never fetched from the network)."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from urllib.parse import unquote, urlparse

from isodocs.importing import Source
from isodocs.translation import say

TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg",
         "image/bmp": ".bmp", "image/webp": ".webp", "image/tiff": ".tif", "image/x-emf": ".emf",
         "image/x-wmf": ".wmf", "image/emf": ".emf", "image/wmf": ".wmf"}
MAGIC = ((b"\x89PNG", ".png"), (b"\xff\xd8", ".jpg"), (b"GIF8", ".gif"), (b"BM", ".bmp"), (b"RIFF", ".webp"))
MAX_IMAGE = 20 * 1024 * 1024
IMAGE_TOKEN = "isodocs-image:"  # marks a stored image's name in Markdown until its folder is known


def extension(content_type: str | None, data: bytes) -> str:
    if content_type in TYPES:
        return TYPES[content_type]
    return next((suffix for magic, suffix in MAGIC if data.startswith(magic)), ".bin")


def take(source: Source, base: Path, reference: str) -> tuple[str | None, str | None]:
    """Store the image `reference` points to; returns (its new name, None) or (None, why it was left)."""
    if reference.startswith("data:"):
        head, _, payload = reference.partition(",")
        if ";base64" not in head:
            return None, say("import.image-not-base64")
        try:
            data = base64.b64decode(payload, validate=False)
        except (binascii.Error, ValueError):
            return None, say("import.image-undecodable")
        return keep(source, data, extension(head[5:].split(";")[0], data)), None
    parsed = urlparse(reference)
    if parsed.scheme or reference.startswith("//"):
        return None, say("import.image-remote", reference=reference[:80])
    target = (base / unquote(parsed.path)).resolve()
    if not target.is_relative_to(base.resolve()):
        return None, say("import.image-outside", reference=reference[:80])
    if not target.is_file():
        return None, say("import.image-missing", reference=reference[:80])
    if target.stat().st_size > MAX_IMAGE:
        return None, say("import.image-large", reference=reference[:80])
    data = target.read_bytes()
    suffix = target.suffix.lower() if target.suffix else extension(None, data)
    return keep(source, data, suffix), None


def keep(source: Source, data: bytes, suffix: str) -> str:
    for name, existing in source.images.items():
        if existing == data:
            return name
    name = f"image-{len(source.images) + 1}{suffix}"
    source.images[name] = data
    return name
