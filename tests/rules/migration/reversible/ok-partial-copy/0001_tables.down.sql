DROP TABLE posts;
DROP TABLE accounts;
DROP TABLE others;
