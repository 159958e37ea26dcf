/** The demo accounts `npm start` creates on the embedded database, and their published password. */
export const DEMO_PASSWORD = "demo-password-2017";
export const DEMO_USERS = [
  { email: "admin@demo.test", name: "Demo Administrator", role: "ADMIN", state: null },
  { email: "analyst@demo.test", name: "Demo Analyst", role: "ANALYST", state: null },
  { email: "focal.at@demo.test", name: "Anna Gruber", role: "FOCAL_POINT", state: "AT" },
  { email: "focal.it@demo.test", name: "Marco Rossi", role: "FOCAL_POINT", state: "IT" },
  { email: "focal.de@demo.test", name: "Jonas Weber", role: "FOCAL_POINT", state: "DE" },
] as const;
