"""pactscope.assess."""
