"""PDF export with reportlab: importing this package imports reportlab."""
