CREATE TABLE teams (id uuid PRIMARY KEY);
