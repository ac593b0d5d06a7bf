"""The office's document fonts, and what every printed paper of any area shares: a named template, a file name."""

from __future__ import annotations

import re
from typing import Any

from resettle.documents.fonts import DocumentFonts, chinese_families, ensure_gui_app, resolve_fonts
from resettle.documents.templates import TemplateError, make_environment
from resettle.errors import ValidationError
from resettle.services.accounts.guard import Need, require
from resettle.services.register.settings import get_document_font, save_document_font
from resettle.store.database import Database

__all__ = ["document_font_choices", "document_fonts", "render_template", "safe_stem", "set_document_font"]

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def document_font_choices() -> list[str]:
    """Installed families that can print Chinese, the usual Song/Hei faces first."""
    return chinese_families()


def document_fonts(db: Database) -> DocumentFonts:
    """The fonts printing will use now (the office's choice when installed here)."""
    require(db, Need.READ, "查看文书字体")
    ensure_gui_app()
    return resolve_fonts(get_document_font(db))


def set_document_font(db: Database, family: str) -> DocumentFonts:
    """Choose the body font of printed documents ("" = automatic); refuses one that cannot print Chinese."""
    require(db, Need.ENTER, "设置文书字体")
    family = family.strip()
    if family and family not in chinese_families():
        raise ValidationError(f"字体「{family}」未安装或不能显示中文，请从列表中选择。", field="文书字体")
    save_document_font(db, family)
    return resolve_fonts(family)


def safe_stem(text: str, fallback: str = "") -> str:
    """``text`` as a file name on any system (no path separators or reserved characters)."""
    return _UNSAFE_FILE_CHARS.sub("_", text).strip(" .") or fallback


def render_template(name: str, title: str, context: dict[str, Any]) -> str:
    """A paper outside the document register (a letter, a voucher, a list) from its template file.

    A broken template (an office's own copy) says which paper and file is wrong."""
    env = make_environment()
    import jinja2  # make_environment has imported it (not at start-up)

    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{title}模板（{name}）有误：{exc.message or exc}") from exc
