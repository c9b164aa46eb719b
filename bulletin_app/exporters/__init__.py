"""Document model + theme → PDF (reportlab) and DOCX (python-docx); the Export engine issue."""
