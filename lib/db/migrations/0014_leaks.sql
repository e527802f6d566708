CREATE TABLE "leak_report" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scanner" text NOT NULL,
	"message_hash" text NOT NULL,
	"token_type" text,
	"url" text,
	"source" text,
	"connection_id" text,
	"group_id" text,
	"key_id" text,
	"key_name" text,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leak_message" (
	"hash" text PRIMARY KEY NOT NULL,
	"scanner" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "leak_report_found_at_idx" ON "leak_report" USING btree ("found_at");--> statement-breakpoint
CREATE INDEX "leak_report_key_idx" ON "leak_report" USING btree ("connection_id","key_id");--> statement-breakpoint
CREATE INDEX "leak_message_received_at_idx" ON "leak_message" USING btree ("received_at");
