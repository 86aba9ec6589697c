"""The venue handshake: two desks prove to each other that they are devices their office enrolled, of the same kit,
and agree on session keys.

Both send a hello in clear (device id, name, desk, the kit's office id, the Ed25519 device key bundles are signed
with, a fresh X25519 key). Each side checks the other's hello against its own trust store — the peer's key must be
the one pinned for its id (enrolled by the office, or listed in the office's kit) and its office the same — then
signs the transcript (both hellos, byte for byte) with its device key; each checks the other's signature. The
session keys come from the X25519 exchange of the fresh keys through HKDF-SHA256 salted with the transcript, one key
per direction (:class:`.channel.SecureChannel`). A signature over the transcript binds the fresh keys to the device
keys, so nobody in the middle can stand in for either side.

A refusal is sent in clear with its reason (Thai and English) and the connection closed; nothing is exchanged.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lampang_planner.core.venue import channel
from lampang_planner.core.venue.channel import ChannelError, SecureChannel

PROTOCOL = 1
_LABEL = b"lampang-venue-v1"
TIMEOUT_S = 10.0  # a peer that does not finish its handshake in this time is dropped


@dataclass(frozen=True)
class Me:
    """This desk as it introduces itself."""

    device_id: str
    name: str
    desk: str
    kit: str  # the office whose kit this folder belongs to ("" when none: it is refused by everyone)
    key: Ed25519PrivateKey
    port: int = 0

    @property
    def public_hex(self) -> str:
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return raw.hex()


@dataclass(frozen=True)
class Peer:
    device_id: str
    name: str
    desk: str
    port: int
    channel: SecureChannel
    dialled: bool  # this side opened the connection


class Refused(Exception):
    """The handshake did not succeed; ``code`` and the two sentences say why (``by_peer``: the other side refused)."""

    def __init__(self, code: str, th: str, en: str, *, by_peer: bool = False) -> None:
        super().__init__(en)
        self.code, self.th, self.en, self.by_peer = code, th, en, by_peer

    def as_message(self) -> dict:
        return {"t": "refused", "code": self.code, "th": self.th, "en": self.en}


def _hello(me: Me, eph: X25519PrivateKey) -> bytes:
    raw = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return channel.encode({"t": "hello", "v": PROTOCOL, "device": me.device_id, "name": me.name, "desk": me.desk,
                           "kit": me.kit, "key": me.public_hex, "eph": raw.hex(), "port": me.port})


def _parse_hello(body: bytes) -> dict:
    m = channel.decode(body)
    if m["t"] == "refused":
        raise Refused(str(m.get("code", "refused")), str(m.get("th", "")), str(m.get("en", "")), by_peer=True)
    fields = ("device", "name", "desk", "kit", "key", "eph")
    if m["t"] != "hello" or m.get("v") != PROTOCOL or not all(isinstance(m.get(k), str) for k in fields):
        raise Refused("protocol", "อีกฝั่งไม่ได้ใช้โปรแกรมรุ่นที่เข้ากันได้", "the other side does not speak this protocol")
    if not isinstance(m.get("port"), int):
        raise Refused("protocol", "อีกฝั่งไม่ได้ใช้โปรแกรมรุ่นที่เข้ากันได้", "the other side does not speak this protocol")
    return m


def _transcript(dial_hello: bytes, listen_hello: bytes) -> bytes:
    return hashlib.sha256(_LABEL + b"\0" + dial_hello + b"\0" + listen_hello).digest()


def _signed(transcript: bytes, role: bytes) -> bytes:
    return _LABEL + b"/" + role + b"/" + transcript


def _keys(eph: X25519PrivateKey, peer_eph_hex: str, transcript: bytes) -> tuple[bytes, bytes]:
    """(dialler→listener key, listener→dialler key)."""
    try:
        shared = eph.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(peer_eph_hex)))
    except ValueError as exc:
        raise Refused("protocol", "อีกฝั่งส่งกุญแจที่ใช้ไม่ได้", "the other side sent an unusable key") from exc
    okm = HKDF(algorithm=hashes.SHA256(), length=64, salt=transcript, info=_LABEL + b" keys").derive(shared)
    return okm[:32], okm[32:]


async def _send_clear(writer: asyncio.StreamWriter, body: bytes) -> None:
    writer.write(channel.frame(body))
    await writer.drain()


async def _refuse(writer: asyncio.StreamWriter, exc: Refused) -> None:
    try:
        await _send_clear(writer, channel.encode(exc.as_message()))
    except (OSError, ConnectionError):
        pass


def _signature_of(message: dict, peer: dict, text: bytes, check_signature) -> None:
    sig = message.get("sig")
    if message.get("t") != "sig" or not isinstance(sig, str):
        raise Refused("protocol", "อีกฝั่งไม่ได้ใช้โปรแกรมรุ่นที่เข้ากันได้", "the other side does not speak this protocol")
    try:
        raw = bytes.fromhex(sig)
    except ValueError:
        raw = b""
    if not check_signature(peer["key"], raw, text):
        raise Refused("bad-signature", "ลายมือชื่อของอีกฝั่งไม่ถูกต้อง (อาจเป็นเครื่องปลอม)",
                      "the other side's signature does not verify — an impostor")


async def _or_refuse(writer: asyncio.StreamWriter, check, *args) -> None:
    """Run a check; when it refuses, tell the other side why before raising."""
    try:
        check(*args)
    except Refused as exc:
        await _refuse(writer, exc)
        raise


async def dial(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, me: Me, check_peer,
               check_signature) -> Peer:
    """The dialling side. ``check_peer(hello)`` raises :class:`Refused` for a device this folder does not admit;
    ``check_signature(key_hex, signature, message)`` is the device-key check bundles use."""
    eph = X25519PrivateKey.generate()
    mine = _hello(me, eph)
    await _send_clear(writer, mine)
    theirs = await channel.read_frame(reader)
    peer = _parse_hello(theirs)
    await _or_refuse(writer, check_peer, peer)
    transcript = _transcript(mine, theirs)
    step = _parse_step(await channel.read_frame(reader))
    await _or_refuse(writer, _signature_of, step, peer, _signed(transcript, b"listen"), check_signature)
    sig = me.key.sign(_signed(transcript, b"dial")).hex()
    await _send_clear(writer, channel.encode({"t": "sig", "sig": sig}))
    if _parse_step(await channel.read_frame(reader)).get("t") != "ok":
        raise Refused("protocol", "อีกฝั่งไม่ได้ใช้โปรแกรมรุ่นที่เข้ากันได้", "the other side does not speak this protocol")
    send_key, receive_key = _keys(eph, peer["eph"], transcript)
    return Peer(peer["device"], peer["name"], peer["desk"], peer["port"],
                SecureChannel(reader, writer, send_key, receive_key), dialled=True)


async def listen(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, me: Me, check_peer,
                 check_signature) -> Peer:
    """The listening side (see :func:`dial`)."""
    theirs = await channel.read_frame(reader)
    peer = _parse_hello(theirs)
    await _or_refuse(writer, check_peer, peer)
    eph = X25519PrivateKey.generate()
    mine = _hello(me, eph)
    transcript = _transcript(theirs, mine)
    sig = me.key.sign(_signed(transcript, b"listen")).hex()
    await _send_clear(writer, mine)
    await _send_clear(writer, channel.encode({"t": "sig", "sig": sig}))
    step = _parse_step(await channel.read_frame(reader))
    await _or_refuse(writer, _signature_of, step, peer, _signed(transcript, b"dial"), check_signature)
    await _send_clear(writer, channel.encode({"t": "ok"}))
    receive_key, send_key = _keys(eph, peer["eph"], transcript)
    return Peer(peer["device"], peer["name"], peer["desk"], peer["port"],
                SecureChannel(reader, writer, send_key, receive_key), dialled=False)


def _parse_step(body: bytes) -> dict:
    m = channel.decode(body)
    if m["t"] == "refused":
        raise Refused(str(m.get("code", "refused")), str(m.get("th", "")), str(m.get("en", "")), by_peer=True)
    return m


__all__ = ["TIMEOUT_S", "ChannelError", "Me", "Peer", "Refused", "dial", "listen"]
