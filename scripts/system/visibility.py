"""Whole-system sampler: how long after its 201 an order becomes visible, and the Order Service's lag.

For --duration seconds, at most --rate orders/s in all (0: lag only), from --workers threads:
  * visibility: POST /create-order with a unique orderId, then GET /order-details every ~1 ms until
    200; the delay from the 201 to the 200 is one sample (also the POST's own latency). Each thread
    waits for its order before the next (random gaps), so a slow pipeline lowers the sample rate;
  * lag, every 0.25 s: the log end of order-events (sum of the high watermarks, confluent-kafka) minus
    the orders stored (/health `orders_in_memory`). Every event of the benchmark is a CREATE of a new
    order, so this is the number of acknowledged events not yet visible. /health's own `lag` is
    sampled too.
Then waits (at most --drain-timeout s) until the stored orders reach the log end and reports how long
that took. Prints one JSON object; exits 1 if an order never became visible or a POST was not 201.
"""
import argparse
import http.client
import json
import sys
import threading
import time
import uuid
from random import Random

from confluent_kafka import Consumer, TopicPartition


def call(connection, method, path, body=None):
    """(status, body) over a kept-alive connection, reconnecting once if the server closed it."""
    for attempt in (1, 2):
        try:
            connection.request(method, path, body, {"Content-Type": "application/json"} if body else {})
            answer = connection.getresponse()
            return answer.status, answer.read()
        except (http.client.HTTPException, ConnectionError):
            connection.close()
            if attempt == 2:
                raise


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Lag:
    def __init__(self, bootstrap, orders_port, topic="order-events", partitions=3):
        self.consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"lag-{uuid.uuid4()}"})
        self.partitions = [TopicPartition(topic, p) for p in range(partitions)]
        self.orders = http.client.HTTPConnection("127.0.0.1", orders_port, timeout=5)

    def sample(self):
        """(log end - stored orders, /health lag, stored orders)."""
        log_end = sum(self.consumer.get_watermark_offsets(tp, timeout=5)[1] for tp in self.partitions)
        health = json.loads(call(self.orders, "GET", "/health")[1])
        stored = health.get("orders_in_memory") or 0
        return log_end - stored, health.get("lag"), stored


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cart-port", type=int, required=True)
    parser.add_argument("--orders-port", type=int, required=True)
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--duration", type=float, default=15)
    parser.add_argument("--rate", type=float, default=40)
    parser.add_argument("--workers", type=int, default=3, help="orders in flight at most")
    parser.add_argument("--drain-timeout", type=float, default=120)
    args = parser.parse_args()

    lag = Lag(args.bootstrap, args.orders_port)
    lags, health_lags, stop = [], [], threading.Event()

    def sample_lag():
        while not stop.is_set():
            behind, health_lag, _ = lag.sample()
            lags.append(behind)
            if health_lag is not None:
                health_lags.append(health_lag)
            stop.wait(0.25)

    sampler = threading.Thread(target=sample_lag)
    sampler.start()

    run = uuid.uuid4().hex[:8]
    visible_ms, post_ms, failures = [], [], []
    started = time.perf_counter()

    def worker(name):
        """Creates an order, waits until it is visible, then pauses a random (exponential) gap of mean
        workers/rate, so that the creations do not lock onto the Order Service's fetch cycle."""
        cart = http.client.HTTPConnection("127.0.0.1", args.cart_port, timeout=10)
        orders = http.client.HTTPConnection("127.0.0.1", args.orders_port, timeout=10)
        random = Random(name)
        n, due = 0, started + random.expovariate(args.rate / args.workers)
        while due - started < args.duration:
            time.sleep(max(0.0, due - time.perf_counter()))
            n += 1
            order_id = f"VIS-{run}-{name}-{n}"
            sent = time.perf_counter()
            status, _ = call(cart, "POST", "/create-order", json.dumps({"orderId": order_id, "itemsCount": 1}))
            acked = time.perf_counter()
            if status != 201:
                failures.append(f"{order_id}: POST answered {status}")
                due = time.perf_counter() + random.expovariate(args.rate / args.workers)
                continue
            post_ms.append((acked - sent) * 1000)
            while True:
                status, _ = call(orders, "GET", f"/order-details?orderId={order_id}")
                if status == 200:
                    visible_ms.append((time.perf_counter() - acked) * 1000)
                    break
                if time.perf_counter() - acked > 10:
                    failures.append(f"{order_id}: not visible 10 s after its 201 (last {status})")
                    break
                time.sleep(0.001)
            due = time.perf_counter() + random.expovariate(args.rate / args.workers)

    workers = [threading.Thread(target=worker, args=(w,)) for w in range(args.workers if args.rate > 0 else 0)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    if args.rate <= 0:
        time.sleep(args.duration)
    stop.set()
    sampler.join()

    load_ended = time.perf_counter()
    drain_s = None
    while time.perf_counter() - load_ended < args.drain_timeout:
        behind, _, stored = lag.sample()
        if behind <= 0:
            drain_s = time.perf_counter() - load_ended
            break
        time.sleep(0.01)
    if drain_s is None:
        failures.append(f"still {behind} events behind {args.drain_timeout} s after the load stopped")

    def stats(values):
        return {"p50": percentile(values, 50), "p99": percentile(values, 99),
                "max": max(values) if values else None, "n": len(values)}

    print(json.dumps({
        "visible_ms": stats(visible_ms), "post_ms": stats(post_ms),
        "lag_events": stats(lags), "lag_mean": sum(lags) / len(lags) if lags else None,
        "health_lag_max": max(health_lags) if health_lags else None,
        "drain_s": drain_s, "stored": stored, "failures": failures[:10], "failure_count": len(failures),
    }))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
