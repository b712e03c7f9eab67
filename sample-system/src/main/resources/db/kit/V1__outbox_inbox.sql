-- Transactional outbox: rows are written with the state change and published by the relay.
create table outbox (
  id          bigserial primary key,
  event_id    uuid        not null unique,
  topic       text        not null,
  order_id    text        not null,
  type        text        not null,
  envelope    bytea       not null,
  traceparent text,
  created_at  timestamptz not null default now(),
  sent_at     timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;

-- Inbox: consumed event ids, written in the same transaction as the effect.
create table inbox (
  event_id    uuid        primary key,
  type        text        not null,
  received_at timestamptz not null default now()
);
