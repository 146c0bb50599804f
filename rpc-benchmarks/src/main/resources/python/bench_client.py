#!/usr/bin/python3
"""An oslo.messaging RPC client that benchmarks itself, for oslo4j.

Run with Debian's /usr/bin/python3 (python3-oslo.messaging 14.0.3 on the
host; 16.1.0 in the Debian 13 root) or the root's oslo.messaging 18.1.0 venv.
Calls echo(data) on server s1 of --topic, casts note(data) to it and
fanout-casts fan(data) to every server, each scenario a warm-up then --runs
timed runs of --run seconds, from threads. Prints one JSON object on stdout:
  {"reply_q": ..., "results": {"<scenario>": [{"throughput": ..., "p50": ms,
   "p99": ms, "p999": ms, "count": n}, ...]}}
and "PROGRESS <label> <count>" lines on stderr.
"""

import argparse
from concurrent import futures
import json
import logging
import math
import sys
import threading
import time

from oslo_config import cfg
import oslo_messaging as om
from oslo_messaging._drivers import amqpdriver

SMALL = {'id': 42, 'name': 'instance-0001', 'flavor': 'm1.small',
         'tags': ['a', 'b'], 'active': True}
LARGE = {'blob': 'x' * 65536}
# id: (kind, threads, payload)
SCENARIOS = {
    'sequential': ('call', 1, SMALL),
    'sequential-64k': ('call', 1, LARGE),
    'concurrent-16': ('call', 16, SMALL),
    'concurrent-64': ('call', 64, SMALL),
    'concurrent-256': ('call', 256, SMALL),
    'cast': ('cast', 16, SMALL),
    'fanout': ('fanout', 4, SMALL),
}


class Counter(object):
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def add(self):
        with self.lock:
            self.value += 1


def percentile(sorted_values, pct):
    if not sorted_values:
        return None
    rank = int(math.ceil(pct / 100.0 * len(sorted_values))) - 1
    return sorted_values[max(0, min(len(sorted_values) - 1, rank))] * 1000.0


def run_threads(count, seconds, operation, counter):
    deadline = time.monotonic() + seconds
    latencies = []
    errors = []
    lock = threading.Lock()

    def worker():
        mine = []
        try:
            now = time.monotonic()
            while now < deadline and not errors:
                operation()
                end = time.monotonic()
                mine.append(end - now)
                counter.add()
                now = end
        except Exception as exc:  # noqa
            errors.append(exc)
        with lock:
            latencies.extend(mine)
    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return latencies, time.monotonic() - start


def fanout_deliveries(clients):
    # in parallel: an 18.1 client takes half a second per call
    with futures.ThreadPoolExecutor(len(clients)) as pool:
        return sum(pool.map(lambda c: c.call({}, 'fancount'), clients))


def run_once(scenario, seconds, clients, counter):
    kind, threads, payload = SCENARIOS[scenario]
    call, cast, fanout, per_server = clients
    if kind == 'call':
        lat, elapsed = run_threads(threads, seconds,
                                   lambda: call.call({}, 'echo', data=payload), counter)
    elif kind == 'cast':
        lat, elapsed = run_threads(threads, seconds,
                                   lambda: cast.cast({}, 'note', data=payload), counter)
    else:
        before = fanout_deliveries(per_server)
        start = time.monotonic()
        lat, _ = run_threads(threads, seconds,
                             lambda: fanout.cast({}, 'fan', data=payload), counter)
        expected = len(lat) * len(per_server)
        delivered = fanout_deliveries(per_server) - before
        while delivered < expected:
            if time.monotonic() - start > 60:
                raise RuntimeError('only %d of %d fanout deliveries' % (delivered, expected))
            time.sleep(0.02)
            delivered = fanout_deliveries(per_server) - before
        elapsed = time.monotonic() - start
        if delivered > expected:
            raise RuntimeError('%d fanout deliveries for %d casts to %d servers: '
                               'duplicates' % (delivered, len(lat), len(per_server)))
        return {'throughput': delivered / elapsed, 'count': delivered}
    lat.sort()
    return {'throughput': len(lat) / elapsed, 'p50': percentile(lat, 50),
            'p99': percentile(lat, 99), 'p999': percentile(lat, 99.9),
            'count': len(lat)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--url', required=True)
    p.add_argument('--topic', required=True)
    p.add_argument('--servers', default='s1,s2,s3')
    p.add_argument('--scenarios', default=','.join(SCENARIOS))
    p.add_argument('--warmup', type=float, default=1.0)
    p.add_argument('--run', type=float, default=2.0)
    p.add_argument('--runs', type=int, default=3)
    args = p.parse_args()
    logging.basicConfig(stream=sys.stderr, level=logging.ERROR)
    cfg.CONF([], project='oslo4j-bench')
    transport = om.get_rpc_transport(cfg.CONF, url=args.url)
    # bounds how long cleanup() waits for the reply poller's idle poll (oslo
    # default 5 s); a reply arriving ends a poll at once either way
    amqpdriver.ACK_REQUEUE_EVERY_SECONDS_MAX = 0.5
    servers = args.servers.split(',')
    base = om.get_rpc_client(transport, om.Target(topic=args.topic), timeout=60)
    clients = (base.prepare(server=servers[0]), base.prepare(server=servers[0]),
               base.prepare(fanout=True), [base.prepare(server=s) for s in servers])
    counter = Counter()
    label = ['starting']
    stop = threading.Event()

    def report():
        while not stop.wait(1.0):
            sys.stderr.write('PROGRESS %s %d\n' % (label[0], counter.value))
            sys.stderr.flush()
    threading.Thread(target=report, daemon=True).start()
    results = {}
    try:
        for scenario in args.scenarios.split(','):
            runs = []
            try:
                if args.warmup > 0:
                    label[0] = scenario + '/warm-up'
                    counter.value = 0
                    run_once(scenario, args.warmup, clients, counter)
                for i in range(args.runs):
                    label[0] = '%s/run-%d-of-%d' % (scenario, i + 1, args.runs)
                    counter.value = 0
                    runs.append(run_once(scenario, args.run, clients, counter))
            except Exception as exc:  # noqa
                runs = [{'error': '%s: %s' % (type(exc).__name__, exc)}]
            results[scenario] = runs
    finally:
        stop.set()
        reply_q = getattr(transport._driver, '_reply_q', None)
        transport.cleanup()
    sys.stdout.write(json.dumps({'reply_q': reply_q, 'results': results}) + '\n')
    sys.stdout.flush()
    return 0


if __name__ == '__main__':
    sys.exit(main())
