CREATE TYPE order_status_type AS ENUM ('pending', 'shipped');
