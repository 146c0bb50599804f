#!/usr/bin/python3
"""Calls the running oslo4j sample from Python oslo.messaging (Debian: apt-get install python3-oslo.messaging).

    /usr/bin/python3 calculator_client.py [--url rabbit://guest:guest@localhost:5672/] [--topic sample]

The Java sample must run on the same RabbitMQ (RPC_TRANSPORT_URL=rabbit://guest:guest@localhost:5672/).
"""
import argparse
import uuid

from oslo_config import cfg
import oslo_messaging as om


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', default='rabbit://guest:guest@localhost:5672/')
    parser.add_argument('--topic', default='sample')
    parser.add_argument('--exchange', default='openstack', help='the control exchange (rpc.control-exchange)')
    args = parser.parse_args()

    cfg.CONF([])
    om.set_transport_defaults(control_exchange=args.exchange)
    transport = om.get_rpc_transport(cfg.CONF, url=args.url)
    calculator = om.get_rpc_client(transport, om.Target(topic=args.topic, version='1.1'), timeout=10)
    control = om.get_rpc_client(transport, om.Target(topic=args.topic, namespace='control', version='1.0'),
                                timeout=10)
    ctxt = {'request_id': 'req-' + str(uuid.uuid4()), 'user_id': 'python'}

    print('add(2, 3)         ->', calculator.call(ctxt, 'add', a=2, b=3))
    print('echo(...)         ->', calculator.call(ctxt, 'echo', value={'hello': ['world', 1, None]}))
    print('whoami()          ->', calculator.call(ctxt, 'whoami'))
    calculator.cast(ctxt, 'record', event={'from': 'python'})
    print('events()          ->', calculator.call(ctxt, 'events'))
    try:
        calculator.call(ctxt, 'fail', message='boom')
    except om.RemoteError as error:  # a Java server's exception: not a Python class
        print('fail("boom")      ->', 'RemoteError', error.exc_type, error.value)
    except ValueError as error:  # a Python server's built-in exception is rebuilt
        print('fail("boom")      ->', 'ValueError', str(error).splitlines()[0])
    print('ping()            ->', control.call(ctxt, 'ping'))
    control.prepare(fanout=True).cast(ctxt, 'refresh')
    print('sleep(3), monitor ->', calculator.prepare(timeout=30, call_monitor_timeout=2).call(ctxt, 'sleep', seconds=3))
    transport.cleanup()


if __name__ == '__main__':
    main()
