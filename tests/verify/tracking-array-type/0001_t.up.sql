-- a schema's rename reaches a function's argument of an array of its type, three dependencies away
CREATE SCHEMA s1;
CREATE TYPE s1.e AS ENUM ('a');
CREATE FUNCTION f(x s1.e[]) RETURNS int LANGUAGE sql AS 'SELECT 1';
