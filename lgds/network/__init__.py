"""A network of regional sites: what every copy publishes about its events, and what the national
site gathers from each regional site listed in ``network.yml``."""
