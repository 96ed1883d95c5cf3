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


CREATE TABLE IF NOT EXISTS cms.mt_doc_referral (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    status              varchar                     NULL,
CONSTRAINT pkey_mt_doc_referral_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_referral_idx_status ON cms.mt_doc_referral USING btree (status);

CREATE INDEX mt_doc_referral_idx_received_at ON cms.mt_doc_referral USING btree (tenant_id, (cms.mt_immutable_timestamptz(data ->> 'receivedAt')));
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_referral;
ALTER TABLE cms.mt_doc_referral NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_referral DISABLE ROW LEVEL SECURITY;

