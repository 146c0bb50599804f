#!/usr/bin/python3
"""A real oslo.messaging RPC server, for interop tests.

Runs with oslo.messaging 14.0.3 (Debian 12), 16.1.0 (Debian 13) and 18.1.0
(upstream).

stdout carries only machine-readable lines:
  READY                                   once srv.start() has returned
  {"event": "record", "server": ..., "args": {...}, "ctxt": {...}}   for each record() call
  {"event": "stopped", "server": ...}     after a clean shutdown
Everything else (oslo logs) goes to stderr.

Exits cleanly (srv.stop(); srv.wait(); transport.cleanup()) on SIGTERM or SIGINT,
and, with --stdin-watchdog, when stdin reaches EOF (the parent went away).
"""

import argparse
import json
import logging
import os
import signal
import sys
import threading
import time

from oslo_config import cfg
import oslo_messaging as om
from oslo_messaging._drivers import amqpdriver

_stdout_lock = threading.Lock()


def emit(obj):
    """Write one line to stdout (a str as is, anything else as JSON) and flush."""
    line = obj if isinstance(obj, str) else json.dumps(obj, default=repr)
    with _stdout_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class Api(object):
    """The main endpoint (namespace/version from --namespace/--version)."""

    def __init__(self, server_name, target):
        self.target = target
        self._server = server_name
        self._events = []
        self._lock = threading.Lock()

    def echo(self, ctxt, **kw):
        return {'ctxt': ctxt, 'kw': kw}

    def echo_value(self, ctxt, value):
        return value

    def add(self, ctxt, a, b):
        return a + b

    def fail(self, ctxt, message):
        raise ValueError(message)

    def sleep(self, ctxt, seconds):
        time.sleep(seconds)
        return 'slept %s' % (seconds,)

    def whoami(self, ctxt):
        return {'server': self._server, 'ctxt': ctxt}

    def record(self, ctxt, **kw):
        with self._lock:
            self._events.append(kw)
        emit({'event': 'record', 'server': self._server, 'args': kw,
              'ctxt': ctxt})
        return None

    def events(self, ctxt):
        with self._lock:
            return list(self._events)

    def big(self, ctxt, size):
        return 'x' * size

    # Nova-style names: snake_case methods and keyword arguments
    def build_and_run_instance(self, ctxt, instance_uuid, request_spec,
                               filter_properties=None):
        return {'instance_uuid': instance_uuid, 'request_spec': request_spec,
                'filter_properties': filter_properties,
                'request_id': ctxt.get('request_id'),
                'global_request_id': ctxt.get('global_request_id')}

    def get_console_output(self, ctxt, instance_uuid, tail_length):
        return '%s:%s' % (instance_uuid, tail_length)


class Control(object):
    """Second endpoint: namespace 'control', version '1.0'."""

    target = om.Target(namespace='control', version='1.0')

    def __init__(self, server_name):
        self._server = server_name

    def ping(self, ctxt):
        return self._server


def set_lock_path(path):
    """Set [oslo_concurrency] lock_path, needed by use_queue_manager."""
    if path:
        # importing lockutils registers the [oslo_concurrency] options
        from oslo_concurrency import lockutils  # noqa: F401
        cfg.CONF.set_override('lock_path', path, group='oslo_concurrency')


def cleanup_queues(url, queues, log):
    """Delete the queues with a raw py-amqp connection (best effort).

    The first is deleted unconditionally, the others only when no one consumes
    them (checked with a passive declare: quorum queues refuse if_unused).
    """
    import amqp
    from urllib.parse import unquote, urlparse
    u = urlparse(url)
    netloc = u.netloc.split(',')[0]
    user, password = 'guest', 'guest'
    if '@' in netloc:
        creds, netloc = netloc.rsplit('@', 1)
        user, _, password = creds.partition(':')
    hostport = netloc or 'localhost'
    if ':' not in hostport.rsplit(']', 1)[-1]:
        hostport += ':5672'
    vhost = unquote(u.path[1:]) if len(u.path) > 1 else '/'
    try:
        conn = amqp.Connection(host=hostport, userid=unquote(user),
                               password=unquote(password),
                               virtual_host=vhost)
        conn.connect()
    except Exception as exc:  # noqa
        log.warning('queue cleanup: cannot connect: %s', exc)
        return
    try:
        for i, queue in enumerate(queues):
            ch = conn.channel()
            try:
                if i > 0:
                    consumers = ch.queue_declare(
                        queue, passive=True).consumer_count
                    if consumers:
                        log.info('queue cleanup: kept %s: %d consumers', queue,
                                 consumers)
                        continue
                ch.queue_delete(queue)
                log.info('queue cleanup: deleted %s', queue)
            except Exception as exc:  # noqa
                log.info('queue cleanup: kept %s: %s', queue, exc)
            finally:
                try:
                    ch.close()
                except Exception:  # noqa
                    pass
    finally:
        try:
            conn.close()
        except Exception:  # noqa
            pass


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--url', default='rabbit://guest:guest@127.0.0.1:5672/')
    p.add_argument('--topic', required=True)
    p.add_argument('--server', required=True)
    p.add_argument('--exchange', default='openstack',
                   help='control exchange (default openstack)')
    p.add_argument('--executor', default=None,
                   help='executor name (default: oslo\'s own choice, '
                        'threading; 18.1 deprecates the argument)')
    p.add_argument('--namespace', default=None,
                   help='namespace of the main endpoint (default none)')
    p.add_argument('--version', default='1.0',
                   help='version of the main endpoint (default 1.0)')
    p.add_argument('--log-level', default='INFO')
    p.add_argument('--lock-path', default=None,
                   help='[oslo_concurrency] lock_path (oslo.messaging 16.1+ '
                        'needs it with use_queue_manager=true)')
    p.add_argument('--idle-poll-max', type=float, default=1.0,
                   help='cap on the listener idle poll back-off, seconds '
                        '(oslo default 5.0; it bounds how long stop takes; '
                        'no effect on the wire)')
    p.add_argument('--cleanup-queues', action='store_true',
                   help='after a clean stop, delete the queue <topic>.<server> '
                        'and, if no one consumes it, <topic> (oslo leaves '
                        'them; this keeps a shared test broker tidy)')
    p.add_argument('--stdin-watchdog', action='store_true',
                   help='exit cleanly when stdin reaches EOF')
    args = p.parse_args(argv)

    logging.basicConfig(
        stream=sys.stderr, level=getattr(logging, args.log_level.upper()),
        format='%(asctime)s %(levelname)s %(name)s [%(threadName)s] '
               '%(message)s')
    log = logging.getLogger('oslo_server')

    om.set_transport_defaults(control_exchange=args.exchange)
    cfg.CONF([], project='oslo4j-interop')
    set_lock_path(args.lock_path)
    # Each call starts a (non-daemon) metrics sender thread that lingers
    # metrics_thread_stop_timeout (10 s) even with metrics disabled, which
    # keeps the interpreter from exiting. No effect on the wire.
    cfg.CONF.set_override('metrics_thread_stop_timeout', 0,
                          group='oslo_messaging_metrics')
    transport = om.get_rpc_transport(cfg.CONF, url=args.url)
    # The listener's idle poll timeout doubles up to this cap, and srv.stop()
    # waits for the current poll: with the stock 5.0 a SIGTERM takes ~5 s.
    # Patched only after the driver is loaded: impl_rabbit derives an option
    # bound (kombu_reconnect_delay max) from it at import time.
    amqpdriver.ACK_REQUEUE_EVERY_SECONDS_MAX = args.idle_poll_max
    api = Api(args.server, om.Target(namespace=args.namespace,
                                     version=args.version))
    target = om.Target(topic=args.topic, server=args.server)
    # executor= is deprecated in 18.1 (a warning): passed only when asked for
    executor = {'executor': args.executor} if args.executor else {}
    srv = om.get_rpc_server(transport, target, [api, Control(args.server)],
                            **executor)

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
            log.info('stdin closed, stopping')
            stop.set()
        threading.Thread(target=watch_stdin, name='stdin-watchdog',
                         daemon=True).start()

    srv.start()
    log.info('server started: exchange=%s topic=%s server=%s', args.exchange,
             args.topic, args.server)
    emit('READY')

    while not stop.wait(0.5):
        pass

    try:
        srv.stop()
        srv.wait()
    finally:
        transport.cleanup()
    log.info('server stopped')
    if args.cleanup_queues:
        cleanup_queues(args.url, ['%s.%s' % (args.topic, args.server),
                                  args.topic], log)
    emit({'event': 'stopped', 'server': args.server})
    return 0


if __name__ == '__main__':
    sys.exit(main())
