CREATE TABLE "key_usage_sample" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"connection_id" text NOT NULL,
	"group_id" text,
	"key_id" text NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"used" bigint,
	"limit" bigint,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "key_usage_sample_run_idx" ON "key_usage_sample" USING btree ("connection_id","key_id","sampled_at");
