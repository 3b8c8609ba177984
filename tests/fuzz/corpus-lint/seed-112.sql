CREATE TABLE users (
    id uuid PRIMARY KEY -- ddlint-disable-line naming/snake-case
);
-- ddlint-disable-next-line naming/snake-cas
CREATE TABLE Things (id uuid PRIMARY KEY);
/* ddlint-disable-file nothing/here */
-- ddlint-disable index/redundant
CREATE TABLE more_things (id uuid PRIMARY KEY);
-- ddlint-enable index/redundant
