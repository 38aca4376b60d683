"""Rasd eval."""
