"""Rasd geo."""
