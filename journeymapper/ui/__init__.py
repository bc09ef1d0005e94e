"""Qt views of a document: the canvas and the panels."""
