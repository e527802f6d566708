// The zod of every schema the browser runs too (the forms', shared with the route handlers, and
// the inventory's URL filters): zod/mini. Its checks are functions a bundler leaves out when no
// schema uses them, where classic zod's chained methods bring the whole library (about 30 KiB gzip)
// to every page that validates anything. Both run on the same core, so a schema parses and fails
// the same way in either; mini only lacks classic's default messages, so English is set here
// exactly as classic zod sets it ("Too big: expected string to have <=100 characters").
// Import it as a namespace (`import * as z from "@/lib/text/zod-mini"`): a namespace object passed
// around as a value (zod/mini's own `z`) would keep all of zod, every locale included, in the page.
import { config } from "zod/v4/core";
import english from "zod/v4/locales/en.js";

config(english());

export * from "zod/mini";
