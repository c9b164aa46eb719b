"""The library page: the article table, its preview, search, filters, the import dialog, the article picker."""
