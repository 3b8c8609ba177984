-- migrate:up
ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN seen_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE users ADD COLUMN r double precision DEFAULT random() * 10;
ALTER TABLE users ADD COLUMN seq bigserial;
ALTER TABLE users ADD COLUMN num bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE users ADD COLUMN lower_email text GENERATED ALWAYS AS (lower(email)) STORED;
ALTER TABLE users ADD COLUMN v4 uuid DEFAULT public.uuid_generate_v4();

-- migrate:down
SELECT 1;
