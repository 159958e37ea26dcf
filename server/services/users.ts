import { db } from "@/server/db/client";
import { hashPassword } from "@/server/auth/password";
import type { Actor } from "@/server/services/access";
import { recordAudit } from "@/server/services/audit";
import { DomainError } from "@/server/services/errors";
import type { Role } from "@/prisma/generated/enums";

export const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
  state: { select: { id: true, name: true, iso2: true } },
} as const;

export type TCreateUser = {
  email: string;
  name: string;
  role: Role;
  stateIso2: string | null;
  password: string;
  mustChangePassword?: boolean;
};

/** Creates an account; `actor` null when run by the system (command line). */
export async function createUser(actor: Actor | null, input: TCreateUser) {
  if ((input.role === "FOCAL_POINT") !== (input.stateIso2 !== null)) {
    throw new DomainError("BAD_REQUEST", "A focal point must have a State, and only a focal point may have one.", {
      fieldErrors: { stateId: ["Choose the State of this focal point"] },
    });
  }
  const state = input.stateIso2 ? await db.state.findUnique({ where: { iso2: input.stateIso2 } }) : null;
  if (input.stateIso2 && !state) {
    throw new DomainError("BAD_REQUEST", `Unknown State code ${input.stateIso2}.`, { fieldErrors: { stateId: ["Unknown State"] } });
  }
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new DomainError("CONFLICT", "An account with this email already exists.", {
        fieldErrors: { email: ["An account with this email already exists"] },
      });
    }
    const user = await tx.user.create({
      data: {
        email,
        name: input.name,
        role: input.role,
        stateId: state?.id ?? null,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      },
      select: userSummarySelect,
    });
    await recordAudit(tx, actor, {
      action: "user.created",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, stateId: state?.id ?? null },
    });
    return user;
  });
}
