"""Printed documents: data, numbering register, printing, verification."""
