-- The schema as PostgreSQL built it, one line an object, in the form tests/pg/listing.js
-- writes ddlint's model. User schemas only.
WITH rels AS (
  SELECT c.oid, n.nspname AS s, c.relname AS r, c.relkind
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
    AND n.nspname NOT LIKE 'pg\_temp%' AND c.relpersistence <> 't'
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
)
SELECT line FROM (
  SELECT 'table ' || s || '.' || r AS line FROM rels WHERE rels.relkind IN ('r', 'p')
  UNION ALL
  SELECT CASE WHEN rels.relkind = 'm' THEN 'materialized view ' ELSE 'view ' END || s || '.' || r
  FROM rels WHERE rels.relkind IN ('v', 'm')
  UNION ALL
  SELECT 'column ' || s || '.' || r || '.' || a.attname || ' type=' || format_type(a.atttypid, a.atttypmod)
         || ' notnull=' || a.attnotnull || ' default=' || (a.atthasdef OR a.attidentity <> '')
  FROM rels JOIN pg_attribute a ON a.attrelid = rels.oid
  WHERE rels.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'constraint ' || s || '.' || r || '.' || con.conname || ' kind=' || con.contype::text
         || CASE WHEN con.contype = 'c' THEN '' ELSE ' cols=(' || array_to_string(ARRAY(
              SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), ',') || ')' END
         || CASE WHEN con.contype = 'f' THEN ' ref=' || fn.nspname || '.' || fc.relname || '(' || array_to_string(ARRAY(
              SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o), ',') || ')' ELSE '' END
  FROM rels JOIN pg_constraint con ON con.conrelid = rels.oid
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND rels.relkind IN ('r', 'p')
    -- not the copies PostgreSQL keeps of a key that references a partitioned table, one per partition
    AND NOT (con.contype = 'f' AND EXISTS (SELECT 1 FROM pg_constraint pc
                                           WHERE pc.oid = con.conparentid AND pc.conrelid = con.conrelid))
  UNION ALL
  SELECT 'index ' || s || '.' || ic.relname || ' on=' || s || '.' || r || ' unique=' || i.indisunique
         || ' method=' || am.amname || ' predicate=' || (i.indpred IS NOT NULL) || ' keys=(' || array_to_string(ARRAY(
              SELECT CASE WHEN k.n = 0 THEN 'expr' ELSE a.attname END
              FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)
              LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n
              WHERE k.o <= i.indnkeyatts ORDER BY k.o), ',') || ')'
  FROM rels JOIN pg_index i ON i.indrelid = rels.oid JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_am am ON am.oid = ic.relam
  WHERE rels.relkind IN ('r', 'p')
  UNION ALL
  SELECT 'enum ' || n.nspname || '.' || t.typname || ' labels=(' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) || ')'
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
  GROUP BY n.nspname, t.typname
  UNION ALL
  SELECT 'trigger ' || s || '.' || r || '.' || tg.tgname
  FROM rels JOIN pg_trigger tg ON tg.tgrelid = rels.oid WHERE NOT tg.tgisinternal AND tg.tgparentid = 0
) x ORDER BY line;
