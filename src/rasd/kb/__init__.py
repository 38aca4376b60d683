"""Rasd kb."""
