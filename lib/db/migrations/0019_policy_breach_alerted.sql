CREATE TABLE "policy_breach_alerted" (
	"connection_id" text NOT NULL,
	"key_id" text NOT NULL,
	"kind" text NOT NULL,
	"alerted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_breach_alerted_connection_id_key_id_kind_pk" PRIMARY KEY("connection_id","key_id","kind")
);
