import { inject } from "vitest";

// Before any test module imports the database client, point it at the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.TEST_DATABASE_URL = inject("databaseUrl");
