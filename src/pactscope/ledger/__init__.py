"""pactscope.ledger."""
