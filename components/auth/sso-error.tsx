// Why a single sign-on attempt came back to the sign-in page (better-auth's error codes, in words).
// The provider's own description is not shown: it is text from outside, in the URL.
const MESSAGES: Record<string, string> = {
  account_not_linked:
    "A Keydesk account with this email already exists and signs in with its password. Sign in with the password, or ask an admin.",
  access_denied: "The sign-in provider did not let you in, or you cancelled.",
  email_not_found: "The sign-in provider did not share your email address, which Keydesk needs.",
  banned_user: "This Keydesk account is disabled. Ask an admin.",
};

export function SsoError({ code, providerName }: { code: string; providerName: string }) {
  const message =
    MESSAGES[code.toLowerCase()] ??
    `Signing in with ${providerName} did not work (${code.slice(0, 60)}). Try again, or ask an admin.`;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {message}
    </p>
  );
}
