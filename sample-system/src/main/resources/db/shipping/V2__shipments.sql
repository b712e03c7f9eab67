create table shipments (
  order_id   text primary key,
  address    text        not null,
  status     text        not null,
  created_at timestamptz not null default now()
);
