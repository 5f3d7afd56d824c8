"""pactscope.codes."""
