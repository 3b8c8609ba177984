CREATE TABLE drafts (body text);
