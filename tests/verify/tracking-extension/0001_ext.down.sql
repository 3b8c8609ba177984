DROP EXTENSION fuzzystrmatch;
