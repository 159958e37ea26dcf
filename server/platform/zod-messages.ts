import "server-only";
import * as z from "zod/mini";

// zod/mini loads no messages of its own (the forms name every message they show); the server's
// answers and logs keep zod's English messages for the checks that have none.
z.config(z.locales.en());
