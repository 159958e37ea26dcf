import { redirect } from "next/navigation";

/** The reports start with the compliance matrix. */
export default function ReportsIndex() {
  redirect("/reports/matrix");
}
