// The account page in react-query: the person's sessions, and the mutations of their two-factor
// sign-in and sessions. The answers that carry a secret (the enrolment's otpauth URI, the recovery
// codes) are never cached (gcTime 0): they live only in the component that asked.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "./sessions";
import { apiJson } from "@/lib/http/client";

export const accountKeys = { sessions: ["account", "sessions"] as const };

export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions,
    queryFn: async () => (await apiJson<{ sessions: SessionView[] }>("/api/account/sessions")).sessions,
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      apiJson<{ ended: string; current: boolean }>(`/api/account/sessions/${encodeURIComponent(sessionId)}`, {
        method: "DELETE",
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions }),
  });
}

export function useStartEnrolment() {
  return useMutation({
    mutationFn: (password: string) =>
      apiJson<{ totpURI: string; qr: string }>("/api/account/two-factor/enrolment", {
        method: "POST",
        body: { password },
      }),
    gcTime: 0,
  });
}

export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) =>
      apiJson<{ backupCodes: string[] }>("/api/account/two-factor/confirmation", {
        method: "POST",
        body: { code },
      }),
    gcTime: 0,
  });
}

export function useDisableTwoFactor() {
  return useMutation({
    mutationFn: (input: { password: string; code: string }) =>
      apiJson("/api/account/two-factor/disable", { method: "POST", body: input }),
  });
}

export function useReplaceRecoveryCodes() {
  return useMutation({
    mutationFn: (input: { password: string; code: string }) =>
      apiJson<{ backupCodes: string[] }>("/api/account/two-factor/recovery-codes", {
        method: "POST",
        body: input,
      }),
    gcTime: 0,
  });
}

export function useEndUserSessions() {
  return useMutation({
    mutationFn: (userId: string) =>
      apiJson<{ ended: number }>(`/api/users/${encodeURIComponent(userId)}/sessions`, { method: "DELETE" }),
  });
}
