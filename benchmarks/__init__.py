"""kg's benchmark suite: ``python -m benchmarks`` prints the table (see docs/scale.md)."""
