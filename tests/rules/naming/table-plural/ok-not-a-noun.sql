-- The last word is not a noun: the name is a phrase whose noun comes earlier, and which word
-- that is takes more than a word list to tell, so these names are not judged.
-- a preposition
CREATE TABLE versions_published_by (id uuid PRIMARY KEY);
CREATE TABLE users_to_send_full_presence_to (id uuid PRIMARY KEY);
CREATE TABLE "WorkflowRunTriggeredBy" (id uuid PRIMARY KEY);
CREATE TABLE users_to_log_in (id uuid PRIMARY KEY);
-- a past participle: regular, irregular, prefixed
CREATE TABLE execution_queued (id uuid PRIMARY KEY);
CREATE TABLE receipts_linearized (id uuid PRIMARY KEY);
CREATE TABLE comment_saved (id uuid PRIMARY KEY);
CREATE TABLE session_last_seen (id uuid PRIMARY KEY);
CREATE TABLE email_sent (id uuid PRIMARY KEY);
CREATE TABLE invoice_unpaid (id uuid PRIMARY KEY);
-- an adverb
CREATE TABLE authors_only (id uuid PRIMARY KEY);
CREATE TABLE stats_daily (id uuid PRIMARY KEY);
CREATE TABLE device_seen_recently (id uuid PRIMARY KEY);
-- an adjective written after its noun
CREATE TABLE room_stats_current (id uuid PRIMARY KEY);
CREATE TABLE order_pending (id uuid PRIMARY KEY);
-- plural acronyms
CREATE TABLE trustpub_used_jtis (id uuid PRIMARY KEY);
CREATE TABLE node_tpus (id uuid PRIMARY KEY);
CREATE TABLE user_kpis (id uuid PRIMARY KEY);
CREATE TABLE "JobRunLookupData" (id uuid PRIMARY KEY);
-- copy markers pass on to the word before
CREATE TABLE task_status_updates_tmp (id uuid PRIMARY KEY);
CREATE TABLE orders_staging (id uuid PRIMARY KEY);
