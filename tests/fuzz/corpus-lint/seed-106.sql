CREATE TABLE customers (id serial PRIMARY KEY);
CREATE TABLE vendors (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);
CREATE TABLE regions (code text, CONSTRAINT pk_regions PRIMARY KEY (code));
-- pg_dump spelling: the key is added later, the sequence default too
CREATE TABLE public.orders (id integer NOT NULL);
ALTER TABLE ONLY public.orders ALTER COLUMN id SET DEFAULT nextval('public.orders_id_seq'::regclass);
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
