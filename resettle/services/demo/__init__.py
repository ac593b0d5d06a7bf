"""The demo register: generated households, marked 演示."""
