"""One desk on the venue network: a server other desks dial, a dialler for the addresses it knows, and the sessions,
all on one asyncio loop in a background thread; database work on one more thread (its own connection), so a long
transaction of the desk never stops the heartbeats. Nothing here touches Qt: the window polls :meth:`status`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Iterable

from lampang_planner.core.db import Store
from lampang_planner.core.errors import UserError
from lampang_planner.core.sync import keys, trust
from lampang_planner.core.sync.exchange import device_key
from lampang_planner.core.venue import feed, handshake
from lampang_planner.core.venue.admission import check_peer
from lampang_planner.core.venue.feed import FeedRefused, Position
from lampang_planner.core.venue.handshake import Me, Refused
from lampang_planner.core.venue.session import Session
from lampang_planner.core.venue.status import PeerStatus, Refusal, VenueStatus, parse_address

WATCH_S = 0.1  # how often the desk's own log is looked at (a scan in another program on this folder counts too)
REDIAL_S = 1.0
TIP_TIMEOUT_S = 2.0
MAX_REFUSALS = 20


class VenueNode:
    """``start()`` listens on ``port`` (0: any free one) and dials ``joins``; ``stop()`` leaves the network."""

    def __init__(self, store: Store, *, port: int = 0, host: str = "0.0.0.0", joins: Iterable[str] = (),
                 discover: bool = False) -> None:
        self.store, self.host, self._port, self._discover = store, host, port, discover
        self._discovery = None
        self._lock = threading.Lock()
        self._dial: dict[tuple[str, int], str] = {}  # address → the device met there ("" not yet)
        self._dialling: set[tuple[str, int]] = set()
        self._tasks: set[asyncio.Task] = set()
        for a in joins:
            self.join(a)
        self._sessions: list[Session] = []
        self._refusals: list[Refusal] = []
        self._names: dict[str, tuple[str, str]] = {}  # device → (name, desk) of every peer met
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._db = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="venue-db")
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self.top = Position()
        self.port = 0

    # --- from any thread -------------------------------------------------------------------------------------------

    def start(self, timeout: float = 30.0) -> None:
        self._thread = threading.Thread(target=self._run, name="venue", daemon=True)
        self._thread.start()
        self._ready.wait(timeout)
        if self._failure is not None:
            self._db.shutdown(wait=True)
            raise self._failure
        if self._discover:
            from lampang_planner.core.venue.discovery import Discovery

            self._discovery = Discovery(self.store.device_id, self._me_.kit, self.port, self._found)
            try:
                self._discovery.start()
            except OSError as exc:  # no multicast here: joining by address still works
                self._discovery = None
                self.note_refusal("mDNS", "no-discovery", f"ค้นหาโต๊ะอื่นอัตโนมัติไม่ได้ ({exc})",
                                  f"Cannot look for desks automatically ({exc}); join by address")

    def _found(self, address: str) -> None:
        with contextlib.suppress(ValueError):
            self.join(address)

    def stop(self) -> None:
        if self._discovery is not None:
            self._discovery.stop()
            self._discovery = None
        loop = self._loop
        if loop is not None and loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._db.shutdown(wait=True)

    def join(self, address: str) -> None:
        """Dial a desk at "host:port" (typed, or read from the QR code another desk shows)."""
        addr = parse_address(address)  # ValueError when it is not "host:port"
        with self._lock:
            self._dial.setdefault(addr, "")

    def status(self) -> VenueStatus:
        with self._lock:
            sessions = [s for s in self._sessions if not s.closed.is_set()]
            refusals = list(self._refusals)
            dial = dict(self._dial)
        peers: dict[str, PeerStatus] = {}
        for s in sessions:
            st = s.state
            peers[s.device_id] = PeerStatus(
                s.device_id, s.peer.name, s.peer.desk, f"{s.address[0]}:{s.address[1]}", True,
                max(0, st.peer_top - st.pulled.rowid), max(0, self.top.rowid - st.peer_has_mine), st.taken_in,
            )
        for device, addr in [(d, a) for a, d in dial.items() if d and d not in peers and d != self.store.device_id]:
            name, desk = self._names.get(device, ("", ""))
            peers[device] = PeerStatus(device, name, desk, f"{addr[0]}:{addr[1]}", False, 0, 0, 0)
        return VenueStatus(self._loop is not None and self._ready.is_set(), self.port, self.top.rowid,
                           sorted(peers.values(), key=lambda p: (not p.connected, p.desk, p.name)), refusals)

    # --- used by the sessions (loop thread) ------------------------------------------------------------------------

    async def on_db(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self._db, fn, *args)

    def rows_for(self, after: Position, requester: str) -> tuple[list[list], Position]:
        return feed.rows_after(self.store, after, requester)

    def take_rows(self, peer_id: str, rows: list, reached: Position) -> int:
        writes = feed.writes_of(self.store, peer_id, rows)
        r = feed.take_in(self.store, peer_id, writes, reached)
        return r.added + r.updated + r.merged

    def note_refusal(self, who: str, code: str, th: str, en: str) -> None:
        with self._lock:
            self._refusals = [*self._refusals, Refusal(who, code, th, en)][-MAX_REFUSALS:]

    def peer_addresses(self) -> list[list]:
        with self._lock:
            return [[h, p] for (h, p), d in self._dial.items() if d and d != self.store.device_id]

    def learn_addresses(self, addrs: list) -> None:
        with self._lock:
            for a in addrs[:64]:
                if isinstance(a, list) and len(a) == 2 and isinstance(a[0], str) and type(a[1]) is int:
                    self._dial.setdefault((a[0], a[1]), "")

    # --- the loop --------------------------------------------------------------------------------------------------

    def _run(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        try:
            loop.run_until_complete(self._open())
        except BaseException as exc:  # a port in use, no kit: start() raises it
            self._failure = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            for s in list(self._sessions):
                s.close()
            for t in asyncio.all_tasks(loop):
                t.cancel()
            loop.run_until_complete(asyncio.sleep(0))
            self._server.close()
            loop.close()

    async def _open(self) -> None:
        me_ = await self.on_db(self._me)
        self.top = await self.on_db(feed.top, self.store)
        self._server = await asyncio.start_server(self._accept, self.host, self._port)
        self.port = self._server.sockets[0].getsockname()[1]
        self._me_ = Me(me_.device_id, me_.name, me_.desk, me_.kit, me_.key, self.port)
        self._spawn(self._watch())
        self._spawn(self._dialler())

    def _spawn(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)  # held until done (the loop keeps only weak references)
        task.add_done_callback(self._tasks.discard)

    def _me(self) -> Me:
        kit = trust.office_id(self.store)
        if not kit:
            raise UserError(
                "เครื่องนี้ยังไม่ได้รับชุดข้อมูลตั้งต้นจากสำนักงาน จึงเข้าร่วมเครือข่ายในสถานที่ไม่ได้",
                "This laptop has no kit from an office yet, so it cannot join a venue network",
                code="no-kit",
            )
        return Me(self.store.device_id, self.store.device_name, self.store.desk, kit, device_key(self.store))

    async def _watch(self) -> None:
        """Tell every peer when this desk's log grows (its own scans, or rows taken in from another peer)."""
        while True:
            await asyncio.sleep(WATCH_S)
            now = await self.on_db(feed.top, self.store)
            if now != self.top:
                self.top = now
                # all at once, each bounded: a peer gone silent (its send buffer full) holds up nobody else
                await asyncio.gather(*(asyncio.wait_for(s.send_tip(), TIP_TIMEOUT_S) for s in self._live()),
                                     return_exceptions=True)

    def _live(self) -> list[Session]:
        return [s for s in self._sessions if not s.closed.is_set()]

    async def _dialler(self) -> None:
        while True:
            connected = {s.device_id for s in self._live()} | {self.store.device_id}
            with self._lock:
                todo = [a for a, d in self._dial.items() if d not in connected and a not in self._dialling]
                self._dialling.update(todo)
            for addr in todo:
                self._spawn(self._dial_one(addr))
            await asyncio.sleep(REDIAL_S)

    async def _dial_one(self, addr: tuple[str, int]) -> None:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(*addr), handshake.TIMEOUT_S)
        except (OSError, TimeoutError):
            with self._lock:
                self._dialling.discard(addr)
            return
        await self._handshake(reader, writer, addr, dialling=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("peername")[0]
        with contextlib.suppress(asyncio.CancelledError):  # leaving the network: the session ends with the loop
            await self._handshake(reader, writer, (host, 0), dialling=False)

    async def _handshake(self, reader, writer, addr: tuple[str, int], *, dialling: bool) -> None:
        check = lambda hello: check_peer(self.store, hello)  # noqa: E731  (runs on the loop: a few-row lookup)
        step = handshake.dial if dialling else handshake.listen
        try:
            peer = await asyncio.wait_for(step(reader, writer, self._me_, check, keys.signature_ok),
                                          handshake.TIMEOUT_S)
        except Refused as exc:
            if exc.code == "self":  # an address of this very desk (learnt from a peer): never dialled again
                with self._lock:
                    self._dial[addr] = self.store.device_id
            else:
                self.note_refusal(f"{addr[0]}:{addr[1]}", exc.code, exc.th, exc.en)
            writer.close()
            return
        except (OSError, TimeoutError, ConnectionError, asyncio.IncompleteReadError, handshake.ChannelError):
            writer.close()
            return
        finally:
            with self._lock:
                self._dialling.discard(addr)
        address = addr if dialling else (addr[0], peer.port)
        with self._lock:
            self._dial[address] = peer.device_id
            self._names[peer.device_id] = (peer.name, peer.desk)
        await self._run_session(Session(peer, address, self))

    async def _run_session(self, s: Session) -> None:
        for old in self._live():
            if old.device_id == s.device_id and _keep_old(old, s, self.store.device_id):
                s.close()
                return
            if old.device_id == s.device_id:
                old.close()
        with self._lock:
            self._sessions = [*self._live(), s]
        pulled = await self.on_db(feed.pulled_from, self.store, s.device_id)
        await s.run(pulled)


def _keep_old(old: Session, new: Session, me: str) -> bool:
    """Two sessions with one peer (both dialled at once, or a reconnect): both sides keep the same one — the one
    dialled by the smaller device id; between two dialled by the same side, the newer."""
    dialler = lambda s: me if s.peer.dialled else s.device_id  # noqa: E731
    return dialler(old) != dialler(new) and dialler(old) < dialler(new)


__all__ = ["FeedRefused", "VenueNode"]
