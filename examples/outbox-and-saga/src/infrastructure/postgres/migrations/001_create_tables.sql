-- Money is stored as integer minor units plus an ISO currency, exactly as the Money value object holds it.
CREATE TABLE products (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  price_minor integer NOT NULL CHECK (price_minor >= 0),
  currency    char(3) NOT NULL,
  stock       integer NOT NULL CHECK (stock >= 0)
);

CREATE TABLE orders (
  id                  text PRIMARY KEY,
  customer_id         text NOT NULL,
  status              text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  cancellation_reason text,
  placed_at           timestamptz NOT NULL
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

-- The transactional outbox: written in the same transaction as the change, published later by the relay.
-- A row is pending until the broker confirmed it (sent), or parked when it can never be sent (poison).
CREATE TABLE outbox (
  position      bigserial PRIMARY KEY,           -- publish order
  message_id    text NOT NULL UNIQUE,            -- the envelope's id, which consumers deduplicate on
  type          text NOT NULL,
  payload       jsonb NOT NULL,                  -- the whole message as it goes on the wire
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked')),
  claimed_until timestamptz,                     -- a relay's lease on the row; after it, another relay may take it
  sent_at       timestamptz,
  parked_reason text
);
-- The relay only ever asks for pending rows in order: index exactly that.
CREATE INDEX ix_outbox_pending ON outbox (position) WHERE status = 'pending';

-- The inbox: which messages each consumer has processed. Its primary key is what makes a redelivery a no-op.
CREATE TABLE processed_messages (
  consumer     text NOT NULL,
  message_id   text NOT NULL,
  processed_at timestamptz NOT NULL,
  PRIMARY KEY (consumer, message_id)
);

-- Saga state, saved after every step so a restart resumes where it stopped.
CREATE TABLE sagas (
  id              text PRIMARY KEY,
  order_id        text NOT NULL REFERENCES orders (id),
  status          text NOT NULL CHECK (status IN ('started', 'completed', 'compensating', 'compensated', 'failed')),
  state           jsonb NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  version         integer NOT NULL  -- optimistic lock
);
CREATE INDEX ix_sagas_running ON sagas (next_attempt_at) WHERE status IN ('started', 'compensating');

-- The inventory service's reservations, keyed by the id the caller chose (its idempotency key).
CREATE TABLE stock_reservations (
  id       text PRIMARY KEY,
  lines    jsonb NOT NULL,
  released boolean NOT NULL DEFAULT false
);
