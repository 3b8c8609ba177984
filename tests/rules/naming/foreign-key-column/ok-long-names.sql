-- The name ddlint suggests when <singular table>_<column> would be longer than 63 bytes is accepted.
CREATE TABLE subscription_plan_feature_entitlement_override_assignments (
    id uuid PRIMARY KEY,
    organization_identifier uuid UNIQUE
);
CREATE TABLE override_audits (
    id uuid PRIMARY KEY,
    subscription_plan_feature_entitl_d74d05_organization_identifier uuid
        REFERENCES subscription_plan_feature_entitlement_override_assignments (organization_identifier)
);
