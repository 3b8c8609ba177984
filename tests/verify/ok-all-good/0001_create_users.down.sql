DROP TABLE users;
DROP FUNCTION set_updated_at();
DROP SEQUENCE invoice_numbers;
DROP TYPE user_role;
