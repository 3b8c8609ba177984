CREATE INDEX ON posts (title);
