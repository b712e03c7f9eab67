-- One row per charge attempt; an order has one unless the payment-not-idempotent defect is on.
create table payments (
  id           bigserial primary key,
  order_id     text        not null,
  charge_id    text,
  refund_id    text,
  amount_cents bigint      not null,
  status       text        not null,
  created_at   timestamptz not null default now()
);
create index payments_order on payments (order_id);
