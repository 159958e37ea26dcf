import type { Role } from "@/prisma/generated/enums";

/** How each role is named on every screen (the header, the user screens). */
export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Administrator",
  ANALYST: "Secretariat analyst",
  FOCAL_POINT: "Focal point",
};
