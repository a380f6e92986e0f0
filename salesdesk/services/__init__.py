"""Use cases: plain functions taking simple values and a unit of work, returning frozen data.

The window, the command line and the spreadsheet import all call these, so a rule enforced here
holds for every face. Each function opens one transaction (``with uow:``) and commits only when
everything it had to do succeeded.
"""
