"""The meeting sub-domain: the ITAT-R and Regieoverleg calendar, agendas and their decisions."""
