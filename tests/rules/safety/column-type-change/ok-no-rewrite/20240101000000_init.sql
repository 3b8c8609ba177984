-- migrate:up
CREATE TABLE t (
    id bigint PRIMARY KEY,
    v100 varchar(100), v200 varchar(200), vt varchar(50), tv text, n102 numeric(10,2), n104 numeric(10,4), nn numeric(10,2),
    i integer, ts timestamp, ts3 timestamp(3), c3 char(3), ci cidr, x xml, d text, u text, arr varchar(10)[]
);

-- migrate:down
DROP TABLE t;
