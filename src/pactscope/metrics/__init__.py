"""Alliance metrics: pure functions returning polars frames."""
