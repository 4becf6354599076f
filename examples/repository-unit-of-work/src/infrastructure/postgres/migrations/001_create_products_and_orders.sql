-- Money is stored as integer minor units plus an ISO currency, exactly as the Money value object holds it.
CREATE TABLE products (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  price_minor integer NOT NULL CHECK (price_minor >= 0),
  currency    char(3) NOT NULL,
  stock       integer NOT NULL CHECK (stock >= 0),
  -- Optimistic locking: every update bumps it, and only succeeds if it still has the value read.
  version     integer NOT NULL DEFAULT 1
);

CREATE TABLE orders (
  id          text PRIMARY KEY,
  customer_id text NOT NULL,
  placed_at   timestamptz NOT NULL
);

CREATE TABLE order_lines (
  order_id         text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  line_no          integer NOT NULL,
  product_id       text NOT NULL REFERENCES products (id),
  quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  unit_price_minor integer NOT NULL CHECK (unit_price_minor >= 0),
  currency         char(3) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
