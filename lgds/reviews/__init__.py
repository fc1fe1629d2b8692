"""Peer reviews of services against the Standard: records, scorecards, patterns and open data."""
