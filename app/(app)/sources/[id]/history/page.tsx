import { HistoryPage, historyMetadata } from "@/app/(app)/history-page";

export const generateMetadata = historyMetadata;

export default function SourceHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  return <HistoryPage entity="source" params={params} />;
}
