"""Pure rules with no database: ids, money, areas, masking."""
