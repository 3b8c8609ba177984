-- Suggested names longer than PostgreSQL's 63 bytes are shortened (README "Suggested names"):
-- the suffix stays at the end, so the shortened name still ends with _enum.
CREATE TYPE tenant_scoped_marketplace_listing_moderation_review_status_type AS ENUM ('open', 'closed');
CREATE TYPE "ScheduledNotificationDeliveryChannelPreferenceForOrganization" AS ENUM ('email', 'sms');
CREATE TYPE quarterly_compliance_attestation_document_retention_state AS ENUM ('kept');
