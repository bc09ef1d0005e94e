"""The whole map as a picture: PNG (pixels, drawn at 2x so text stays legible) or SVG
(vectors, text kept as text so it can be searched and edited).

The picture is drawn from a scene of its own, built for the export, rather than from the
window's scene: the user's selection, hover marks and keyboard focus frame must not end up in
a picture meant for a slide deck. Both drawings come from ``journeymapper.layout``, so the
picture matches the canvas card for card.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem

from journeymapper.document import Document
from journeymapper.io import atomic_write
from journeymapper.model import Project
from journeymapper.ui.canvas.scene import MapScene

PNG_SCALE = 2.0
"""Pixels per map unit: at 1x a card's 13 px owner line blurs on a projector or in a deck."""
MAX_PIXELS = 64_000_000
"""About 256 MB of image: past this a huge map is drawn at a smaller scale, not refused."""
PNG_QUALITY = 80
"""Qt's PNG "quality" is zlib effort: at 80 a big map encodes 6x faster than the default
and the file is 20% larger (0.5 s and 1 MB for a 5,100 x 3,000 pixel map)."""
MAX_SIDE = 32_000
"""QPainter's raster engine works in 16-bit coordinates in places; stay under them."""
_HINTS = (QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
          | QPainter.RenderHint.SmoothPixmapTransform)


def picture_scene(project: Project, persona_id: str | None = None,
                  today: dt.date | None = None) -> MapScene:
    """A scene of the map with nothing selected, optionally one persona highlighted.

    The scene only reads the project (it is never edited), so the window's project is shared
    rather than copied; the scene keeps its document alive.
    """
    scene = MapScene(Document(project), today=today)
    scene.set_persona_filter(persona_id)
    # The canvas caches items as pixmaps for speed; drawn once, a picture gains nothing from
    # that, and an SVG would get bitmaps instead of text and vectors.
    for item in scene.items():
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    return scene


def png_scale(rect: QRectF, wanted: float = PNG_SCALE) -> float:
    """``wanted``, or less when the picture would pass ``MAX_PIXELS`` or ``MAX_SIDE``."""
    w, h = max(rect.width(), 1.0), max(rect.height(), 1.0)
    return min(wanted, math.sqrt(MAX_PIXELS / (w * h)), MAX_SIDE / w, MAX_SIDE / h)


def image_size(rect: QRectF, scale: float) -> QSize:
    """The pixel size of the scene rectangle drawn at ``scale``."""
    return QSize(math.ceil(rect.width() * scale), math.ceil(rect.height() * scale))


def render_image(scene: MapScene, scale: float) -> QImage:
    """The whole scene rectangle drawn at ``scale`` pixels per map unit."""
    source = scene.sceneRect()
    size = image_size(source, scale)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(scene.backgroundBrush().color())
    # Screen pixels per metre at 96 dpi times the scale: a 2x PNG prints at the map's size.
    dots_per_metre = round(96 * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    scene.settle()
    painter = QPainter(image)
    painter.setRenderHints(_HINTS)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    return image


def export_png(project: Project, path: str | Path, *, persona_id: str | None = None,
               scale: float = PNG_SCALE) -> QSize:
    """Write the map as a PNG (atomically, SaveError on failure); returns its pixel size."""
    scene = picture_scene(project, persona_id)
    image = render_image(scene, png_scale(scene.sceneRect(), scale))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # No alpha channel: the map is drawn on its opaque canvas colour, and 3 bytes a pixel
    # encode faster than 4.
    if not image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "PNG", PNG_QUALITY):
        raise OSError(f"the picture of {image.width()} x {image.height()} pixels could not "
                      f"be encoded")
    buffer.close()
    atomic_write(path, bytes(data.data()), backup=False)
    return image.size()


def svg_bytes(scene: MapScene, title: str) -> bytes:
    """The scene as an SVG document, one map unit per SVG unit, text as ``<text>``."""
    source = scene.sceneRect()
    size = image_size(source, 1.0)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(96)
    generator.setTitle(title)
    generator.setDescription("Customer journey map exported by Journeymapper")
    scene.settle()
    painter = QPainter(generator)
    painter.setRenderHints(_HINTS)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    buffer.close()
    return bytes(data.data())


def export_svg(project: Project, path: str | Path, *, persona_id: str | None = None) -> None:
    """Write the map as an SVG (atomically, SaveError on failure)."""
    atomic_write(path, svg_bytes(picture_scene(project, persona_id), project.title),
                 backup=False)


def preview_pixmap(project: Project, size: QSize) -> QPixmap:
    """The whole map shrunk into ``size`` (aspect kept), for the template chooser.

    So small, the cards draw as coloured boxes with their names (their level of detail)."""
    scene = picture_scene(project)
    source = scene.sceneRect()
    scale = min(size.width() / max(source.width(), 1.0),
                size.height() / max(source.height(), 1.0))
    target = image_size(source, scale)
    pixmap = QPixmap(target)
    pixmap.fill(scene.backgroundBrush().color())
    scene.settle()
    painter = QPainter(pixmap)
    painter.setRenderHints(_HINTS)
    scene.render(painter, QRectF(0, 0, target.width(), target.height()), source)
    painter.end()
    return pixmap
