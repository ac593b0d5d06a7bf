"""Printed documents: what they say (``data``, no Qt), how (``templates``, Jinja2 HTML), where (``render``).

``kinds`` names the four documents and their number series, ``codes`` the numbers and
verification codes, ``fonts`` the Chinese font choice. The register and the print runs are
in :mod:`resettle.services.documents.printing`. Only QtGui is used here, never QtWidgets (importing
QtPrintSupport loads QtWidgets, so QPrinter stays in ``ui/``; ``render.paint`` takes any
QPagedPaintDevice, which a QPrinter is).
"""
