-- a schema's rename reaches a column of an array of its type, three dependencies away
CREATE SCHEMA s1;
CREATE TYPE s1.e AS ENUM ('a');
CREATE TABLE t (x s1.e[]);
