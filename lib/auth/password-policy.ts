// The rule for Keydesk passwords (sign-in guards a key that can do anything to a workspace).
const COMMON = new Set([
  "password1234",
  "123456789012",
  "qwertyuiopas",
  "keydeskkeydesk",
  "administrator",
  "changemechangeme",
]);

export const MIN_PASSWORD_LENGTH = 12;

/** Why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 128) return "must be at most 128 characters";
  if (COMMON.has(password.toLowerCase())) return "is too common";
  if (new Set(password).size < 5) return "has too few different characters";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local))
    return "must not contain the email address";
  return null;
}
