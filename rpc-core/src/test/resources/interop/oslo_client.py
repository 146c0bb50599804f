#!/usr/bin/python3
"""A real oslo.messaging RPC client driven by a JSON script, for interop tests.

Runs with oslo.messaging 14.0.3 (Debian 12), 16.1.0 (Debian 13) and 18.1.0
(upstream).

The script (from --script-file, or stdin) is a JSON list of steps:
  {"op": "call" | "cast", "method": "echo", "args": {...}, "ctxt": {...},
   "server": ..., "fanout": ..., "version": ..., "namespace": ..., "topic": ...,
   "exchange": ..., "timeout": ..., "call_monitor_timeout": ..., "retry": ...,
   "version_cap": ...}
  {"op": "sleep", "seconds": 1.5}
  {"op": "parallel", "steps": [step, ...]}   (runs the steps in threads)
Every key but "op" (and "method" for call/cast) is optional; absent or null
keys are not passed to prepare().

For each step one JSON line goes to stdout:
  {"ok": true, "result": ..., "elapsed": <seconds>}
  {"ok": false, "type": <exception class name>, "module": <its module>,
   "message": str(exc), "exc_type": ..., "value": ..., "elapsed": <seconds>}
("exc_type" and "value" are only non-null for oslo_messaging.RemoteError;
"parallel" gives {"ok": true, "result": [line, ...]}.)
Logs go to stderr. Exit code 0 when the script ran (whatever the steps gave).
"""

import argparse
import json
import logging
import sys
import threading
import time

from oslo_config import cfg
import oslo_messaging as om

PREPARE_KEYS = ('exchange', 'topic', 'namespace', 'version', 'server',
                'fanout', 'timeout', 'version_cap', 'retry',
                'call_monitor_timeout')


def set_lock_path(path):
    """Set [oslo_concurrency] lock_path, needed by use_queue_manager."""
    if path:
        # importing lockutils registers the [oslo_concurrency] options
        from oslo_concurrency import lockutils  # noqa: F401
        cfg.CONF.set_override('lock_path', path, group='oslo_concurrency')


def jsonable(value):
    """Return value if json.dumps accepts it, else a repr-based equivalent."""
    try:
        json.dumps(value)
        return value
    except (TypeError, ValueError):
        pass
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(v) for v in value]
    return repr(value)


def run_step(client, step):
    started = time.monotonic()
    op = step.get('op')
    try:
        if op == 'sleep':
            time.sleep(float(step.get('seconds', 0)))
            result = None
        elif op == 'parallel':
            substeps = step.get('steps') or []
            results = [None] * len(substeps)

            def worker(i, s):
                results[i] = run_step(client, s)
            threads = [threading.Thread(target=worker, args=(i, s),
                                        name='step-%d' % i)
                       for i, s in enumerate(substeps)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            result = results
        elif op in ('call', 'cast'):
            kwargs = {k: step[k] for k in PREPARE_KEYS
                      if step.get(k) is not None}
            cctxt = client.prepare(**kwargs) if kwargs else client
            ctxt = step.get('ctxt') or {}
            args = step.get('args') or {}
            if op == 'call':
                result = cctxt.call(ctxt, step['method'], **args)
            else:
                result = cctxt.cast(ctxt, step['method'], **args)
        else:
            raise ValueError('unknown op %r' % (op,))
        return {'ok': True, 'result': jsonable(result),
                'elapsed': round(time.monotonic() - started, 3)}
    except Exception as exc:  # noqa
        logging.getLogger('oslo_client').info(
            'step %s failed: %s: %s', json.dumps(step, default=repr),
            type(exc).__name__, exc)
        remote = isinstance(exc, om.RemoteError)
        return {'ok': False,
                'type': type(exc).__name__,
                'module': type(exc).__module__,
                'message': str(exc),
                'exc_type': jsonable(exc.exc_type) if remote else None,
                'value': jsonable(exc.value) if remote else None,
                'elapsed': round(time.monotonic() - started, 3)}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--url', default='rabbit://guest:guest@127.0.0.1:5672/')
    p.add_argument('--topic', required=True)
    p.add_argument('--exchange', default='openstack',
                   help='control exchange (default openstack)')
    p.add_argument('--version', default=None,
                   help='client target version (default: none, so no '
                        '"version" key is sent unless a step sets one)')
    p.add_argument('--timeout', type=float, default=10.0,
                   help='default call timeout in seconds (default 10)')
    p.add_argument('--allowed-remote-exmods', default='',
                   help='comma-separated module names')
    p.add_argument('--script-file', default=None,
                   help='JSON script file (default: read stdin)')
    p.add_argument('--log-level', default='INFO')
    p.add_argument('--lock-path', default=None,
                   help='[oslo_concurrency] lock_path (oslo.messaging 16.1+ '
                        'needs it with use_queue_manager=true)')
    args = p.parse_args(argv)

    logging.basicConfig(
        stream=sys.stderr, level=getattr(logging, args.log_level.upper()),
        format='%(asctime)s %(levelname)s %(name)s [%(threadName)s] '
               '%(message)s')

    if args.script_file:
        with open(args.script_file, encoding='utf-8') as f:
            steps = json.load(f)
    else:
        steps = json.load(sys.stdin)
    if not isinstance(steps, list):
        raise SystemExit('the script must be a JSON list of steps')

    om.set_transport_defaults(control_exchange=args.exchange)
    cfg.CONF([], project='oslo4j-interop')
    set_lock_path(args.lock_path)
    # Each call starts a (non-daemon) metrics sender thread that lingers
    # metrics_thread_stop_timeout (10 s) even with metrics disabled, which
    # keeps the interpreter from exiting. No effect on the wire.
    cfg.CONF.set_override('metrics_thread_stop_timeout', 0,
                          group='oslo_messaging_metrics')
    exmods = [m.strip() for m in args.allowed_remote_exmods.split(',')
              if m.strip()]
    transport = om.get_rpc_transport(cfg.CONF, url=args.url,
                                     allowed_remote_exmods=exmods)
    try:
        client = om.get_rpc_client(
            transport, om.Target(topic=args.topic, version=args.version),
            timeout=args.timeout)
        for step in steps:
            line = run_step(client, step)
            sys.stdout.write(json.dumps(line, default=repr) + '\n')
            sys.stdout.flush()
    finally:
        transport.cleanup()
    return 0


if __name__ == '__main__':
    sys.exit(main())
