"""Jinja2 templates of the printed documents, and an office's own copies of them.

The program ships one HTML template per document in ``resources/templates``. An office
that wants other wording or headings copies a template into ``<data folder>/templates``
(:func:`customise_template` does it) and edits the copy; from then on the copy is used.
Other files a template includes are looked up in the same order. Templates are
autoescaped and strict: a misspelt name in an office's copy stops printing with a message
that names the file and line, instead of printing a blank.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resettle.documents.kinds import DocumentKind, kind_of
from resettle.domain.mask import mask
from resettle.domain.money import format_yuan, to_capital, to_fen
from resettle.errors import ResettleError
from resettle.paths_resources import resource_path
from resettle.store.paths import data_dir

if TYPE_CHECKING:
    import jinja2  # imported when a document is first rendered, not at start-up

__all__ = [
    "TemplateError",
    "custom_dir",
    "customise_template",
    "default_template",
    "is_customised",
    "make_environment",
    "render_html",
    "restore_default_template",
    "template_source",
]


class TemplateError(ResettleError):
    """A template (usually an office's edited copy) cannot be used."""


def custom_dir() -> Path:
    """Where an office keeps its own copies of the templates."""
    return data_dir() / "templates"


def default_template(kind: DocumentKind | str) -> Path:
    return resource_path("templates", kind_of(kind).template)


def template_source(kind: DocumentKind | str) -> Path:
    """The file that will be used for ``kind``: the office's copy when there is one."""
    own = custom_dir() / kind_of(kind).template
    return own if own.is_file() else default_template(kind)


def is_customised(kind: DocumentKind | str) -> bool:
    return (custom_dir() / kind_of(kind).template).is_file()


def customise_template(kind: DocumentKind | str) -> Path:
    """Copy the shipped template into the office's folder (if not there yet) and return the copy's path."""
    own = custom_dir() / kind_of(kind).template
    if not own.is_file():
        own.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(default_template(kind), own)
    return own


def restore_default_template(kind: DocumentKind | str) -> Path | None:
    """Go back to the shipped template; the office's copy is kept beside it, renamed (returned)."""
    own = custom_dir() / kind_of(kind).template
    if not own.is_file():
        return None
    kept = own.with_name(f"{own.name}.{datetime.now():%Y%m%d-%H%M%S}.bak")
    own.rename(kept)
    return kept


# -- filters -------------------------------------------------------------------------------------


def _yuan(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    return format_yuan(to_fen(Decimal(value)))


def _capital(value: Decimal | int) -> str:
    return to_capital(to_fen(Decimal(value)))


def _qty(value: Decimal | int | None, places: int = 2) -> str:
    """An area or count without trailing zeros beyond ``places`` decimals (1.2500 -> 1.25, 3 -> 3.00)."""
    if value is None:
        return ""
    d = Decimal(value)
    text = f"{d:f}"
    if "." in text:
        whole, frac = text.split(".")
        frac = frac.rstrip("0")
        frac = frac + "0" * (places - len(frac)) if len(frac) < places else frac
        return f"{whole}.{frac}" if frac else whole
    return f"{text}.{'0' * places}" if places else text


def _cn_date(value: date | datetime | None, blank: str = "＿＿＿＿年＿＿月＿＿日") -> str:
    if value is None:
        return blank
    return f"{value.year}年{value.month}月{value.day}日"


def _masked(value: str | None, kind: str) -> str:
    if kind not in ("id", "phone", "account"):
        raise TemplateError(f"模板中的遮蔽类型「{kind}」无效（可用 id、phone、account）")
    return mask(value, kind)  # type: ignore[arg-type]


def make_environment() -> jinja2.Environment:
    import jinja2

    """One environment per print run: the office's folder first, then the shipped templates."""
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.FileSystemLoader(str(custom_dir()), encoding="utf-8"),
                jinja2.FileSystemLoader(str(resource_path("templates")), encoding="utf-8"),
            ]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(yuan=_yuan, capital=_capital, qty=_qty, cn_date=_cn_date, mask=_masked)
    return env


def _whose(kind: DocumentKind | str) -> str:
    return "本单位自定义的" if is_customised(kind) else "程序自带的"


def render_html(env: jinja2.Environment, kind: DocumentKind | str, context: dict[str, Any]) -> str:
    """The document's HTML, or a TemplateError that says which file and line is wrong."""
    import jinja2

    info = kind_of(kind)
    try:
        template = env.get_template(info.template)
        return template.render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = _whose(kind)
        raise TemplateError(
            f"{where}{info.short}模板有语法错误（{exc.filename or info.template} 第 {exc.lineno} 行）：{exc.message}"
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到{info.short}模板文件「{exc.name}」") from exc
    except jinja2.UndefinedError as exc:
        where = _whose(kind)
        raise TemplateError(f"{where}{info.short}模板引用了不存在的内容：{exc.message}") from exc
