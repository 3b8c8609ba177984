#!/bin/sh
# The 1 GiB input limit holds wherever input enters: a regular file (refused from its size,
# before it is read), standard input and a pipe (refused once past it, in bounded memory).
set -u
DDLINT=${DDLINT:-$(pwd)/build/ddlint}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
enter_work
mkdir .git

# The memory bounds are enforced with ulimit -v where the binary runs under it (a sanitizer's
# shadow memory does not fit: there only the messages are checked).
limit_small="ulimit -v 1000000;" limit_large="ulimit -v 1600000;"
if ! sh -c "ulimit -v 1000000; $DDLINT --version" >/dev/null 2>&1; then
	limit_small="" limit_large=""
fi

# A sparse 1.2 GB file: refused at once. Under a 1 GB address-space limit, reading it (as
# ddlint once did, holding 2.4 GB) could not end in this message.
truncate -s 1200M huge.sql
check "file over 1 GiB" 2 "^ddlint: cannot read 'huge.sql': larger than 1 GiB" -- sh -c "$limit_small $DDLINT --no-config huge.sql"
rm -f huge.sql

# The same size through standard input and through a named pipe: refused past the limit, with
# no more memory than the limit itself (ulimit -v 1.6 GB: the 1 GiB buffer and the program).
check "stdin over 1 GiB" 2 "^ddlint: cannot read standard input: larger than 1 GiB" -- sh -c "head -c 1100M /dev/zero | ($limit_large $DDLINT --no-config -)"
mkfifo pipe.sql
(head -c 1100M /dev/zero > pipe.sql &)
check "fifo over 1 GiB" 2 "^ddlint: cannot read 'pipe.sql': larger than 1 GiB" -- sh -c "$limit_large $DDLINT --no-config pipe.sql"
rm -f pipe.sql

# SQL PostgreSQL refuses must not send the model round in circles: partitions of each other
printf 'CREATE TABLE b PARTITION OF a FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (id);\nCREATE TABLE a PARTITION OF b FOR VALUES FROM (0) TO (10) PARTITION BY RANGE (id);\nALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD CONSTRAINT b_chk CHECK (id > 0);\nCREATE INDEX ON a (id);\nALTER TABLE b ATTACH PARTITION a DEFAULT;\nDROP TABLE a;\n' > cycle.sql
check "a cycle of partitions" 1 "schema/unknown-reference" -- $DDLINT --no-config cycle.sql

echo "cli-limits: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
