CREATE TABLE users (user_id uuid PRIMARY KEY);
CREATE TABLE tags (tag text, CONSTRAINT pk_tags PRIMARY KEY (tag));
