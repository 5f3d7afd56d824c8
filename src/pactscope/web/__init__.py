"""pactscope.web."""
