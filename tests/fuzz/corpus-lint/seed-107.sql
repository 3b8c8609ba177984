CREATE TABLE customers (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
CREATE DOMAIN entity_id AS uuid;
CREATE TABLE vendors (id entity_id PRIMARY KEY);
-- composite keys are left to types/foreign-key-type
CREATE TABLE customer_vendors (customer_id uuid, vendor_id uuid, note_no integer, PRIMARY KEY (customer_id, note_no));
-- a table without a key is schema/primary-key's business
CREATE TABLE logs (line text);
