CREATE TYPE order_status_enum AS ENUM ('pending', 'shipped');
CREATE TYPE point_pair AS (x int, y int);
CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);
