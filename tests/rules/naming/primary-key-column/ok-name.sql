CREATE TABLE tags (uuid uuid PRIMARY KEY);
CREATE TABLE memberships (user_id uuid, team_id uuid, PRIMARY KEY (user_id, team_id));
