DROP TABLE public.x;
