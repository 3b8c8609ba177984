CREATE SCHEMA reporting;
CREATE TABLE reporting.daily (id bigint PRIMARY KEY);
DROP SCHEMA reporting CASCADE;
