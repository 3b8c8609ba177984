TRUNCATE a, b, c, d;
