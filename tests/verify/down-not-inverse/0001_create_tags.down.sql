-- forgets the sequence
DROP TABLE tags;
