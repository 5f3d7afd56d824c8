"""pactscope.panels."""
