CREATE TABLE audit_events (
    event_name text NOT NULL
);

CREATE TABLE public.tags (name text UNIQUE);

-- a key dropped later counts as missing
CREATE TABLE labels (id uuid CONSTRAINT pk_labels PRIMARY KEY);
ALTER TABLE labels DROP CONSTRAINT pk_labels;
