CREATE TABLE notes (id uuid PRIMARY KEY);
