-- renaming a primary key's index renames its constraint, and the constraint's comment group
CREATE TABLE t (id int CONSTRAINT t_pkey PRIMARY KEY);
COMMENT ON CONSTRAINT t_pkey ON t IS 'the key';
