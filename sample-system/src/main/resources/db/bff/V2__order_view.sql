-- The bff's read model, built only from the event stream.
create table order_view (
  order_id       text primary key,
  status         text        not null,
  customer_id    text,
  sku            text,
  quantity       int,
  payment        text,
  stock          text,
  shipment       text,
  failure_reason text,
  synthetic      boolean     not null,
  events         text[]      not null,
  updated_at     timestamptz not null
);
