"""What a desk shows of its venue network (plain values: the window and the command line read them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lampang_planner.core.rows_json import JsonRow


@dataclass(frozen=True)
class PeerStatus(JsonRow):
    device_id: str
    name: str
    desk: str
    address: str
    connected: bool
    behind_them: int  # changes of theirs this desk has not taken in yet
    they_behind: int  # changes of this desk they have not taken in yet
    taken_in: int  # records they brought to this desk while connected


@dataclass(frozen=True)
class Refusal:
    who: str
    code: str
    th: str
    en: str


@dataclass(frozen=True)
class VenueStatus:
    running: bool
    port: int
    top: int  # this desk's change-log position
    peers: list[PeerStatus] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)

    @property
    def connected(self) -> list[PeerStatus]:
        return [p for p in self.peers if p.connected]

    def as_json(self) -> dict:
        return {"running": self.running, "port": self.port, "top": self.top,
                "peers": [p.as_json() for p in self.peers],
                "refusals": [{"who": r.who, "code": r.code, "th": r.th, "en": r.en} for r in self.refusals]}


def parse_address(text: str) -> tuple[str, int]:
    """"host:port" (or "[v6]:port") → (host, port); ValueError when it is not one."""
    host, sep, port = text.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"not an address: {text!r}")
    return host, int(port)
