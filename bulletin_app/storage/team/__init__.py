"""The editorial team in the library: who saved what (the change log other windows follow), who
has an article open (advisory presence), and who may approve (members and roles)."""
