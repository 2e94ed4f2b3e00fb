"""Refuse network traffic to anything but this machine, in the Python process that installs it.

The lessons must run with no network (a classroom may have none). During the test run this
guard is installed at start-up in every Python process the tests start (Jupyter kernels above
all) through ``sitecustomize.py`` beside this file; see the repository's root ``conftest.py``.

It refuses *before* any packet leaves: a connection or datagram to an address outside the
loopback range raises :class:`NetworkBlockedError`, and a name lookup other than ``localhost``
(which could send a DNS query) raises :class:`socket.gaierror`. Loopback stays open, because
Jupyter talks to its kernels over it. Only Python code is covered: a kernel that shells out to
``curl`` is not (no lesson does).
"""

from __future__ import annotations

import errno
import socket

#: Names that resolve to this machine without asking a DNS server (from /etc/hosts).
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
MARK = "COURSE_OFFLINE_GUARD"


class NetworkBlockedError(ConnectionRefusedError):
    """A connection to a non-loopback address, refused by the course's offline guard."""


def is_loopback(host) -> bool:
    """Whether ``host`` (an IP literal or a name) is this machine, decided without a lookup."""
    import ipaddress

    if isinstance(host, (bytes, bytearray)):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    host = host.strip().strip("[]").split("%", 1)[0].rstrip(".").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return address.is_loopback or bool(mapped and mapped.is_loopback)


def is_ip_literal(host) -> bool:
    """Whether ``host`` is a numeric address (resolving it sends nothing)."""
    import ipaddress

    if isinstance(host, (bytes, bytearray)):
        host = host.decode("ascii", "replace")
    try:
        ipaddress.ip_address(str(host).strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _refuse(what: str, where) -> NetworkBlockedError:
    return NetworkBlockedError(errno.ECONNREFUSED, f"network blocked by the course's offline guard "
                                                   f"({what} {where!r}): lessons must run without the network")


def _inet(sock) -> bool:
    return sock.family in (socket.AF_INET, socket.AF_INET6)


def install() -> None:
    """Patch ``socket`` in this process. Idempotent."""
    if getattr(socket, MARK, False):
        return
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_sendto, real_sendmsg = socket.socket.sendto, socket.socket.sendmsg
    real_getaddrinfo, real_gethostbyname = socket.getaddrinfo, socket.gethostbyname
    real_gethostbyname_ex, real_gethostbyaddr = socket.gethostbyname_ex, socket.gethostbyaddr
    real_getnameinfo = socket.getnameinfo

    def connect(self, address):
        if _inet(self) and not is_loopback(address[0]):
            raise _refuse("connect to", address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if _inet(self) and not is_loopback(address[0]):
            return errno.ECONNREFUSED
        return real_connect_ex(self, address)

    def sendto(self, data, *args):
        if _inet(self) and args and not is_loopback(args[-1][0]):
            raise _refuse("send to", args[-1])
        return real_sendto(self, data, *args)

    def sendmsg(self, buffers, *args):
        address = args[2] if len(args) > 2 else None
        if _inet(self) and address is not None and not is_loopback(address[0]):
            raise _refuse("send to", address)
        return real_sendmsg(self, buffers, *args)

    def lookup_refused(name):
        return socket.gaierror(socket.EAI_NONAME, f"name lookup of {name!r} blocked by the course's "
                                                  "offline guard: lessons must run without the network")

    def getaddrinfo(host, *args, **kwargs):
        if host not in (None, "", b"") and not is_loopback(host) and not is_ip_literal(host):
            raise lookup_refused(host)
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(name):
        if not is_loopback(name) and not is_ip_literal(name):
            raise lookup_refused(name)
        return real_gethostbyname(name)

    def gethostbyname_ex(name):
        if not is_loopback(name):
            raise lookup_refused(name)
        return real_gethostbyname_ex(name)

    def gethostbyaddr(address):
        if not is_loopback(address):
            raise lookup_refused(address)
        return real_gethostbyaddr(address)

    def getnameinfo(sockaddr, flags):
        if not is_loopback(sockaddr[0]) and not flags & socket.NI_NUMERICHOST:
            raise lookup_refused(sockaddr[0])
        return real_getnameinfo(sockaddr, flags)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.socket.sendto, socket.socket.sendmsg = sendto, sendmsg
    socket.getaddrinfo, socket.gethostbyname = getaddrinfo, gethostbyname
    socket.gethostbyname_ex, socket.gethostbyaddr = gethostbyname_ex, gethostbyaddr
    socket.getnameinfo = getnameinfo
    setattr(socket, MARK, True)
