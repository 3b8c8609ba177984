-- CREATE TABLE AS is not followed by ddlint's model (a documented limit)
CREATE TABLE users_archive AS SELECT * FROM users;
