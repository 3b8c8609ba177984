ALTER TYPE app.status ADD VALUE IF NOT EXISTS 'refunded';
