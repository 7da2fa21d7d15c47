"""Stage 1, content: strict YAML reading, loading into the models, cross-file rules, unsafe-markup
checks, and the problems with their reports. Imports `schemas` only.
"""
