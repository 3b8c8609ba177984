-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names").
CREATE TABLE "ScheduledNotificationDeliveryChannelPreferencesForOrganizations" (
    id uuid PRIMARY KEY,
    "LastSuccessfulSynchronizationWithUpstreamBillingProviderAtUTC" timestamptz,
    "QuarterlyComplianceAttestationDocumentRetentionScheduleEntryX" text
);
