-- a migration that SET ROLEs to a role of its own: the snapshots go on (the role is the
-- server's, not the database's: made once, kept, so that each run of the suite can make it)
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'ddlint_verify_app') THEN
        CREATE ROLE ddlint_verify_app;
    END IF;
END $$;
CREATE TABLE t (a int);
