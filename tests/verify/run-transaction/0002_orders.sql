-- a label added in the same transaction cannot be used before it commits: on an empty database,
-- where every migration is pending, Drizzle's migrate() fails here
CREATE TABLE "orders" (
	"id" bigint PRIMARY KEY,
	"status" "order_status" DEFAULT 'refunded' NOT NULL
);
