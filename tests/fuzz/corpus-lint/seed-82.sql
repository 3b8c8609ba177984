CREATE TABLE invoices (id uuid NOT NULL);
