-- PostgreSQL cannot remove an enum label
SELECT 1;
