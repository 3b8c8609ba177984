-- What four rules should report, computed from the catalog. One line "rule object".
SELECT line FROM (
  -- schema/primary-key: tables without a primary key
  SELECT 'schema/primary-key ' || n.nspname || '.' || c.relname AS line
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't'
    AND NOT c.relispartition   -- judged through the partitioned table
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
    AND NOT EXISTS (SELECT 1 FROM pg_constraint p WHERE p.conrelid = c.oid AND p.contype = 'p')
  UNION ALL
  -- index/foreign-key: foreign keys no index starts with (btree; hash for one column;
  -- a partial index only when each of its ANDed predicates is "fk_col IS NOT NULL" for a
  -- column of that foreign key)
  SELECT 'index/foreign-key ' || n.nspname || '.' || c.relname || '.' || con.conname
  FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE con.contype = 'f' AND c.relpersistence <> 't'
    AND con.conparentid = 0   -- a partition's clone is judged through its partitioned table's key
    AND NOT EXISTS (
    SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = con.conrelid
      AND (am.amname = 'btree' OR (am.amname = 'hash' AND cardinality(con.conkey) = 1))
      AND i.indnkeyatts >= cardinality(con.conkey)
      AND (SELECT array_agg(x ORDER BY x) FROM unnest((i.indkey::int2[])[0:cardinality(con.conkey) - 1]) x)
          = (SELECT array_agg(x ORDER BY x) FROM unnest(con.conkey) x)
      AND (i.indpred IS NULL OR NOT EXISTS (
        SELECT 1 FROM regexp_split_to_table(pg_get_expr(i.indpred, i.indrelid), ' AND ') part
        WHERE NOT EXISTS (
          SELECT 1 FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k
          WHERE regexp_replace(part, '[()]', '', 'g') = quote_ident(a.attname) || ' IS NOT NULL'))))
  UNION ALL
  -- types/timestamptz and types/jsonb: columns and domains of those types
  SELECT CASE WHEN a.atttypid IN ('timestamp'::regtype, 'timestamp[]'::regtype) THEN 'types/timestamptz ' ELSE 'types/jsonb ' END
         || n.nspname || '.' || c.relname || '.' || a.attname
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't' AND a.attnum > 0 AND NOT a.attisdropped
    AND NOT c.relispartition   -- judged through the partitioned table
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
    AND a.atttypid IN ('timestamp'::regtype, 'timestamp[]'::regtype, 'json'::regtype, 'json[]'::regtype)
  UNION ALL
  SELECT CASE WHEN t.typbasetype IN ('timestamp'::regtype, 'timestamp[]'::regtype) THEN 'types/timestamptz ' ELSE 'types/jsonb ' END
         || n.nspname || '.' || t.typname
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typtype = 'd' AND t.typbasetype IN ('timestamp'::regtype, 'timestamp[]'::regtype, 'json'::regtype, 'json[]'::regtype)
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
) x ORDER BY line;
