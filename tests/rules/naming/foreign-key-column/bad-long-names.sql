-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names"):
-- the referenced column stays at the end.
CREATE TABLE subscription_plan_feature_entitlement_override_assignments (
    id uuid PRIMARY KEY,
    organization_identifier uuid UNIQUE
);
CREATE TABLE override_audits (
    id uuid PRIMARY KEY,
    assignment_id uuid REFERENCES subscription_plan_feature_entitlement_override_assignments (id),
    assignment_org uuid REFERENCES subscription_plan_feature_entitlement_override_assignments (organization_identifier)
);
