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


CREATE TABLE IF NOT EXISTS cms.mt_doc_maracreferral (
    tenant_id             varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                    uuid                        NOT NULL,
    data                  jsonb                       NOT NULL,
    mt_last_modified      timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type        varchar                     NULL,
    mt_version            bigint                      NOT NULL DEFAULT 0,
    client_id             uuid                        NULL,
    meeting_on            date                        NULL,
    next_action_due_on    date                        NULL,
    awaiting_outcome      boolean                     NULL,
CONSTRAINT pkey_mt_doc_maracreferral_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_maracreferral_idx_client_id ON cms.mt_doc_maracreferral USING btree (client_id);

CREATE INDEX mt_doc_maracreferral_idx_meeting_on ON cms.mt_doc_maracreferral USING btree (meeting_on);

CREATE INDEX mt_doc_maracreferral_idx_next_action_due_on ON cms.mt_doc_maracreferral USING btree (next_action_due_on);

CREATE INDEX mt_doc_maracreferral_idx_awaiting_outcome ON cms.mt_doc_maracreferral USING btree (awaiting_outcome);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_maracreferral;
ALTER TABLE cms.mt_doc_maracreferral NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_maracreferral DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_openriskdraft (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_openriskdraft_tenant_id_id PRIMARY KEY (tenant_id, id)
);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_openriskdraft;
ALTER TABLE cms.mt_doc_openriskdraft NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_openriskdraft DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_riskassessment (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    client_id           uuid                        NULL,
CONSTRAINT pkey_mt_doc_riskassessment_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_riskassessment_idx_client_id ON cms.mt_doc_riskassessment USING btree (client_id);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_riskassessment;
ALTER TABLE cms.mt_doc_riskassessment NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_riskassessment DISABLE ROW LEVEL SECURITY;

