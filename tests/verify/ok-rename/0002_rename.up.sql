-- the foreign key of orders now names people: orders' own rows are not written
ALTER TABLE users RENAME TO people;
