#!/usr/bin/python3
"""A lossy, slow link between two network namespaces, for kernels without sch_netem.

  tunrelay.py NS_A DEV_A NS_B DEV_B DELAY_MS LOSS_PERCENT SEED

DEV_A (in NS_A) and DEV_B (in NS_B) are existing persistent TUN devices (`ip tuntap add ... mode tun`). The relay
attaches to both and forwards every IP packet from one to the other after DELAY_MS, dropping LOSS_PERCENT of them in
each direction. Drops come from a random generator seeded with SEED, so a run is repeatable. ping and TCP behave as
on a real slow, lossy link (TCP retransmits). The process is bounded by the `timeout` wrapper lab/up starts it under.
"""
import collections
import ctypes
import fcntl
import os
import random
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
CLONE_NEWNET = 0x40000000

libc = ctypes.CDLL("libc.so.6", use_errno=True)


def enter_netns(name):
    fd = os.open("/run/netns/" + name, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "setns %s: %s" % (name, os.strerror(err)))
    finally:
        os.close(fd)


def open_tun(ns, dev):
    enter_netns(ns)
    fd = os.open("/dev/net/tun", os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", dev.encode(), IFF_TUN | IFF_NO_PI))
    os.set_blocking(fd, False)
    return fd


def main(argv):
    if len(argv) != 8:
        sys.stderr.write(__doc__)
        return 2
    ns_a, dev_a, ns_b, dev_b = argv[1:5]
    delay = float(argv[5]) / 1000.0
    loss = float(argv[6]) / 100.0
    seed = int(argv[7])
    fd_a = open_tun(ns_a, dev_a)
    fd_b = open_tun(ns_b, dev_b)
    peer = {fd_a: fd_b, fd_b: fd_a}
    rng = {fd_a: random.Random(seed), fd_b: random.Random(seed + 1)}
    queue = collections.deque()  # (release time, out fd, packet); constant delay keeps it ordered
    while True:
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, out, packet = queue.popleft()
            try:
                os.write(out, packet)
            except OSError:
                pass
        wait = max(0.0, queue[0][0] - now) if queue else 1.0
        readable, _, _ = select.select([fd_a, fd_b], [], [], wait)
        for fd in readable:
            for _ in range(64):  # bounded burst per wake-up
                try:
                    packet = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if rng[fd].random() < loss:
                    continue
                queue.append((time.monotonic() + delay, peer[fd], packet))
            if len(queue) > 10000:  # a bounded buffer, like a real router's
                queue.popleft()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
