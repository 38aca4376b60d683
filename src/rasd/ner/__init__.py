"""Rasd ner."""
