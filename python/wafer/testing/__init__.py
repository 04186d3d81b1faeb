"""Helpers for Wafer's own tests."""
