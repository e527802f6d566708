ALTER TABLE "key_snapshot" ADD COLUMN "connection_id" text DEFAULT 'primary' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_snapshot" DROP CONSTRAINT "key_snapshot_pkey";--> statement-breakpoint
ALTER TABLE "key_snapshot" ADD CONSTRAINT "key_snapshot_connection_id_key_id_pk" PRIMARY KEY("connection_id","key_id");--> statement-breakpoint
DROP INDEX "key_snapshot_service_account_idx";--> statement-breakpoint
CREATE INDEX "key_snapshot_service_account_idx" ON "key_snapshot" USING btree ("connection_id","service_account_id");--> statement-breakpoint
ALTER TABLE "key_snapshot_baseline" ADD COLUMN "connection_id" text DEFAULT 'primary' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_snapshot_baseline" DROP CONSTRAINT "key_snapshot_baseline_pkey";--> statement-breakpoint
ALTER TABLE "key_snapshot_baseline" ADD CONSTRAINT "key_snapshot_baseline_connection_id_scope_pk" PRIMARY KEY("connection_id","scope");
