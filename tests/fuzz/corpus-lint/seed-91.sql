CREATE TABLE Users ( -- ddlint-disable-line naming/snake-case
    id uuid PRIMARY KEY
);
/* ddlint-disable-next-line naming/snake-case -- */
CREATE TABLE Things (id uuid PRIMARY KEY);
