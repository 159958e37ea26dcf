// Shown while the report is computed on the server.
export { ReportLoading as default } from "@/components/reports/report-loading";
