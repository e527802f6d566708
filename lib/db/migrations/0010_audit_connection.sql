ALTER TABLE "audit_log" ADD COLUMN "connection_id" text;--> statement-breakpoint
CREATE INDEX "audit_log_connection_idx" ON "audit_log" USING btree ("connection_id");
