CREATE TABLE users (id bigint PRIMARY KEY);
CREATE TABLE teams (id uuid PRIMARY KEY, code text UNIQUE);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id integer REFERENCES users (id),
    team_id bigint,
    team_code varchar(10),
    CONSTRAINT fk_orders_team FOREIGN KEY (team_id) REFERENCES teams
);
ALTER TABLE orders ADD CONSTRAINT fk_orders_team_code FOREIGN KEY (team_code) REFERENCES teams (code);
