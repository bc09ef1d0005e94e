"""Dialogs of the app's file exchange: exports, imports, templates, help.

Each module is imported when its dialog is first opened, so none of them (nor reportlab,
openpyxl or networkx behind them) is on the start-up path.
"""
