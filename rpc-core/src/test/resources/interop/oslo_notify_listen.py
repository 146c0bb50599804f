#!/usr/bin/python3
"""A Python oslo.messaging notification listener, for interop tests.

Subscribes with om.get_notification_listener(transport, targets, [endpoint],
pool=--pool) (oslo's default executor, threading) where the endpoint has a
method for each --priority (default: all seven), and prints:
  READY                   once listener.start() has returned
  {"event": "notification", "priority": ..., "ctxt": ..., "publisher_id": ...,
   "event_type": ..., "payload": ..., "metadata": ...}   per notification
  {"event": "stopped"}    after a clean stop

Exits cleanly on SIGTERM/SIGINT and, with --stdin-watchdog, on stdin EOF.
"""

import argparse
import json
import logging
import os
import signal
import sys
import threading

from oslo_config import cfg
import oslo_messaging as om
from oslo_messaging._drivers import amqpdriver

PRIORITIES = ['audit', 'debug', 'info', 'warn', 'error', 'critical',
              'sample']


def emit(obj):
    line = obj if isinstance(obj, str) else json.dumps(obj, default=repr)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def set_lock_path(path):
    """Set [oslo_concurrency] lock_path, needed by use_queue_manager."""
    if path:
        # importing lockutils registers the [oslo_concurrency] options
        from oslo_concurrency import lockutils  # noqa: F401
        cfg.CONF.set_override('lock_path', path, group='oslo_concurrency')


def make_endpoint(priorities):
    attrs = {}
    for prio in priorities:
        def handler(self, ctxt, publisher_id, event_type, payload, metadata,
                    _prio=prio):
            emit({'event': 'notification', 'priority': _prio,
                  'ctxt': ctxt, 'publisher_id': publisher_id,
                  'event_type': event_type, 'payload': payload,
                  'metadata': metadata})
            return om.NotificationResult.HANDLED
        attrs[prio] = handler
    return type('Endpoint', (object,), attrs)()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--url', default='rabbit://guest:guest@127.0.0.1:5672/')
    p.add_argument('--topic', action='append', required=True)
    p.add_argument('--exchange', default='openstack')
    p.add_argument('--pool', default=None)
    p.add_argument('--priority', action='append', default=None)
    p.add_argument('--log-level', default='INFO')
    p.add_argument('--lock-path', default=None,
                   help='[oslo_concurrency] lock_path (oslo.messaging 16.1+ '
                        'needs it with use_queue_manager=true)')
    p.add_argument('--stdin-watchdog', action='store_true')
    args = p.parse_args(argv)

    logging.basicConfig(stream=sys.stderr,
                        level=getattr(logging, args.log_level.upper()),
                        format='%(asctime)s %(levelname)s %(name)s '
                               '[%(threadName)s] %(message)s')
    log = logging.getLogger('oslo_notify_listen')

    om.set_transport_defaults(control_exchange=args.exchange)
    cfg.CONF([], project='oslo4j-interop')
    set_lock_path(args.lock_path)
    transport = om.get_notification_transport(cfg.CONF, url=args.url)
    # stop within ~1 s instead of the stock idle poll cap of 5 s (patched after
    # the driver is loaded, as oslo_server.py does)
    amqpdriver.ACK_REQUEUE_EVERY_SECONDS_MAX = 1
    targets = [om.Target(topic=t) for t in args.topic]
    endpoint = make_endpoint(args.priority or PRIORITIES)
    # no executor=: deprecated in 18.1, and threading is the default anyway
    listener = om.get_notification_listener(
        transport, targets, [endpoint], pool=args.pool)

    stop = threading.Event()

    def on_signal(signum, frame):
        log.info('signal %s received, stopping', signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    if args.stdin_watchdog:
        def watch_stdin():
            # os.read, not sys.stdin: a daemon thread blocked in a buffered
            # read makes Python 3.13 abort at exit (could not acquire lock)
            try:
                while os.read(0, 4096):
                    pass
            except Exception:  # noqa
                pass
            stop.set()
        threading.Thread(target=watch_stdin, name='stdin-watchdog',
                         daemon=True).start()

    listener.start()
    emit('READY')
    while not stop.wait(0.5):
        pass
    try:
        listener.stop()
        listener.wait()
    finally:
        transport.cleanup()
    emit({'event': 'stopped'})
    return 0


if __name__ == '__main__':
    sys.exit(main())
