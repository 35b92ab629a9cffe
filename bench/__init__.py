"""Benchmarks: figures are written to results/ (see the Makefile's bench targets)."""
