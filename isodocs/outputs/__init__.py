"""What isodocs writes for people and machines: report formats, exports, calendars, escaping."""
