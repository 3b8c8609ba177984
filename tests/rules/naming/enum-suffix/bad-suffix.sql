CREATE TYPE order_status_type AS ENUM ('pending', 'shipped');
CREATE TYPE mood_enum AS ENUM ('ok');
