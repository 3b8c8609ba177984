DROP TABLE users_archive;
