// The key's usage over the last 30 days, as the watch job recorded it (lib/jobs): a server component
// that reads the samples and draws them; nothing when the provider reports no usage for the key.
import { getDatabase } from "@/lib/db";
import { USAGE_DAYS, usageHistory } from "@/lib/jobs/usage";
import { KeySection } from "./key-section";
import { UsageChart } from "./usage-chart";

export async function UsageHistory({
  connectionIds,
  keyId,
}: {
  connectionIds: readonly string[];
  keyId: string;
}) {
  const points = await usageHistory((await getDatabase()).db, { connectionIds, keyId });
  if (points.length === 0) return null;
  return (
    <KeySection
      id="key-usage-history"
      title="Usage over time"
      description={`Characters used, as the watch job read them over the last ${USAGE_DAYS} days.`}
    >
      <UsageChart points={points} />
    </KeySection>
  );
}
