SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE public.x (id int);
