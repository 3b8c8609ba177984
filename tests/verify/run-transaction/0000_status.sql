-- Drizzle runs every pending migration in one transaction (drizzle-orm, pg-core dialect.ts, migrate)
CREATE TYPE "order_status" AS ENUM('new', 'paid');
