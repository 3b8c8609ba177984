CREATE TABLE images (id uuid PRIMARY KEY, local_user_id uuid, width int, height int);
-- NOT NULL table constraints, named or not (PostgreSQL 18 keeps them in pg_constraint)
ALTER TABLE images ADD CONSTRAINT images_local_user_id_not_null NOT NULL local_user_id;
ALTER TABLE images ADD NOT NULL width;
CREATE TABLE thumbnails (id uuid, image_id uuid, NOT NULL image_id, CONSTRAINT thumbnails_id_not_null NOT NULL id);
-- virtual generated columns: VIRTUAL, or no STORED (virtual is the default)
ALTER TABLE images ADD COLUMN area int GENERATED ALWAYS AS (width * height) VIRTUAL;
CREATE TABLE frames (width int, height int, area int GENERATED ALWAYS AS (width * height), label text);
CREATE TABLE panes (width int, height int, ratio numeric GENERATED ALWAYS AS (width::numeric / height) NOT NULL);
-- temporal keys: WITHOUT OVERLAPS, PERIOD
CREATE TABLE prices (image_id uuid, valid_at daterange, PRIMARY KEY (image_id, valid_at WITHOUT OVERLAPS));
CREATE TABLE offers (image_id uuid, valid_at daterange, FOREIGN KEY (image_id, PERIOD valid_at) REFERENCES prices (image_id, PERIOD valid_at));
-- NOT ENFORCED and ENFORCED constraints
ALTER TABLE images ADD CONSTRAINT images_width_positive CHECK (width > 0) NOT ENFORCED;
ALTER TABLE images ADD CONSTRAINT images_height_positive CHECK (height > 0) ENFORCED;
-- RETURNING with OLD and NEW
UPDATE images SET width = width * 2 RETURNING WITH (OLD AS o, NEW AS n) o.width, n.width;
