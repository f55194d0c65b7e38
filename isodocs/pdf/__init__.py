"""Controlled copies as PDF: each published document with its title block and revision history, and the manual."""
