"""Livelihood: jobs, training, social security (issue 14)."""
