"""The publication record and the columns."""
