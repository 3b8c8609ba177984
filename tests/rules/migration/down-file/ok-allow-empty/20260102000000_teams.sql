-- migrate:up
CREATE TABLE teams (id uuid PRIMARY KEY);

-- migrate:down
