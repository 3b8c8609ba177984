-- Two broken statements between good ones: each is reported, the rest still parse.
CREATE TABLE users (
    id uuid PRIMARY KEY,
);

CREATE TABLE teams (id uuid PRIMARY KEY);

SELEC 1;

CREATE TABLE projects (id uuid PRIMARY KEY);
