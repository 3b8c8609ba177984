CREATE TABLE projects (
    id uuid PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE tasks (
    id uuid PRIMARY KEY,
    created_at timestamp,
    updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- pg_dump spelling: nullable with a default
CREATE TABLE public.comments (
    id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now(),
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);
