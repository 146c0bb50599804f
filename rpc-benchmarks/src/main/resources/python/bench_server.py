#!/usr/bin/python3
"""An oslo.messaging RPC server for the oslo4j benchmarks.

Run with Debian's /usr/bin/python3 (python3-oslo.messaging 14.0.3 on the
host; 16.1.0 in the Debian 13 root) or the root's oslo.messaging 18.1.0 venv.
Prints READY on stdout once started; stops cleanly (deleting its fanout queue)
on SIGTERM or when stdin reaches EOF.
"""

import argparse
import logging
import os
import signal
import sys
import threading

from oslo_config import cfg
import oslo_messaging as om
from oslo_messaging._drivers import amqpdriver


class Api(object):
    """The same methods as the Java BenchEndpoint."""

    target = om.Target(version='1.0')

    def __init__(self):
        self._fanouts = 0
        self._lock = threading.Lock()

    def echo(self, ctxt, data):
        return data

    def note(self, ctxt, data):
        return None

    def fan(self, ctxt, data):
        with self._lock:
            self._fanouts += 1

    def fancount(self, ctxt):
        with self._lock:
            return self._fanouts


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--url', required=True)
    p.add_argument('--topic', required=True)
    p.add_argument('--server', required=True)
    args = p.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    cfg.CONF([], project='oslo4j-bench')
    transport = om.get_rpc_transport(cfg.CONF, url=args.url)
    # bounds how long stop() waits for the idle poll (oslo default 5 s)
    amqpdriver.ACK_REQUEUE_EVERY_SECONDS_MAX = 0.5
    srv = om.get_rpc_server(transport, om.Target(topic=args.topic, server=args.server),
                            [Api()], executor='threading')
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda s, f: stop.set())
    signal.signal(signal.SIGINT, lambda s, f: stop.set())

    def watch_stdin():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except Exception:  # noqa
            pass
        stop.set()
    threading.Thread(target=watch_stdin, daemon=True).start()

    srv.start()
    sys.stdout.write('READY\n')
    sys.stdout.flush()
    while not stop.wait(0.5):
        pass
    try:
        srv.stop()
        srv.wait()
    finally:
        transport.cleanup()
    return 0


if __name__ == '__main__':
    # os._exit: the stdin watcher is still blocked in a read, and Python 3.13
    # aborts ("could not acquire lock for <stdin> at interpreter shutdown")
    # when a daemon thread holds the stdin lock at exit
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
