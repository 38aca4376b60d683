"""Shipped pipeline configurations."""
