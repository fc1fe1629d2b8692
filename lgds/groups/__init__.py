"""Peer groups and their events: ``peer-groups/``, the group and event pages, calendars and the news
feed, and ``lgds new-group`` and ``lgds new-event``.
"""
