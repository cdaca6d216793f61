"""Benchmarks: `make bench` (python -m bench) prints speed figures against their targets."""
