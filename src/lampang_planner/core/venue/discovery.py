"""Finding the desks of one venue by mDNS / DNS-SD (python-zeroconf): each desk announces a
``_lampang-venue._tcp`` service naming its device id and its kit; a desk that sees another of the same kit dials it.
An announcement proves nothing — the handshake checks every desk (:mod:`.handshake`); discovery only saves typing
addresses. Where multicast does not pass (some hotspots), desks join by address instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zeroconf import ServiceInfo, ServiceStateChange, Zeroconf

SERVICE = "_lampang-venue._tcp.local."
LOOKUP_MS = 3000


class Discovery:
    """Announce this desk and call ``found("host:port")`` for every desk of the same kit seen on the network."""

    def __init__(self, device_id: str, kit: str, port: int, found: Callable[[str], None]) -> None:
        self.device_id, self.kit, self.port, self.found = device_id, kit, port, found
        self._zc: Zeroconf | None = None
        self._info: ServiceInfo | None = None

    def start(self) -> None:
        # imported here: the check-in page shows addresses without loading the mDNS stack until a desk joins
        from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, Zeroconf

        self._zc = Zeroconf(ip_version=IPVersion.V4Only)
        self._info = ServiceInfo(
            SERVICE, f"{self.device_id}.{SERVICE}", port=self.port,
            properties={"id": self.device_id, "kit": self.kit}, server=f"lampang-{self.device_id}.local.",
            parsed_addresses=_ipv4_addresses(),
        )
        self._zc.register_service(self._info)
        self._browser = ServiceBrowser(self._zc, SERVICE, handlers=[self._on_change])

    def _on_change(self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange) -> None:
        from zeroconf import ServiceStateChange

        if state_change not in (ServiceStateChange.Added, ServiceStateChange.Updated):
            return
        info = zeroconf.get_service_info(service_type, name, timeout=LOOKUP_MS)
        if info is None or info.port is None:
            return
        props = {k.decode(errors="replace"): (v or b"").decode(errors="replace") for k, v in info.properties.items()}
        if props.get("kit") != self.kit or props.get("id") == self.device_id:
            return
        for host in info.parsed_addresses():
            self.found(f"{host}:{info.port}")

    def stop(self) -> None:
        if self._zc is None:
            return
        with contextlib.suppress(Exception):
            self._browser.cancel()
            if self._info is not None:
                self._zc.unregister_service(self._info)
        self._zc.close()
        self._zc = None


def _ipv4_addresses() -> list[str]:
    import ifaddr

    return sorted({ip.ip for a in ifaddr.get_adapters() for ip in a.ips if ip.is_IPv4})


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses other desks can reach (loopback left out; it when there is nothing else)."""
    found = [a for a in _ipv4_addresses() if not a.startswith("127.")]
    return found or ["127.0.0.1"]
