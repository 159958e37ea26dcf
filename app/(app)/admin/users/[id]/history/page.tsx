import { HistoryPage, historyMetadata } from "@/app/(app)/history-page";

export const generateMetadata = historyMetadata;

export default function UserHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  return <HistoryPage entity="user" params={params} />;
}
