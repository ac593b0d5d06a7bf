"""Compensation: rate tables, computing, review, adjustments, summaries."""
