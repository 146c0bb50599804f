#!/usr/bin/python3
"""A raw py-amqp consumer that prints every message it sees, for interop tests.

Declares a private queue (exclusive, auto-delete, server-named unless --queue
is given), binds it to --exchange with --routing-key (repeatable), and prints:
  READY                         once the queue is bound and consumed
  {"event": "message", "exchange": ..., "routing_key": ..., "redelivered": ...,
   "properties": {...}, "body": "<the body as text>",
   "json": <the parsed body or null>, "oslo_message": <the parsed inner
   "oslo.message" string of a 2.0 envelope, or null>}
for each message (acked after printing).

By default the exchange is declared the way oslo.messaging 14 declares it
(topic: durable=False, auto_delete=False; fanout: durable=False,
auto_delete=True), so this script may run before or after the oslo peers.
Use --passive to only check that the exchange exists, or --no-declare to skip.

Exits cleanly on SIGTERM/SIGINT, and with --stdin-watchdog on stdin EOF.
"""

import argparse
import json
import logging
import os
import signal
import socket
import sys
import threading
from urllib.parse import unquote, urlparse

import amqp


def emit(obj):
    line = obj if isinstance(obj, str) else json.dumps(obj, default=repr)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def parse_url(url):
    """Return (host:port, userid, password, virtual_host) of a rabbit:// URL."""
    u = urlparse(url)
    netloc = u.netloc.split(',')[0]
    if '@' in netloc:
        creds, hostport = netloc.rsplit('@', 1)
        user, _, password = creds.partition(':')
    else:
        hostport, user, password = netloc, 'guest', 'guest'
    if not hostport:
        hostport = 'localhost'
    if ':' not in hostport.rsplit(']', 1)[-1]:
        hostport += ':5672'
    vhost = unquote(u.path[1:]) if len(u.path) > 1 else '/'
    return hostport, unquote(user) or 'guest', unquote(password) or 'guest', \
        vhost


def decode_body(body):
    if isinstance(body, (bytes, bytearray)):
        try:
            return bytes(body).decode('utf-8')
        except UnicodeDecodeError:
            return repr(bytes(body))
    return body


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--url', default='rabbit://guest:guest@127.0.0.1:5672/')
    p.add_argument('--exchange', required=True)
    p.add_argument('--exchange-type', default=None,
                   help='topic (default) or fanout (default when the name '
                        'ends in _fanout)')
    p.add_argument('--routing-key', action='append', default=None,
                   help='binding key (repeatable; default "#")')
    p.add_argument('--queue', default='',
                   help='queue name (default: server-named)')
    p.add_argument('--passive', action='store_true')
    p.add_argument('--no-declare', action='store_true')
    p.add_argument('--stdin-watchdog', action='store_true')
    args = p.parse_args(argv)

    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format='%(asctime)s %(levelname)s %(name)s '
                               '%(message)s')
    log = logging.getLogger('oslo_raw_capture')

    etype = args.exchange_type or (
        'fanout' if args.exchange.endswith('_fanout') else 'topic')
    keys = args.routing_key or ['#']
    host, user, password, vhost = parse_url(args.url)
    conn = amqp.Connection(host=host, userid=user, password=password,
                           virtual_host=vhost)
    conn.connect()
    ch = conn.channel()
    if not args.no_declare:
        ch.exchange_declare(args.exchange, etype, passive=args.passive,
                            durable=False,
                            auto_delete=(etype == 'fanout'))
    qname, _, _ = ch.queue_declare(args.queue, durable=False,
                                   exclusive=True, auto_delete=True)
    for key in keys:
        ch.queue_bind(qname, args.exchange, key)

    def on_message(msg):
        body = decode_body(msg.body)
        parsed = None
        inner = None
        try:
            parsed = json.loads(body)
            if isinstance(parsed, dict) and isinstance(
                    parsed.get('oslo.message'), str):
                inner = json.loads(parsed['oslo.message'])
        except Exception:  # noqa
            pass
        emit({'event': 'message',
              'exchange': msg.delivery_info.get('exchange'),
              'routing_key': msg.delivery_info.get('routing_key'),
              'redelivered': msg.delivery_info.get('redelivered'),
              'properties': {k: decode_body(v)
                             for k, v in msg.properties.items()},
              'body': body, 'json': parsed, 'oslo_message': inner})
        ch.basic_ack(msg.delivery_tag)

    ch.basic_consume(qname, callback=on_message)
    log.info('capturing %s (%s) keys %s into %s', args.exchange, etype, keys,
             qname)

    stop = threading.Event()

    def on_signal(signum, frame):
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
        threading.Thread(target=watch_stdin, daemon=True).start()

    emit('READY')
    while not stop.is_set():
        try:
            conn.drain_events(timeout=0.5)
        except socket.timeout:
            pass
    try:
        conn.close()
    except Exception:  # noqa
        pass
    emit({'event': 'stopped'})
    return 0


if __name__ == '__main__':
    sys.exit(main())
