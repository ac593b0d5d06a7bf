"""Procedure steps, grievances and posting records of a project (issue 15)."""

from __future__ import annotations
