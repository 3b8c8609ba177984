-- Drizzle writes each foreign key in a DO block, so that running it twice is harmless: the
-- keys are replayed as the block's successful path runs them.
CREATE TABLE projects (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE deployments (id uuid PRIMARY KEY, project_id uuid NOT NULL, owner_id uuid);
DO $$ BEGIN
 ALTER TABLE deployments ADD CONSTRAINT deployments_project_id_fkey FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
-- under IF NOT EXISTS (...) THEN: the THEN branch is the successful path
DO $migrate$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'deployments_owner_id_fkey') THEN
        ALTER TABLE deployments
            ADD CONSTRAINT deployments_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES projects (id);
    ELSE
        RAISE NOTICE 'already there';
    END IF;
END $migrate$;
