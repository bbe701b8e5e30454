#!/usr/bin/env python3
"""Upload → downloadable latency against a running stack (./origo up), stdlib only.

For each of N uploads: POST /assets/upload, then one GET /assets/{id}/download with
X-Min-Sequence: 1, which the query-api answers as soon as its read model holds the upload (it waits
server-side, polling every 5 ms). Latency = upload response received → first byte of that 200.
Usage: infra/scripts/visibility-latency.py [count] [command-url] [query-url] [producer-key]
"""
import http.client
import os
import statistics
import sys
import time
import uuid
from urllib.parse import urlparse


def connect(url):
    parsed = urlparse(url)
    return http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)


def upload(conn, key, payload):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.bin\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + payload + f"\r\n--{boundary}--\r\n".encode()
    conn.request("POST", "/assets/upload", body, {
        "Authorization": f"Bearer {key}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
    response = conn.getresponse()
    text = response.read().decode()
    if response.status != 201:
        raise SystemExit(f"upload failed: {response.status} {text}")
    return text.split('"id":"')[1].split('"')[0]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    command = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8081"
    query = sys.argv[3] if len(sys.argv) > 3 else "http://127.0.0.1:8080"
    key = sys.argv[4] if len(sys.argv) > 4 else os.environ.get("ORIGO_PRODUCER_KEY", "dev-producer-key")
    commands, queries = connect(command), connect(query)
    latencies = []
    for _ in range(count):
        asset = upload(commands, key, os.urandom(1024))
        started = time.perf_counter()
        queries.request("GET", f"/assets/{asset}/download", headers={"X-Min-Sequence": "1"})
        response = queries.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"download of {asset} answered {response.status}")
        latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    def pct(p):
        return latencies[min(len(latencies) - 1, int(round(p / 100 * len(latencies))) - 1)]
    print(f"uploads={count} upload->downloadable ms: p50={pct(50):.1f} p90={pct(90):.1f} "
          f"p99={pct(99):.1f} max={latencies[-1]:.1f} mean={statistics.mean(latencies):.1f}")


if __name__ == "__main__":
    main()
