"""Benchmarks: `make bench` prints speed figures against their targets (python -m bench,
bench.app), the tactic checker's accuracy (bench.tactics) and the ranking's agreement with
published tables (bench.validity, its data loader in bench.validity_data)."""
