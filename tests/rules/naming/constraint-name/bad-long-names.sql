-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names").
CREATE TABLE subscription_plan_feature_entitlement_override_assignments (
    id uuid PRIMARY KEY
);
CREATE TABLE customer_billing_configuration_entries (
    id uuid CONSTRAINT entries_pk PRIMARY KEY,
    organization_identifier uuid,
    assignment_id uuid,
    status text,
    CONSTRAINT status_known CHECK (status IN ('open', 'closed')),
    CONSTRAINT one_per_org UNIQUE (organization_identifier, status),
    CONSTRAINT assignment_fk FOREIGN KEY (assignment_id)
        REFERENCES subscription_plan_feature_entitlement_override_assignments (id)
);
CREATE TABLE tenant_scoped_subscription_plan_feature_entitlement_override (
    id uuid,
    plan_tier text,
    CONSTRAINT the_key PRIMARY KEY (id),
    CONSTRAINT tier_once UNIQUE (plan_tier)
);
