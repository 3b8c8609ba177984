-- numbered files of no known tool: how they run is a guess, left to migration/transaction
CREATE TABLE orders (id bigint PRIMARY KEY);
CREATE INDEX idx_orders_id ON orders (id);
