import { StepUpHost } from "@/components/auth/step-up-host";
import { ConsoleHeader } from "@/components/layout/console-header";
import { QueryProvider } from "@/components/layout/query-provider";
import { ToastHost } from "@/components/ui/toast-host";
import { requireUser } from "@/lib/auth/require-user";

export default async function ConsoleLayout({ children }: LayoutProps<"/">) {
  // The header only: each page checks for itself (and sends a person who must enrol in two-factor sign-in there).
  const user = await requireUser({ allowUnenrolled: true });
  return (
    <>
      <ConsoleHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        <QueryProvider>{children}</QueryProvider>
        <StepUpHost />
      </main>
      <ToastHost />
    </>
  );
}
