"""Pure data of the application: drafts, records, the body format, errors, change records."""
