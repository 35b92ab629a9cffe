"""Custom actions for the Health Careers Guide (rasa_sdk action server).

The action server loads every module of this package (`rasa run actions --actions actions`). The
actions stay thin: they read slots, ask the catalog service over HTTP and word its answers for the
person's channel. Eligibility, ranking and costs are decided by the catalog, never here.
"""
