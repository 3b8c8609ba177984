CREATE TABLE film_prices (film_id int, rate numeric, valid_at daterange);
-- syntax newer than PostgreSQL 18: temporal UPDATE and DELETE, SQL/PGQ property graphs
UPDATE film_prices FOR PORTION OF valid_at FROM '2024-07-01' TO '2024-08-01' SET rate = 0.49 WHERE film_id = 1;
DELETE FROM film_prices FOR PORTION OF valid_at FROM '2023-06-01' TO '2023-07-01' WHERE film_id = 2;
CREATE PROPERTY GRAPH film_graph VERTEX TABLES (film_prices KEY (film_id));
SELECT * FROM GRAPH_TABLE (film_graph MATCH (f IS film_prices) COLUMNS (f.film_id));
