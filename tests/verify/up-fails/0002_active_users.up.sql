-- the column is email, not email_address
CREATE VIEW user_emails AS
    SELECT id, email_address FROM users;
