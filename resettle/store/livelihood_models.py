"""Livelihood: labour status, employment, training, jobs, referrals, visits, social security (issue 14)."""

from __future__ import annotations
