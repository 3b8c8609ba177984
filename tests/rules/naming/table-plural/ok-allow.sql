CREATE TABLE inventory (id uuid PRIMARY KEY);
CREATE TABLE staff_roster (id uuid PRIMARY KEY);
