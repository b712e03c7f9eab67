create table stock (
  sku       text primary key,
  available bigint not null check (available >= 0)
);
-- SKU-001..SKU-100 start with stock for long runs; SKU-EMPTY never has any.
insert into stock (sku, available)
  select 'SKU-' || lpad(n::text, 3, '0'), 1000000000 from generate_series(1, 100) as n;
insert into stock (sku, available) values ('SKU-EMPTY', 0);

create table reservations (
  order_id text primary key,
  sku      text not null,
  quantity int  not null,
  status   text not null
);
