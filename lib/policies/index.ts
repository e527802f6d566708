// Key policies: rules admins set, reported on every key and, when enforced, checked before a write.
import "server-only";
export { readPolicies } from "./store";
export { savePolicies } from "./save";
export { assertKeyKeepsPolicies } from "./enforce";
export { policyBreaks, type PolicyBreak } from "./evaluate";
export { subjectOfKey, subjectOfIntended, type PolicySubject, type IntendedKey } from "./subject";
export * from "./rules";
