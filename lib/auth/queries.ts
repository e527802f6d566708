// The account page in react-query: the person's sessions, and the mutations of their two-factor
// sign-in and sessions. The answers that carry a secret (the enrolment's otpauth URI, the recovery
// codes) are never cached (gcTime 0): they live only in the component that asked.
import { useQueryClient } from "@tanstack/react-query";
import { useLeanQuery } from "@/lib/query/lean-query";
import { useLeanMutation } from "@/lib/query/lean-mutation";
import type { SessionView } from "./sessions";
import { apiJson } from "@/lib/http/client";
import { accountKeys } from "./query-keys";

export function useSessions() {
  return useLeanQuery({
    queryKey: accountKeys.sessions,
    queryFn: async () => (await apiJson<{ sessions: SessionView[] }>("/api/account/sessions")).sessions,
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useLeanMutation({
    mutationFn: (sessionId: string) =>
      apiJson<{ ended: string; current: boolean }>(`/api/account/sessions/${encodeURIComponent(sessionId)}`, {
        method: "DELETE",
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useStartEnrolment() {
  return useLeanMutation({
    mutationFn: (password: string) =>
      apiJson<{ totpURI: string; qr: string }>("/api/account/two-factor/enrolment", {
        method: "POST",
        body: { password },
      }),
    gcTime: 0,
  });
}

export function useConfirmEnrolment() {
  return useLeanMutation({
    mutationFn: (code: string) =>
      apiJson<{ backupCodes: string[] }>("/api/account/two-factor/confirmation", {
        method: "POST",
        body: { code },
      }),
    gcTime: 0,
  });
}

export function useDisableTwoFactor() {
  return useLeanMutation({
    mutationFn: (input: { password: string; code: string }) =>
      apiJson("/api/account/two-factor/disable", { method: "POST", body: input }),
  });
}

export function useReplaceRecoveryCodes() {
  return useLeanMutation({
    mutationFn: (input: { password: string; code: string }) =>
      apiJson<{ backupCodes: string[] }>("/api/account/two-factor/recovery-codes", {
        method: "POST",
        body: input,
      }),
    gcTime: 0,
  });
}
