"""The scene files its links in the link layer's grid and keeps them filed."""

from __future__ import annotations


def test_the_scene_keeps_its_links_filed(scene, doc):
    from journeymapper.document import Kind

    grid = scene.link_layer.grid
    assert len(grid) == len(scene.links)
    box = scene.links["l1"].boundingRect()
    assert "l1" in {ln.item_id for ln in scene.link_layer.links_in(box)}
    doc.remove([(Kind.LINK, "l1")])
    assert len(grid) == len(scene.links) == 1
