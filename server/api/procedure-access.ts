import "server-only";

/**
 * How every tRPC procedure is authorized. A test walks the router and fails for a procedure that
 * is missing here (or listed here but gone), so a new procedure cannot slip through unclassified.
 *
 * - public:      anyone; the service scopes what a signed-out visitor sees (published, accepted, public)
 * - public-read: a State's rows, read by anyone as for "public", except that a focal point reads
 *                only their own State's (another State's ids are NOT_FOUND, like missing ones)
 * - signed-in:   any signed-in user, about themselves
 * - own-state:   a focal point, on their own State's rows only (another State's ids are NOT_FOUND)
 * - secretariat: analysts and administrators
 * - admin:       administrators only
 */
export type Access = "public" | "public-read" | "signed-in" | "own-state" | "secretariat" | "admin";

export const PROCEDURE_ACCESS: Record<string, Access> = {
  "account.me": "public",
  "account.profile": "signed-in",
  "account.changePassword": "signed-in",
  "account.signOutEverywhere": "signed-in",
  "account.setLanguage": "signed-in",

  "users.list": "admin",
  "users.get": "admin",
  "users.create": "admin",
  "users.update": "admin",
  "users.setActive": "admin",
  "users.resetPassword": "admin",

  "sources.list": "public",
  "sources.get": "public",
  "sources.create": "secretariat",
  "sources.update": "secretariat",
  "sources.publishDrafts": "secretariat",

  "scales.list": "public",
  "scales.get": "public",
  "scales.create": "admin",
  "scales.update": "admin",

  "themes.list": "admin",
  "themes.create": "admin",
  "themes.rename": "admin",
  "themes.merge": "admin",

  "recommendations.list": "public",
  "recommendations.get": "public",
  "recommendations.themes": "public",
  "recommendations.createTheme": "admin",
  "recommendations.create": "secretariat",
  "recommendations.update": "secretariat",
  "recommendations.saveTranslations": "secretariat",
  "recommendations.delete": "secretariat",
  "recommendations.publish": "secretariat",
  "recommendations.addAddressees": "secretariat",
  "recommendations.setDueDate": "secretariat",

  "commitments.list": "public",
  "commitments.get": "public-read",
  "commitments.history": "public-read",
  "commitments.statusAsOf": "public-read",
  "commitments.saveDraft": "own-state",
  "commitments.saveAndSubmit": "own-state",
  "commitments.submitUpdate": "own-state",
  "commitments.deleteDraft": "own-state",
  "commitments.setDueDate": "secretariat",

  "review.queue": "secretariat",
  "review.accept": "secretariat",
  "review.return": "secretariat",
  "review.assess": "secretariat",

  "reports.matrix": "public",
  "reports.recommendation": "public",
  "reports.state": "public",
  "reports.trend": "public",
  "reports.overdue": "public",

  "audit.history": "secretariat",
  "audit.log": "admin",
  "audit.logOptions": "admin",
};
