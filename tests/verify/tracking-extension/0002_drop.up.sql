ALTER EXTENSION fuzzystrmatch DROP FUNCTION soundex(text);
