CREATE SEQUENCE counters;
CREATE TABLE counts (id bigint PRIMARY KEY DEFAULT nextval('counters'));
