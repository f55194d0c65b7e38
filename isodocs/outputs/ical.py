"""iCalendar (RFC 5545) text: escaped values, lines folded at 75 octets, CRLF line ends."""

from __future__ import annotations

LINE_OCTETS = 75


def escape(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line cut into lines of at most 75 octets, each continuation starting with a space,
    never inside a UTF-8 character (RFC 5545 3.1)."""
    pieces: list[str] = []
    current, size, limit = "", 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, LINE_OCTETS - 1   # the leading space takes one octet
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def calendar(properties: list[tuple[str, str]], events: list[list[tuple[str, str]]]) -> str:
    """A VCALENDAR of the given properties and VEVENTs; each property is (name with parameters, value),
    the value already escaped where it is TEXT."""
    lines = ["BEGIN:VCALENDAR", *(f"{name}:{value}" for name, value in properties)]
    for event in events:
        lines += ["BEGIN:VEVENT", *(f"{name}:{value}" for name, value in event), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
