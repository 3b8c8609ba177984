CREATE TABLE customer_address (id uuid PRIMARY KEY);
CREATE TABLE person (id uuid PRIMARY KEY);
CREATE TABLE category (id uuid PRIMARY KEY);
CREATE TABLE order_item_v2 (id uuid PRIMARY KEY);
CREATE TABLE public.status (id uuid PRIMARY KEY);
CREATE TABLE box (id uuid PRIMARY KEY);
