"""The ground floor: the settings and SQL helpers every process reads.

Imports nothing of ours, so the catalog, the assistant's Rasa pieces, the actions, the channels
and the operator's tools can all stand on it.
"""
