"""Placement housing: estates, flats, standards, lottery, selection, transition, handover (issue 13)."""

from __future__ import annotations
