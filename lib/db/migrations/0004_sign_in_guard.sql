CREATE TABLE "sign_in_guard" (
	"email" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_guard_window_idx" ON "sign_in_guard" USING btree ("window_started_at");
