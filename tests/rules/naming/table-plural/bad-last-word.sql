-- Nouns that end like the words not judged, or follow them, are judged.
CREATE TABLE news_feed (id uuid PRIMARY KEY);
CREATE TABLE seed (id uuid PRIMARY KEY);
CREATE TABLE dog_breed (id uuid PRIMARY KEY);
CREATE TABLE hospital_bed (id uuid PRIMARY KEY);
CREATE TABLE testbed (id uuid PRIMARY KEY);
CREATE TABLE tool_shed (id uuid PRIMARY KEY);
CREATE TABLE video_embed (id uuid PRIMARY KEY);
CREATE TABLE product_family (id uuid PRIMARY KEY);
CREATE TABLE supply (id uuid PRIMARY KEY);
CREATE TABLE comment_reply (id uuid PRIMARY KEY);
CREATE TABLE metric_anomaly (id uuid PRIMARY KEY);
CREATE TABLE assembly (id uuid PRIMARY KEY);
CREATE TABLE post_like (id uuid PRIMARY KEY);
CREATE TABLE user_check_in (id uuid PRIMARY KEY);
CREATE TABLE sign_up (id uuid PRIMARY KEY);
CREATE TABLE trustpub_used_jti (id uuid PRIMARY KEY);
CREATE TABLE execution (id uuid PRIMARY KEY);
-- copy markers: the word before them is judged
CREATE TABLE user_temp (id uuid PRIMARY KEY);
CREATE TABLE order_item_old_2 (id uuid PRIMARY KEY);
-- camel case: the last word, in the case it is written in
CREATE TABLE "WorkflowRun" (id uuid PRIMARY KEY);
CREATE TABLE "APIToken" (id uuid PRIMARY KEY);
CREATE TABLE "_GithubAppOAuthToUser" (id uuid PRIMARY KEY);
CREATE TABLE "APP_USER" (id uuid PRIMARY KEY);
CREATE TABLE "userID" (id uuid PRIMARY KEY);
