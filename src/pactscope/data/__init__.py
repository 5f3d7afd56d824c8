"""pactscope.data."""
