// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.
// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.

extension ShippedExamples {
    /// examples/order-system.yaml
    static let orderSystem: (name: String, text: String) = ("order-system.yaml", #"""
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

"""#)
}
