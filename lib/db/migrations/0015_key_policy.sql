CREATE TABLE "key_policy" (
	"kind" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"limit" bigint,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
