-- commands on event triggers fire no event trigger: their comments are still seen
CREATE FUNCTION et() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER my_et ON ddl_command_end EXECUTE FUNCTION et();
