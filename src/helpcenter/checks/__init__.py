"""Checks: the ledger of published addresses, links of a built site, external links and stale entries."""
