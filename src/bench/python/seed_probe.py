"""One cold start of the seed's Python get_ec2_info handler, timed the way ColdStartProbe times a Java function.

Usage: python3 seed_probe.py LAMBDAS_DIR EVENT_FILE

LAMBDAS_DIR is the seed's lambdas/ directory (a copy outside this repository); DATA_API_ENDPOINT names the stub
Data API. The seed builds its client with boto3.client('rds-data') and no endpoint, and Debian's botocore predates
AWS_ENDPOINT_URL, so this probe gives boto3.client a default endpoint_url before the seed is imported. Init is the
import of the handler's module (boto3, the X-Ray SDK, the client), as Lambda's Python runtime does it; each invoke
reads the event JSON, calls handler(event, None) and writes the response JSON. Prints one line of key=value pairs.
"""
import time

MAIN_EPOCH_US = int(time.time() * 1_000_000)

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402


def peak_rss_kb():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return -1


def invoke(handler, event_bytes):
    response = handler(json.loads(event_bytes), None)
    json.dumps(response)
    return str(response['statusCode'])


def main():
    lambdas_dir, event_file = sys.argv[1], sys.argv[2]
    endpoint = os.environ['DATA_API_ENDPOINT']
    sys.path.insert(0, lambdas_dir)
    started = time.perf_counter()
    import boto3
    seed_client = boto3.client

    def client_of_the_stub(service_name, *args, **kwargs):
        kwargs.setdefault('endpoint_url', endpoint)
        return seed_client(service_name, *args, **kwargs)

    boto3.client = client_of_the_stub
    import get_ec2_info
    initialised = time.perf_counter()
    with open(event_file, 'rb') as event:
        event_bytes = event.read()
    first_status = invoke(get_ec2_info.handler, event_bytes)
    first_epoch_us = int(time.time() * 1_000_000)
    invoked_once = time.perf_counter()
    second_status = invoke(get_ec2_info.handler, event_bytes)
    invoked_twice = time.perf_counter()
    print('probe main_epoch_us=%d first_response_epoch_us=%d init_us=%d first_us=%d second_us=%d peak_rss_kb=%d '
          'classes=-1 first_status=%s second_status=%s' % (
              MAIN_EPOCH_US, first_epoch_us, (initialised - started) * 1e6, (invoked_once - initialised) * 1e6,
              (invoked_twice - invoked_once) * 1e6, peak_rss_kb(), first_status, second_status))


main()
