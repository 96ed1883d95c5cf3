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


CREATE TABLE IF NOT EXISTS cms.mt_doc_linkedchild (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    client_id           uuid                        NULL,
CONSTRAINT pkey_mt_doc_linkedchild_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_linkedchild_idx_client_id ON cms.mt_doc_linkedchild USING btree (client_id);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_linkedchild;
ALTER TABLE cms.mt_doc_linkedchild NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_linkedchild DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_perpetrator (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    client_id           uuid                        NULL,
CONSTRAINT pkey_mt_doc_perpetrator_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_perpetrator_idx_client_id ON cms.mt_doc_perpetrator USING btree (client_id);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_perpetrator;
ALTER TABLE cms.mt_doc_perpetrator NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_perpetrator DISABLE ROW LEVEL SECURITY;

