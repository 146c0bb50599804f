#!/usr/bin/python3
"""An oslo.messaging notifier or notification listener for the oslo4j benchmarks.

  --mode send:   a Notifier (messagingv2) on --topic. Prints READY once its
                 transport is made, then waits for a line on stdin: 'warm' sends
                 one bench.warmup notification (repeatable), 'go' sends --count
                 bench.event notifications as fast as it can and prints
                 {"seconds": <time to send them>}, then exits.
  --mode listen: a notification listener in pool --pool on --topic (oslo's
                 threading executor). Prints READY once started, WARM on the
                 first bench.warmup notification, and {"seconds": <first to last>}
                 once it has handled --count bench.event notifications; then
                 stops and exits.
Works over rabbit:// and kafka:// transport URLs.
"""

import argparse
import json
import logging
import os
import sys
import threading
import time

from oslo_config import cfg
import oslo_messaging as om

PAYLOAD = {'instance_id': 'i-1', 'state': 'active', 'vcpus': 2}


def emit(line):
    sys.stdout.write(line + '\n')
    sys.stdout.flush()


def send(transport, args):
    notifier = om.Notifier(transport, publisher_id='bench.host',
                           driver='messagingv2', topics=[args.topic])
    emit('READY')
    for line in sys.stdin:
        command = line.strip()
        if command == 'warm':
            notifier.info({}, 'bench.warmup', PAYLOAD)
        elif command == 'go':
            start = time.monotonic()
            for _ in range(args.count):
                notifier.info({}, 'bench.event', PAYLOAD)
            emit(json.dumps({'seconds': time.monotonic() - start}))
            return 0
    return 1


class Counter(object):

    def __init__(self, count):
        self.count = count
        self.received = 0
        self.first = None
        self.warm = False
        self.done = threading.Event()
        self.lock = threading.Lock()

    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        if event_type == 'bench.warmup':
            if not self.warm:
                self.warm = True
                emit('WARM')
            return om.NotificationResult.HANDLED
        with self.lock:
            if self.first is None:
                self.first = time.monotonic()
            self.received += 1
            if self.received == self.count:
                emit(json.dumps({'seconds': time.monotonic() - self.first}))
                self.done.set()
        return om.NotificationResult.HANDLED


def listen(transport, args):
    counter = Counter(args.count)
    listener = om.get_notification_listener(
        transport, [om.Target(topic=args.topic)], [counter],
        executor='threading', pool=args.pool)
    listener.start()
    emit('READY')
    counter.done.wait(args.timeout)
    listener.stop()
    listener.wait()
    return 0 if counter.done.is_set() else 1


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--mode', choices=['send', 'listen'], required=True)
    p.add_argument('--url', required=True)
    p.add_argument('--topic', required=True)
    p.add_argument('--pool', default=None)
    p.add_argument('--count', type=int, required=True)
    p.add_argument('--timeout', type=float, default=300)
    args = p.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    cfg.CONF([], project='oslo4j-bench')
    transport = om.get_notification_transport(cfg.CONF, url=args.url)
    try:
        return send(transport, args) if args.mode == 'send' else listen(transport, args)
    finally:
        transport.cleanup()


if __name__ == '__main__':
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
