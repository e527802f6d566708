// Leak reports from scanners (issue 14): GitHub's secret-scanning partner messages and a generic
// HMAC-signed endpoint; see DECISIONS.md.
import "server-only";
export { answerLeakReport, type EndpointSpec } from "./endpoint";
export { githubEndpoint } from "./github";
export { genericEndpoint } from "./generic";
export { leakDepsFrom, processGithubKeys } from "./process-deps";
