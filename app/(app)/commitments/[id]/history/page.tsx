import { HistoryPage, historyMetadata } from "@/app/(app)/history-page";

export const generateMetadata = historyMetadata;

export default function CommitmentHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  return <HistoryPage entity="commitment" params={params} />;
}
