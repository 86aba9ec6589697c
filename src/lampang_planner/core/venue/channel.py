"""Frames on a TCP stream, and the encrypted channel a venue session talks through after its handshake.

A frame is a 4-byte big-endian length and that many bytes. Before the handshake ends, frames carry JSON in clear
(hellos, signatures, a refusal: nothing secret). After it, every frame is sealed with ChaCha20-Poly1305 under the
direction's session key; the nonce is the frame's number in that direction, so a frame replayed, dropped or
reordered fails to open and ends the session.
"""

from __future__ import annotations

import asyncio
import json
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

MAX_FRAME = 32 * 1024 * 1024  # a batch of change-log rows stays far below this
_LEN = struct.Struct(">I")
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class ChannelError(Exception):
    """The peer sent something that is not a frame of this protocol (or a frame that fails to open)."""


async def read_frame(reader: asyncio.StreamReader) -> bytes:
    head = await reader.readexactly(_LEN.size)
    (n,) = _LEN.unpack(head)
    if n > MAX_FRAME:
        raise ChannelError(f"frame of {n} bytes")
    return await reader.readexactly(n)


def frame(body: bytes) -> bytes:
    if len(body) > MAX_FRAME:
        raise ChannelError(f"frame of {len(body)} bytes")
    return _LEN.pack(len(body)) + body


def encode(message: dict) -> bytes:
    return _ENCODE(message).encode()


def decode(body: bytes) -> dict:
    try:
        message = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ChannelError("not JSON") from exc
    if not isinstance(message, dict) or not isinstance(message.get("t"), str):
        raise ChannelError("not a message")
    return message


async def read_clear(reader: asyncio.StreamReader) -> dict:
    return decode(await read_frame(reader))


class SecureChannel:
    """Messages both ways under the session's keys (one key per direction, frame counters as nonces)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, send_key: bytes,
                 receive_key: bytes) -> None:
        self.reader, self.writer = reader, writer
        self._send, self._receive = ChaCha20Poly1305(send_key), ChaCha20Poly1305(receive_key)
        self._sent = self._received = 0
        self._lock = asyncio.Lock()

    async def send(self, message: dict) -> None:
        async with self._lock:  # one frame at a time: the counter and the bytes on the wire stay in step
            nonce = self._sent.to_bytes(12, "big")
            self._sent += 1
            self.writer.write(frame(self._send.encrypt(nonce, encode(message), None)))
            await self.writer.drain()

    async def receive(self) -> dict:
        body = await read_frame(self.reader)
        nonce = self._received.to_bytes(12, "big")
        self._received += 1
        try:
            return decode(self._receive.decrypt(nonce, body, None))
        except InvalidTag as exc:
            raise ChannelError("a frame failed to open (altered, replayed or out of order)") from exc

    def close(self) -> None:
        self.writer.close()
