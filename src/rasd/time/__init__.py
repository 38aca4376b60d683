"""Rasd time."""
