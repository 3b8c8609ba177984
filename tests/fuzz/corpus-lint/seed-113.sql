CREATE TABLE Users ( -- ddlint-disable-line naming/snake-case -- legacy name, kept for the ORM
    id uuid PRIMARY KEY
);
-- ddlint-disable-next-line naming -- a category works too
CREATE TABLE Things (id uuid PRIMARY KEY);
-- a suppression of a rule that is off in this run is not reported
-- ddlint-disable-next-line schema/foreign-key-action
CREATE TABLE others (id uuid PRIMARY KEY);
