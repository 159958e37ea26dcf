import { HistoryPage, historyMetadata } from "@/app/(app)/history-page";

export const generateMetadata = historyMetadata;

export default function RecommendationHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  return <HistoryPage entity="recommendation" params={params} />;
}
