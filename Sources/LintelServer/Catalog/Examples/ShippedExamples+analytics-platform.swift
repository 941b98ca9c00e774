// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.
// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.

extension ShippedExamples {
    /// examples/analytics-platform.yaml
    static let analyticsPlatform: (name: String, text: String) = ("analytics-platform.yaml", #"""
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

"""#)
}
