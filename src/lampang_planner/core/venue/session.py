"""One venue session: two admitted desks exchanging their change logs over a :class:`.channel.SecureChannel`.

Messages (JSON, encrypted):

- ``tip``: "my log reaches ``top``; of yours I have taken in up to ``have``" — sent when this desk's log grows and
  once a second as a heartbeat (a peer silent for :data:`SILENCE_S` is taken for gone);
- ``pull``: "your rows after ``after``"; ``rows``: the answer (a batch, and the position it reaches);
- ``peers``: addresses of desks this one is connected to (so a desk that joined one desk finds the others).

One pull is outstanding at a time; the rows are applied by :func:`.feed.take_in` on the node's database thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field

from lampang_planner.core.venue.channel import ChannelError
from lampang_planner.core.venue.feed import FeedRefused, Position
from lampang_planner.core.venue.handshake import Peer

HEARTBEAT_S = 1.0
SILENCE_S = 6.0
GOSSIP_EVERY = 5  # heartbeats


@dataclass
class SessionState:
    """What the status shows of one session (read by other threads: plain values only)."""

    peer_top: int = 0  # the peer's newest log position
    pulled: Position = field(default_factory=Position)  # how far this desk has taken in the peer's log
    peer_has_mine: int = 0  # how far the peer has taken in this desk's log
    last_heard: float = field(default_factory=time.monotonic)
    taken_in: int = 0  # writes applied from this peer (new to this desk)
    error: str = ""


class Session:
    def __init__(self, peer: Peer, address: tuple[str, int], node) -> None:
        self.peer, self.address, self.node = peer, address, node
        self.state = SessionState()
        self._pulling = False
        self._tasks: list[asyncio.Task] = []
        self.closed = asyncio.Event()

    @property
    def device_id(self) -> str:
        return self.peer.device_id

    async def run(self, pulled: Position) -> None:
        """Until the connection ends (or :meth:`close`)."""
        self.state.pulled = pulled
        ch = self.peer.channel
        try:
            await self.send_tip()
            await ch.send({"t": "peers", "addrs": self.node.peer_addresses()})
            self._tasks.append(asyncio.create_task(self._heartbeat()))
            while True:
                message = await asyncio.wait_for(ch.receive(), SILENCE_S)
                self.state.last_heard = time.monotonic()
                await self._dispatch(message)
        except FeedRefused as exc:
            self.state.error = f"{exc.th} / {exc.en}"
            self.node.note_refusal(self.peer.name, exc.code, exc.th, exc.en)
        except (TimeoutError, ChannelError, ConnectionError, OSError, asyncio.IncompleteReadError):
            pass
        finally:
            self.close()

    def close(self) -> None:
        for t in self._tasks:
            t.cancel()
        with contextlib.suppress(Exception):
            self.peer.channel.close()
        self.closed.set()

    async def send_tip(self) -> None:
        top = self.node.top.rowid
        await self.peer.channel.send({"t": "tip", "top": top, "have": self.state.pulled.rowid})

    async def _heartbeat(self) -> None:
        with contextlib.suppress(ChannelError, ConnectionError, OSError):
            beat = 0
            while True:
                await asyncio.sleep(HEARTBEAT_S)
                await self.send_tip()
                beat += 1
                if beat % GOSSIP_EVERY == 0:  # desks met since: passed on
                    await self.peer.channel.send({"t": "peers", "addrs": self.node.peer_addresses()})

    async def _dispatch(self, m: dict) -> None:
        kind = m["t"]
        if kind == "tip":
            self.state.peer_top = _int(m.get("top"))
            if self.state.peer_top < self.state.pulled.rowid:  # the peer's log was renumbered: read it again
                self.state.pulled = Position()
            self.state.peer_has_mine = _int(m.get("have"))
            await self._pull_if_behind()
        elif kind == "pull":
            after = m.get("after") or [0, ""]
            pos = Position(_int(after[0]), str(after[1])) if isinstance(after, list) and len(after) == 2 else Position()
            rows, reached = await self.node.on_db(self.node.rows_for, pos, self.device_id)
            await self.peer.channel.send({"t": "rows", "rows": rows, "reached": [reached.rowid, reached.hlc]})
        elif kind == "rows":
            await self._take_rows(m)
        elif kind == "peers":
            addrs = m.get("addrs")
            if isinstance(addrs, list):
                self.node.learn_addresses(addrs)

    async def _pull_if_behind(self) -> None:
        if not self._pulling and self.state.peer_top > self.state.pulled.rowid:
            self._pulling = True
            p = self.state.pulled
            await self.peer.channel.send({"t": "pull", "after": [p.rowid, p.hlc]})

    async def _take_rows(self, m: dict) -> None:
        reached = m.get("reached")
        rows = m.get("rows")
        if not (isinstance(reached, list) and len(reached) == 2 and isinstance(rows, list)):
            raise ChannelError("bad rows message")
        pos = Position(_int(reached[0]), str(reached[1]))
        moved = pos != self.state.pulled
        if moved:
            self.state.taken_in += await self.node.on_db(self.node.take_rows, self.device_id, rows, pos)
            self.state.pulled = pos
        self._pulling = False
        if moved:
            await self._pull_if_behind()


def _int(v: object) -> int:
    return v if type(v) is int and v >= 0 else 0

