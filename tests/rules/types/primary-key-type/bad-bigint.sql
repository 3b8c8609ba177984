CREATE TABLE customers (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
CREATE TABLE vendors (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
CREATE TABLE regions (id bigserial PRIMARY KEY);
CREATE TABLE zones (id integer PRIMARY KEY);
