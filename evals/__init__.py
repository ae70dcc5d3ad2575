"""Evaluation: gold sets, metrics and benchmark adapters."""
