import { PartLoading } from "@/components/ui/part-loading";

export default function Loading() {
  return <PartLoading label="Loading service accounts…" boxes={["h-32", "h-32", "h-32"]} />;
}
