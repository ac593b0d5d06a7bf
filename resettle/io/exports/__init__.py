"""Household workbooks out, one module per workbook.

- :mod:`.roster`: the survey-shaped roster (花名册), which the survey reader imports again;
- :mod:`.disclosure`: the public list (公示表), IDs and phones masked;
- :mod:`.payments`: the bank list (兑付清册);
- :mod:`.common`: the row they take (:class:`~.common.RosterHousehold`), :class:`~.common.ExportInfo`,
  progress and cancel.

The shared workbook styling is :mod:`resettle.io.xlsx_style`; the services that read the
register and call these are in :mod:`resettle.services.register.exports`.
"""
