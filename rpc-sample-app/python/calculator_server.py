#!/usr/bin/python3
"""Serves the sample's CalculatorEndpoint and ControlEndpoint contract from Python oslo.messaging.

    /usr/bin/python3 calculator_server.py [--url rabbit://guest:guest@localhost:5672/] [--topic pysample] [--server py1]

Point the Java sample's HTTP API at it with --rpc.clients.calculator.topic=pysample
(and --rpc.clients.control.topic=pysample).
"""
import argparse
import signal
import threading
import time

from oslo_config import cfg
import oslo_messaging as om


class CalculatorEndpoint(object):
    target = om.Target(version='1.1')

    def __init__(self, server):
        self.server = server
        self._events = []

    def add(self, ctxt, a, b):
        return a + b

    def echo(self, ctxt, value):
        return value

    def sleep(self, ctxt, seconds):
        time.sleep(seconds)
        return 'slept %s' % seconds

    def fail(self, ctxt, message):
        raise ValueError(message)

    def whoami(self, ctxt):
        return {'server': self.server, 'context': ctxt}

    def record(self, ctxt, event):
        self._events.append(event)

    def events(self, ctxt):
        return list(self._events)


class ControlEndpoint(object):
    target = om.Target(namespace='control', version='1.0')

    def __init__(self, server):
        self.server = server
        self.count = 0

    def ping(self, ctxt):
        return self.server

    def refresh(self, ctxt):
        self.count += 1

    def refreshes(self, ctxt):
        return self.count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', default='rabbit://guest:guest@localhost:5672/')
    parser.add_argument('--topic', default='pysample')
    parser.add_argument('--server', default='py1')
    parser.add_argument('--exchange', default='openstack')
    args = parser.parse_args()

    cfg.CONF([])
    om.set_transport_defaults(control_exchange=args.exchange)
    transport = om.get_rpc_transport(cfg.CONF, url=args.url)
    server = om.get_rpc_server(transport, om.Target(topic=args.topic, server=args.server),
                               [CalculatorEndpoint(args.server), ControlEndpoint(args.server)],
                               executor='threading')
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    server.start()
    print('serving topic %s as server %s; Ctrl-C to stop' % (args.topic, args.server), flush=True)
    stopped.wait()
    server.stop()
    server.wait()
    transport.cleanup()


if __name__ == '__main__':
    main()
