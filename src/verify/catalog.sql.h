/* The catalog as lines, one an object or part of one, each in a group (a table with its columns,
 * constraints, indexes, triggers, policies and comments; a view; a type; a function...). A line
 * starts with "m " when ddlint's model lists the same (the part before " | ", in the form of
 * dd_run_model_listing), else "x ". User schemas only; objects of extensions left out.
 * Included by catalog.c, which joins the parts (one literal would be longer than C11 promises). */
static const char *const catalog_ctes[] = {
	"WITH nsp AS (",
	"  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n",
	"  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'",
	"    AND n.nspname NOT LIKE 'pg\\_temp%' AND n.nspname <> '_ddlint_verify'",
	"    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass",
	"                    AND d.objid = n.oid AND d.deptype = 'e')",
	"), all_rels AS (",
	"  SELECT c.oid, n.nspname AS s, c.relname AS r, c.relkind,",
	"         CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' WHEN 'S' THEN 'sequence '",
	"           WHEN 'f' THEN 'foreign table ' ELSE 'table ' END || n.nspname || '.' || c.relname AS grp",
	"  FROM pg_catalog.pg_class c JOIN nsp n ON n.oid = c.relnamespace",
	"  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relpersistence <> 't'",
	"    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass",
	"                    AND d.objid = c.oid AND d.deptype = 'e')",
	"), all_typs AS (",
	"  SELECT t.oid, n.nspname AS s, t.typname AS t, t.typtype, 'type ' || n.nspname || '.' || t.typname AS grp, t.typbasetype,",
	"         t.typtypmod, t.typnotnull, t.typdefault, t.typrelid",
	"  FROM pg_catalog.pg_type t JOIN nsp n ON n.oid = t.typnamespace",
	"  WHERE t.typtype IN ('e', 'd', 'r', 'c', 'm') AND t.typelem = 0",
	"    AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c')",
	"    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass",
	"                    AND d.objid = t.oid AND d.deptype = 'e')",
	"), all_procs AS (",
	"  SELECT p.oid, n.nspname AS s, p.proname, p.prokind,",
	"         CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' ELSE 'function ' END || n.nspname || '.'",
	"           || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' AS grp",
	"  FROM pg_catalog.pg_proc p JOIN nsp n ON n.oid = p.pronamespace",
	"  WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass",
	"                    AND d.objid = p.oid AND d.deptype = 'e')",
	NULL
};

/* The key of a catalog object as the lines and the touched objects give it: "classid:objid". */
#define K(cls, oid) "'pg_catalog." cls "'::pg_catalog.regclass::oid::text || ':' || " oid "::text"

/* The lines of the groups named in $1 (text[]), whose objects (a comment group: the commented
 * object) are among the oids of $2 (oid[]: the catalog's indexes find them, where the names alone
 * would need every object's name made): the CTEs above, then these. Each line comes with the keys
 * of the objects it shows (obj, space-separated), so that an object dropped later can be traced
 * back to the groups it was in, and with its group's oid (gobj). */
static const char *const catalog_lines[] = {
	"), rels AS (SELECT * FROM all_rels WHERE oid = ANY($2::oid[]) AND grp = ANY($1::text[])",
	"), typs AS (SELECT * FROM all_typs WHERE oid = ANY($2::oid[]) AND grp = ANY($1::text[])",
	"), procs AS (SELECT * FROM all_procs WHERE oid = ANY($2::oid[]) AND grp = ANY($1::text[])",
	") ",
	"SELECT * FROM (SELECT 'schema ' || nspname AS grp, 'x schema ' || nspname AS line, " K("pg_namespace", "oid") " AS obj, oid AS gobj",
	"  FROM nsp WHERE 'schema ' || nspname = ANY($1::text[]) ",
	"UNION ALL SELECT 'extension ' || e.extname, 'x extension ' || e.extname || ' | version=' || e.extversion || ' schema='",
	"  || (SELECT nspname FROM pg_catalog.pg_namespace WHERE oid = e.extnamespace), " K("pg_extension", "e.oid") ", e.oid FROM pg_catalog.pg_extension e",
	"  WHERE 'extension ' || e.extname = ANY($1::text[]) ",
	"UNION ALL SELECT grp, CASE WHEN relkind IN ('r', 'p', 'v', 'm') THEN 'm ' ELSE 'x ' END || grp || ' | kind=' || relkind::text",
	"  || ' persistence=' || (SELECT relpersistence FROM pg_catalog.pg_class WHERE oid = rels.oid)::text",
	"  || ' rls=' || (SELECT relrowsecurity FROM pg_catalog.pg_class WHERE oid = rels.oid)",
	"  || CASE WHEN relkind = 'p' THEN ' partition_by=' || pg_catalog.pg_get_partkeydef(oid) ELSE '' END",
	"  || COALESCE(' partition_of=' || (SELECT pn.nspname || '.' || pc.relname || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid)",
	"       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent",
	"       JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE c.oid = rels.oid AND c.relispartition), '')",
	"  || CASE WHEN relkind IN ('v', 'm') THEN ' definition=md5:' || pg_catalog.md5(pg_catalog.pg_get_viewdef(oid)) ELSE '' END",
	"  || CASE WHEN relkind = 'S' THEN (SELECT ' type=' || pg_catalog.format_type(q.seqtypid, NULL) || ' start=' || q.seqstart",
	"       || ' increment=' || q.seqincrement || ' min=' || q.seqmin || ' max=' || q.seqmax || ' cache=' || q.seqcache",
	"       || ' cycle=' || q.seqcycle FROM pg_catalog.pg_sequence q WHERE q.seqrelid = rels.oid)",
	"       || COALESCE((SELECT ' owned_by=' || tr.s || '.' || tr.r || '.' || a.attname FROM pg_catalog.pg_depend d",
	"         JOIN all_rels tr ON tr.oid = d.refobjid JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid",
	"         WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = rels.oid AND d.deptype IN ('a', 'i') LIMIT 1), '')",
	"     ELSE '' END, " K("pg_class", "oid") ", oid FROM rels ",
	"UNION ALL SELECT rels.grp, CASE WHEN rels.relkind IN ('r', 'p') THEN 'm ' ELSE 'x ' END || 'column ' || s || '.' || r || '.'",
	"  || a.attname || ' type=' || pg_catalog.format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull",
	"  || ' default=' || (a.atthasdef OR a.attidentity <> '') || ' | default=' || COALESCE(pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '')",
	"  || CASE WHEN a.attidentity <> '' THEN ' identity=' || a.attidentity::text ELSE '' END",
	"  || CASE WHEN a.attgenerated <> '' THEN ' generated=' || a.attgenerated::text ELSE '' END,",
	"  " K("pg_class", "rels.oid") " || COALESCE(' ' || " K("pg_attrdef", "ad.oid") ", ''), rels.oid",
	"  FROM rels JOIN pg_catalog.pg_attribute a ON a.attrelid = rels.oid",
	"  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum",
	"  WHERE rels.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped ",
	"UNION ALL SELECT rels.grp, CASE WHEN con.contype IN ('p', 'u', 'c', 'f', 'x') AND rels.relkind IN ('r', 'p') THEN 'm ' ELSE 'x ' END",
	"  || 'constraint ' || s || '.' || r || '.' || con.conname || ' kind=' || con.contype::text",
	"  || CASE WHEN con.contype = 'c' THEN '' ELSE ' cols=(' || pg_catalog.array_to_string(ARRAY(",
	"       SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)",
	"       JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o), ',') || ')' END",
	"  || CASE WHEN con.contype = 'f' THEN ' ref=' || fn.nspname || '.' || fc.relname || '(' || pg_catalog.array_to_string(ARRAY(",
	"       SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)",
	"       JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o), ',') || ')' ELSE '' END",
	"  || ' | ' || pg_catalog.pg_get_constraintdef(con.oid), " K("pg_constraint", "con.oid") ", rels.oid",
	"  FROM rels JOIN pg_catalog.pg_constraint con ON con.conrelid = rels.oid",
	"  LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace",
	"  WHERE NOT (con.contype = 'f' AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint pc",
	"                                           WHERE pc.oid = con.conparentid AND pc.conrelid = con.conrelid)) ",
	"UNION ALL SELECT rels.grp, CASE WHEN rels.relkind IN ('r', 'p') THEN 'm ' ELSE 'x ' END",
	"  || 'index ' || s || '.' || ic.relname || ' on=' || s || '.' || r || ' unique=' || i.indisunique",
	"  || ' method=' || am.amname || ' predicate=' || (i.indpred IS NOT NULL) || ' keys=(' || pg_catalog.array_to_string(ARRAY(",
	"       SELECT CASE WHEN k.n = 0 THEN 'expr' ELSE a.attname END",
	"       FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o)",
	"       LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n",
	"       WHERE k.o <= i.indnkeyatts ORDER BY k.o), ',') || ') | ' || pg_catalog.pg_get_indexdef(i.indexrelid), " K("pg_class", "i.indexrelid") ", rels.oid",
	"  FROM rels JOIN pg_catalog.pg_index i ON i.indrelid = rels.oid JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid",
	"  JOIN pg_catalog.pg_am am ON am.oid = ic.relam ",
	"UNION ALL SELECT rels.grp, 'm trigger ' || s || '.' || r || '.' || tg.tgname || ' | ' || pg_catalog.pg_get_triggerdef(tg.oid)",
	"  || CASE tg.tgenabled WHEN 'O' THEN '' ELSE ' enabled=' || tg.tgenabled::text END, " K("pg_trigger", "tg.oid") ", rels.oid",
	"  FROM rels JOIN pg_catalog.pg_trigger tg ON tg.tgrelid = rels.oid WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 ",
	"UNION ALL SELECT rels.grp, 'x policy ' || s || '.' || r || '.' || po.polname || ' | cmd=' || po.polcmd::text",
	"  || ' permissive=' || po.polpermissive || ' using=' || COALESCE(pg_catalog.pg_get_expr(po.polqual, po.polrelid), '')",
	"  || ' check=' || COALESCE(pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid), ''), " K("pg_policy", "po.oid") ", rels.oid",
	"  FROM rels JOIN pg_catalog.pg_policy po ON po.polrelid = rels.oid ",
	"UNION ALL SELECT grp, CASE WHEN typtype = 'e' THEN 'm enum ' || s || '.' || t || ' labels=(' || (SELECT pg_catalog.string_agg(e.enumlabel,",
	"       ',' ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = typs.oid) || ')'",
	"     WHEN typtype = 'd' THEN 'x domain ' || s || '.' || t || ' | base=' || pg_catalog.format_type(typbasetype, typtypmod)",
	"       || ' notnull=' || typnotnull || ' default=' || COALESCE(typdefault, '') || ' constraints=' || COALESCE((SELECT",
	"       pg_catalog.string_agg(c.conname || ' ' || pg_catalog.pg_get_constraintdef(c.oid), ', ' ORDER BY c.conname)",
	"       FROM pg_catalog.pg_constraint c WHERE c.contypid = typs.oid), '')",
	"     WHEN typtype = 'c' THEN 'x composite ' || s || '.' || t || ' | attributes=(' || COALESCE((SELECT pg_catalog.string_agg(a.attname",
	"       || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_catalog.pg_attribute a",
	"       WHERE a.attrelid = typs.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'",
	"     ELSE 'x range ' || s || '.' || t || COALESCE((SELECT ' | subtype=' || pg_catalog.format_type(rg.rngsubtype, NULL)",
	"       FROM pg_catalog.pg_range rg WHERE rg.rngtypid = typs.oid), '') END,",
	"  " K("pg_type", "typs.oid") " || CASE WHEN typrelid <> 0 THEN ' ' || " K("pg_class", "typrelid") " ELSE '' END",
	"  || COALESCE((SELECT pg_catalog.string_agg(' ' || " K("pg_constraint", "c.oid") ", '') FROM pg_catalog.pg_constraint c",
	"              WHERE c.contypid = typs.oid), ''), typs.oid FROM typs WHERE typtype <> 'm' ",
	"UNION ALL SELECT grp, 'x ' || grp || ' | returns=' || COALESCE(pg_catalog.pg_get_function_result(oid), '')",
	"  || ' definition=md5:' || pg_catalog.md5(CASE WHEN prokind = 'a' THEN (SELECT p.prosrc FROM pg_catalog.pg_proc p WHERE p.oid = procs.oid)",
	"       ELSE pg_catalog.pg_get_functiondef(oid) END), " K("pg_proc", "oid") ", oid FROM procs ",
	"UNION ALL SELECT COALESCE(r.grp, t.grp, p.grp, 'comment ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, 0)),",
	"  'x comment on ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' | '",
	"  || pg_catalog.replace(d.description, E'\\n', '\\n'), d.classoid::text || ':' || d.objoid::text,",
	"  COALESCE(r.oid, t.oid, p.oid, d.objoid)",
	"  FROM pg_catalog.pg_description d",
	"  LEFT JOIN all_rels r ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND r.oid = d.objoid",
	"  LEFT JOIN all_typs t ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.objoid",
	"  LEFT JOIN all_procs p ON d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = d.objoid",
	"  WHERE d.objoid >= 16384 AND d.objoid = ANY($2::oid[])",
	"    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid AND e.deptype = 'e')",
	"    AND (d.classoid <> 'pg_catalog.pg_class'::pg_catalog.regclass OR r.oid IS NOT NULL",
	"         OR EXISTS (SELECT 1 FROM pg_catalog.pg_index i JOIN all_rels ir ON ir.oid = i.indrelid WHERE i.indexrelid = d.objoid))",
	"    AND COALESCE(r.grp, t.grp, p.grp, 'comment ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, 0)) = ANY($1::text[]) ",
	") u ORDER BY grp COLLATE \"C\", line COLLATE \"C\"",
	NULL
};

/* For every group, the count of its catalog rows and whether one of them was written after the
 * transaction $1 (the xid of the previous snapshot, '' for none): age(xmin) is a cheap integer
 * where a text conversion of every row's xmin would cost the most. A group whose rows are as many
 * and none written since is as the previous snapshot had it; a deleted row changes the count. */
#define CH(t) "pg_catalog.bool_or(pg_catalog.age(" t ".xmin) < (SELECT a FROM th))"
static const char *const catalog_stamps[] = {
	"), th AS (SELECT CASE WHEN $1::text = '' THEN -1 ELSE pg_catalog.age($1::text::xid) END AS a) ",
	", st AS (SELECT 'schema ' || n.nspname AS grp, '' AS sig, pg_catalog.age(x.xmin) < (SELECT a FROM th) AS changed,",
	"  'pg_catalog.pg_namespace'::pg_catalog.regclass::oid AS cls, n.oid AS obj",
	"  FROM nsp n JOIN pg_catalog.pg_namespace x ON x.oid = n.oid ",
	"UNION ALL SELECT 'extension ' || extname, '', pg_catalog.age(xmin) < (SELECT a FROM th),",
	"  'pg_catalog.pg_extension'::pg_catalog.regclass::oid, oid FROM pg_catalog.pg_extension ",
	"UNION ALL SELECT r.grp, concat_ws('/', COALESCE(a.n, 0), COALESCE(k.n, 0), COALESCE(i.n, 0), COALESCE(g.n, 0),",
	"  COALESCE(f.n, 0), COALESCE(d.n, 0), COALESCE(o.n, 0), COALESCE(w.n, 0), COALESCE(e.n, 0)),",
	/* each term IS TRUE: a group without policies (NULL) is not a changed one */
	"  pg_catalog.age(c.xmin) < (SELECT a FROM th) OR a.ch IS TRUE OR k.ch IS TRUE OR i.ch IS TRUE OR g.ch IS TRUE",
	"    OR f.ch IS TRUE OR d.ch IS TRUE OR o.ch IS TRUE OR w.ch IS TRUE OR e.ch IS TRUE OR (pg_catalog.age(q.xmin) < (SELECT a FROM th)) IS TRUE,",
	"  'pg_catalog.pg_class'::pg_catalog.regclass::oid, r.oid",
	"  FROM all_rels r JOIN pg_catalog.pg_class c ON c.oid = r.oid",
	"  LEFT JOIN (SELECT attrelid AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_attribute t WHERE attnum > 0",
	"             GROUP BY 1) a ON a.id = r.oid",
	"  LEFT JOIN (SELECT conrelid AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_constraint t WHERE conrelid <> 0",
	"             GROUP BY 1) k ON k.id = r.oid",
	"  LEFT JOIN (SELECT t.indrelid AS id, count(*) AS n, " CH("t") " OR " CH("ic") " AS ch",
	"             FROM pg_catalog.pg_index t JOIN pg_catalog.pg_class ic ON ic.oid = t.indexrelid GROUP BY 1) i ON i.id = r.oid",
	"  LEFT JOIN (SELECT tgrelid AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_trigger t GROUP BY 1) g ON g.id = r.oid",
	"  LEFT JOIN (SELECT adrelid AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_attrdef t GROUP BY 1) f ON f.id = r.oid",
	"  LEFT JOIN (SELECT objoid AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_description t",
	"             WHERE classoid = 'pg_catalog.pg_class'::pg_catalog.regclass GROUP BY 1) d ON d.id = r.oid",
	"  LEFT JOIN (SELECT polrelid AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_policy t GROUP BY 1) o ON o.id = r.oid",
	"  LEFT JOIN (SELECT ev_class AS id, count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_rewrite t GROUP BY 1) w ON w.id = r.oid",
	"  LEFT JOIN pg_catalog.pg_sequence q ON q.seqrelid = r.oid",
	"  LEFT JOIN LATERAL (SELECT count(*) AS n, " CH("t") " AS ch FROM pg_catalog.pg_depend t",
	"             WHERE r.relkind = 'S' AND t.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND t.objid = r.oid) e ON true ",
	"UNION ALL SELECT t.grp, concat_ws('/', COALESCE(e.n, 0), COALESCE(k.n, 0), COALESCE(a.n, 0), COALESCE(d.n, 0)), pg_catalog.age(y.xmin) < (SELECT a FROM th)",
	"    OR e.ch IS TRUE OR k.ch IS TRUE OR a.ch IS TRUE OR d.ch IS TRUE, 'pg_catalog.pg_type'::pg_catalog.regclass::oid, t.oid",
	"  FROM all_typs t JOIN pg_catalog.pg_type y ON y.oid = t.oid",
	"  LEFT JOIN LATERAL (SELECT count(*) AS n, " CH("x") " AS ch FROM pg_catalog.pg_enum x WHERE x.enumtypid = t.oid) e ON true",
	"  LEFT JOIN LATERAL (SELECT count(*) AS n, " CH("x") " AS ch FROM pg_catalog.pg_constraint x WHERE x.contypid = t.oid) k ON true",
	"  LEFT JOIN LATERAL (SELECT count(*) AS n, " CH("x") " AS ch FROM pg_catalog.pg_attribute x",
	"             WHERE x.attrelid = t.typrelid AND t.typrelid <> 0) a ON true",
	"  LEFT JOIN LATERAL (SELECT count(*) AS n, " CH("x") " AS ch FROM pg_catalog.pg_description x",
	"             WHERE x.objoid = t.oid AND x.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass) d ON true",
	"  WHERE t.typtype <> 'm' ",
	"UNION ALL SELECT p.grp, d.n::text, pg_catalog.age(y.xmin) < (SELECT a FROM th) OR d.ch IS TRUE,",
	"  'pg_catalog.pg_proc'::pg_catalog.regclass::oid, p.oid",
	"  FROM all_procs p JOIN pg_catalog.pg_proc y ON y.oid = p.oid",
	"  LEFT JOIN LATERAL (SELECT count(*) AS n, " CH("x") " AS ch FROM pg_catalog.pg_description x",
	"             WHERE x.objoid = p.oid AND x.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass) d ON true ",
	"UNION ALL SELECT 'comment ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, 0), count(*)::text, " CH("d") ", NULL::oid, min(d.objoid)",
	"  FROM pg_catalog.pg_description d WHERE d.objoid >= 16384",
	"    AND d.classoid NOT IN ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_type'::pg_catalog.regclass,",
	"                           'pg_catalog.pg_proc'::pg_catalog.regclass)",
	"    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid AND e.deptype = 'e')",
	"  GROUP BY 1 ",
	"UNION ALL SELECT 'comment ' || pg_catalog.pg_describe_object(d.classoid, d.objoid, 0), count(*)::text, " CH("d") ", NULL::oid, min(d.objoid)",
	"  FROM pg_catalog.pg_description d JOIN pg_catalog.pg_index i ON i.indexrelid = d.objoid JOIN all_rels r ON r.oid = i.indrelid",
	"  WHERE d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass GROUP BY 1",
	/* what depends on a changed object is listed again too: its text names that object (an FK's
	 * referenced table, a view's tables, a trigger's function), which a rename changes without
	 * writing a row of the dependent's own */
	"), deps1 AS MATERIALIZED (SELECT DISTINCT d.classid, d.objid FROM st",
	"    JOIN pg_catalog.pg_depend d ON d.refclassid = st.cls AND d.refobjid = st.obj WHERE st.changed",
	/* and what depends on those: a schema's rename changes the text of an FK naming one of its tables */
	"), deps2 AS MATERIALIZED (SELECT * FROM deps1 UNION SELECT d.classid, d.objid FROM deps1 s",
	"    JOIN pg_catalog.pg_depend d ON d.refclassid = s.classid AND d.refobjid = s.objid",
	/* and a third level: a column of an array of a type in a renamed schema */
	"), deps AS MATERIALIZED (SELECT * FROM deps2 UNION SELECT d.classid, d.objid FROM deps2 s",
	"    JOIN pg_catalog.pg_depend d ON d.refclassid = s.classid AND d.refobjid = s.objid",
	"), dirty AS (SELECT DISTINCT CASE d.classid",
	"    WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN (SELECT r.grp FROM all_rels r WHERE r.oid = COALESCE(",
	"      (SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = d.objid), d.objid))",
	"    WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN (SELECT COALESCE(r.grp, t.grp) FROM pg_catalog.pg_constraint c",
	"      LEFT JOIN all_rels r ON r.oid = c.conrelid LEFT JOIN all_typs t ON t.oid = c.contypid WHERE c.oid = d.objid)",
	"    WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN (SELECT r.grp FROM pg_catalog.pg_rewrite w",
	"      JOIN all_rels r ON r.oid = w.ev_class WHERE w.oid = d.objid)",
	"    WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN (SELECT r.grp FROM pg_catalog.pg_attrdef a",
	"      JOIN all_rels r ON r.oid = a.adrelid WHERE a.oid = d.objid)",
	"    WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT r.grp FROM pg_catalog.pg_trigger t",
	"      JOIN all_rels r ON r.oid = t.tgrelid WHERE t.oid = d.objid)",
	"    WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN (SELECT r.grp FROM pg_catalog.pg_policy p",
	"      JOIN all_rels r ON r.oid = p.polrelid WHERE p.oid = d.objid)",
	"    WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN (SELECT t.grp FROM all_typs t WHERE t.oid = d.objid)",
	"    WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN (SELECT p.grp FROM all_procs p WHERE p.oid = d.objid)",
	"  END AS grp FROM deps d",
	") SELECT st.grp, st.sig, st.changed OR st.grp IN (SELECT grp FROM dirty WHERE grp IS NOT NULL), st.obj FROM st ",
	"ORDER BY st.grp COLLATE \"C\"",
	NULL
};
#undef CH

/* Tracking (databases verify made itself, as a superuser): event triggers record the key of each
 * object a DDL command creates, alters or drops, in a table of a schema the snapshots leave out.
 * ENABLE ALWAYS: they fire under session_replication_role = replica too. GRANT and REVOKE
 * change nothing the snapshots show. */
static const char *const catalog_track_install[] = {
	"CREATE SCHEMA _ddlint_verify; ",
	"CREATE TABLE _ddlint_verify.touched (classid oid NOT NULL, objid oid NOT NULL); ",
	"CREATE FUNCTION _ddlint_verify.on_ddl() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER",
	"  SET search_path = pg_catalog, pg_temp AS $ddlint$ BEGIN",
	"  INSERT INTO _ddlint_verify.touched (classid, objid) SELECT classid, objid FROM pg_catalog.pg_event_trigger_ddl_commands()",
	"    WHERE command_tag NOT IN ('GRANT', 'REVOKE', 'ALTER DEFAULT PRIVILEGES') AND objid <> 0;",
	"  END $ddlint$; ",
	"CREATE FUNCTION _ddlint_verify.on_drop() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER",
	"  SET search_path = pg_catalog, pg_temp AS $ddlint$ BEGIN",
	"  INSERT INTO _ddlint_verify.touched (classid, objid) SELECT classid, objid FROM pg_catalog.pg_event_trigger_dropped_objects();",
	"  END $ddlint$; ",
	"CREATE EVENT TRIGGER _ddlint_verify_ddl ON ddl_command_end EXECUTE FUNCTION _ddlint_verify.on_ddl(); ",
	"CREATE EVENT TRIGGER _ddlint_verify_drop ON sql_drop EXECUTE FUNCTION _ddlint_verify.on_drop(); ",
	"ALTER EVENT TRIGGER _ddlint_verify_ddl ENABLE ALWAYS; ",
	"ALTER EVENT TRIGGER _ddlint_verify_drop ENABLE ALWAYS; ",
	/* a migration may SET ROLE to a role of its own: the snapshot still reads and empties the table */
	"GRANT USAGE ON SCHEMA _ddlint_verify TO PUBLIC; ",
	"GRANT SELECT, DELETE ON _ddlint_verify.touched TO PUBLIC",
	NULL
};

/* The objects touched since the last snapshot (taken from the table, which is emptied), those that
 * depend on them and those that depend on these (a rename changes their text: an FK naming the
 * table, a view, a trigger naming its function; a schema's rename the objects in it and theirs),
 * each as its key, the group it is in now and its oid, the group of its comment when that is a
 * group of its own and the commented object's oid, and the key of the relation or type it is part
 * of. No parameter, so that its plan is made once. A dropped object is in no group now: verify finds it by its key among the lines it
 * has read. The CTEs above, then these. */
#define CLS(c) "'pg_catalog." c "'::pg_catalog.regclass"
static const char *const catalog_resolve[] = {
	"), t AS (DELETE FROM _ddlint_verify.touched RETURNING classid, objid",
	/* with the constraint an index implements (renaming the index renames it) */
	"), seed AS (SELECT DISTINCT classid, objid FROM t UNION SELECT " CLS("pg_constraint") "::oid, c.oid FROM t",
	"    JOIN pg_catalog.pg_constraint c ON t.classid = " CLS("pg_class") " AND c.conindid = t.objid AND c.contype IN ('p', 'u', 'x')",
	"), d1 AS (SELECT DISTINCT d.classid, d.objid FROM seed s JOIN pg_catalog.pg_depend d",
	"    ON d.refclassid = s.classid AND d.refobjid = s.objid",
	"), d2 AS (SELECT DISTINCT d.classid, d.objid FROM d1 s JOIN pg_catalog.pg_depend d",
	"    ON d.refclassid = s.classid AND d.refobjid = s.objid",
	/* a third: a type's array type, and a column of that array type (a schema's rename) */
	"), d3 AS (SELECT DISTINCT d.classid, d.objid FROM d2 s JOIN pg_catalog.pg_depend d",
	"    ON d.refclassid = s.classid AND d.refobjid = s.objid",
	"), objs AS (SELECT * FROM seed UNION SELECT * FROM d1 UNION SELECT * FROM d2 UNION SELECT * FROM d3",
	"), owner AS (SELECT o.classid, o.objid, CASE o.classid",
	"    WHEN " CLS("pg_class") " THEN COALESCE((SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid = o.objid), o.objid)",
	"    WHEN " CLS("pg_constraint") " THEN (SELECT c.conrelid FROM pg_catalog.pg_constraint c WHERE c.oid = o.objid)",
	"    WHEN " CLS("pg_rewrite") " THEN (SELECT w.ev_class FROM pg_catalog.pg_rewrite w WHERE w.oid = o.objid)",
	"    WHEN " CLS("pg_attrdef") " THEN (SELECT a.adrelid FROM pg_catalog.pg_attrdef a WHERE a.oid = o.objid)",
	"    WHEN " CLS("pg_trigger") " THEN (SELECT g.tgrelid FROM pg_catalog.pg_trigger g WHERE g.oid = o.objid)",
	"    WHEN " CLS("pg_policy") " THEN (SELECT p.polrelid FROM pg_catalog.pg_policy p WHERE p.oid = o.objid)",
	"  END AS rel, CASE o.classid",
	"    WHEN " CLS("pg_type") " THEN o.objid",
	"    WHEN " CLS("pg_constraint") " THEN (SELECT c.contypid FROM pg_catalog.pg_constraint c WHERE c.oid = o.objid)",
	"    WHEN " CLS("pg_class") " THEN (SELECT c.reltype FROM pg_catalog.pg_class c WHERE c.oid = o.objid AND c.relkind = 'c')",
	"  END AS typ FROM objs o",
	/* correlated subqueries: each is an index lookup, where a join would list every object */
	"), found AS (SELECT o.*, (SELECT r.grp FROM all_rels r WHERE r.oid = o.rel) AS rg,",
	"    (SELECT y.grp FROM all_typs y WHERE y.oid = o.typ) AS yg,",
	"    (SELECT p.grp FROM all_procs p WHERE o.classid = " CLS("pg_proc") " AND p.oid = o.objid) AS pg",
	"  FROM owner o",
	") SELECT o.classid::text || ':' || o.objid::text, COALESCE(o.rg, o.yg, o.pg, CASE o.classid",
	"    WHEN " CLS("pg_namespace") " THEN (SELECT 'schema ' || n.nspname FROM nsp n WHERE n.oid = o.objid)",
	"    WHEN " CLS("pg_extension") " THEN (SELECT 'extension ' || e.extname FROM pg_catalog.pg_extension e WHERE e.oid = o.objid)",
	"  END), CASE WHEN o.rg IS NOT NULL THEN o.rel WHEN o.yg IS NOT NULL THEN o.typ ELSE o.objid END,",
	"  CASE WHEN o.classid NOT IN (" CLS("pg_class") ", " CLS("pg_type") ", " CLS("pg_proc") ") OR o.rel <> o.objid",
	"    THEN 'comment ' || pg_catalog.pg_describe_object(o.classid, o.objid, 0) END, o.objid,",
	/* the key of the object it belongs to: its old group, when a command on a part of it changed
	 * the group's name (CREATE RULE _RETURN makes a table a view) */
	"  CASE WHEN o.rel IS NOT NULL THEN " CLS("pg_class") "::oid::text || ':' || o.rel::text",
	"    WHEN o.typ IS NOT NULL THEN " CLS("pg_type") "::oid::text || ':' || o.typ::text END",
	"  FROM found o",
	NULL
};
#undef CLS
#undef K
