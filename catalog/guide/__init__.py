"""Answers first: the guide's replies to a career question, a named program or organisation,
"what is there for me", and a follow-up about one aspect of what was just shown ("how much does
it cost?", "is the second one online?"), as short plain sentences ready to send, plus the one fact
that would change the answer (`ask`) and the place as understood.

Everything here is built from the catalog's own lookups (occupations, named, geo), verdicts
(eligibility, matching) and pay (wages); this package only chooses and words them:
  context.py   what every answer shares: the person's facts, the place, the one question
  wording.py   sentences: short lines, money, plurals, lists of names, named links
  career.py    POST /guide/career
  about.py     POST /guide/about
  listing.py   POST /guide/list
  aspects.py   POST /guide/aspect: one aspect of the subject (a record or a position in a list),
               or two careers side by side
  record_aspects.py  each aspect of each kind of record, from the record
  careers.py   comparisons, a numbered plan (POST /guide/career with plan), and POST /guide/fits
"""

from catalog.guide.about import about
from catalog.guide.aspects import aspect
from catalog.guide.career import career
from catalog.guide.fits import fits, plan
from catalog.guide.listing import listing

__all__ = ["about", "aspect", "career", "fits", "listing", "plan"]
