// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.
// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.

extension ShippedExamples {
    /// examples/flash-sale.yaml
    static let flashSale: (name: String, text: String) = ("flash-sale.yaml", #"""
# A flash sale: 10,000 orders per minute for the first minutes of a drop, against a
# few thousand items of stock. Orders are admitted through a queue so the stock
# service processes them at its own pace, and buyers poll for their result.
lintel: 1
system: drop
description: Limited sneaker drops sold out in minutes.
requirements:
  team: { engineers: 6, teams: 1 }
  traffic: { average: 20/s, peak: 10000/min, growth: 2x/year }
  slo: { availability: 99.9%, latency_p99: 300ms }
  data: { size: 50GB, growth: 2GB/month, retention: 3y }
  consistency: strong
  compliance: [pci-dss]

components:
  gateway:
    kind: gateway
    instances: 2
    public: true
    tls: true
    auth: jwt
    rate_limit: 500/s
    health_check: /healthz
    calls:
      - { to: checkout, timeout: 1s, protocol: http }
  checkout:
    kind: service
    instances: 6
    workers: 32
    latency: { p50: 5ms, p99: 30ms }
    health_check: /healthz
    calls:
      - { to: stock-cache, timeout: 20ms, protocol: redis, operation: read-write }
      - { to: order-queue, protocol: amqp }
  stock-cache:
    kind: redis
    instances: 1
    replicas: 1
    description: Atomic DECR on the remaining stock count per item.
  order-queue:
    kind: queue
    broker: rabbitmq
    dead_letter: true
    max_deliveries: 3
    consumers: [order-worker]
  order-worker:
    kind: worker
    instances: 4
    workers: 16
    latency: { p50: 15ms, p99: 80ms }
    idempotent_consumer: true
    health_check: /healthz
    calls:
      - { to: payments, timeout: 3s, retries: 2, backoff: full-jitter, idempotent: true, circuit_breaker: true, protocol: https }
      - { to: orders-db, per_request: 2, timeout: 500ms, pool: 10, protocol: sql, operation: write }
  payments:
    kind: external
    technology: Adyen
    latency: { p50: 300ms, p99: 1200ms }
    availability: 99.95%
  orders-db:
    kind: postgres
    replicas: 1
    backups: continuous
    encrypted: true
    max_connections: 100
    storage: 50GB
    holds: [payment]
    audit_log: true

flows:
  place-order: { entry: gateway, route: [checkout], rate: 20/s, peak: 10000/min }

scenarios:
  drop:
    description: The drop opens; 10,000 orders a minute for five minutes.
    load:
      - { at: 0s, rate: 20/s }
      - { at: 30s, rate: 10000/min }
      - { at: 5m30s, rate: 20/s }
    duration: 10m

"""#)
}
