// The primary workspace's key dialogs, loaded when first wanted rather than in a page's first load
// (components/ui/lazy-dialog.tsx). One declaration each, for every page that opens them: the service
// account's table, a key's own page and Find a key's next steps.
import { lazyDialog } from "@/components/ui/lazy-dialog";

export const CreateKeyDialog = lazyDialog(
  () => import("./create-key-dialog"),
  (m) => m.CreateKeyDialog,
);
export const EditKeyDialog = lazyDialog(
  () => import("./edit-key-dialog"),
  (m) => m.EditKeyDialog,
);
export const StatusReasonDialog = lazyDialog(
  () => import("./status-reason-dialog"),
  (m) => m.StatusReasonDialog,
);
export const DeleteKeyDialog = lazyDialog(
  () => import("./delete-key-dialog"),
  (m) => m.DeleteKeyDialog,
);
export const RotateKeyDialog = lazyDialog(
  () => import("./rotate-key-dialog"),
  (m) => m.RotateKeyDialog,
);
export const FinishRotationDialog = lazyDialog(
  () => import("./finish-rotation-dialog"),
  (m) => m.FinishRotationDialog,
);
