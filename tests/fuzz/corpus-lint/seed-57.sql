CREATE TABLE users (
    id uuid,
    email text NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT chk_users_email_format CHECK (email LIKE '%@%'),
    CONSTRAINT uq_users_email UNIQUE (email)
);
CREATE TABLE orders (
    id uuid PRIMARY KEY,
    user_id uuid REFERENCES users (id),
    period tstzrange,
    CONSTRAINT fk_orders_user_id FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ex_orders_period EXCLUDE USING gist (period WITH &&)
);
-- names PostgreSQL generates count as unnamed, as in a pg_dump
CREATE TABLE public.items (id uuid NOT NULL, order_id uuid);
ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.items ADD CONSTRAINT items_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);
ALTER TABLE ONLY public.items ADD CONSTRAINT items_order_id_fkey1 FOREIGN KEY (order_id) REFERENCES public.orders(id);
