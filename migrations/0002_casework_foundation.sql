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


CREATE TABLE IF NOT EXISTS cms.mt_doc_breakglassgrant (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_breakglassgrant_tenant_id_id PRIMARY KEY (tenant_id, id)
);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_breakglassgrant;
ALTER TABLE cms.mt_doc_breakglassgrant NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_breakglassgrant DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_case (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    client_id           uuid                        NULL,
    worker_id           uuid                        NULL,
    status              varchar                     NULL,
CONSTRAINT pkey_mt_doc_case_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_case_idx_client_id ON cms.mt_doc_case USING btree (client_id);

CREATE INDEX mt_doc_case_idx_worker_id ON cms.mt_doc_case USING btree (worker_id);

CREATE INDEX mt_doc_case_idx_status ON cms.mt_doc_case USING btree (status);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_case;
ALTER TABLE cms.mt_doc_case NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_case DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_caseworksettings (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_caseworksettings_tenant_id_id PRIMARY KEY (tenant_id, id)
);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_caseworksettings;
ALTER TABLE cms.mt_doc_caseworksettings NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_caseworksettings DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_notification (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_notification_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_notification_idx_recipient_id ON cms.mt_doc_notification USING btree (tenant_id, (CAST(data ->> 'recipientId' as uuid)));

CREATE INDEX mt_doc_notification_idx_at ON cms.mt_doc_notification USING btree (tenant_id, (cms.mt_immutable_timestamptz(data ->> 'at')));
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_notification;
ALTER TABLE cms.mt_doc_notification NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_notification DISABLE ROW LEVEL SECURITY;

