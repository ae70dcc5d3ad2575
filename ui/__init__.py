"""Interfaces: the command line (and later the web page and HTTP API)."""
