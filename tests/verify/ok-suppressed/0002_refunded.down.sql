-- ddlint-disable-file verify/down-not-inverse -- PostgreSQL cannot drop an enum label; the label stays unused
SELECT 1;
