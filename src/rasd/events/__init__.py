"""Rasd events."""
