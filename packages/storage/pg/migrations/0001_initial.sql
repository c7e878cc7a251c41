-- Deal Scout storage, schema version 1.
--
-- The migration runner sets `search_path` to the storage schema (default `deal_scout`) before this
-- script runs, so names here are unqualified. Conventions:
-- - ids and other keys are `text COLLATE "C"`: byte order, the same order the SDK sorts in, and
--   cheaper b-tree comparisons than a linguistic collation;
-- - instants are `timestamptz`; money is `bigint` minor units plus a three-letter currency;
-- - fields the SDK filters or sorts on are columns; the rest of each domain object is `jsonb`;
-- - every uniqueness rule of the storage contract is a constraint, so concurrent writers cannot
--   create duplicates.

-- Listings: one row per `<marketplace>:<externalId>`.
CREATE TABLE listings (
  id text COLLATE "C" PRIMARY KEY,
  marketplace text COLLATE "C" NOT NULL,
  external_id text COLLATE "C" NOT NULL,
  seller_id text COLLATE "C",
  status text NOT NULL CHECK (status IN ('active', 'pending', 'sold', 'removed')),
  category text COLLATE "C",
  price_amount bigint NOT NULL CHECK (price_amount >= 0),
  price_currency char(3) NOT NULL,
  posted_at timestamptz NOT NULL,
  -- Every other field of the listing (title, description, condition, location, seller, images…).
  doc jsonb NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- The `now` of the upsert that created or last changed the listing (drives `listChangedSince`).
  changed_at timestamptz NOT NULL,
  CONSTRAINT listings_id_is_marketplace_and_external_id CHECK (id = marketplace || ':' || external_id)
);
CREATE INDEX listings_changed_at_idx ON listings (changed_at, id);
CREATE INDEX listings_posted_at_idx ON listings (posted_at DESC, id);
CREATE INDEX listings_seller_idx ON listings (seller_id, posted_at DESC) WHERE seller_id IS NOT NULL;

-- Every observed price of a listing, oldest first; the first row is the price when first stored.
-- No foreign key: points are written only in the statement that writes their listing, and deleted
-- with it (after locking it), so the per-row foreign-key check would only slow ingest down.
CREATE TABLE listing_price_history (
  listing_id text COLLATE "C" NOT NULL,
  seq bigint GENERATED ALWAYS AS IDENTITY,
  amount bigint NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  observed_at timestamptz NOT NULL,
  PRIMARY KEY (listing_id, seq)
);

-- Deal alert rules.
CREATE TABLE rules (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL,
  enabled boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_triggered_at timestamptz,
  -- Name, criteria and channels.
  doc jsonb NOT NULL
);
CREATE INDEX rules_user_idx ON rules (user_id, created_at, id);
CREATE INDEX rules_updated_at_idx ON rules (updated_at, id);
CREATE INDEX rules_enabled_idx ON rules (id) WHERE enabled;

-- Notification preferences, one row per user.
CREATE TABLE notification_preferences (
  user_id text COLLATE "C" PRIMARY KEY,
  updated_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);

-- Alert matches: a (rule, listing) pair is stored once, whoever records it first.
CREATE TABLE alert_matches (
  id text COLLATE "C" PRIMARY KEY,
  rule_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  listing_id text COLLATE "C" NOT NULL,
  matched_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('realtime', 'catch_up', 'test')),
  reasons jsonb NOT NULL,
  CONSTRAINT alert_matches_rule_listing_key UNIQUE (rule_id, listing_id)
);
CREATE INDEX alert_matches_rule_idx ON alert_matches (rule_id, matched_at DESC, id);
CREATE INDEX alert_matches_user_idx ON alert_matches (user_id, matched_at DESC, id);

-- The notification outbox; `dedupe_key` makes a second enqueue of the same notification a no-op.
CREATE TABLE outbox (
  id text COLLATE "C" PRIMARY KEY,
  dedupe_key text COLLATE "C" NOT NULL CONSTRAINT outbox_dedupe_key_key UNIQUE,
  user_id text COLLATE "C" NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'push', 'sms', 'discord')),
  payload jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'claimed', 'sent', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  available_at timestamptz NOT NULL,
  claimed_by text,
  claim_expires_at timestamptz,
  provider_message_id text,
  last_error text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT outbox_claim_is_complete CHECK ((status = 'claimed') = (claimed_by IS NOT NULL AND claim_expires_at IS NOT NULL))
);
-- Claiming scans only what is claimable: pending entries by due time, and leased ones by expiry.
CREATE INDEX outbox_pending_idx ON outbox (available_at, created_at, id) WHERE status = 'pending';
CREATE INDEX outbox_leased_idx ON outbox (claim_expires_at) WHERE status = 'claimed';
CREATE INDEX outbox_user_idx ON outbox (user_id, channel) WHERE status = 'pending';
CREATE INDEX outbox_user_updated_idx ON outbox (user_id, updated_at DESC, id);
CREATE INDEX outbox_updated_idx ON outbox (updated_at DESC, id);

-- Connected marketplace accounts. Tokens exist here only as the encrypted envelope.
CREATE TABLE marketplace_accounts (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL,
  marketplace text COLLATE "C" NOT NULL,
  external_account_id text COLLATE "C" NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'reauthentication_required', 'revoked')),
  encrypted_tokens text NOT NULL,
  access_token_expires_at timestamptz,
  connected_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Display name, scopes and non-secret marketplace data.
  doc jsonb NOT NULL,
  CONSTRAINT marketplace_accounts_external_user_key UNIQUE (marketplace, external_account_id, user_id)
);
CREATE INDEX marketplace_accounts_user_idx ON marketplace_accounts (user_id, connected_at, id);

-- The latest price analysis of each listing.
CREATE TABLE price_analyses (
  listing_id text COLLATE "C" PRIMARY KEY,
  id text COLLATE "C" NOT NULL,
  analyzed_at timestamptz NOT NULL,
  doc jsonb NOT NULL
);

-- Small versioned JSON state with compare-and-set. A deleted key keeps its row with a NULL value,
-- so its version keeps counting and a writer holding an old version cannot overwrite a newer value.
CREATE TABLE state (
  key text COLLATE "C" PRIMARY KEY,
  value jsonb,
  version bigint NOT NULL CHECK (version > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
