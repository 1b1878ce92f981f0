"""Checks: each turns pages, catalogs or text into `Finding`s."""
