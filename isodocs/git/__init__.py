"""History read from git: revisions, changes between them, approvals proven by commits."""
