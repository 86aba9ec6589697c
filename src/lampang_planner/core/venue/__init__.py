"""The venue network (issue #18): desks at one venue exchange their change logs live over the local network.

- :mod:`.channel` — length-prefixed frames, and the authenticated-encrypted channel after the handshake;
- :mod:`.handshake` — mutual authentication with the device keys bundles use (only devices this folder's office
  enrolled, of the same kit), and the session keys;
- :mod:`.feed` — the database side: what a peer lacks (by the peer's change-log position), and applying what
  arrives through the one apply path (``Tx.apply_remote``), in one transaction with the position reached;
- :mod:`.node` — one desk's server, dialler and sessions on a background asyncio thread, and its status;
- :mod:`.discovery` — finding desks by mDNS / DNS-SD (python-zeroconf), besides joining by address.

No Qt here: the window and the command line call :class:`.node.VenueNode`.
"""
