CREATE TYPE "ChartType" AS ENUM ('bar');
CREATE TYPE kind_enum AS ENUM ('x');
ALTER TYPE kind_enum RENAME TO kind;
