-- ALTER EXTENSION ... DROP reports the extension only: the function it releases joins the snapshot
CREATE EXTENSION fuzzystrmatch;
