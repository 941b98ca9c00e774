// Generated from examples/ by `LINTEL_RECORD=1 swift test --filter ShippedExamplesTests`; do not edit.
// A test checks that this file matches examples/ byte for byte, so the two cannot drift apart.

extension ShippedExamples {
    /// examples/django-monolith.yaml
    static let djangoMonolith: (name: String, text: String) = ("django-monolith.yaml", #"""
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

"""#)
}
