#!/usr/bin/python3
"""Sends notifications with Python oslo.messaging's Notifier, for interop tests.

Reads a JSON list of steps from --script-file, each
  {"priority": "info", "event_type": "...", "payload": ..., "ctxt": {...},
   "publisher_id": "..." (optional, prepare(publisher_id=...))}
sends them in order with om.Notifier(transport, publisher_id, driver, topics)
and prints one line {"event": "sent", "index": i} per step, then DONE.

With --request-context each ctxt is passed as an oslo.context RequestContext
(RequestContext(**ctxt)), as OpenStack services pass theirs: oslo.messaging
16.1+ sends no context at all for a plain dict.
"""

import argparse
import json
import logging
import sys

from oslo_config import cfg
import oslo_messaging as om


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


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--url', default='rabbit://guest:guest@127.0.0.1:5672/')
    p.add_argument('--topic', action='append', required=True)
    p.add_argument('--publisher-id', default='python.host')
    p.add_argument('--driver', default='messagingv2')
    p.add_argument('--exchange', default='openstack')
    p.add_argument('--script-file', required=True)
    p.add_argument('--log-level', default='INFO')
    p.add_argument('--request-context', action='store_true',
                   help='pass each ctxt as an oslo.context RequestContext')
    p.add_argument('--lock-path', default=None,
                   help='[oslo_concurrency] lock_path (oslo.messaging 16.1+ '
                        'needs it with use_queue_manager=true)')
    args = p.parse_args(argv)

    logging.basicConfig(stream=sys.stderr,
                        level=getattr(logging, args.log_level.upper()),
                        format='%(asctime)s %(levelname)s %(name)s '
                               '%(message)s')
    with open(args.script_file) as f:
        steps = json.load(f)

    om.set_transport_defaults(control_exchange=args.exchange)
    cfg.CONF([], project='oslo4j-interop')
    set_lock_path(args.lock_path)
    transport = om.get_notification_transport(cfg.CONF, url=args.url)
    notifier = om.Notifier(transport, publisher_id=args.publisher_id,
                           driver=args.driver, topics=args.topic)
    try:
        for i, step in enumerate(steps):
            n = notifier
            if step.get('publisher_id'):
                n = notifier.prepare(publisher_id=step['publisher_id'])
            method = getattr(n, step['priority'])
            ctxt = step.get('ctxt', {})
            if args.request_context:
                from oslo_context import context
                ctxt = context.RequestContext(**ctxt)
            method(ctxt, step['event_type'], step.get('payload'))
            emit({'event': 'sent', 'index': i})
    finally:
        transport.cleanup()
    emit('DONE')
    return 0


if __name__ == '__main__':
    sys.exit(main())
