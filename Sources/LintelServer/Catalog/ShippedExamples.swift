// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.
// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.

/// The example models shipped in `examples/`, served as MCP resources (the binary carries no files).
enum ShippedExamples {
    /// File name and text, sorted by name.
    static let all: [(name: String, text: String)] = [
        ("analytics-platform.yaml", #"""
# Real-time analytics: 1M events/s ingested from SDKs, queries answered at p99 < 100 ms.
# Events land in Kafka, a stream processor aggregates them into ClickHouse, and a query
# API serves dashboards from pre-aggregated tables with a Redis result cache.
lintel: 1
system: pulse-analytics
description: Product analytics ingesting client events and serving live dashboards.
requirements:
  team: { engineers: 20, teams: 4 }
  traffic: { average: 400K/s, peak: 1M/s, growth: 2x/year }
  slo: { availability: 99.9%, latency_p99: 100ms }
  data: { size: 80TB, growth: 30TB/month, retention: 13mo }
  consistency: eventual
  compliance: [gdpr]

components:
  edge-lb:
    kind: load-balancer
    instances: 2
    public: true
    tls: true
    rate_limit: 1500K/s
    calls:
      - { to: collector, timeout: 200ms, protocol: http }
      - { to: query-api, timeout: 300ms, protocol: http }
  collector:
    kind: service
    technology: Go
    instances: 40
    workers: 256
    latency: { p50: 1ms, p99: 6ms }
    auth: api-key
    health_check: /healthz
    calls:
      - { to: events, mode: sync, timeout: 50ms, retries: 2, backoff: full-jitter, idempotent: true, protocol: kafka }
  events:
    kind: topic
    broker: kafka
    partitions: 256
    partition_throughput: 10K/s
    retention: 3d
    dead_letter: true
    consumers: [aggregator]
  aggregator:
    kind: worker
    technology: Flink
    instances: 32
    workers: 8
    latency: { p50: 100us, p99: 2ms }
    idempotent_consumer: true
    health_check: /healthz
    calls:
      - { to: clickhouse, per_request: 0.001, timeout: 5s, retries: 3, backoff: exponential, idempotent: true, protocol: http, operation: write }
  clickhouse:
    kind: clickhouse
    instances: 6
    replicas: 1
    workers: 32
    latency: { p50: 15ms, p99: 60ms }
    backups: daily
    encrypted: true
    storage: 80TB
    data_growth: 30TB/month
    retention: 13mo
    holds: [pii]
    audit_log: true
  query-api:
    kind: service
    technology: Go
    instances: 8
    workers: 64
    latency: { p50: 2ms, p99: 10ms }
    auth: oidc
    health_check: /healthz
    calls:
      - { to: result-cache, timeout: 20ms, hit_ratio: 0.8, optional: true, protocol: redis }
      - { to: clickhouse, timeout: 80ms, on_miss: result-cache, circuit_breaker: true, idempotent: true, protocol: http, operation: read }
  result-cache: { kind: redis, instances: 3, replicas: 1, workers: 4, latency: { p50: 0.1ms, p99: 1ms } }

flows:
  ingest:
    entry: edge-lb
    route: [collector]
    share: 99.9%
    slo: { availability: 99.9%, latency_p99: 50ms }
  dashboard-query:
    entry: edge-lb
    route: [query-api]
    rate: 400/s
    peak: 1K/s
    slo: { availability: 99.9%, latency_p99: 100ms }

scenarios:
  broker-slowdown:
    description: A Kafka broker's disk slows down; producers back off and retry.
    load: [ { at: 0s, scale: 2.5x } ]
    faults: [ { at: 60s, component: events, latency: 20x, for: 90s } ]
    duration: 6m

"""#),
        ("django-monolith.yaml", #"""
# A Django monolith behind a load balancer: two web servers (gunicorn), two Celery
# workers, PostgreSQL primary + streaming replica, and one Redis used both as the
# cache and as the Celery broker — the typical small-company setup.
lintel: 1
system: bookings
description: A booking site for a chain of climbing gyms.
requirements:
  team: { engineers: 4, teams: 1 }
  traffic: { average: 15/s, peak: 120/s, growth: 30%/year }
  slo: { availability: 99.9%, latency_p99: 500ms }
  data: { size: 30GB, growth: 1GB/month, retention: 5y }
  consistency: read-your-writes
  compliance: [gdpr]

domain:
  contexts:
    bookings:
      entities:
        Booking:
          fields: { member_id: ref(Member), slot: timestamp, gym: string, status: "enum(booked,cancelled,attended)", created_at: timestamp }
          queries: [ { by: member_id, order: slot }, { by: [gym, slot] } ]
          volume: { rows: 4M, writes: 2/s }
          store: postgres
        Member:
          fields: { email: { type: string, unique: true, sensitive: true }, name: { type: string, sensitive: true }, joined_at: date }
          queries: [ { by: email } ]
          volume: { rows: 300K }
          store: postgres

components:
  lb:
    kind: load-balancer
    technology: nginx
    public: true
    tls: true
    rate_limit: 300/s
    calls: [ { to: web, timeout: 30s, protocol: http } ]
  web:
    kind: service
    technology: Django 5 on gunicorn
    instances: 2
    workers: 9          # gunicorn: 2 × cores + 1 on 4 cores
    latency: { p50: 40ms, p99: 250ms }
    auth: session
    health_check: /health/
    calls:
      - { to: redis, timeout: 100ms, hit_ratio: 0.7, protocol: redis }
      - { to: postgres, per_request: 6, on_miss: redis, timeout: 5s, pool: 9, protocol: sql, operation: read-write }
      - { to: replica-reads, per_request: 2, timeout: 5s, protocol: sql, operation: read }
      - { to: tasks, per_request: 0.2 }
  replica-reads:
    kind: postgres
    description: The streaming replica; Django routes reports and listings here.
    latency: { p50: 3ms, p99: 30ms }
    max_connections: 100
    backups: none
    encrypted: true
  postgres:
    kind: postgres
    replicas: 1
    backups: daily
    encrypted: true
    max_connections: 100
    storage: 30GB
    data_growth: 1GB/month
    holds: [pii]
  redis:
    kind: redis
    description: Cache and Celery broker in one process.
  tasks:
    kind: queue
    broker: redis
    description: Celery queue on the same Redis.
    consumers: [celery]
  celery:
    kind: worker
    instances: 2
    workers: 4
    latency: { p50: 200ms, p99: 2s }
    calls:
      - { to: postgres, per_request: 3, timeout: 5s, pool: 4, protocol: sql }
      - { to: mail-api, timeout: 10s, retries: 3, backoff: exponential, protocol: https }
  mail-api:
    kind: external
    technology: Postmark
    latency: { p50: 150ms, p99: 800ms }

flows:
  book-slot: { entry: lb, route: [web], rate: 15/s, peak: 120/s }

scenarios:
  database-failover:
    description: The primary dies; promoting the replica takes 45 seconds.
    faults: [ { at: 60s, component: postgres, down: true, for: 45s } ]

"""#),
        ("flash-sale.yaml", #"""
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

"""#),
        ("order-system.yaml", #"""
# E-commerce order system: 10K orders/hour on a normal day, Black Friday peaks of
# 100K orders/hour, p99 under 200 ms and 99.95% availability.
# Browsing outnumbers ordering about 20 to 1, as in most shops.
lintel: 1
system: shop
description: Online shop taking orders, reserving stock and charging cards.
requirements:
  team: { engineers: 12, teams: 3 }
  traffic: { average: 60/s, peak: 600/s, growth: 50%/year }
  slo: { availability: 99.95%, latency_p99: 200ms }
  data: { size: 400GB, growth: 25GB/month, retention: 7y }
  consistency: strong
  compliance: [pci-dss, gdpr]
  budget: 30000 USD/month

domain:
  contexts:
    ordering:
      team: checkout
      entities:
        Order:
          fields:
            customer_id: ref(Customer)
            total: decimal
            currency: string
            status: enum(pending,paid,shipped,cancelled)
            created_at: timestamp
          queries:
            - { by: customer_id, order: created_at }
            - { by: status }
          volume: { rows: 50M, writes: 30/s, reads: 300/s }
          store: orders-db
          retention: 7y
        OrderLine:
          fields: { order_id: ref(Order), sku: string, quantity: int, price: decimal }
          queries: [ { by: order_id } ]
          volume: { rows: 200M, writes: 90/s }
          store: orders-db
      events:
        OrderPlaced: { fields: { order_id: uuid, total: decimal }, topic: order-events }
    customers:
      team: accounts
      entities:
        Customer:
          fields:
            email: { type: string, unique: true, sensitive: true }
            name: { type: string, sensitive: true }
            created_at: timestamp
          queries: [ { by: email } ]
          volume: { rows: 5M, writes: 1/s }
          store: customers-db
    catalog:
      team: catalog
      entities:
        Product:
          fields: { sku: { type: string, unique: true }, title: string, price: decimal, stock: int }
          queries: [ { by: sku } ]
          volume: { rows: 200K, writes: 5/s, reads: 2K/s }
          store: catalog-db

components:
  cdn: { kind: cdn, public: true, tls: true }
  gateway:
    kind: gateway
    instances: 3
    public: true
    auth: jwt
    tls: true
    rate_limit: 2000/s
    health_check: /healthz
    calls:
      - { to: catalog, timeout: 500ms, retries: 1, backoff: full-jitter, idempotent: true, circuit_breaker: true, protocol: http }
      - { to: orders, timeout: 1500ms, retries: 0, circuit_breaker: true, protocol: http }
      - { to: customers, timeout: 500ms, retries: 1, backoff: full-jitter, idempotent: true, circuit_breaker: true, protocol: http }
  catalog:
    kind: service
    context: catalog
    instances: 3
    workers: 32
    latency: { p50: 4ms, p99: 25ms }
    health_check: /healthz
    calls:
      - { to: cache, timeout: 50ms, hit_ratio: 0.95, optional: true, protocol: redis }
      - { to: catalog-db, timeout: 200ms, on_miss: cache, protocol: sql, operation: read }
    operations:
      get-product:
        http: GET /v1/products/{sku}
        response: Product
        calls: [cache, catalog-db]
  orders:
    kind: service
    context: ordering
    instances: 4
    workers: 64
    latency: { p50: 8ms, p99: 40ms }
    health_check: /healthz
    calls:
      - { to: inventory, timeout: 300ms, retries: 2, backoff: full-jitter, idempotent: true,
          circuit_breaker: { failures: 50%, window: 10s, open_for: 30s }, protocol: grpc }
      - { to: payments, timeout: 800ms, retries: 1, backoff: exponential, idempotent: true, circuit_breaker: true, protocol: grpc }
      - { to: orders-db, per_request: 3, timeout: 200ms, protocol: sql, operation: write }
    publishes: [order-events]
    # What each endpoint calls: placing an order reserves stock, charges the card and publishes;
    # reading one only reads orders-db, so it does not depend on the payment provider.
    operations:
      place-order:
        http: POST /v1/orders
        request: Order
        response: Order
        calls: [inventory, payments, orders-db]
        publishes: [order-events]
      get-order:
        http: GET /v1/orders/{id}
        response: Order
        calls:
          - { to: orders-db, timeout: 200ms, protocol: sql, operation: read }
  inventory:
    kind: service
    context: catalog
    instances: 3
    workers: 32
    latency: { p50: 3ms, p99: 20ms }
    health_check: /healthz
    calls:
      - { to: catalog-db, per_request: 2, timeout: 100ms, protocol: sql, operation: write }
  payments:
    kind: service
    context: ordering
    instances: 3
    workers: 64
    latency: { p50: 5ms, p99: 30ms }
    health_check: /healthz
    audit_log: true
    calls:
      - { to: card-processor, timeout: 2s, retries: 1, backoff: exponential, idempotent: true, circuit_breaker: true, protocol: https }
      - { to: orders-db, timeout: 200ms, protocol: sql, operation: write }
  customers:
    kind: service
    context: customers
    instances: 2
    workers: 32
    latency: { p50: 3ms, p99: 15ms }
    health_check: /healthz
    calls:
      - { to: customers-db, timeout: 100ms, protocol: sql, operation: read }
    operations:
      get-customer:
        http: GET /v1/customers/{id}
        response: Customer
        calls: [customers-db]
  shipping:
    kind: worker
    context: ordering
    instances: 2
    workers: 8
    latency: { p50: 20ms, p99: 120ms }
    consumes: [order-events]
    idempotent_consumer: true
    health_check: /healthz
  card-processor:
    kind: external
    technology: Stripe
    latency: { p50: 250ms, p99: 900ms }
    availability: 99.99%
  orders-db:
    kind: postgres
    replicas: 1
    backups: continuous
    encrypted: true
    max_connections: 400
    pool: 20
    storage: 300GB
    data_growth: 20GB/month
    holds: [payment, pii]
    audit_log: true
  catalog-db:
    kind: postgres
    replicas: 1
    backups: daily
    encrypted: true
    max_connections: 200
    pool: 15
    storage: 20GB
  customers-db:
    kind: postgres
    replicas: 1
    backups: daily
    encrypted: true
    max_connections: 100
    pool: 10
    storage: 40GB
    holds: [pii]
    audit_log: true
  cache: { kind: redis, instances: 2, replicas: 1 }
  order-events:
    kind: topic
    broker: kafka
    partitions: 12
    dead_letter: true
    retention: 7d

flows:
  browse:    { entry: gateway, operation: catalog.get-product, rate: 50/s, peak: 500/s, critical: false }
  checkout:  { entry: gateway, operation: orders.place-order, rate: 10K/hour, peak: 100K/hour }
  account:   { entry: gateway, operation: customers.get-customer, rate: 7/s, peak: 70/s }

scenarios:
  black-friday:
    description: The ten-fold peak arrives in a minute and lasts an hour while inventory slows down.
    load:
      - { at: 0s, scale: 1x }
      - { at: 60s, scale: 10x }
      - { at: 61m, scale: 1x }
    faults:
      - { at: 10m, component: inventory, latency: 10x, for: 60s }
    duration: 70m
  payment-outage:
    description: The card processor fails for two minutes at normal load.
    faults:
      - { at: 60s, component: card-processor, down: true, for: 2m }

accept:
  - { rule: single-point-of-failure, component: card-processor, reason: "contracted 99.99% SLA; a second processor is planned", until: 2027-06-30 }

"""#),
    ]
}
