CREATE TABLE cafÃ©s (id uuid PRIMARY KEY, name text);
CREATE TABLE bad (id uuid PRIMARY KEY, n text DEFAULT 'ÿ');
