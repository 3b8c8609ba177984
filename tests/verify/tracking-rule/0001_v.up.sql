-- CREATE RULE _RETURN makes a table a view: the table's group goes
CREATE TABLE v (a int);
