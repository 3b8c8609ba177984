DROP VIEW user_emails;
