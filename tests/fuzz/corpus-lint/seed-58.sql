CREATE TYPE order_status AS ENUM ('pending', 'shipped');
CREATE TYPE public.mood AS ENUM ('ok');
