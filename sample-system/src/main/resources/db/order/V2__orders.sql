create table orders (
  order_id         uuid primary key,
  customer_id      text        not null,
  sku              text        not null,
  quantity         int         not null,
  shipping_address text        not null,
  synthetic        boolean     not null,
  status           text        not null,
  failure_reason   text,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);

create table idempotency_keys (
  key          text primary key,
  request_hash text not null,
  order_id     uuid not null references orders (order_id) deferrable initially deferred
);
