"""pactscope.reader."""
