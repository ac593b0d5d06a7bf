"""Review, agreements, payment batches, supporting documents, reconciliation (issue 12)."""
