"""The catalog service: occupations, programs, funding, open roles, eligibility and pathways.

Every answer the assistant gives about a program, an amount or a deadline comes from here, so that
each channel (and any future client) gets the same facts and the same verdicts.
"""
