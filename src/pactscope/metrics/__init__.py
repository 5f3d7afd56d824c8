"""pactscope.metrics."""
