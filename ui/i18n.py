"""Marking for translation: ``QT_TRANSLATE_NOOP(context, text)`` returns TEXT unchanged and tells
``pyside6-lupdate`` to put it in the .ts under CONTEXT; the text is translated where it is shown
(``self.tr(text)`` in a class of that name, or ``QCoreApplication.translate(context, text)``)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
