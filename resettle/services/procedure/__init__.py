"""Procedure calendar, cut-off and grievances (issue 15)."""
