-- Gift Aid: claims as inline snapshots of their streams, and one row per claimed donation (keyed by the
-- donation id, so the database refuses a second claim of the same gift).
DO $$
BEGIN      IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'cms') THEN
        BEGIN
          EXECUTE 'CREATE SCHEMA IF NOT EXISTS cms';
        EXCEPTION
          WHEN duplicate_schema THEN NULL;
          WHEN unique_violation THEN NULL;
        END;
      END IF;

END
$$;


CREATE TABLE IF NOT EXISTS cms.mt_doc_claimeddonation (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_claimeddonation_tenant_id_id PRIMARY KEY (tenant_id, id)
);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_claimeddonation;
ALTER TABLE cms.mt_doc_claimeddonation NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_claimeddonation DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_giftaidclaim (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    drafted_at          timestamp with time zone    NULL,
CONSTRAINT pkey_mt_doc_giftaidclaim_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_giftaidclaim_idx_drafted_at ON cms.mt_doc_giftaidclaim USING btree (drafted_at);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_giftaidclaim;
ALTER TABLE cms.mt_doc_giftaidclaim NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_giftaidclaim DISABLE ROW LEVEL SECURITY;

