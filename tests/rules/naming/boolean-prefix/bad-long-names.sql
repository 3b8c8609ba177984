-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names").
CREATE TABLE subscriptions (
    id uuid PRIMARY KEY,
    automatically_renew_subscription_when_payment_method_is_valid_x boolean,
    notify_organization_administrator_before_the_subscription_renews boolean
);
